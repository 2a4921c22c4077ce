/**
 * The PostgreSQL side of the exactly-once rules' transaction port (server/sync/syncTransaction.ts).
 * Writers run side by side here, so the port's locks are real: SELECT ... FOR UPDATE on the device
 * (a second push of it waits), on the file (a status change racing a push waits and then sees the
 * first), on the center for enrolments; the status feed takes its cursor from the center's feed head
 * under that row's lock, so cursors are handed out in commit order and a reader that has seen N never
 * finds a new line below N later. Statements are named, so each connection plans them once.
 */
import type pg from 'pg';
import { z } from 'zod';
import { fileStatusSchema } from '../../../shared/files/fileRecord.ts';
import { deviceRoleSchema } from '../../../shared/sync/protocol.ts';
import type { FeedEntry, MutationLogEntry, SyncTransaction, SyncTransactions } from '../../sync/syncTransaction.ts';
import type { Device, StatusHistoryEntry, StoredRating } from '../store.ts';
import { inTransaction, PostgresFailure, sql, sqlCount, wireBatch } from './postgresSql.ts';

export const DEVICE_COLUMNS = 'id, center_code, code, name, location_code, role, enrolled_at, revoked_at, last_applied_seq';

const deviceRowSchema = z.object({
  id: z.string(),
  center_code: z.string(),
  code: z.string(),
  name: z.string(),
  location_code: z.string().nullable(),
  role: deviceRoleSchema,
  enrolled_at: z.string(),
  revoked_at: z.string().nullable(),
  last_applied_seq: z.number().int().nonnegative(),
});

export const toDevice = (row: unknown): Device => {
  const r = deviceRowSchema.parse(row);
  return {
    id: r.id,
    centerCode: r.center_code,
    code: r.code,
    name: r.name,
    locationCode: r.location_code,
    role: r.role,
    enrolledAt: r.enrolled_at,
    revokedAt: r.revoked_at,
    lastAppliedSeq: r.last_applied_seq,
  };
};

export const RATING_COLUMNS = 'id, center_code, device_id, file_number, score, reasons, at, given_at, counted';

const ratingRowSchema = z.object({
  id: z.string(),
  center_code: z.string().nullable(),
  device_id: z.string().nullable(),
  file_number: z.string().nullable(),
  score: z.number().int().min(1).max(4),
  reasons: z.string(),
  at: z.string(),
  given_at: z.string(),
  counted: z.boolean(),
});

export const toRating = (row: unknown): StoredRating => {
  const r = ratingRowSchema.parse(row);
  return {
    id: r.id,
    centerCode: r.center_code,
    deviceId: r.device_id,
    fileNumber: r.file_number,
    score: r.score as StoredRating['score'],
    reasons: z.array(z.string()).parse(JSON.parse(r.reasons)),
    at: r.at,
    givenAt: r.given_at,
    counted: r.counted,
  };
};

const fileRowSchema = z.object({
  id: z.string(),
  center_code: z.string(),
  number: z.string(),
  status: fileStatusSchema,
  received_at: z.string(),
  due_at: z.string().nullable(),
  fee: z.string().nullable(),
  content_hash: z.string(),
  record: z.string(),
});
const loggedRowSchema = z.object({ status: z.enum(['applied', 'rejected']), reason: z.string().nullable(), code: z.string().nullable() });
const byNumberRowSchema = z.object({ id: z.string(), lookup_code: z.string().nullable() });
const codeRowSchema = z.object({ code: z.string() });

/**
 * A center's feed head moved on by $2 lines, its row locked to the commit: the next writer of the
 * center gets its cursors after this one committed. Nothing (and no lock) when $2 is 0.
 */
const FEED_HEAD = `INSERT INTO feed_heads (center_code, last_cursor) SELECT $1::text, $2::bigint WHERE $2::bigint > 0
  ON CONFLICT (center_code) DO UPDATE SET last_cursor = feed_heads.last_cursor + $2::bigint RETURNING last_cursor`;
/** The feed lines ($3..$8) under the cursors the head handed out, in the order they were appended. */
const FEED_ROWS = `SELECT $1::text, head.last_cursor - $2::bigint + e.o, e.f, e.n, e.s, e.a, e.t, e.d
  FROM head, unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS e(f, n, s, a, t, d, o)`;
const feedArrays = (f: FeedEntry[]) => [f.map((e) => e.fileId), f.map((e) => e.number), f.map((e) => e.status), f.map((e) => e.at), f.map((e) => e.note), f.map((e) => e.dueAt)];

/**
 * The port over one connection in pipeline mode: reads are awaited, writes are sent without waiting
 * and ride ahead of the next read (answers come back in order, so a read's answer means every write
 * before it was done). Writes are held on the socket until that read (or the commit), so each round
 * trip is one write to the socket however many statements it carries. A write's failure is kept and
 * thrown at the next read, savepoint or commit.
 */
function transactionOn(client: pg.PoolClient): SyncTransaction & { commit(): Promise<void>; flush(): void } {
  let savepoints = 0;
  /** A RELEASE SAVEPOINT not yet sent (see savepoint()). */
  let releaseDue: string | null = null;
  let failure: unknown = null;
  const lines: {
    log: MutationLogEntry[];
    history: { centerCode: string; entry: StatusHistoryEntry }[];
    feed: FeedEntry[];
    lastApplied: { centerCode: string; deviceId: string; seq: number } | null;
  } = { log: [], history: [], feed: [], lastApplied: null };
  let lastWrite: Promise<unknown> = Promise.resolve();
  const wire = wireBatch(client);
  let holding = false;
  const hold = () => {
    if (holding) return;
    holding = true;
    wire.hold();
  };
  /** Sends whatever is held; every path out of a transaction goes through here (commit, settle, the caller's finally). */
  const flush = () => {
    if (!holding) return;
    holding = false;
    wire.send();
  };
  const settle = async () => {
    flush();
    await lastWrite;
    if (failure !== null) throw failure;
  };
  const write = (text: string, values: unknown[], name?: string): Promise<void> => {
    hold();
    const sent = sql(client, text, values, name).then(
      () => undefined,
      (e: unknown) => {
        failure ??= e;
      },
    );
    lastWrite = sent;
    return Promise.resolve();
  };
  /** A read: its rows, or the first failure of a write sent before it (the more telling error). */
  const read = async <R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[], name?: string): Promise<R[]> => {
    hold();
    const answer = sql<R>(client, text, values, name);
    flush();
    try {
      const rows = await answer;
      await settle();
      return rows;
    } catch (e) {
      await lastWrite;
      throw failure ?? e;
    }
  };
  const count = async (text: string, values: unknown[], name?: string): Promise<number> => {
    hold();
    const answer = sqlCount(client, text, values, name);
    flush();
    try {
      const n = await answer;
      await settle();
      return n;
    } catch (e) {
      await lastWrite;
      throw failure ?? e;
    }
  };
  /**
   * COMMIT in the same write as the last writes. In a transaction a failed write has aborted,
   * PostgreSQL answers COMMIT with a rollback, not an error: the write's failure is thrown then.
   */
  /**
   * The kept lines in one statement (data-modifying CTEs), in the order they were appended, with the
   * device's last applied number: each statement is a round of the protocol for the database, so
   * four writes cost one. A feed of a
   * second center (never in a push; a server-side change has one file) gets a statement of its own.
   */
  const appendLines = () => {
    const { log: l, history: h, feed, lastApplied } = lines;
    lines.log = [];
    lines.history = [];
    lines.feed = [];
    lines.lastApplied = null;
    if (l.length + h.length + feed.length === 0 && !lastApplied) return;
    const centers = [...new Set(feed.map((e) => e.centerCode))];
    for (const centerCode of centers.slice(1)) {
      const f = feed.filter((e) => e.centerCode === centerCode);
      void write(
        `WITH head AS (${FEED_HEAD}) INSERT INTO status_feed (center_code, cursor, file_id, number, status, changed_at, note, due_at) ${FEED_ROWS}`,
        [centerCode, f.length, ...feedArrays(f)],
        'append_feed_lines',
      );
    }
    const f = feed.filter((e) => e.centerCode === centers[0]);
    void write(
      `WITH log AS (
         INSERT INTO mutations (center_code, device_id, seq, mutation_id, kind, at, status, reason, code)
         SELECT * FROM unnest($9::text[], $10::text[], $11::bigint[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])),
       history AS (
         -- WITH ORDINALITY and ORDER BY: the identity column numbers the lines in the order they happened.
         INSERT INTO status_history (center_code, file_id, status, at, staff_id, staff_name, location, note, device_id)
         SELECT c, f, s, a, si, sn, l, n, d FROM unnest($18::text[], $19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[], $26::text[])
           WITH ORDINALITY AS h(c, f, s, a, si, sn, l, n, d, o) ORDER BY o),
       applied AS (UPDATE devices SET last_applied_seq = $29::bigint WHERE center_code = $27::text AND id = $28::text),
       head AS (${FEED_HEAD})
       INSERT INTO status_feed (center_code, cursor, file_id, number, status, changed_at, note, due_at) ${FEED_ROWS}`,
      [
        centers[0] ?? '',
        f.length,
        ...feedArrays(f),
        l.map((m) => m.centerCode),
        l.map((m) => m.deviceId),
        l.map((m) => m.seq),
        l.map((m) => m.mutationId),
        l.map((m) => m.kind),
        l.map((m) => m.at),
        l.map((m) => m.status),
        l.map((m) => m.reason),
        l.map((m) => m.code),
        h.map((x) => x.centerCode),
        h.map((x) => x.entry.fileId),
        h.map((x) => x.entry.status),
        h.map((x) => x.entry.at),
        h.map((x) => x.entry.staffId),
        h.map((x) => x.entry.staffName),
        h.map((x) => x.entry.location),
        h.map((x) => x.entry.note),
        h.map((x) => x.entry.deviceId),
        // No device to move on: the UPDATE matches no row.
        lastApplied?.centerCode ?? null,
        lastApplied?.deviceId ?? null,
        lastApplied?.seq ?? null,
      ],
      'append_lines',
    );
  };
  const commit = async () => {
    hold();
    appendLines();
    const committed = client.query('COMMIT');
    flush();
    let tag: string;
    try {
      tag = (await committed).command;
    } catch (e) {
      await lastWrite;
      throw failure ?? new PostgresFailure(e);
    }
    await lastWrite;
    if (failure !== null) throw failure;
    if (tag !== 'COMMIT') throw new PostgresFailure(new Error(`the transaction ended in ${tag}, not COMMIT`));
  };
  return {
    commit,
    flush,
    lockCenterDeviceCodes: async (centerCode) => {
      await read('SELECT code FROM centers WHERE code = $1 FOR UPDATE', [centerCode], 'lock_center');
      return (await read('SELECT code FROM devices WHERE center_code = $1', [centerCode], 'device_codes')).map((r) => codeRowSchema.parse(r).code);
    },
    insertDevice: async (d) => {
      const [row] = await read(
        `INSERT INTO devices (center_code, id, code, name, location_code, role, token_hash, enrolled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${DEVICE_COLUMNS}`,
        [d.centerCode, d.id, d.code, d.name, d.locationCode, d.role, d.tokenHash, d.enrolledAt],
        'insert_device',
      );
      return toDevice(row);
    },
    lockDevice: async (deviceId) => {
      const [row] = await read(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1 FOR UPDATE`, [deviceId], 'lock_device');
      return row ? toDevice(row) : null;
    },
    // Written with the lines at commit (appendLines): nothing in the transaction reads it back.
    setLastAppliedSeq: async (device, seq) => {
      lines.lastApplied = { centerCode: device.centerCode, deviceId: device.id, seq };
    },
    loggedMutation: async (device, seq) => {
      const [row] = await read(
        'SELECT status, reason, code FROM mutations WHERE center_code = $1 AND device_id = $2 AND seq = $3',
        [device.centerCode, device.id, seq],
        'logged_mutation',
      );
      return row ? loggedRowSchema.parse(row) : null;
    },
    // Append-only lines (the mutation log, the history, the feed) nothing in the transaction reads
    // back: kept here and written at commit, one statement each (appendLines).
    logMutation: async (m) => {
      lines.log.push(m);
    },
    lockFile: async (fileId) => {
      const [row] = await read(
        'SELECT id, center_code, number, status, received_at, due_at, fee, content_hash, record FROM files WHERE id = $1 FOR UPDATE',
        [fileId],
        'lock_file',
      );
      if (!row) return null;
      const r = fileRowSchema.parse(row);
      return { id: r.id, centerCode: r.center_code, number: r.number, status: r.status, receivedAt: r.received_at, dueAt: r.due_at, fee: r.fee, contentHash: r.content_hash, record: r.record };
    },
    lockFileByNumber: async (centerCode, number) => {
      const [row] = await read('SELECT id, lookup_code FROM files WHERE center_code = $1 AND number = $2 FOR UPDATE', [centerCode, number], 'lock_file_number');
      if (!row) return null;
      const r = byNumberRowSchema.parse(row);
      return { id: r.id, lookupCode: r.lookup_code };
    },
    insertFile: async (f) =>
      (await count(
        // The record is parsed as jsonb once (each `$6::jsonb` would parse it again) for the columns the figures read.
        `INSERT INTO files (center_code, id, number, device_id, procedure_code, status, record, content_hash, received_at, stored_at, due_at,
                            location_code, lookup_code, channel, procedure_name, attachments)
         SELECT $1, $2, $3, $4, $5, 'received', $6::text, $7, $8, $9, $10, $11, $12,
                r.j ->> 'channel', r.j ->> 'procedureName', COALESCE(jsonb_array_length(r.j -> 'attachments'), 0)
         FROM (SELECT $6::jsonb AS j) AS r
         ON CONFLICT DO NOTHING`,
        [f.centerCode, f.id, f.number, f.deviceId, f.procedureCode, f.record, f.contentHash, f.receivedAt, f.storedAt, f.dueAt, f.locationCode, f.lookupCode],
        'insert_file',
      )) === 1,
    // The first done and returned times are kept beside the status, as the history's minimum.
    setFileStatus: async (file, status, at) =>
      write(
        `UPDATE files SET status = $3::text,
           done_at = CASE WHEN $3 = 'done' THEN LEAST(done_at, $4::text COLLATE "C") ELSE done_at END,
           returned_at = CASE WHEN $3 = 'returned' THEN LEAST(returned_at, $4::text COLLATE "C") ELSE returned_at END
         WHERE center_code = $1 AND id = $2`,
        [file.centerCode, file.id, status, at],
        'set_status',
      ),
    setFileRecord: async (file, record, procedureCode) =>
      write(
        `UPDATE files SET record = $3::text, procedure_code = $4, channel = ($3::jsonb) ->> 'channel', procedure_name = ($3::jsonb) ->> 'procedureName'
         WHERE center_code = $1 AND id = $2`,
        [file.centerCode, file.id, record, procedureCode],
        'set_record',
      ),
    setFileDue: async (file, dueAt, record) =>
      write('UPDATE files SET due_at = $3, record = $4 WHERE center_code = $1 AND id = $2', [file.centerCode, file.id, dueAt, record], 'set_due'),
    setFileFee: async (file, fee) =>
      write('UPDATE files SET fee = $3 WHERE center_code = $1 AND id = $2', [file.centerCode, file.id, fee], 'set_fee'),
    appendHistory: async (centerCode, h) => {
      lines.history.push({ centerCode, entry: h });
    },
    appendFileChange: async (centerCode, c) =>
      write(
        `INSERT INTO file_changes (center_code, file_id, kind, at, staff_id, staff_name, location, device_id, reason, previous, next)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [centerCode, c.fileId, c.kind, c.at, c.staffId, c.staffName, c.location, c.deviceId, c.reason, c.previous === null ? null : JSON.stringify(c.previous), JSON.stringify(c.next)],
        'append_change',
      ),
    // Cursors are taken at commit (appendLines), so the center's feed head is locked only for the
    // commit's own round trip, not for the whole push.
    appendFeed: async (e) => {
      lines.feed.push(e);
    },
    ratingById: async (id) => {
      const [row] = await read(`SELECT ${RATING_COLUMNS} FROM ratings WHERE id = $1`, [id], 'rating_by_id');
      return row ? toRating(row) : null;
    },
    countedRatingExists: async (centerCode, fileNumber) =>
      (await read('SELECT 1 FROM ratings WHERE center_code = $1 AND file_number = $2 AND counted', [centerCode, fileNumber], 'counted_rating')).length > 0,
    insertRating: async (r) => {
      const inserted =
        (await count(
          `INSERT INTO ratings (id, center_code, device_id, file_number, score, reasons, at, given_at, stored_at, counted)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
          [r.id, r.centerCode, r.deviceId, r.fileNumber, r.score, JSON.stringify(r.reasons), r.at, r.givenAt, r.storedAt, r.counted],
          'insert_rating',
        )) === 1;
      // The one rating that counts for a file rides on the file's row, for the figures.
      if (inserted && r.counted && r.fileNumber !== null && r.centerCode !== null) {
        void write('UPDATE files SET rating = $3 WHERE center_code = $1 AND number = $2', [r.centerCode, r.fileNumber, r.score], 'set_rating');
      }
      return inserted;
    },
    savepoint: async (work) => {
      savepoints += 1;
      const name = `item_${savepoints}`;
      const kept = { log: lines.log.length, history: lines.history.length, feed: lines.feed.length };
      // The previous item's RELEASE rides in the same message (one round of the protocol for both).
      void write(releaseDue ? `${releaseDue}; SAVEPOINT ${name}` : `SAVEPOINT ${name}`, []);
      releaseDue = null;
      try {
        const result = await work();
        // Sent with the next SAVEPOINT, or never: COMMIT releases every savepoint.
        releaseDue = `RELEASE SAVEPOINT ${name}`;
        return result;
      } catch (e) {
        // The database's own failure fails the transaction; a bug's writes are undone here alone,
        // with the lines it kept for the commit (and any savepoint inside it, released or not).
        lines.log.length = kept.log;
        lines.history.length = kept.history;
        lines.feed.length = kept.feed;
        releaseDue = null;
        await settle();
        await read(`ROLLBACK TO SAVEPOINT ${name}`, []);
        releaseDue = `RELEASE SAVEPOINT ${name}`;
        throw e;
      } finally {
        savepoints -= 1;
      }
    },
  };
}

export function createPostgresSyncTransactions(pool: pg.Pool): SyncTransactions {
  return {
    write: (work) =>
      inTransaction(
        pool,
        async (client) => {
          const tx = transactionOn(client);
          try {
            const result = await work(tx);
            await tx.commit();
            return result;
          } finally {
            // A rule that threw between a write and the next read leaves writes held: send them before ROLLBACK.
            tx.flush();
          }
        },
        { commitsItself: true },
      ),
    isStorageError: (e) => e instanceof PostgresFailure,
    describeStorageError: (e) => (e as Error).message,
  };
}
