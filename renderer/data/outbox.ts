/**
 * The outbox: every change this device makes, numbered 1, 2, 3, ... without gaps, waiting to reach
 * the server exactly once. Entries change state only on a server answer or a staff decision, so
 * nothing leaves it silently. Functions taking `db` inside a transaction must be called within one.
 */
import type { MutationKind } from '../../shared/sync/protocol.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { FileSyncState, LocalFile, MotcuaDb, OutboxEntry, OutboxState } from './db.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

/** Adds one to a counter and returns the new value (inside a rw transaction over `counters`). */
export async function bumpCounter(db: MotcuaDb, key: string): Promise<number> {
  const value = ((await db.counters.get(key))?.value ?? 0) + 1;
  await db.counters.put({ key, value });
  return value;
}

/** Adds a pending mutation with the next device sequence number (inside a rw transaction over outbox and counters). */
export async function enqueueMutation(
  db: MotcuaDb,
  kind: MutationKind,
  fileId: string,
  payload: unknown,
  at: string,
): Promise<OutboxEntry> {
  const seq = await bumpCounter(db, 'mutationSeq');
  const entry: OutboxEntry = {
    seq,
    id: crypto.randomUUID(),
    kind,
    at,
    payload,
    fileId,
    state: 'pending',
    attempts: 0,
    lastError: null,
    sentAt: null,
  };
  await db.outbox.add(entry);
  return entry;
}

/**
 * A file's sync state follows from all its outbox entries: anything still pending makes it pending,
 * then any standing rejection makes it rejected (with the newest reason); a file staff cancelled
 * locally stays cancelled; otherwise the server has everything.
 */
export function deriveFileSyncState(
  current: FileSyncState,
  entries: readonly OutboxEntry[],
): { syncState: FileSyncState; rejectReason: string | null } {
  if (entries.some((e) => e.state === 'pending')) return { syncState: 'pending', rejectReason: null };
  const rejected = entries.filter((e) => e.state === 'rejected').sort((a, b) => b.seq - a.seq)[0];
  if (rejected) return { syncState: 'rejected', rejectReason: rejected.lastError ?? 'rejected by the server' };
  if (current === 'cancelled') return { syncState: 'cancelled', rejectReason: null };
  return { syncState: 'sent', rejectReason: null };
}

/** Recomputes and stores a file's sync state from its entries (inside a rw transaction over files and outbox). */
export async function refreshFileSyncState(db: MotcuaDb, fileId: string, changes: Partial<LocalFile> = {}): Promise<void> {
  const file = await db.files.get(fileId);
  if (!file) return;
  const entries = await db.outbox.where('fileId').equals(fileId).toArray();
  await db.files.put({ ...file, ...changes, ...deriveFileSyncState(changes.syncState ?? file.syncState, entries) });
}

/** An outbox entry as the outbox screen shows it: without the payload, with the file it is about. */
export interface OutboxItem {
  seq: number;
  id: string;
  kind: MutationKind;
  at: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  /** The server's reason code for a rejection (an i18n key), when it gave one. */
  lastErrorCode: string | null;
  sentAt: string | null;
  fileId: string;
  fileNumber: string | null;
  citizenName: string | null;
  procedureName: string | null;
}

/** Outbox entries, newest first, optionally only those in one state. */
export async function listOutbox(
  db: MotcuaDb,
  filter: { state?: OutboxState; limit?: number } = {},
): Promise<Result<OutboxItem[], StorageError>> {
  const limit = filter.limit ?? 200;
  try {
    const entries = filter.state
      ? (await db.outbox.where('state').equals(filter.state).toArray()).sort((a, b) => b.seq - a.seq).slice(0, limit)
      : await db.outbox.orderBy('seq').reverse().limit(limit).toArray();
    const files = await db.files.bulkGet([...new Set(entries.map((e) => e.fileId))]);
    const byId = new Map(files.filter((f): f is LocalFile => f !== undefined).map((f) => [f.id, f]));
    return ok(
      entries.map((e) => {
        const file = byId.get(e.fileId);
        return {
          seq: e.seq,
          id: e.id,
          kind: e.kind,
          at: e.at,
          state: e.state,
          attempts: e.attempts,
          lastError: e.lastError,
          lastErrorCode: e.lastErrorCode ?? null,
          sentAt: e.sentAt,
          fileId: e.fileId,
          fileNumber: file?.number ?? null,
          citizenName: file?.citizen.fullName ?? null,
          procedureName: file?.procedureName ?? null,
        };
      }),
    );
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

export interface OutboxCounts {
  pending: number;
  sent: number;
  rejected: number;
}

export async function outboxCounts(db: MotcuaDb): Promise<Result<OutboxCounts, StorageError>> {
  try {
    const count = (state: OutboxState) => db.outbox.where('state').equals(state).count();
    const [pending, sent, rejected] = await Promise.all([count('pending'), count('sent'), count('rejected')]);
    return ok({ pending, sent, rejected });
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}
