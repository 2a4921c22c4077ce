/**
 * Everything this counter has saved and where it stands: waiting, sent, or rejected with the
 * server's reason. A rejected file stays here until staff fix and resend it or cancel it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelFile } from '../../../data/fileRegistry.ts';
import type { MotcuaDb, OutboxState, StaffMember } from '../../../data/db.ts';
import { listOutbox } from '../../../data/outbox.ts';
import type { SyncEngine } from '../../../sync/syncEngine.ts';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';

const FILTERS: (OutboxState | 'all')[] = ['all', 'pending', 'rejected', 'sent'];

export function OutboxScreen({ db, engine, staff, onFix }: { db: MotcuaDb; engine: SyncEngine; staff: StaffMember; onFix(fileId: string): void }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<OutboxState | 'all'>('all');
  const [problem, setProblem] = useState<string | null>(null);
  const items = useLiveQuery(() => listOutbox(db, filter === 'all' ? {} : { state: filter }), [db, filter]);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: VIETNAM_TIME });

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
      {items && !items.ok && <p className="banner error">{t(`counter.errors.storage.${items.error.kind}`)}</p>}
      {problem && (
        <p className="banner error" role="alert">
          {problem}
        </p>
      )}
      {items?.ok && items.value.length === 0 && <p className="muted">{t('counter.outbox.empty')}</p>}
      {items?.ok && items.value.length > 0 && (
        <table className="outbox-table">
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
                  <div>{item.citizenName}</div>
                  <div className="muted small">
                    {t(`counter.outbox.kind.${item.kind}`)} · {item.procedureName} · {when(item.at)}
                  </div>
                </td>
                <td>
                  <span className={`state state-${item.state}`}>{t(`counter.outbox.states.${item.state}`)}</span>
                  {item.lastError && (
                    <div className={item.state === 'rejected' ? 'field-error' : 'muted small'}>
                      {t(item.state === 'rejected' ? 'counter.outbox.rejectedBecause' : 'counter.outbox.notSentYet')}
                      {item.lastErrorCode && i18n.exists(item.lastErrorCode) && <div data-testid="reject-reason">{t(item.lastErrorCode)}</div>}
                      <div className="small" lang="en">
                        {item.lastError}
                      </div>
                    </div>
                  )}
                </td>
                <td className="actions">
                  {item.state === 'rejected' && (
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
