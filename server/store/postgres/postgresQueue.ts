/**
 * The queue half of the PostgreSQL store (see queueStore.ts; SQLite's is sqliteQueue.ts). Several
 * server processes may write one center's queue at once, so every change of a center first locks
 * its head row (queue_heads): the center's changes take turns, and the cursor each event gets from
 * the head is in commit order, so a device resuming after a cursor never misses one committed
 * later under a smaller cursor. A server number is counted (queue_numbers), reserved under its
 * unique key (queue_tickets) and logged (queue_events) in that one transaction.
 */
import type pg from 'pg';
import { z } from 'zod';
import { queueEventSchema, type QueueEvent, type StoredQueueEvent } from '../../../shared/queue/queueEvents.ts';
import { queueSettingsSchema } from '../../../shared/queue/queueSettings.ts';
import { formatTicketNumber } from '../../../shared/queue/ticketNumber.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { QueueStore } from '../queueStore.ts';
import type { PostgresGuard } from './postgresGuard.ts';
import { inTransaction, sql, sqlCount, type Queryable } from './postgresSql.ts';

const settingsRowSchema = z.object({ revision: z.number().int().positive(), json: z.string(), saved_at: z.string() });
const eventRowSchema = z.object({ cursor: z.number().int().positive(), center_code: z.string(), event: z.string(), device_id: z.string().nullable(), received_at: z.string() });
const refusalRowSchema = z.object({ id: z.string(), center_code: z.string(), code: z.string(), reason: z.string(), event: z.string() });
const lastRowSchema = z.object({ last: z.number().int().nonnegative() });
const headRowSchema = z.object({ last_cursor: z.number().int().nonnegative() });
const duplicateRowSchema = z.object({ day: z.string(), number: z.string(), n: z.number().int() });

const EVENT_COLUMNS = 'cursor, center_code, event, device_id, received_at';

/** A row that no longer parses is a damaged database, not a request error: it throws. */
function toStored(row: unknown): { centerCode: string; event: StoredQueueEvent } {
  const r = eventRowSchema.parse(row);
  const event = queueEventSchema.parse(JSON.parse(r.event));
  return { centerCode: r.center_code, event: { ...event, cursor: r.cursor, deviceId: r.device_id, receivedAt: r.received_at } };
}

/** Takes the center's turn (its head row, created on the first change) and answers its last cursor. */
async function lockHead(client: Queryable, centerCode: string): Promise<number> {
  await sql(client, 'INSERT INTO queue_heads (center_code, last_cursor) VALUES ($1, 0) ON CONFLICT (center_code) DO NOTHING', [centerCode], 'queue_head_create');
  const [row] = await sql(client, 'SELECT last_cursor FROM queue_heads WHERE center_code = $1 FOR UPDATE', [centerCode], 'queue_head_lock');
  return headRowSchema.parse(row).last_cursor;
}

/** Logs the event under the next cursor of the center (its head locked by this transaction). */
async function insert(client: Queryable, centerCode: string, lastCursor: number, deviceId: string | null, event: QueueEvent): Promise<StoredQueueEvent> {
  const cursor = lastCursor + 1;
  const receivedAt = new Date().toISOString();
  await sql(
    client,
    `INSERT INTO queue_events (center_code, cursor, id, day, kind, number, event, device_id, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [centerCode, cursor, event.id, event.day, event.kind, 'number' in event ? event.number : null, JSON.stringify(event), deviceId, receivedAt],
    'queue_event_insert',
  );
  await sql(client, 'UPDATE queue_heads SET last_cursor = $2 WHERE center_code = $1', [centerCode, cursor], 'queue_head_set');
  return { ...event, cursor, deviceId, receivedAt };
}

export function createPostgresQueue(pool: pg.Pool, guard: PostgresGuard): QueueStore {
  const latestSettings = async (db: Queryable, centerCode: string) => {
    const [row] = await sql(db, 'SELECT revision, json, saved_at FROM queue_settings WHERE center_code = $1 ORDER BY revision DESC LIMIT 1', [centerCode], 'queue_settings_latest');
    return row ? settingsRowSchema.parse(row) : null;
  };

  return {
    queueSettings: async (centerCode) =>
      guard(async () => {
        const row = await latestSettings(pool, centerCode);
        return ok(row ? { revision: row.revision, savedAt: row.saved_at, settings: queueSettingsSchema.parse(JSON.parse(row.json)) } : null);
      }),
    saveQueueSettings: async (centerCode, settings, baseRevision, deviceId) =>
      guard(() =>
        inTransaction(pool, async (client) => {
          await lockHead(client, centerCode);
          const current = (await latestSettings(client, centerCode))?.revision ?? null;
          if (current !== baseRevision) {
            return err({ kind: 'conflict' as const, revision: current ?? 0, reason: `the settings were saved meanwhile (revision ${current ?? 'none'}, edited from ${baseRevision ?? 'none'})` });
          }
          const revision = (current ?? 0) + 1;
          const savedAt = new Date().toISOString();
          const json = JSON.stringify(settings);
          await sql(client, 'INSERT INTO queue_settings (center_code, revision, json, saved_at, device_id) VALUES ($1, $2, $3, $4, $5)', [centerCode, revision, json, savedAt, deviceId]);
          return ok({ revision, savedAt, settings: queueSettingsSchema.parse(JSON.parse(json)) });
        }),
      ),
    issueQueueNumber: async (centerCode, day, prefix, deviceId, make) =>
      guard(() =>
        inTransaction(pool, async (client) => {
          const lastCursor = await lockHead(client, centerCode);
          const [row] = await sql(client, 'SELECT last FROM queue_numbers WHERE center_code = $1 AND day = $2 AND prefix = $3', [centerCode, day, prefix], 'queue_number_last');
          const last = row ? lastRowSchema.parse(row).last : 0;
          const number = formatTicketNumber(prefix, last + 1);
          const made = make(number);
          // Refused before anything is written (the head row alone may be new): nothing to undo.
          if (!made.ok) return err({ kind: 'refused' as const, ...made.error });
          await sql(
            client,
            `INSERT INTO queue_numbers (center_code, day, prefix, last) VALUES ($1, $2, $3, $4)
             ON CONFLICT (center_code, day, prefix) DO UPDATE SET last = excluded.last`,
            [centerCode, day, prefix, last + 1],
            'queue_number_set',
          );
          // The key refuses a number given twice: a failure here rolls the whole issue back.
          await sql(client, 'INSERT INTO queue_tickets (center_code, day, number, issue_id) VALUES ($1, $2, $3, $4)', [centerCode, day, number, made.value.id], 'queue_ticket_reserve');
          return ok(await insert(client, centerCode, lastCursor, deviceId, made.value));
        }),
      ),
    appendQueueEvent: async (centerCode, deviceId, event) =>
      guard(() =>
        inTransaction(pool, async (client): Promise<Result<StoredQueueEvent, { kind: 'number_taken' | 'duplicate_id'; reason: string }>> => {
          const lastCursor = await lockHead(client, centerCode);
          const [seen] = await sql(client, 'SELECT 1 AS found FROM queue_events WHERE id = $1', [event.id], 'queue_event_seen');
          if (seen) return err({ kind: 'duplicate_id', reason: `event ${event.id} is already stored` });
          if (event.kind === 'issue') {
            const reserved = await sqlCount(
              client,
              'INSERT INTO queue_tickets (center_code, day, number, issue_id) VALUES ($1, $2, $3, $4) ON CONFLICT (center_code, day, number) DO NOTHING',
              [centerCode, event.day, event.number, event.id],
              'queue_ticket_try',
            );
            if (reserved === 0) return err({ kind: 'number_taken', reason: `${event.number} was already given on ${event.day}` });
          }
          return ok(await insert(client, centerCode, lastCursor, deviceId, event));
        }),
      ),
    queueEventsOfDay: async (centerCode, day, since, limit) =>
      guard(async () => {
        const rows = await sql(pool, `SELECT ${EVENT_COLUMNS} FROM queue_events WHERE center_code = $1 AND day = $2 AND cursor > $3 ORDER BY cursor LIMIT $4`, [centerCode, day, since, limit], 'queue_events_day');
        return ok(rows.map((r) => toStored(r).event));
      }),
    queueEventsBetween: async (centerCode, fromDay, toDay) =>
      guard(async () => {
        const rows = await sql(pool, `SELECT ${EVENT_COLUMNS} FROM queue_events WHERE center_code = $1 AND day >= $2 AND day < $3 ORDER BY cursor`, [centerCode, fromDay, toDay]);
        return ok(rows.map((r) => toStored(r).event));
      }),
    findQueueEvent: async (id) =>
      guard(async () => {
        const [row] = await sql(pool, `SELECT ${EVENT_COLUMNS} FROM queue_events WHERE id = $1`, [id], 'queue_event_by_id');
        return ok(row ? toStored(row) : null);
      }),
    recordQueueRefusal: async (refusal, deviceId, at) =>
      guard(async () => {
        await sql(
          pool,
          'INSERT INTO queue_refusals (id, center_code, device_id, code, reason, event, at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING',
          [refusal.id, refusal.centerCode, deviceId, refusal.code, refusal.reason, refusal.event, at],
        );
        return ok(undefined);
      }),
    findQueueRefusal: async (id) =>
      guard(async () => {
        const [row] = await sql(pool, 'SELECT id, center_code, code, reason, event FROM queue_refusals WHERE id = $1', [id]);
        if (!row) return ok(null);
        const r = refusalRowSchema.parse(row);
        return ok({ id: r.id, centerCode: r.center_code, code: r.code, reason: r.reason, event: r.event });
      }),
    duplicateQueueNumbers: async (centerCode) =>
      guard(async () => {
        const rows = await sql(
          pool,
          `SELECT day, number, count(*)::int AS n FROM queue_events WHERE center_code = $1 AND kind = 'issue'
           GROUP BY day, number HAVING count(*) > 1 ORDER BY day, number`,
          [centerCode],
        );
        return ok(
          rows.map((raw) => {
            const r = duplicateRowSchema.parse(raw);
            return { day: r.day, number: r.number, count: r.n };
          }),
        );
      }),
  };
}
