/** On a procedure page: take a number for the desk that handles this procedure. */
import { useTranslation } from 'react-i18next';
import './queueKiosk.css';

export function ProcedureQueueBar({ onTake }: { onTake(): void }) {
  const { t } = useTranslation();
  return (
    <div className="procedure-queue-bar">
      <span>{t('queue.kiosk.procedureHint')}</span>
      <button type="button" className="button primary big" onClick={onTake} data-testid="procedure-take-number">
        {t('queue.kiosk.procedureTake')}
      </button>
    </div>
  );
}
