/**
 * Under a queue number taken with a pre-registration: the draft's code and whether it has reached
 * the counter (if not, the clerk asks for the details). Nothing personal: the code and a state.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { MotcuaDb } from '../../data/db.ts';
import { draftStub } from '../../data/preregDrafts.ts';
import './prereg.css';

export function PreregTicketNote({ db, draftId }: { db: MotcuaDb; draftId: string }) {
  const { t } = useTranslation();
  const stub = useLiveQuery(() => draftStub(db, draftId), [db, draftId]);
  if (!stub) return null;
  const sent = stub.state === 'sent';
  return (
    <div className="prereg-ticket-note" data-testid="ticket-prereg">
      <p>
        {t('prereg.done.title')}: <strong data-testid="ticket-prereg-code">{stub.code}</strong>
      </p>
      <p className={`prereg-link ${sent ? 'ok' : 'waiting'}`} role="status" data-testid="ticket-prereg-link" data-state={stub.state}>
        {sent ? t('prereg.done.arrived') : t('prereg.done.notYet')}
      </p>
    </div>
  );
}
