/**
 * Scans on their way to the server, for the outbox screen: how many wait, and each one the server
 * refused for good with its file and the reason (it is kept on this device; nothing else waits for it).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { MotcuaDb } from '../../../data/db.ts';
import { refusedScans, scanCounts } from '../../../data/scanStore.ts';

export function ScanUploads({ db }: { db: MotcuaDb }) {
  const { t, i18n } = useTranslation();
  const counts = useLiveQuery(() => scanCounts(db), [db]);
  const refused = useLiveQuery(() => refusedScans(db), [db]);
  if (!counts?.ok || (counts.value.pending === 0 && counts.value.rejected === 0)) return null;
  return (
    <div className="scan-uploads" data-testid="scan-uploads" data-pending={counts.value.pending} data-rejected={counts.value.rejected}>
      <h3>{t('scans.outbox.title')}</h3>
      <p className="muted">{t('scans.outbox.summary', { pending: counts.value.pending, rejected: counts.value.rejected })}</p>
      {refused && refused.length > 0 && (
        <ul>
          {refused.map((row) => (
            <li key={row.id} className="field-error" data-scan-id={row.id}>
              {t('scans.outbox.refused', { name: row.name, number: row.number ?? '—' })}
              {/* The reason in staff's language; a code this version does not know (or none, from an older one) reads as "refused". */}
              <div className="small" data-testid="scan-refusal" data-code={row.lastErrorCode ?? ''}>
                {row.lastErrorCode && i18n.exists(row.lastErrorCode) ? t(row.lastErrorCode) : t('scans.refusal.unknown')}
              </div>
              {i18n.language === 'en' && row.lastError && <div className="small muted">{row.lastError}</div>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
