/**
 * The outbox: every change this device makes, numbered 1, 2, 3, ... without gaps, waiting to reach
 * the server exactly once. Entries change state only on a server answer or a staff decision, so
 * nothing leaves it silently. Functions taking `db` inside a transaction must be called within one.
 */
import Dexie from 'dexie';
import type { FileStatus } from '../../shared/files/fileRecord.ts';
import type { MutationKind } from '../../shared/sync/protocol.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { FileSyncState, MotcuaDb, OutboxEntry, OutboxState, StoredFile } from './db.ts';
import { listFileViews, type FileView } from './fileViews.ts';
import { outboxContext } from './sealContexts.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

/** Adds one to a counter and returns the new value (inside a rw transaction over `counters`). */
export async function bumpCounter(db: MotcuaDb, key: string): Promise<number> {
  const value = ((await db.counters.get(key))?.value ?? 0) + 1;
  await db.counters.put({ key, value });
  return value;
}

/**
 * Adds a pending mutation with the next device sequence number (inside a rw transaction over outbox
 * and counters). The payload is sealed here, the one place payloads are written; Dexie.waitFor keeps
 * the transaction open over WebCrypto (a few milliseconds for one file).
 */
export async function enqueueMutation(
  db: MotcuaDb,
  kind: MutationKind,
  fileId: string,
  payload: unknown,
  at: string,
  meta: { statusTo?: FileStatus; dueTo?: string } = {},
): Promise<OutboxEntry> {
  const id = crypto.randomUUID();
  const sealed = await Dexie.waitFor(db.cipher.seal(payload, outboxContext(id)));
  const seq = await bumpCounter(db, 'mutationSeq');
  const entry: OutboxEntry = {
    seq,
    id,
    kind,
    at,
    payload: sealed,
    ...(meta.statusTo ? { statusTo: meta.statusTo } : {}),
    ...(meta.dueTo ? { dueTo: meta.dueTo } : {}),
    fileId,
    state: 'pending',
    attempts: 0,
    lastError: null,
    sentAt: null,
  };
  await db.outbox.add(entry);
  return entry;
}

/** The payload as pushed: decrypted, or why it cannot be (null when the server already has it). */
export async function openPayload(db: MotcuaDb, entry: OutboxEntry): Promise<Result<unknown, string>> {
  if (entry.payload === null) return ok(null);
  const opened = await db.cipher.open(entry.payload, outboxContext(entry.id));
  return opened.ok ? opened : err(`mutation ${entry.seq} cannot be read: ${opened.error}`);
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

/** The newest refusal standing against a file (its code and English reason), or null: what "fix and resend" shows. */
export async function standingRejection(db: MotcuaDb, fileId: string): Promise<Pick<OutboxItem, 'state' | 'lastError' | 'lastErrorCode'> | null> {
  const rejected = (await db.outbox.where('fileId').equals(fileId).toArray()).filter((e) => e.state === 'rejected').sort((a, b) => b.seq - a.seq)[0];
  return rejected ? { state: rejected.state, lastError: rejected.lastError, lastErrorCode: rejected.lastErrorCode ?? null } : null;
}

/** Recomputes and stores a file's sync state from its entries (inside a rw transaction over files and outbox). */
export async function refreshFileSyncState(db: MotcuaDb, fileId: string, changes: Partial<StoredFile> = {}): Promise<void> {
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
  /** The server's rejection code or a local failure's i18n key (see OutboxEntry). */
  lastErrorCode: string | null;
  sentAt: string | null;
  fileId: string;
  fileNumber: string | null;
  citizenName: string | null;
  /** The file's personal part opened, or why it cannot be (null when the file is not on this device). */
  personal: FileView['personal'] | null;
  procedureName: string | null;
  /** A status change's new status; a due date change's new date: what the entry is named by. */
  toStatus: FileStatus | null;
  dueAt: string | null;
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
    const files = await listFileViews(db, { ids: [...new Set(entries.map((e) => e.fileId))] });
    const byId = new Map(files.map((f) => [f.id, f]));
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
          citizenName: file?.personal.ok ? file.personal.value.citizen.fullName : null,
          personal: file?.personal ?? null,
          procedureName: file?.procedureName ?? null,
          // Named from the facts kept in clear beside the sealed payload (which goes once the server has it).
          toStatus: e.kind === 'file.status' ? (e.statusTo ?? null) : null,
          dueAt: e.kind === 'file.due' ? (e.dueTo ?? null) : null,
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

/**
 * How many files wait for the server and how many have a change it refused: files, not changes
 * ("3 hồ sơ chờ gửi" for three files, however many times each was moved). A file with anything
 * pending is `pending` (deriveFileSyncState), so the waiting count reads the files' index.
 */
export async function waitingFileCounts(db: MotcuaDb): Promise<Result<{ pendingFiles: number; rejectedFiles: number }, StorageError>> {
  try {
    const pendingFiles = await db.files.where('syncState').equals('pending').count();
    const rejected = new Set<string>();
    await db.outbox.where('state').equals('rejected').each((e) => void rejected.add(e.fileId));
    return ok({ pendingFiles, rejectedFiles: rejected.size });
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

/**
 * Staff have read why the server refused a change made after registration (a status move, a
 * correction, a due date, a fee): the entry is set aside as `cancelled`, with an audit line, so it
 * no longer counts as refused. The file itself is left as the server and the feed make it.
 */
export async function acknowledgeRejection(
  db: MotcuaDb,
  seq: number,
  staff: { id: string; name: string },
  now = new Date(),
): Promise<Result<null, StorageError>> {
  try {
    return await db.transaction('rw', [db.outbox, db.files, db.audit], async () => {
      const entry = await db.outbox.get(seq);
      if (!entry || entry.state !== 'rejected' || entry.kind === 'file.create' || entry.kind === 'file.cancel') {
        return err<StorageError>({ kind: 'wrong_state', reason: `mutation ${seq} is not a refused change to acknowledge` });
      }
      await db.outbox.update(seq, { state: 'cancelled' });
      await refreshFileSyncState(db, entry.fileId);
      await db.audit.add({ at: now.toISOString(), staffId: staff.id, staffName: staff.name, action: 'sync.acknowledged', fileId: entry.fileId, detail: `mutation ${seq} (${entry.kind}) set aside: ${entry.lastError ?? ''}` });
      return ok(null);
    });
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}
