/** The counter's status bar: is the link up, slow or down, how many files wait, and a "sync now" button. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { VIETNAM_TIME } from '../../../../shared/files/vietnamTime.ts';
import type { MotcuaDb } from '../../../data/db.ts';
import { waitingFileCounts } from '../../../data/outbox.ts';
import { scanCounts } from '../../../data/scanStore.ts';
import type { SyncEngine } from '../../../sync/syncEngine.ts';
import { useSyncState } from './useSyncState.ts';

export function SyncStatusBar({ db, engine, onOpenOutbox }: { db: MotcuaDb; engine: SyncEngine; onOpenOutbox(): void }) {
  const { t, i18n } = useTranslation();
  const state = useSyncState(engine);
  // Counted live, so a save shows at once, not at the next sync cycle; files, not changes: one file
  // moved five times offline is one file waiting.
  const counts = useLiveQuery(() => waitingFileCounts(db), [db]);
  const pending = counts?.ok ? counts.value.pendingFiles : state.pending;
  const rejected = counts?.ok ? counts.value.rejectedFiles : state.rejected;
  const scans = useLiveQuery(() => scanCounts(db), [db]);
  const scansPending = scans?.ok ? scans.value.pending : state.scans.pending;
  const time = (iso: string | null) =>
    iso ? new Date(iso).toLocaleTimeString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: VIETNAM_TIME }) : '—';
  return (
    <div className={`sync-bar link-${state.link}`} role="status" data-testid="sync-bar" data-link={state.link} data-pending={pending} data-scans-pending={scansPending}>
      <span className="sync-link">{t(`counter.sync.link.${state.link}`)}</span>
      <button type="button" className="button sync-waiting" onClick={onOpenOutbox} data-testid="waiting-count">
        {t('counter.sync.waiting', { count: pending })}
        {rejected > 0 && <span className="badge if-needed">{t('counter.sync.rejected', { count: rejected })}</span>}
        {scansPending > 0 && <span className="badge">{t('scans.status.waiting', { count: scansPending })}</span>}
      </button>
      {state.progress && (
        <span className="sync-progress">
          {t('counter.sync.progress', { done: state.progress.done, total: state.progress.total })}
        </span>
      )}
      <span className="muted small">{t('counter.sync.last', { time: time(state.lastSyncAt) })}</span>
      <button type="button" className="button" onClick={() => void engine.syncNow()} disabled={state.syncing} data-testid="sync-now">
        {state.syncing ? t('counter.sync.syncing') : t('counter.sync.now')}
      </button>
    </div>
  );
}
