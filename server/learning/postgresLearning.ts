/**
 * The learning half of the PostgreSQL store (see learningStore.ts): the same tables as SQLite's.
 * A search id is stored once (a resend on another connection finds it stored); a teaching checks
 * and moves the center's version with the version's row locked, so two admins never both win.
 */
import type pg from 'pg';
import { z } from 'zod';
import { learnedEntrySchema } from '../../shared/learning/centerVocabulary.ts';
import type { SessionResult } from '../../shared/learning/searchSession.ts';
import { err, ok } from '../../shared/result.ts';
import type { PostgresGuard } from '../store/postgres/postgresGuard.ts';
import { inTransaction, sql, sqlCount, type Queryable } from '../store/postgres/postgresSql.ts';
import type { LearningStore, StoredVocabulary } from './learningStore.ts';
import { unmatchedQueries } from './unmatchedQueries.ts';

const groupRowSchema = z.object({ key: z.string(), query: z.string(), outcome: z.enum(['none', 'abandoned']), n: z.number().int(), last: z.string() });
const entryRowSchema = z.object({ entry: z.string(), taught_at: z.string(), taught_by: z.string().nullable() });
const versionRowSchema = z.object({ version: z.number().int(), updated_at: z.string() });
const existingRowSchema = z.object({ device_id: z.string() });

export function createPostgresLearning(pool: pg.Pool, guard: PostgresGuard): LearningStore {
  const versionOf = async (db: Queryable, centerCode: string, lock = false): Promise<{ version: number; updatedAt: string | null }> => {
    const [row] = await sql(db, `SELECT version, updated_at FROM center_vocabulary WHERE center_code = $1${lock ? ' FOR UPDATE' : ''}`, [centerCode]);
    if (!row) return { version: 0, updatedAt: null };
    const r = versionRowSchema.parse(row);
    // A version-0 row is only the lock a first teaching took: nothing was taught yet.
    return { version: r.version, updatedAt: r.version === 0 ? null : r.updated_at };
  };
  /** The center's version row, created at 0 if missing, then locked: teachings of one center take turns. */
  const lockVersion = async (client: pg.PoolClient, centerCode: string, at: string) => {
    await sql(client, 'INSERT INTO center_vocabulary (center_code, version, updated_at) VALUES ($1, 0, $2) ON CONFLICT (center_code) DO NOTHING', [centerCode, at]);
    return versionOf(client, centerCode, true);
  };

  return {
    addSearchSessions: async (centerCode, deviceId, sessions, storedAt) =>
      guard(() =>
        inTransaction(pool, async (client) => {
          const results: SessionResult[] = [];
          for (const s of sessions) {
            const inserted = await sqlCount(
              client,
              `INSERT INTO search_sessions (center_code, id, device_id, query, query_key, found, shown, outcome, chosen, flow_path, language, at, stored_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT DO NOTHING`,
              [centerCode, s.id, deviceId, s.query, s.queryKey, s.found, JSON.stringify(s.shown), s.outcome, s.chosen, s.flowPath ? JSON.stringify(s.flowPath) : null, s.language, s.at, storedAt],
              'insert_session',
            );
            if (inserted === 1) {
              results.push({ id: s.id, status: 'stored', reason: null });
              continue;
            }
            const [found] = await sql(client, 'SELECT device_id FROM search_sessions WHERE id = $1', [s.id], 'session_device');
            const same = found !== undefined && existingRowSchema.parse(found).device_id === deviceId;
            results.push(same ? { id: s.id, status: 'duplicate', reason: null } : { id: s.id, status: 'rejected', reason: 'another device already sent a search under this id' });
          }
          return ok(results);
        }),
      ),
    unmatchedQueries: async (centerCode, since, limit) =>
      guard(async () => {
        const rows = await sql(
          pool,
          `SELECT s.query_key AS key, s.query AS query, s.outcome AS outcome, count(*) AS n, max(s.at) AS last
           FROM search_sessions s
           WHERE s.center_code = $1 AND s.at >= $2 AND s.outcome IN ('none', 'abandoned')
             AND s.at > COALESCE((SELECT max(le.taught_at) FROM learned_entries le, jsonb_array_elements_text(le.query_keys::jsonb) k(value)
                                  WHERE le.center_code = s.center_code AND k.value = s.query_key), '')
           GROUP BY s.query_key, s.query, s.outcome`,
          [centerCode, since],
        );
        return ok(unmatchedQueries(rows.map((raw) => groupRowSchema.parse(raw)), limit));
      }),
    centerVocabulary: async (centerCode) =>
      guard(async () => {
        const { version, updatedAt } = await versionOf(pool, centerCode);
        const rows = await sql(pool, 'SELECT entry, taught_at, taught_by FROM learned_entries WHERE center_code = $1 ORDER BY taught_at, id', [centerCode]);
        const entries = rows.map((raw) => {
          const r = entryRowSchema.parse(raw);
          // A row that no longer fits the schema is a damaged database, not a request error.
          return { entry: learnedEntrySchema.parse(JSON.parse(r.entry)), taughtAt: r.taught_at, taughtBy: r.taught_by };
        });
        return ok<StoredVocabulary>({ version, updatedAt, entries });
      }),
    teach: async (centerCode, teaching, expectedVersion) =>
      guard(() =>
        inTransaction(pool, async (client) => {
          const current = await lockVersion(client, centerCode, teaching.at);
          if (current.version !== expectedVersion) {
            return err({ kind: 'conflict' as const, reason: `the vocabulary is at version ${current.version} now, not ${expectedVersion}: another admin changed it`, version: current.version });
          }
          await sql(client, 'INSERT INTO learned_entries (center_code, id, entry, query_keys, taught_at, taught_by, device_id) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            centerCode,
            teaching.entry.id,
            JSON.stringify(teaching.entry),
            JSON.stringify(teaching.queryKeys),
            teaching.at,
            teaching.by,
            teaching.deviceId,
          ]);
          const version = current.version + 1;
          await sql(client, 'UPDATE center_vocabulary SET version = $2, updated_at = $3 WHERE center_code = $1', [centerCode, version, teaching.at]);
          return ok({ version });
        }),
      ),
    takeBack: async (centerCode, id, at) =>
      guard(() =>
        inTransaction(pool, async (client) => {
          const current = await lockVersion(client, centerCode, at);
          if ((await sqlCount(client, 'DELETE FROM learned_entries WHERE center_code = $1 AND id = $2', [centerCode, id])) === 0) {
            return err({ kind: 'not_found' as const, reason: `nothing taught under ${id} at this center` });
          }
          const version = current.version + 1;
          await sql(client, 'UPDATE center_vocabulary SET version = $2, updated_at = $3 WHERE center_code = $1', [centerCode, version, at]);
          return ok({ version });
        }),
      ),
    purgeSearchSessions: async (before) => guard(async () => ok(await sqlCount(pool, 'DELETE FROM search_sessions WHERE at < $1', [before]))),
  };
}
