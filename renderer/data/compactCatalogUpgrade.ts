/**
 * The v10 upgrade: the catalog kept as one row per procedure moves into one JSON text (see
 * catalogRepository.ts), in the upgrade's own transaction, so a device keeps its catalog (and can
 * start offline) across the update. No search index is stored yet: the first start prepares it.
 */
import type { Transaction } from 'dexie';

/** The body row's format number (db.ts's CATALOG_BODY_FORMAT when this upgrade was written; an upgrade never changes). */
const FORMAT = 1;

export async function compactStoredCatalog(tx: Transaction): Promise<void> {
  const meta = (await tx.table('catalogMeta').get('catalog')) as { version: number } | undefined;
  const rows = (await tx.table('procedures').toArray()) as unknown[];
  if (!meta || rows.length === 0) return;
  await tx.table('catalogBody').put({ key: 'catalog', format: FORMAT, version: meta.version, procedures: JSON.stringify(rows) });
}
