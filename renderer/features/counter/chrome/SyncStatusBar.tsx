/** The counter's status bar: is the link up, slow or down, how many files wait, and a "sync now" button. */
import { useTranslation } from 'react-i18next';
import type { SyncEngine } from '../../../sync/syncEngine.ts';
import { useSyncState } from './useSyncState.ts';

export function SyncStatusBar({ engine, onOpenOutbox }: { engine: SyncEngine; onOpenOutbox(): void }) {
  const { t, i18n } = useTranslation();
  const state = useSyncState(engine);
  const time = (iso: string | null) =>
    iso ? new Date(iso).toLocaleTimeString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' }) : '—';
  return (
    <div className={`sync-bar link-${state.link}`} role="status" data-testid="sync-bar" data-link={state.link} data-pending={state.pending}>
      <span className="sync-link">{t(`counter.sync.link.${state.link}`)}</span>
      <button type="button" className="button sync-waiting" onClick={onOpenOutbox} data-testid="waiting-count">
        {t('counter.sync.waiting', { count: state.pending })}
        {state.rejected > 0 && <span className="badge if-needed">{t('counter.sync.rejected', { count: state.rejected })}</span>}
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
