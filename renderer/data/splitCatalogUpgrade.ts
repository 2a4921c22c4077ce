/**
 * The v13 upgrade: the catalog's one JSON text (body format 1) split into its summaries and details
 * (format 2, data/catalogTexts.ts), in the upgrade's own transaction, so a device keeps its catalog
 * (and can start offline) across the update. The search index stays: the procedures' order does not change.
 */
import type { Transaction } from 'dexie';
import { parseRows, splitCatalog } from './catalogTexts.ts';

/** The formats as they were when this upgrade was written (an upgrade never changes). */
const WHOLE = 1;
const SPLIT = 2;

export async function splitStoredCatalog(tx: Transaction): Promise<void> {
  const body = (await tx.table('catalogBody').get('catalog')) as { format: number; version: number; procedures: string } | undefined;
  if (!body || body.format !== WHOLE) return;
  const texts = splitCatalog(parseRows(body.procedures));
  await tx.table('catalogBody').put({ key: 'catalog', format: SPLIT, version: body.version, procedures: texts.summaries, details: texts.details });
}
