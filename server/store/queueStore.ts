/**
 * What the server keeps of the front-desk queue: each center's settings (every save a revision),
 * the append-only event log with its cursor, the numbers given per service per day, and the
 * refusals (so a resent event is answered as the first time). The business rules live in
 * server/queue/queueDesk.ts; this is storage, with the one transaction a new number needs.
 */
import type { QueueEvent, StoredQueueEvent } from '../../shared/queue/queueEvents.ts';
import type { QueueSettings, StoredQueueSettings } from '../../shared/queue/queueSettings.ts';
import type { Result } from '../../shared/result.ts';
import type { StorageFailure } from './store.ts';

export interface QueueRefusalRecord {
  id: string;
  centerCode: string;
  code: string;
  reason: string;
  /** The event as it was sent, to tell a resend from another event under the same id. */
  event: string;
}

export type SettingsConflict = { kind: 'conflict'; revision: number; reason: string };

/** The issue to store under the number the store gives; `make` checks it (pure, synchronous) or says why not. */
export type MakeIssue = (number: string) => Result<QueueEvent, { code: string; reason: string }>;

export type IssueFailure = { kind: 'refused'; code: string; reason: string } | StorageFailure;
export type AppendFailure = { kind: 'number_taken'; reason: string } | { kind: 'duplicate_id'; reason: string } | StorageFailure;

export interface QueueStore {
  /** The center's latest settings, or null before its admin set any. */
  queueSettings(centerCode: string): Promise<Result<StoredQueueSettings | null, StorageFailure>>;
  /** Saves a new revision when `baseRevision` is still the latest (null: the center has none yet). */
  saveQueueSettings(
    centerCode: string,
    settings: QueueSettings,
    baseRevision: number | null,
    deviceId: string | null,
  ): Promise<Result<StoredQueueSettings, SettingsConflict | StorageFailure>>;
  /**
   * Gives the next number of `prefix` for the center's `day` and stores the issue `make` builds
   * with it, in one transaction: the number is counted, reserved and logged together or not at all.
   */
  issueQueueNumber(centerCode: string, day: string, prefix: string, deviceId: string | null, make: MakeIssue): Promise<Result<StoredQueueEvent, IssueFailure>>;
  /** Stores an event made elsewhere (a device, or the server's call); an issue also reserves its number. */
  appendQueueEvent(centerCode: string, deviceId: string | null, event: QueueEvent): Promise<Result<StoredQueueEvent, AppendFailure>>;
  /** The center's events of one day after `since`, in log order. */
  queueEventsOfDay(centerCode: string, day: string, since: number, limit: number): Promise<Result<StoredQueueEvent[], StorageFailure>>;
  /** The center's events of the days in [fromDay, toDay), in log order (the figures). */
  queueEventsBetween(centerCode: string, fromDay: string, toDay: string): Promise<Result<StoredQueueEvent[], StorageFailure>>;
  /** An event by its id, with its center, or null. */
  findQueueEvent(id: string): Promise<Result<{ centerCode: string; event: StoredQueueEvent } | null, StorageFailure>>;
  recordQueueRefusal(refusal: QueueRefusalRecord, deviceId: string | null, at: string): Promise<Result<void, StorageFailure>>;
  findQueueRefusal(id: string): Promise<Result<QueueRefusalRecord | null, StorageFailure>>;
  /** Numbers given more than once on a day (always empty unless something is badly wrong): for tests and the bench. */
  duplicateQueueNumbers(centerCode: string): Promise<Result<{ day: string; number: string; count: number }[], StorageFailure>>;
}
