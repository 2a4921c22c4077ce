/**
 * The center-list half of the PostgreSQL store: the same rows as SQLite's and the same plan
 * (centers/planCenterListWrite.ts). Two admins saving at once take turns on the list's head row
 * (created first if the list is new, then locked), so a version is never given twice.
 */
import type pg from 'pg';
import { z } from 'zod';
import type { CenterEntry } from '../../../shared/centerList/centerList.ts';
import { ok } from '../../../shared/result.ts';
import { parseCenterEntry, planCenterListWrite, touchedCodes, type CenterListRow } from '../../centers/planCenterListWrite.ts';
import type { CenterListStore } from '../centerListStore.ts';
import type { PostgresGuard } from './postgresGuard.ts';
import { inTransaction, sql, type Queryable } from './postgresSql.ts';

const headRowSchema = z.object({ version: z.number().int().nonnegative(), source: z.string() });
const entryRowSchema = z.object({ code: z.string(), data: z.string().nullable(), version: z.number().int() });

export function createPostgresCenterList(pool: pg.Pool, guard: PostgresGuard): CenterListStore {
  const head = async (db: Queryable, centerCode: string, lock: boolean) => {
    const [row] = await sql(db, `SELECT version, source FROM center_lists WHERE center_code = $1${lock ? ' FOR UPDATE' : ''}`, [centerCode]);
    return row ? headRowSchema.parse(row) : { version: 0, source: '' };
  };

  return {
    centerListChanges: async (centerCode, since) =>
      guard(async () => {
        const m = await head(pool, centerCode, false);
        const base = { centerCode, version: m.version, source: m.source };
        if (since === m.version) return ok({ ...base, full: false, upserts: {}, deletions: [] });
        // Unknown (0) or from the future (the server was restored from an older copy): send it all.
        const full = since <= 0 || since > m.version;
        const rows = full
          ? await sql(pool, 'SELECT code, data, version FROM center_list_entries WHERE center_code = $1 AND data IS NOT NULL ORDER BY code', [centerCode])
          : await sql(pool, 'SELECT code, data, version FROM center_list_entries WHERE center_code = $1 AND version > $2 ORDER BY code', [centerCode, since]);
        const upserts: Record<string, CenterEntry> = {};
        const deletions: string[] = [];
        for (const raw of rows) {
          const row = entryRowSchema.parse(raw);
          if (row.data === null) deletions.push(row.code);
          else upserts[row.code] = parseCenterEntry(row.data);
        }
        return ok({ ...base, full, upserts, deletions });
      }),
    writeCenterList: async (centerCode, w, at, source) =>
      guard(() =>
        inTransaction(pool, async (client) => {
          // The head row exists from the first save on; a version-0 row is never seen by readers as a change.
          await sql(client, `INSERT INTO center_lists (center_code, version, source, updated_at) VALUES ($1, 0, '', $2) ON CONFLICT (center_code) DO NOTHING`, [centerCode, at]);
          const m = await head(client, centerCode, true);
          const rows = new Map<string, CenterListRow>();
          const touched = await sql(client, 'SELECT code, data, version FROM center_list_entries WHERE center_code = $1 AND code = ANY($2::text[])', [centerCode, touchedCodes(w)]);
          for (const raw of touched) {
            const row = entryRowSchema.parse(raw);
            rows.set(row.code, row);
          }
          const plan = planCenterListWrite(m, rows, w, at, source);
          if (!plan.ok) return plan;
          const { writes, answer } = plan.value;
          if (writes.length > 0) {
            await sql(
              client,
              `INSERT INTO center_list_entries (center_code, code, data, version)
               SELECT $1, code, data, $4 FROM unnest($2::text[], $3::text[]) AS u(code, data)
               ON CONFLICT (center_code, code) DO UPDATE SET data = excluded.data, version = excluded.version`,
              [centerCode, writes.map((x) => x.code), writes.map((x) => x.data), answer.version],
            );
          }
          if (plan.value.head) {
            await sql(client, 'UPDATE center_lists SET version = $2, source = $3, updated_at = $4 WHERE center_code = $1', [
              centerCode,
              plan.value.head.version,
              plan.value.head.source,
              at,
            ]);
          }
          return ok(answer);
        }),
      ),
  };
}
