/**
 * The transaction port the exactly-once rules (server/sync/apply*.ts) are written against: what a
 * store must read and write inside one write transaction, and nothing about SQL. Each store (SQLite,
 * PostgreSQL) implements it with its own queries and locks, so the rules live once.
 *
 * Locking contract: the `lock*` reads return the row and keep it from changing under the caller
 * until the transaction ends (PostgreSQL: SELECT ... FOR UPDATE; SQLite: its single writer already
 * serialises every write transaction). The rules take the device's row first, then files.
 *
 * Writes answer nothing but their completion, so a store may send them without waiting for each
 * (PostgreSQL pipelines them behind the next read); a write's failure then surfaces at the next
 * read, savepoint or commit, and fails the transaction all the same.
 */
import type { FileStatus } from '../../shared/files/fileRecord.ts';
import type { RejectionCode } from '../../shared/sync/rejectionCodes.ts';
import type { Device, FileChangeEntry, NewDevice, StatusHistoryEntry, StoredRating } from '../store/store.ts';

/** What applying one pushed item came to: its status, or a rejection with a reason and its code. */
export type ApplyOutcome = 'applied' | 'duplicate' | { rejected: string; code: RejectionCode };

/** A file as the rules see it: the columns they check, and the record as stored (JSON text). */
export interface StoredFile {
  id: string;
  centerCode: string;
  number: string;
  status: FileStatus;
  receivedAt: string;
  dueAt: string | null;
  /** The fee payment as JSON, or null until one is recorded. */
  fee: string | null;
  /** sha256 of the record as first pushed: a resent file.create with the same content is a duplicate. */
  contentHash: string;
  /** The record as stored (JSON text), corrections applied. */
  record: string;
}

export interface NewFileRow {
  id: string;
  centerCode: string;
  number: string;
  deviceId: string;
  procedureCode: string;
  record: string;
  contentHash: string;
  receivedAt: string;
  storedAt: string;
  dueAt: string | null;
  locationCode: string | null;
  lookupCode: string | null;
}

/** How a mutation ended, as logged (replays answer from it). */
export interface LoggedMutation {
  status: 'applied' | 'rejected';
  reason: string | null;
  code: string | null;
}

export interface MutationLogEntry extends LoggedMutation {
  centerCode: string;
  deviceId: string;
  seq: number;
  mutationId: string;
  kind: string;
  at: string;
}

/** One line of the status feed devices pull; the store gives it the next cursor of its center. */
export interface FeedEntry {
  centerCode: string;
  fileId: string;
  number: string;
  status: FileStatus;
  at: string;
  note: string | null;
  dueAt: string | null;
}

export interface NewRating extends Omit<StoredRating, 'centerCode'> {
  centerCode: string | null;
  storedAt: string;
}

export interface SyncTransaction {
  /** The short codes of a center's devices (revoked ones too), with the center locked: enrolments take turns. */
  lockCenterDeviceCodes(centerCode: string): Promise<string[]>;
  insertDevice(device: NewDevice & { code: string; enrolledAt: string }): Promise<Device>;

  /** The device, locked: a second push of the same device waits until this one commits. Null when unknown. */
  lockDevice(deviceId: string): Promise<Device | null>;
  setLastAppliedSeq(device: Device, seq: number): Promise<void>;
  loggedMutation(device: Device, seq: number): Promise<LoggedMutation | null>;
  logMutation(entry: MutationLogEntry): Promise<void>;

  /** A file by id, locked against other changes until the transaction ends. */
  lockFile(fileId: string): Promise<StoredFile | null>;
  /** The id of the center's file with this number, locked like lockFile (a rating counts against it). */
  lockFileByNumber(centerCode: string, number: string): Promise<{ id: string; lookupCode: string | null } | null>;
  /** Inserts a new file as 'received'; false (and nothing written) when its id or number is taken. */
  insertFile(file: NewFileRow): Promise<boolean>;
  /** The file's new status, changed at `at` (a store may keep the first done/returned time beside it). */
  setFileStatus(file: StoredFile, status: FileStatus, at: string): Promise<void>;
  /** A correction: the new record and its procedure code (content_hash stays the first push's). */
  setFileRecord(file: StoredFile, record: string, procedureCode: string): Promise<void>;
  setFileDue(file: StoredFile, dueAt: string, record: string): Promise<void>;
  setFileFee(file: StoredFile, fee: string): Promise<void>;
  appendHistory(centerCode: string, entry: StatusHistoryEntry): Promise<void>;
  appendFileChange(centerCode: string, entry: FileChangeEntry): Promise<void>;
  /**
   * Appends to the center's status feed under its next cursor. Cursors must reach readers in commit
   * order (a reader that has seen cursor N never later finds a new line below N).
   */
  appendFeed(entry: FeedEntry): Promise<void>;

  ratingById(id: string): Promise<StoredRating | null>;
  /** Whether a rating already counts for this file number (at most one does). */
  countedRatingExists(centerCode: string, fileNumber: string): Promise<boolean>;
  /** Inserts a rating; false (and nothing written) when a rating with this id is already stored. */
  insertRating(rating: NewRating): Promise<boolean>;

  /** Runs `work`; if it throws, only its own writes are undone (a SAVEPOINT) and the error goes on. */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
}

export interface SyncTransactions {
  /**
   * Runs `work` in one write transaction: committed when it returns, rolled back when it throws.
   * A store may run `work` again after a serialization failure or deadlock, so `work` must keep
   * no state outside the transaction except what it resets at its start.
   */
  write<T>(work: (tx: SyncTransaction) => Promise<T>): Promise<T>;
  /** Whether `e` is the database's own failure (disk, lock, connection), as opposed to a bug. */
  isStorageError(e: unknown): boolean;
  /** A storage failure in words, for the 503 a device retries after. */
  describeStorageError(e: unknown): string;
}
