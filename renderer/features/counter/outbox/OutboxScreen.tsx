/**
 * Everything this counter has saved and where it stands: waiting, sent, or rejected with the
 * server's reason. A rejected file stays here until staff fix and resend it or cancel it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelFile } from '../../../data/fileRegistry.ts';
import type { MotcuaDb, OutboxState, StaffMember } from '../../../data/db.ts';
import { acknowledgeRejection, listOutbox, type OutboxItem } from '../../../data/outbox.ts';
import type { SyncEngine } from '../../../sync/syncEngine.ts';
import { fullDay, timeFullDay } from '../counterDates.ts';
import './outbox.css';
import { describeEntry, reasonWords } from './outboxWords.ts';
import { CitizenName } from '../privacy/CitizenName.tsx';
import { ScanUploads } from '../scans/ScanUploads.tsx';

const FILTERS: (OutboxState | 'all')[] = ['all', 'pending', 'rejected', 'sent'];

export function OutboxScreen({ db, engine, staff, onFix }: { db: MotcuaDb; engine: SyncEngine; staff: StaffMember; onFix(fileId: string): void }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<OutboxState | 'all'>('all');
  const [problem, setProblem] = useState<string | null>(null);
  const items = useLiveQuery(() => listOutbox(db, filter === 'all' ? {} : { state: filter }), [db, filter]);
  const when = (iso: string) => timeFullDay(iso);

  const reasons = (item: OutboxItem) => {
    const words = reasonWords(item, t, (key) => i18n.exists(key));
    if (words === null) return null;
    return (
      <div className={item.state === 'rejected' ? 'outbox-reason field-error' : 'outbox-reason muted small'} data-testid="outbox-reason" data-code={item.lastErrorCode ?? ''}>
        <span>{t(item.state === 'rejected' ? 'counter.outbox.rejectedBecause' : 'counter.outbox.notSentYet')}</span> <span>{words}</span>
        {/* The server's own words are English: shown only to staff reading the English screen. */}
        {i18n.language === 'en' && item.lastError && <div className="small muted">{t('counter.outbox.technical')} {item.lastError}</div>}
      </div>
    );
  };

  return (
    <section className="panel" data-testid="outbox">
      <div className="outbox-head">
        <h2>{t('counter.outbox.title')}</h2>
        <div className="segmented">
          {FILTERS.map((f) => (
            <button key={f} type="button" className={`button${filter === f ? ' active' : ''}`} onClick={() => setFilter(f)} data-filter={f}>
              {t(`counter.outbox.filter.${f}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button primary" onClick={() => void engine.syncNow()} data-testid="outbox-sync-now">
          {t('counter.sync.now')}
        </button>
      </div>
      <ScanUploads db={db} />
      {items && !items.ok && <p className="banner error">{t(`counter.errors.storage.${items.error.kind}`)}</p>}
      {problem && (
        <p className="banner error" role="alert">
          {problem}
        </p>
      )}
      {items?.ok && items.value.length === 0 && <p className="muted">{t('counter.outbox.empty')}</p>}
      {items?.ok && items.value.length > 0 && (
        <table className="outbox-table">
          <colgroup>
            <col className="col-number" />
            <col className="col-what" />
            <col className="col-state" />
            <col className="col-actions" />
          </colgroup>
          <thead>
            <tr>
              <th>{t('counter.outbox.number')}</th>
              <th>{t('counter.outbox.what')}</th>
              <th>{t('counter.outbox.state')}</th>
              <th>{t('counter.outbox.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.value.map((item) => (
              <tr key={item.seq} data-state={item.state} data-number={item.fileNumber ?? ''}>
                <td className="mono">{item.fileNumber}</td>
                <td>
                  <div className="outbox-words" data-testid="outbox-words">
                    {describeEntry(item, t, fullDay)}
                  </div>
                  <div className="muted small">
                    {item.personal && <CitizenName personal={item.personal} />}
                    {[item.procedureName, when(item.at)].filter(Boolean).map((part, i) => (i === 0 && !item.personal ? part : ` · ${part}`))}
                  </div>
                </td>
                <td>
                  <span className={`state state-${item.state}`}>{t(`counter.outbox.states.${item.state}`)}</span>
                  {reasons(item)}
                </td>
                <td className="actions">
                  {item.state === 'rejected' && item.kind !== 'file.create' && item.kind !== 'file.cancel' && (
                    // A change after registration was refused: the file itself stands; staff read why and set it aside.
                    <button
                      type="button"
                      className="button"
                      onClick={() => void acknowledgeRejection(db, item.seq, staff).then((r) => setProblem(r.ok ? null : t(`counter.errors.storage.${r.error.kind}`)))}
                      data-testid="outbox-acknowledge"
                    >
                      {t('counter.outbox.acknowledge')}
                    </button>
                  )}
                  {item.state === 'rejected' && (item.kind === 'file.create' || item.kind === 'file.cancel') && (
                    <>
                      <button type="button" className="button" onClick={() => onFix(item.fileId)}>
                        {t('counter.outbox.fix')}
                      </button>
                      <button
                        type="button"
                        className="button"
                        onClick={() =>
                          void cancelFile(db, item.fileId, t('counter.outbox.cancelReason'), staff).then((r) =>
                            setProblem(r.ok ? null : t(`counter.errors.storage.${r.error.kind}`)),
                          )
                        }
                      >
                        {t('counter.outbox.cancel')}
                      </button>
                    </>
                  )}
                  {item.state === 'pending' && item.attempts > 0 && (
                    <button type="button" className="button" onClick={() => void engine.syncNow()}>
                      {t('counter.outbox.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
