/** The "are you still there?" overlay shown before the kiosk resets itself. */
import { useTranslation } from 'react-i18next';

export function IdleWarning({ seconds, onStay }: { seconds: number; onStay(): void }) {
  const { t } = useTranslation();
  return (
    <div className="overlay" role="alertdialog" aria-labelledby="idle-title" data-testid="idle-warning">
      <div className="overlay-card">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p>{t('idle.body', { count: seconds })}</p>
        <button type="button" className="button primary big" onClick={onStay}>
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
