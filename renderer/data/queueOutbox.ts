/**
 * The device's own queue events, written to IndexedDB before anything else and sent when there is
 * a link. A kiosk's offline number is counted and its issue event stored in one transaction, so a
 * number is never handed out twice by the same kiosk, even across a crash between the two.
 */
import type { EventResult } from '../../shared/queue/queueApi.ts';
import { queueEventSchema, type QueueEvent, type QueueEventOf } from '../../shared/queue/queueEvents.ts';
import type { PriorityCategory, QueueService } from '../../shared/queue/queueSettings.ts';
import { formatTicketNumber } from '../../shared/queue/ticketNumber.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { MotcuaDb } from './db.ts';
import type { QueueOutboxRow } from './queueTables.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

const offlineCounterKey = (day: string, prefix: string) => `queueNo:${day}:${prefix}`;

/** Stores an event this device made; it goes out with the next send. */
export async function recordQueueEvent(db: MotcuaDb, event: QueueEvent): Promise<Result<void, StorageError>> {
  const parsed = queueEventSchema.safeParse(event);
  if (!parsed.success) return err({ kind: 'invalid', reason: parsed.error.issues[0]?.message ?? 'not a queue event', fields: [] });
  try {
    await db.queueOutbox.add({ id: event.id, day: event.day, event: parsed.data, state: 'pending', code: null, reason: null, attempts: 0 });
    return ok(undefined);
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

export interface OfflineIssue {
  kioskCode: string;
  service: QueueService;
  priority: PriorityCategory | null;
  procedureCode: string | null;
  draftId: string | null;
  day: string;
  at: string;
  /** The online request that got no answer: if the server did number it, that number is voided. */
  unansweredId: string | null;
}

/**
 * The kiosk's next own number for the service today ("D03-A005"), counted and stored with its issue
 * event (and the voiding of the unanswered request) in one transaction.
 */
export async function takeOfflineNumber(db: MotcuaDb, issue: OfflineIssue): Promise<Result<QueueEventOf<'issue'>, StorageError>> {
  try {
    const event = await db.transaction('rw', db.counters, db.queueOutbox, async () => {
      const key = offlineCounterKey(issue.day, issue.service.prefix);
      const next = ((await db.counters.get(key))?.value ?? 0) + 1;
      await db.counters.put({ key, value: next });
      const made: QueueEventOf<'issue'> = {
        id: crypto.randomUUID(),
        kind: 'issue',
        at: issue.at,
        day: issue.day,
        number: formatTicketNumber(issue.service.prefix, next, issue.kioskCode),
        serviceId: issue.service.id,
        priority: issue.priority,
        procedureCode: issue.procedureCode,
        draftId: issue.draftId,
        origin: 'offline',
      };
      const rows: QueueOutboxRow[] = [{ id: made.id, day: made.day, event: made, state: 'pending', code: null, reason: null, attempts: 0 }];
      if (issue.unansweredId) {
        const voided: QueueEvent = { id: crypto.randomUUID(), kind: 'void_issue', at: issue.at, day: issue.day, issueId: issue.unansweredId };
        rows.push({ id: voided.id, day: voided.day, event: voided, state: 'pending', code: null, reason: null, attempts: 0 });
      }
      await db.queueOutbox.bulkAdd(rows);
      return made;
    });
    return ok(event);
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

/**
 * Raises the kiosk's offline count for a day and letter to at least `sequence`: its own offline
 * numbers seen in the server's log (the device's data was restored from an older copy) are never reused.
 */
export async function noteOwnOfflineNumber(db: MotcuaDb, day: string, prefix: string, sequence: number): Promise<void> {
  await db.transaction('rw', db.counters, async () => {
    const key = offlineCounterKey(day, prefix);
    const current = (await db.counters.get(key))?.value ?? 0;
    if (sequence > current) await db.counters.put({ key, value: sequence });
  });
}

/** Pending events in the order they were made. */
export async function pendingQueueEvents(db: MotcuaDb, limit: number): Promise<QueueOutboxRow[]> {
  return db.queueOutbox.where('state').equals('pending').sortBy('seq').then((rows) => rows.slice(0, limit));
}

/** The server's answers: stored events leave the pending state, refused ones keep their code. */
export async function markQueueResults(db: MotcuaDb, results: readonly EventResult[]): Promise<void> {
  await db.transaction('rw', db.queueOutbox, async () => {
    for (const r of results) {
      const row = await db.queueOutbox.where('id').equals(r.id).first();
      if (!row?.seq) continue;
      await db.queueOutbox.update(row.seq, r.status === 'rejected' ? { state: 'rejected', code: r.code, reason: r.reason } : { state: 'sent' });
    }
  });
}

export async function noteQueueAttempt(db: MotcuaDb, rows: readonly QueueOutboxRow[]): Promise<void> {
  await db.transaction('rw', db.queueOutbox, async () => {
    for (const row of rows) if (row.seq) await db.queueOutbox.update(row.seq, { attempts: row.attempts + 1 });
  });
}

/** This device's events of a day that the server has not refused, in the order made. */
export async function ownQueueEvents(db: MotcuaDb, day: string): Promise<QueueOutboxRow[]> {
  const rows = await db.queueOutbox.where('day').equals(day).toArray();
  return rows.filter((r) => r.state !== 'rejected').sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

export async function countPendingQueueEvents(db: MotcuaDb): Promise<number> {
  return db.queueOutbox.where('state').equals('pending').count();
}
