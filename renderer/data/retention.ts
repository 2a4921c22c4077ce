/**
 * How long citizens' personal data stays on this device after a file is finished, and the purge
 * that enforces it. A file whose data the server holds (synced, or cancelled here before it ever
 * left) and whose life is over (returned, rejected, withdrawn) for longer than the retention
 * period loses its citizen, notes, documents and scans; a stub keeps what the worklist and the
 * figures read (number, procedure, channel, dates, status, sync state). Runs at start and daily.
 */
import { z } from 'zod';
import { isFinalStatus } from '../../shared/files/lifecycle.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { FileStatus } from '../../shared/files/fileRecord.ts';
import type { MotcuaDb, StoredFile } from './db.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 365;

/** Stored under the settings key 'retention'; `version` lets a later shape be told apart. */
export const retentionSettingsSchema = z.object({
  version: z.literal(1),
  days: z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export const DEFAULT_RETENTION: RetentionSettings = { version: 1, days: 30 };
const SETTINGS_KEY = 'retention';
const LAST_RUN_KEY = 'retention.lastRun';
const DAY_MS = 24 * 60 * 60 * 1000;
const FINAL: FileStatus[] = ['returned', 'rejected', 'withdrawn'];

const lastRunSchema = z.object({ at: z.string(), purged: z.number().int().nonnegative() });
export type RetentionRun = z.infer<typeof lastRunSchema>;

export interface RetentionState {
  settings: RetentionSettings;
  /** The stored value was not valid (an older build, a hand edit): the default applies until saved again. */
  storedInvalid: boolean;
  lastRun: RetentionRun | null;
}

export async function readRetention(db: MotcuaDb): Promise<Result<RetentionState, StorageError>> {
  try {
    const [row, last] = await Promise.all([db.settings.get(SETTINGS_KEY), db.settings.get(LAST_RUN_KEY)]);
    const parsed = row ? retentionSettingsSchema.safeParse(row.value) : null;
    const run = last ? lastRunSchema.safeParse(last.value) : null;
    return ok({
      settings: parsed?.success ? parsed.data : DEFAULT_RETENTION,
      storedInvalid: parsed !== null && !parsed.success,
      lastRun: run?.success ? run.data : null,
    });
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

/** Saves a retention period an admin typed; anything but a whole number of days in range is refused. */
export async function saveRetention(db: MotcuaDb, days: unknown, now = new Date()): Promise<Result<RetentionSettings, StorageError>> {
  const parsed = retentionSettingsSchema.safeParse({ version: 1, days });
  if (!parsed.success) {
    return err({ kind: 'invalid', reason: `retention must be a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}`, fields: ['days'] });
  }
  try {
    await db.settings.put({ key: SETTINGS_KEY, value: parsed.data, updatedAt: now.toISOString() });
    return ok(parsed.data);
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

/** True when retention may empty this file now: the server has it, its life is over, and it has been over long enough. */
export function isExpired(file: StoredFile, days: number, now: Date): boolean {
  if (file.personal === null && file.attachments === null) return false;
  if (file.syncState !== 'sent' && file.syncState !== 'cancelled') return false;
  if (!isFinalStatus(file.status)) return false;
  return Date.parse(file.statusAt) <= now.getTime() - days * DAY_MS;
}

export interface PurgeReport {
  /** Numbers of the files emptied in this run. */
  purged: string[];
  days: number;
}

/**
 * Empties every expired file in one transaction (all or nothing), drops any outbox payload left
 * for them, notes the run in the audit trail and the settings, and returns what it did.
 */
export async function purgeExpiredFiles(db: MotcuaDb, now = new Date()): Promise<Result<PurgeReport, StorageError>> {
  const state = await readRetention(db);
  if (!state.ok) return state;
  const { days } = state.value.settings;
  const at = now.toISOString();
  try {
    const purged = await db.transaction('rw', [db.files, db.outbox, db.audit, db.settings, db.scans, db.scanBlobs], async () => {
      const expired = (await db.files.where('status').anyOf(FINAL).toArray()).filter((f) => isExpired(f, days, now));
      for (const file of expired) {
        await db.files.put({ ...file, personal: null, attachments: null, purgedAt: at });
        // Its scans go too, bytes and names; one still waiting to upload stays until the server has it.
        const gone = await db.scans.where('fileId').equals(file.id).filter((scan) => scan.upload !== 'pending').primaryKeys();
        await db.scanBlobs.bulkDelete(gone);
        await db.scans.bulkDelete(gone);
        // Sent and cancelled entries hold no payload already; this makes sure of it.
        await db.outbox
          .where('fileId')
          .equals(file.id)
          .filter((e) => e.state !== 'pending' && e.state !== 'rejected' && e.payload !== null)
          .modify({ payload: null });
      }
      if (expired.length > 0) {
        await db.audit.add({
          at,
          staffId: null,
          staffName: null,
          action: 'retention.purge',
          fileId: null,
          detail: `personal data removed after ${days} days from ${expired.length} file(s): ${expired.map((f) => f.number).join(', ')}`,
        });
      }
      await db.settings.put({ key: LAST_RUN_KEY, value: { at, purged: expired.length } satisfies RetentionRun, updatedAt: at });
      return expired.map((f) => f.number);
    });
    return ok({ purged, days });
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}
