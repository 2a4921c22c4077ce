/**
 * The v14 upgrade: the catalog's details text (body format 2, beside the summaries) moved to a row
 * of its own in `catalogDetails` (format 3), in the upgrade's own transaction, so a device keeps its
 * catalog (and can start offline) across the update. The summaries and the search index stay as they are.
 */
import type { Transaction } from 'dexie';

/** The formats as they were when this upgrade was written (an upgrade never changes). */
const SPLIT = 2;
const APART = 3;

export async function setCatalogDetailsApart(tx: Transaction): Promise<void> {
  const body = (await tx.table('catalogBody').get('catalog')) as { format: number; version: number; procedures: string; details?: string } | undefined;
  if (!body || body.format !== SPLIT || typeof body.details !== 'string') return;
  await tx.table('catalogDetails').put({ version: body.version, details: body.details });
  await tx.table('catalogBody').put({ key: 'catalog', format: APART, version: body.version, procedures: body.procedures });
}
