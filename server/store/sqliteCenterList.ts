/**
 * The center-list half of the SQLite store: one row per center with its version, one row per
 * (center, procedure) with the version it last changed at; NULL data is a removal kept for deltas.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { CenterEntry, CenterListChanges, CenterListWrite, CenterListWriteAnswer } from '../../shared/centerList/centerList.ts';
import { ok, type Result } from '../../shared/result.ts';
import { parseCenterEntry, planCenterListWrite, touchedCodes, type CenterListRow } from '../centers/planCenterListWrite.ts';
import type { CenterListStore, CenterListWriteConflict } from './centerListStore.ts';
import type { SqliteGuard } from './sqliteSerial.ts';

const metaRowSchema = z.object({ version: z.number().int().nonnegative(), source: z.string() });
const entryRowSchema = z.object({ code: z.string(), data: z.string().nullable(), version: z.number().int() });


export function createSqliteCenterList(
  db: Database.Database,
  guard: SqliteGuard,
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
      else upserts[row.code] = parseCenterEntry(row.data);
    }
    return { ...base, full, upserts, deletions };
  };

  const write = db.transaction(
    (centerCode: string, w: CenterListWrite, at: string, source: string | undefined): Result<CenterListWriteAnswer, CenterListWriteConflict> => {
      const rows = new Map<string, CenterListRow>();
      for (const code of touchedCodes(w)) {
        const raw = oneRow.get(centerCode, code);
        if (raw) rows.set(code, entryRowSchema.parse(raw));
      }
      const plan = planCenterListWrite(meta(centerCode), rows, w, at, source);
      if (!plan.ok) return plan;
      for (const { code, data } of plan.value.writes) upsert.run(centerCode, code, data, plan.value.answer.version);
      if (plan.value.head) writeMeta.run({ centerCode, version: plan.value.head.version, source: plan.value.head.source, at });
      return ok(plan.value.answer);
    },
  );

  return {
    centerListChanges: async (centerCode, since) => guard(() => ok(changes(centerCode, since))),
    writeCenterList: async (centerCode, w, at, source) => guard(() => write.immediate(centerCode, w, at, source)),
  };
}
