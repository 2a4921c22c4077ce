/**
 * The SyncStore on PostgreSQL, for a province or the whole country on the database it already
 * operates (`--store postgres://...` or DATABASE_URL). Same behaviour as the SQLite store, shown by
 * the same tests (tests/support/testStores.ts): the exactly-once rules are server/sync/'s over this
 * store's transactions (postgresSyncTransaction.ts), the other halves share their plans with SQLite.
 * Several server processes may run on one database: nothing here is kept per process except caches
 * keyed by a version read on every call.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import { fileChannelSchema, fileRecordSchema, fileStatusSchema } from '../../../shared/files/fileRecord.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import { ratingSchema, type FileSummary as StatsFileSummary } from '../../../shared/stats/fileSummary.ts';
import type { FileStatusChange } from '../../../shared/sync/protocol.ts';
import { createPostgresLearning } from '../../learning/postgresLearning.ts';
import { createPostgresPrereg } from '../../prereg/postgresPrereg.ts';
import { enrolDevice } from '../../sync/enrolDevice.ts';
import { createSyncOperations } from '../../sync/syncOperations.ts';
import { UNKNOWN_FIELD } from '../sqliteFileSummaries.ts';
import type { Center, FileChangeEntry, FileSummary, StatusHistoryEntry, SyncStore } from '../store.ts';
import { createPostgresCatalog } from './postgresCatalog.ts';
import { createPostgresCenterList } from './postgresCenterList.ts';
import { createPostgresFigureCounts } from './postgresFigureCounts.ts';
import { postgresGuard as guard } from './postgresGuard.ts';
import { migratePostgres } from './postgresMigrations.ts';
import { createPostgresQueue } from './postgresQueue.ts';
import { createPostgresScans } from './postgresScans.ts';
import { createDeviceCache } from './postgresDeviceCache.ts';
import { createNotices, listenForRevocationHeard, NOTICE_CHANNELS, type RevocationNotice } from './postgresNotices.ts';
import { createPool, inTransaction, PostgresFailure, sql } from './postgresSql.ts';
import { createPostgresSyncTransactions, DEVICE_COLUMNS, toDevice } from './postgresSyncTransaction.ts';
import { createPostgresAdminUnits, createPostgresCalendar } from './postgresVersionedTables.ts';

export interface PostgresStoreOptions {
  /** Connections in this process's pool (default 10); a province running several processes divides the database's own limit. */
  poolSize?: number;
}

const centerRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  enrolment_code_hash: z.string(),
  admin_code_hash: z.string().nullable(),
  kind: z.enum(['center', 'province']),
  province_code: z.string().nullable(),
  created_at: z.string(),
});
const toCenter = (row: unknown): Center => {
  const r = centerRowSchema.parse(row);
  return {
    code: r.code,
    name: r.name,
    enrolmentCodeHash: r.enrolment_code_hash,
    adminCodeHash: r.admin_code_hash,
    kind: r.kind,
    provinceCode: r.province_code,
    createdAt: r.created_at,
  };
};
const CENTER_COLUMNS = 'code, name, enrolment_code_hash, admin_code_hash, kind, province_code, created_at';

const feedRowSchema = z.object({
  cursor: z.number().int(),
  file_id: z.string(),
  number: z.string(),
  status: fileStatusSchema,
  changed_at: z.string(),
  note: z.string().nullable(),
  due_at: z.string().nullable(),
});
const listRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  device_id: z.string(),
  procedure_code: z.string(),
  status: fileStatusSchema,
  received_at: z.string(),
  attachments: z.number().int(),
});
const historyRowSchema = z.object({
  file_id: z.string(),
  status: fileStatusSchema,
  at: z.string(),
  staff_id: z.string().nullable(),
  staff_name: z.string().nullable(),
  location: z.string().nullable(),
  note: z.string().nullable(),
  device_id: z.string(),
});
const changeRowSchema = z.object({
  file_id: z.string(),
  kind: z.enum(['update', 'due', 'fee']),
  at: z.string(),
  staff_id: z.string(),
  staff_name: z.string(),
  location: z.string().nullable(),
  device_id: z.string(),
  reason: z.string().nullable(),
  previous: z.string().nullable(),
  next: z.string(),
});
const publicRowSchema = z.object({ number: z.string(), status: fileStatusSchema, due_at: z.string().nullable(), received_at: z.string(), changed_at: z.string().nullable() });
const countRowSchema = z.object({ n: z.number().int() });
/** A file summary row as this store reads it (times already epoch ms): a lean check, since a province reads 100,000s. */
const epochMs = z.number().int().nullable();
const summaryRowSchema = z.tuple([
  z.string().min(1),
  z.string().nullable(),
  z.number().int(),
  fileChannelSchema,
  z.string().nullable(),
  z.string().min(1),
  z.string().min(1),
  fileStatusSchema,
  epochMs,
  epochMs,
  epochMs,
  ratingSchema.nullable(),
]);
const recordRowSchema = z.object({ record: z.string() });

/** Opens the store on a PostgreSQL database (migrating it first); the URL is postgres://user@host:port/db. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Result<SyncStore>> {
  const pool = createPool(url, options.poolSize ?? 10);
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    return err(`cannot open the PostgreSQL database at ${redactUrl(url)}: ${(e as Error).message}`);
  }
  return ok(createPostgresStore(pool, url));
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function createPostgresStore(pool: pg.Pool, url: string): SyncStore {
  const transactions = createPostgresSyncTransactions(pool);
  // What other processes change, heard at once: the small caches below rest on it.
  const notices = createNotices(url);
  const devices = createDeviceCache(notices);

  return {
    ...createPostgresCatalog(pool, notices, guard),
    ...createPostgresCalendar(pool, notices, guard),
    ...createPostgresAdminUnits(pool, notices, guard),
    ...createPostgresCenterList(pool, guard),
    ...createPostgresScans(pool, guard),
    ...createPostgresLearning(pool, guard),
    ...createPostgresPrereg(pool, guard),
    ...createPostgresQueue(pool, guard),
    ...createPostgresFigureCounts(pool, guard),
    ...createSyncOperations(transactions),

    addCenter: async (center) =>
      guard(async () => {
        const added: Center = { ...center, kind: center.kind ?? 'center', provinceCode: center.provinceCode ?? null, createdAt: new Date().toISOString() };
        const rows = await sql(
          pool,
          `INSERT INTO centers (${CENTER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING RETURNING code`,
          [added.code, added.name, added.enrolmentCodeHash, added.adminCodeHash, added.kind, added.provinceCode, added.createdAt],
        );
        return rows.length === 1 ? ok(added) : err({ kind: 'exists' as const, reason: `center ${center.code} already exists` });
      }),
    findCenter: async (code) =>
      guard(async () => {
        const [row] = await sql(pool, `SELECT ${CENTER_COLUMNS} FROM centers WHERE code = $1`, [code], 'find_center');
        return ok(row ? toCenter(row) : null);
      }),
    provinceCenters: async (provinceCode) =>
      guard(async () => ok((await sql(pool, `SELECT ${CENTER_COLUMNS} FROM centers WHERE province_code = $1 AND kind = 'center' ORDER BY code`, [provinceCode])).map(toCenter))),
    setCenterCodes: async (code, hashes) =>
      guard(async () => {
        const [row] = await sql(
          pool,
          `UPDATE centers SET enrolment_code_hash = COALESCE($2, enrolment_code_hash), admin_code_hash = COALESCE($3, admin_code_hash)
           WHERE code = $1 RETURNING ${CENTER_COLUMNS}`,
          [code, hashes.enrolmentCodeHash ?? null, hashes.adminCodeHash ?? null],
        );
        return row ? ok(toCenter(row)) : err({ kind: 'not_found' as const, reason: `no center ${code}` });
      }),
    enrolDevice: async (device) => guard(async () => ok(await transactions.write((tx) => enrolDevice(tx, device, new Date().toISOString())))),
    findDeviceByTokenHash: async (tokenHash) =>
      guard(async () =>
        ok(
          await devices.find(tokenHash, async () => {
            const [row] = await sql(pool, `SELECT ${DEVICE_COLUMNS} FROM devices WHERE token_hash = $1`, [tokenHash], 'device_by_token');
            return row ? toDevice(row) : null;
          }),
        ),
      ),
    // "Its token stops working at once", on every server process: the revocation is announced in its
    // transaction, and this returns once every listening process has dropped the device from memory.
    revokeDevice: async (deviceId) =>
      guard(async () => {
        const heard = await listenForRevocationHeard(url);
        try {
          const notice: RevocationNotice = { revocation: randomUUID(), deviceId };
          const row = await inTransaction(pool, async (client) => {
            const [updated] = await sql(client, `UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${DEVICE_COLUMNS}`, [
              deviceId,
              new Date().toISOString(),
            ]);
            if (updated) await sql(client, 'SELECT pg_notify($1, $2)', [NOTICE_CHANNELS.deviceRevoked, JSON.stringify(notice)]);
            return updated;
          });
          if (!row) return err({ kind: 'not_found' as const, reason: `no device ${deviceId}` });
          notices.changedHere('deviceRevoked', JSON.stringify(notice));
          await heard.heard(notice.revocation);
          return ok(toDevice(row));
        } finally {
          await heard.close();
        }
      }),

    statusesSince: async (centerCode, cursor, limit) =>
      guard(async () => {
        const rows = await sql(
          pool,
          'SELECT cursor, file_id, number, status, changed_at, note, due_at FROM status_feed WHERE center_code = $1 AND cursor > $2 ORDER BY cursor LIMIT $3',
          [centerCode, cursor, limit + 1],
          'feed_since',
        );
        const changes = rows.map((raw): FileStatusChange & { cursor: number } => {
          const r = feedRowSchema.parse(raw);
          return { cursor: r.cursor, fileId: r.file_id, number: r.number, status: r.status, changedAt: r.changed_at, note: r.note, dueAt: r.due_at };
        });
        const page = changes.slice(0, limit);
        return ok({
          cursor: page.length > 0 ? page[page.length - 1]!.cursor : cursor,
          changes: page.map(({ cursor: _cursor, ...change }) => change),
          more: changes.length > limit,
        });
      }),
    listFiles: async (centerCode, filter) =>
      guard(async () => {
        const byNumber = filter.number !== undefined;
        const where = byNumber ? 'center_code = $1 AND number = $2' : 'center_code = $1';
        const params = byNumber ? [centerCode, filter.number] : [centerCode];
        const [count] = await sql(pool, `SELECT count(*) AS n FROM files WHERE ${where}`, params);
        const rows = await sql(
          pool,
          `SELECT id, number, device_id, procedure_code, status, received_at, attachments FROM files WHERE ${where} ORDER BY received_at, number LIMIT $${params.length + 1}`,
          [...params, filter.limit],
        );
        const files = rows.map((raw): FileSummary => {
          const r = listRowSchema.parse(raw);
          return { id: r.id, number: r.number, deviceId: r.device_id, procedureCode: r.procedure_code, status: r.status, receivedAt: r.received_at, attachments: r.attachments };
        });
        return ok({ total: countRowSchema.parse(count).n, files });
      }),
    findFile: async (centerCode, fileId) =>
      guard(async () => {
        const [row] = await sql(pool, 'SELECT record FROM files WHERE center_code = $1 AND id = $2', [centerCode, fileId], 'find_file');
        return ok(row ? fileRecordSchema.parse(JSON.parse(recordRowSchema.parse(row).record)) : null);
      }),
    publicFileStatus: async (centerCode, number, lookupCode) =>
      guard(async () => {
        // The latest audit-log line is the last change; a file always has at least its reception.
        const [row] = await sql(
          pool,
          `SELECT f.number, f.status, f.due_at, f.received_at,
                  (SELECT h.at FROM status_history h WHERE h.center_code = f.center_code AND h.file_id = f.id ORDER BY h.id DESC LIMIT 1) AS changed_at
           FROM files f WHERE f.center_code = $1 AND f.number = $2 AND f.lookup_code = $3`,
          [centerCode, number, lookupCode],
          'public_status',
        );
        if (!row) return ok(null);
        const r = publicRowSchema.parse(row);
        return ok({ number: r.number, status: r.status, dueAt: r.due_at, changedAt: r.changed_at ?? r.received_at });
      }),
    fileChanges: async (centerCode, fileId) =>
      guard(async () => {
        const rows = await sql(pool, 'SELECT * FROM file_changes WHERE center_code = $1 AND file_id = $2 ORDER BY id', [centerCode, fileId]);
        return ok(
          rows.map((raw): FileChangeEntry => {
            const r = changeRowSchema.parse(raw);
            return {
              fileId: r.file_id,
              kind: r.kind,
              at: r.at,
              staffId: r.staff_id,
              staffName: r.staff_name,
              location: r.location,
              deviceId: r.device_id,
              reason: r.reason,
              previous: r.previous === null ? null : (JSON.parse(r.previous) as unknown),
              next: JSON.parse(r.next) as unknown,
            };
          }),
        );
      }),
    statusHistory: async (centerCode, fileId) =>
      guard(async () => {
        const rows = await sql(pool, 'SELECT * FROM status_history WHERE center_code = $1 AND file_id = $2 ORDER BY id', [centerCode, fileId]);
        return ok(
          rows.map((raw): StatusHistoryEntry => {
            const r = historyRowSchema.parse(raw);
            return { fileId: r.file_id, status: r.status, at: r.at, staffId: r.staff_id, staffName: r.staff_name, location: r.location, note: r.note, deviceId: r.device_id };
          }),
        );
      }),
    fileSummaries: async ({ centerCodes, fromMs, toMs }) =>
      guard(async () => {
        const result = await pool
          .query({
            // Times as epoch milliseconds kept by PostgreSQL itself (migration 3), so the period is exact
            // and no time is parsed per file on either side.
            text: `SELECT f.center_code, f.location_code, f.received_ms, f.channel, p.field, f.procedure_code, f.procedure_name,
                          f.status, f.due_ms, f.done_ms, f.returned_ms, f.rating
                   FROM files f LEFT JOIN procedures p ON p.code = f.procedure_code
                   WHERE f.center_code = ANY($1::text[]) AND f.received_ms >= $2::int8 AND f.received_ms < $3::int8`,
            values: [centerCodes, fromMs, toMs],
            rowMode: 'array',
          })
          .catch((e: unknown) => {
            throw new PostgresFailure(e);
          });
        return ok(
          result.rows.map((raw: unknown[]): StatsFileSummary => {
            const [centerCode, locationCode, receivedAt, channel, field, procedureCode, procedureName, status, dueAt, doneAt, returnedAt, rating] = summaryRowSchema.parse(raw);
            return { centerCode, locationCode, receivedAt, channel, field: field ?? UNKNOWN_FIELD, procedureCode, procedureName, status, dueAt, doneAt, returnedAt, rating };
          }),
        );
      }),

    close: async () => {
      await notices.close();
      if (!pool.ended) await pool.end();
    },
  };
}

