/**
 * What tests and benchmarks read to check a store, and no route ever asks: how many files a center
 * holds, files stored twice (what a broken exactly-once would leave), the ratings as stored, how many
 * searches are kept. Read over a connection of their own, so they see what was committed.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { ok, type Result } from '../../shared/result.ts';
import { SQLITE_FILE } from '../../server/store/sqliteStore.ts';
import { RATING_COLUMNS, toRating as toPostgresRating } from '../../server/store/postgres/postgresSyncTransaction.ts';
import { toRating } from '../../server/store/sqliteSyncTransaction.ts';
import type { StorageFailure, StoredRating, SyncStore } from '../../server/store/store.ts';

export interface StoreInspection {
  countFiles(centerCode: string): Promise<Result<number, StorageFailure>>;
  /**
   * Groups of files that look like one registration stored twice (same device, citizen, procedure
   * and reception time under different ids): what a broken exactly-once would leave behind.
   */
  findDuplicateFiles(centerCode: string): Promise<Result<string[][], StorageFailure>>;
  /** The center's ratings in the order they reached the server. */
  listRatings(centerCode: string): Promise<Result<StoredRating[], StorageFailure>>;
  countSearchSessions(centerCode: string): Promise<Result<number, StorageFailure>>;
  close(): Promise<void>;
}

/** A store with its inspection beside it: `store.countFiles(...)` in a test reads what was committed. */
export type InspectedStore = SyncStore & Omit<StoreInspection, 'close'>;

const countRowSchema = z.object({ n: z.number() });
const idsRowSchema = z.object({ ids: z.string() });

export function inspectSqlite(dataDir: string): StoreInspection {
  const db = new Database(join(dataDir, SQLITE_FILE), { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const count = (sql: string, centerCode: string) => countRowSchema.parse(db.prepare(sql).get(centerCode)).n;
  return {
    countFiles: async (centerCode) => ok(count('SELECT count(*) AS n FROM files WHERE center_code = ?', centerCode)),
    findDuplicateFiles: async (centerCode) =>
      ok(
        db
          .prepare(
            `SELECT group_concat(id, ' ') AS ids FROM files WHERE center_code = ?
             GROUP BY device_id, json_extract(record, '$.citizen.idNumber'), procedure_code, received_at HAVING count(*) > 1`,
          )
          .all(centerCode)
          .map((r) => idsRowSchema.parse(r).ids.split(' ').sort()),
      ),
    listRatings: async (centerCode) => ok(db.prepare('SELECT * FROM ratings WHERE center_code = ? ORDER BY rowid').all(centerCode).map(toRating)),
    countSearchSessions: async (centerCode) => ok(count('SELECT count(*) AS n FROM search_sessions WHERE center_code = ?', centerCode)),
    close: async () => {
      if (db.open) db.close();
    },
  };
}

export function inspectPostgres(url: string): StoreInspection {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const rows = async (text: string, values: unknown[]) => (await pool.query(text, values)).rows as unknown[];
  const count = async (text: string, centerCode: string) => countRowSchema.parse((await rows(text, [centerCode]))[0]).n;
  return {
    countFiles: async (centerCode) => ok(await count('SELECT count(*)::int AS n FROM files WHERE center_code = $1', centerCode)),
    findDuplicateFiles: async (centerCode) =>
      ok(
        (
          await rows(
            `SELECT string_agg(id, ' ') AS ids FROM files WHERE center_code = $1
             GROUP BY device_id, (record::jsonb) -> 'citizen' ->> 'idNumber', procedure_code, received_at HAVING count(*) > 1`,
            [centerCode],
          )
        ).map((r) => idsRowSchema.parse(r).ids.split(' ').sort()),
      ),
    listRatings: async (centerCode) => ok((await rows(`SELECT ${RATING_COLUMNS} FROM ratings WHERE center_code = $1 ORDER BY seq`, [centerCode])).map(toPostgresRating)),
    countSearchSessions: async (centerCode) => ok(await count('SELECT count(*)::int AS n FROM search_sessions WHERE center_code = $1', centerCode)),
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

/** The store and its inspection as one object; closing it closes both. */
export function withInspection(store: SyncStore, inspection: StoreInspection): InspectedStore {
  const { close: closeInspection, ...reads } = inspection;
  return {
    ...store,
    ...reads,
    close: async () => {
      await closeInspection();
      await store.close();
    },
  };
}
