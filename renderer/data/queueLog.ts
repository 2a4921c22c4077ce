/**
 * The device's copy on disk of the day's queue log and of the center's queue settings, as the
 * server sent them: only for a reload without the network (the live copy is in memory), so a
 * failure to read or write is not the caller's problem and reads as "nothing kept".
 */
import { storedQueueEventSchema, type StoredQueueEvent } from '../../shared/queue/queueEvents.ts';
import { storedQueueSettingsSchema, type StoredQueueSettings } from '../../shared/queue/queueSettings.ts';
import type { MotcuaDb } from './db.ts';

/** The kept log of `day`, in the server's order; other days' rows are dropped on the way. */
export async function readKeptQueueDay(db: MotcuaDb, day: string): Promise<StoredQueueEvent[]> {
  try {
    await db.queueLog.where('day').notEqual(day).delete();
    const rows = (await db.queueLog.where('day').equals(day).toArray()).sort((a, b) => a.cursor - b.cursor);
    const events: StoredQueueEvent[] = [];
    for (const row of rows) {
      const parsed = storedQueueEventSchema.safeParse(row.event);
      if (parsed.success) events.push(parsed.data as StoredQueueEvent);
    }
    return events;
  } catch {
    return [];
  }
}

export async function keepQueueEvents(db: MotcuaDb, events: readonly StoredQueueEvent[]): Promise<void> {
  try {
    await db.queueLog.bulkPut(events.map((e) => ({ id: e.id, cursor: e.cursor, day: e.day, event: e })));
  } catch {
    // Only for a reload without the network: the live copy is intact.
  }
}

export async function forgetQueueLog(db: MotcuaDb): Promise<void> {
  await db.queueLog.clear().catch(() => undefined);
}

/** The settings kept for this center, if any. */
export async function readKeptQueueSettings(db: MotcuaDb, centerCode: string): Promise<StoredQueueSettings | null> {
  try {
    const row = await db.queueSettings.get('settings');
    if (!row || row.centerCode !== centerCode) return null;
    const parsed = storedQueueSettingsSchema.safeParse(row.stored);
    return parsed.success ? (parsed.data as StoredQueueSettings) : null;
  } catch {
    return null;
  }
}

export async function keepQueueSettings(db: MotcuaDb, centerCode: string, stored: StoredQueueSettings): Promise<void> {
  await db.queueSettings.put({ key: 'settings', centerCode, stored }).catch(() => undefined);
}
