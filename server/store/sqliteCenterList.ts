/**
 * The center-list half of the SQLite store: one row per center with its version, one row per
 * (center, procedure) with the version it last changed at; NULL data is a removal kept for deltas.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  centerEntrySchema,
  sameValues,
  type CenterEntry,
  type CenterListChanges,
  type CenterListWrite,
  type CenterListWriteAnswer,
} from '../../shared/centerList/centerList.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { CenterListStore, CenterListWriteConflict } from './centerListStore.ts';
import type { StorageFailure } from './store.ts';

const metaRowSchema = z.object({ version: z.number().int().nonnegative(), source: z.string() });
const entryRowSchema = z.object({ code: z.string(), data: z.string().nullable(), version: z.number().int() });

// A row that no longer fits the schema is a damaged database, not a request error.
const parseEntry = (data: string): CenterEntry => centerEntrySchema.parse(JSON.parse(data));

export function createSqliteCenterList(
  db: Database.Database,
  guard: <T, E>(work: () => Result<T, E>) => Result<T, E | StorageFailure>,
): CenterListStore {
  const readMeta = db.prepare('SELECT version, source FROM center_lists WHERE center_code = ?');
  const writeMeta = db.prepare(
    `INSERT INTO center_lists (center_code, version, source, updated_at) VALUES (@centerCode, @version, @source, @at)
     ON CONFLICT (center_code) DO UPDATE SET version = excluded.version, source = excluded.source, updated_at = excluded.updated_at`,
  );
  const liveRows = db.prepare('SELECT code, data, version FROM center_list_entries WHERE center_code = ? AND data IS NOT NULL ORDER BY code');
  const changedRows = db.prepare('SELECT code, data, version FROM center_list_entries WHERE center_code = ? AND version > ? ORDER BY code');
  const oneRow = db.prepare('SELECT code, data, version FROM center_list_entries WHERE center_code = ? AND code = ?');
  const upsert = db.prepare(
    `INSERT INTO center_list_entries (center_code, code, data, version) VALUES (?, ?, ?, ?)
     ON CONFLICT (center_code, code) DO UPDATE SET data = excluded.data, version = excluded.version`,
  );

  const meta = (centerCode: string) => {
    const row = readMeta.get(centerCode);
    return row ? metaRowSchema.parse(row) : { version: 0, source: '' };
  };

  const changes = (centerCode: string, since: number): CenterListChanges => {
    const m = meta(centerCode);
    const base = { centerCode, version: m.version, source: m.source };
    if (since === m.version) return { ...base, full: false, upserts: {}, deletions: [] };
    const upserts: Record<string, CenterEntry> = {};
    const deletions: string[] = [];
    // Unknown (0) or from the future (the server was restored from an older copy): send it all.
    const full = since <= 0 || since > m.version;
    for (const raw of full ? liveRows.all(centerCode) : changedRows.all(centerCode, since)) {
      const row = entryRowSchema.parse(raw);
      if (row.data === null) deletions.push(row.code);
      else upserts[row.code] = parseEntry(row.data);
    }
    return { ...base, full, upserts, deletions };
  };

  const write = db.transaction(
    (centerCode: string, w: CenterListWrite, at: string, source: string | undefined): Result<CenterListWriteAnswer, CenterListWriteConflict> => {
      const m = meta(centerCode);
      const rowOf = (code: string) => {
        const raw = oneRow.get(centerCode, code);
        return raw ? entryRowSchema.parse(raw) : null;
      };
      const codes = [...Object.keys(w.upserts), ...w.deletions];
      if (w.baseVersion > m.version) {
        return err({ kind: 'conflict', version: m.version, codes: [], reason: `this list is at version ${m.version}, older than the ${w.baseVersion} you edited: reload it first` });
      }
      if (w.baseVersion < m.version) {
        const moved = codes.filter((code) => (rowOf(code)?.version ?? 0) > w.baseVersion);
        if (moved.length > 0) {
          return err({
            kind: 'conflict',
            version: m.version,
            codes: moved,
            reason: `changed on another device since version ${w.baseVersion}: ${moved.join(', ')}`,
          });
        }
      }
      const next = m.version + 1;
      let changed = 0;
      const by = w.by?.staffName ?? null;
      for (const [code, values] of Object.entries(w.upserts)) {
        const row = rowOf(code);
        if (row?.data && sameValues(parseEntry(row.data), values)) continue;
        const entry: CenterEntry = { ...values, updatedAt: at, updatedBy: by };
        upsert.run(centerCode, code, JSON.stringify(centerEntrySchema.parse(entry)), next);
        changed += 1;
      }
      for (const code of w.deletions) {
        if (!rowOf(code)?.data) continue;
        upsert.run(centerCode, code, null, next);
        changed += 1;
      }
      const relabel = source !== undefined && source !== m.source;
      if (changed === 0 && !relabel) return ok({ version: m.version, changed: 0 });
      writeMeta.run({ centerCode, version: next, source: source ?? m.source, at });
      return ok({ version: next, changed });
    },
  );

  return {
    centerListChanges: async (centerCode, since) => guard(() => ok(changes(centerCode, since))),
    writeCenterList: async (centerCode, w, at, source) => guard(() => write.immediate(centerCode, w, at, source)),
  };
}
