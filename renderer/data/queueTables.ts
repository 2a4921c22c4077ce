/**
 * What a device keeps of the front-desk queue in IndexedDB (tables added in db.ts): the events it
 * made and has not seen in the server's log yet (its outbox), the day's log as the server sent it
 * (so a reload without the network still shows the queue), and the center's settings.
 */
import type { QueueEvent, StoredQueueEvent } from '../../shared/queue/queueEvents.ts';
import type { StoredQueueSettings } from '../../shared/queue/queueSettings.ts';

/**
 * pending: not answered yet; sent: the server stored it (or had it); rejected: refused for good,
 * with its code (`queue.error.*`). Kept after sending so the device can tell its events in the log.
 */
export type QueueOutboxState = 'pending' | 'sent' | 'rejected';

export interface QueueOutboxRow {
  /** Order of making: events go out in this order (a start before its finish). */
  seq?: number;
  id: string;
  day: string;
  event: QueueEvent;
  state: QueueOutboxState;
  code: string | null;
  reason: string | null;
  attempts: number;
}

/** One event of the server's log. */
export interface QueueLogRow {
  id: string;
  cursor: number;
  day: string;
  event: StoredQueueEvent;
}

export interface QueueSettingsRow {
  key: 'settings';
  centerCode: string;
  stored: StoredQueueSettings;
}

/** Dexie stores of the queue tables: appended as one version in db.ts. */
export const QUEUE_STORES = {
  queueOutbox: '++seq, &id, state, day',
  queueLog: '&id, cursor, day',
  queueSettings: '&key',
} as const;
