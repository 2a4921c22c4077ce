/**
 * The queue half of the SQLite store (tables from migration "queue"). A server number is counted in
 * queue_numbers, reserved in queue_tickets (whose key refuses a number given twice) and logged in
 * queue_events in one IMMEDIATE transaction, so it survives a restart and is never handed out again.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { queueEventSchema, type QueueEvent, type StoredQueueEvent } from '../../shared/queue/queueEvents.ts';
import { queueSettingsSchema, type StoredQueueSettings } from '../../shared/queue/queueSettings.ts';
import { formatTicketNumber } from '../../shared/queue/ticketNumber.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { QueueStore } from './queueStore.ts';
import type { SqliteGuard } from './sqliteSerial.ts';

const settingsRowSchema = z.object({ revision: z.number().int().positive(), json: z.string(), saved_at: z.string() });
const eventRowSchema = z.object({ cursor: z.number().int().positive(), center_code: z.string(), event: z.string(), device_id: z.string().nullable(), received_at: z.string() });
const refusalRowSchema = z.object({ id: z.string(), center_code: z.string(), code: z.string(), reason: z.string(), event: z.string() });
const lastRowSchema = z.object({ last: z.number().int().nonnegative() }).optional();
const duplicateRowSchema = z.object({ day: z.string(), number: z.string(), n: z.number().int() });

/** A row that no longer parses is a damaged database, not a request error: it throws. */
function toStored(row: unknown): { centerCode: string; event: StoredQueueEvent } {
  const r = eventRowSchema.parse(row);
  const event = queueEventSchema.parse(JSON.parse(r.event));
  return { centerCode: r.center_code, event: { ...event, cursor: r.cursor, deviceId: r.device_id, receivedAt: r.received_at } };
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

export function createSqliteQueue(db: Database.Database, guard: SqliteGuard): QueueStore {
  const q = {
    latestSettings: db.prepare('SELECT revision, json, saved_at FROM queue_settings WHERE center_code = ? ORDER BY revision DESC LIMIT 1'),
    insertSettings: db.prepare('INSERT INTO queue_settings (center_code, revision, json, saved_at, device_id) VALUES (?, ?, ?, ?, ?)'),
    lastNumber: db.prepare('SELECT last FROM queue_numbers WHERE center_code = ? AND day = ? AND prefix = ?'),
    setNumber: db.prepare(
      `INSERT INTO queue_numbers (center_code, day, prefix, last) VALUES (?, ?, ?, ?)
       ON CONFLICT (center_code, day, prefix) DO UPDATE SET last = excluded.last`,
    ),
    reserve: db.prepare('INSERT INTO queue_tickets (center_code, day, number, issue_id) VALUES (?, ?, ?, ?)'),
    insertEvent: db.prepare(
      `INSERT INTO queue_events (id, center_code, day, kind, number, event, device_id, received_at)
       VALUES (@id, @centerCode, @day, @kind, @number, @event, @deviceId, @receivedAt)`,
    ),
    eventsOfDay: db.prepare('SELECT cursor, center_code, event, device_id, received_at FROM queue_events WHERE center_code = ? AND day = ? AND cursor > ? ORDER BY cursor LIMIT ?'),
    eventsBetween: db.prepare('SELECT cursor, center_code, event, device_id, received_at FROM queue_events WHERE center_code = ? AND day >= ? AND day < ? ORDER BY cursor'),
    eventById: db.prepare('SELECT cursor, center_code, event, device_id, received_at FROM queue_events WHERE id = ?'),
    insertRefusal: db.prepare('INSERT OR IGNORE INTO queue_refusals (id, center_code, device_id, code, reason, event, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    refusalById: db.prepare('SELECT id, center_code, code, reason, event FROM queue_refusals WHERE id = ?'),
    duplicates: db.prepare(
      `SELECT day, number, count(*) AS n FROM queue_events WHERE center_code = ? AND kind = 'issue'
       GROUP BY day, number HAVING count(*) > 1 ORDER BY day, number`,
    ),
  };

  function insert(centerCode: string, deviceId: string | null, event: QueueEvent): StoredQueueEvent {
    const receivedAt = new Date().toISOString();
    const info = q.insertEvent.run({
      id: event.id,
      centerCode,
      day: event.day,
      kind: event.kind,
      number: 'number' in event ? event.number : null,
      event: JSON.stringify(event),
      deviceId,
      receivedAt,
    });
    return { ...event, cursor: Number(info.lastInsertRowid), deviceId, receivedAt };
  }

  const saveSettings = db.transaction((centerCode: string, json: string, baseRevision: number | null, deviceId: string | null) => {
    const latest = settingsRowSchema.optional().parse(q.latestSettings.get(centerCode));
    const current = latest?.revision ?? null;
    if (current !== baseRevision) {
      return err({ kind: 'conflict' as const, revision: current ?? 0, reason: `the settings were saved meanwhile (revision ${current ?? 'none'}, edited from ${baseRevision ?? 'none'})` });
    }
    const revision = (current ?? 0) + 1;
    const savedAt = new Date().toISOString();
    q.insertSettings.run(centerCode, revision, json, savedAt, deviceId);
    return ok({ revision, savedAt, settings: queueSettingsSchema.parse(JSON.parse(json)) });
  });

  const issue = db.transaction((centerCode: string, day: string, prefix: string, deviceId: string | null, make: Parameters<QueueStore['issueQueueNumber']>[4]) => {
    const last = lastRowSchema.parse(q.lastNumber.get(centerCode, day, prefix))?.last ?? 0;
    const number = formatTicketNumber(prefix, last + 1);
    const made = make(number);
    if (!made.ok) return err({ kind: 'refused' as const, ...made.error });
    q.setNumber.run(centerCode, day, prefix, last + 1);
    q.reserve.run(centerCode, day, number, made.value.id);
    return ok(insert(centerCode, deviceId, made.value));
  });

  const append = db.transaction((centerCode: string, deviceId: string | null, event: QueueEvent): Result<StoredQueueEvent, { kind: 'number_taken' | 'duplicate_id'; reason: string }> => {
    if (q.eventById.get(event.id)) return err({ kind: 'duplicate_id', reason: `event ${event.id} is already stored` });
    if (event.kind === 'issue') {
      try {
        q.reserve.run(centerCode, event.day, event.number, event.id);
      } catch (e) {
        if (isUniqueViolation(e)) return err({ kind: 'number_taken', reason: `${event.number} was already given on ${event.day}` });
        throw e;
      }
    }
    return ok(insert(centerCode, deviceId, event));
  });

  return {
    queueSettings: async (centerCode) =>
      guard(() => {
        const row = settingsRowSchema.optional().parse(q.latestSettings.get(centerCode));
        return ok(row ? { revision: row.revision, savedAt: row.saved_at, settings: queueSettingsSchema.parse(JSON.parse(row.json)) } : null);
      }),
    saveQueueSettings: async (centerCode, settings, baseRevision, deviceId) =>
      guard((): Result<StoredQueueSettings, { kind: 'conflict'; revision: number; reason: string }> => saveSettings.immediate(centerCode, JSON.stringify(settings), baseRevision, deviceId)),
    issueQueueNumber: async (centerCode, day, prefix, deviceId, make) => guard(() => issue.immediate(centerCode, day, prefix, deviceId, make)),
    appendQueueEvent: async (centerCode, deviceId, event) => guard(() => append.immediate(centerCode, deviceId, event)),
    queueEventsOfDay: async (centerCode, day, since, limit) => guard(() => ok(q.eventsOfDay.all(centerCode, day, since, limit).map((r) => toStored(r).event))),
    queueEventsBetween: async (centerCode, fromDay, toDay) => guard(() => ok(q.eventsBetween.all(centerCode, fromDay, toDay).map((r) => toStored(r).event))),
    findQueueEvent: async (id) =>
      guard(() => {
        const row = q.eventById.get(id);
        return ok(row ? toStored(row) : null);
      }),
    recordQueueRefusal: async (refusal, deviceId, at) =>
      guard(() => {
        q.insertRefusal.run(refusal.id, refusal.centerCode, deviceId, refusal.code, refusal.reason, refusal.event, at);
        return ok(undefined);
      }),
    findQueueRefusal: async (id) =>
      guard(() => {
        const row = q.refusalById.get(id);
        if (!row) return ok(null);
        const r = refusalRowSchema.parse(row);
        return ok({ id: r.id, centerCode: r.center_code, code: r.code, reason: r.reason, event: r.event });
      }),
    duplicateQueueNumbers: async (centerCode) =>
      guard(() => ok(q.duplicates.all(centerCode).map((raw) => {
        const r = duplicateRowSchema.parse(raw);
        return { day: r.day, number: r.number, count: r.n };
      }))),
  };
}
