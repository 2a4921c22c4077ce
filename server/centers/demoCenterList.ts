/**
 * The demo center's list (demoCenterList.json): DEMO VALUES, so `npm run web` shows the center's
 * own times, fees and counters on the kiosk and the receipt. Seeded once, only into an empty list,
 * so an admin's edits are never overwritten; codes the served catalog lacks are left out and named.
 */
import { z } from 'zod';
import { CENTER_LIST_FORMAT, CENTER_LIST_SCHEMA_VERSION, centerEntryValuesSchema } from '../../shared/centerList/centerList.ts';
import { procedureCodeSchema } from '../../shared/catalog/procedure.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { catalogCodes } from '../routes/centerList.ts';
import type { SyncStore } from '../store/store.ts';
import seed from './demoCenterList.json' with { type: 'json' };
import { DEMO_CENTER } from './addCenter.ts';

export const centerListSeedSchema = z.object({
  format: z.literal(CENTER_LIST_FORMAT),
  schemaVersion: z.literal(CENTER_LIST_SCHEMA_VERSION),
  centerCode: z.string(),
  source: z.string().min(1).max(200),
  entries: z.record(procedureCodeSchema, centerEntryValuesSchema),
});
export type CenterListSeed = z.infer<typeof centerListSeedSchema>;

/** The demo list, checked when loaded: a broken data file fails the start, not a kiosk. */
export const demoCenterList: CenterListSeed = centerListSeedSchema.parse(seed);

export async function ensureDemoCenterList(store: SyncStore): Promise<Result<{ seeded: number; skipped: string[] } | 'present'>> {
  const current = await store.centerListChanges(DEMO_CENTER.code, 0);
  if (!current.ok) return err(current.error.reason);
  if (current.value.version > 0) return ok('present');
  const codes = await catalogCodes(store)();
  if ('failed' in codes) return err(codes.failed);
  const entries = Object.entries(demoCenterList.entries).filter(([code]) => codes.has(code));
  const skipped = Object.keys(demoCenterList.entries).filter((code) => !codes.has(code));
  if (entries.length === 0) return ok({ seeded: 0, skipped });
  const written = await store.writeCenterList(
    DEMO_CENTER.code,
    { baseVersion: 0, upserts: Object.fromEntries(entries), deletions: [], by: null },
    new Date().toISOString(),
    demoCenterList.source,
  );
  if (!written.ok) return err(written.error.reason);
  return ok({ seeded: written.value.changed, skipped });
}
