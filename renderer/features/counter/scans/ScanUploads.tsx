/**
 * Scans on their way to the server, for the outbox screen: how many wait, and each one the server
 * refused for good with its file and the reason (it is kept on this device; nothing else waits for it).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { MotcuaDb, ScanRow } from '../../../data/db.ts';
import { scanCounts } from '../../../data/scanStore.ts';
import './scans.css';

async function refusedScans(db: MotcuaDb): Promise<(ScanRow & { number: string | null })[]> {
  const rows = await db.scans.where('upload').equals('rejected').toArray();
  const files = await db.files.bulkGet([...new Set(rows.map((r) => r.fileId))]);
  const numbers = new Map(files.flatMap((f) => (f ? [[f.id, f.number] as const] : [])));
  return rows.map((r) => ({ ...r, number: numbers.get(r.fileId) ?? null }));
}

export function ScanUploads({ db }: { db: MotcuaDb }) {
  const { t } = useTranslation();
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
              <div className="small" lang="en">
                {row.lastError}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
