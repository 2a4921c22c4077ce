/**
 * The device's working calendar: the holiday table last fetched from the server, or the statutory
 * rules alone (lunar Tết and Hùng Kings included) when the device has never had one.
 */
import { buildWorkCalendar, type WorkCalendar } from '../../shared/calendar/holidayTable.ts';
import { calendarResponseSchema, SYNC_PATHS } from '../../shared/sync/protocol.ts';
import type { MotcuaDb } from './db.ts';

export async function loadWorkCalendar(db: MotcuaDb): Promise<WorkCalendar> {
  try {
    const row = await db.calendar.get('holidays');
    return buildWorkCalendar(row?.table ?? null);
  } catch {
    return buildWorkCalendar(null);
  }
}

/** Fetches the server's table when it differs from ours; quiet on failure (the old table stays). */
export async function refreshHolidayTable(db: MotcuaDb, serverUrl: string): Promise<'updated' | 'unchanged' | 'unavailable'> {
  try {
    const current = await db.calendar.get('holidays');
    const response = await fetch(new URL(SYNC_PATHS.calendar, serverUrl), { signal: AbortSignal.timeout(10_000), cache: 'no-store' });
    if (!response.ok) return 'unavailable';
    const parsed = calendarResponseSchema.safeParse(await response.json());
    if (!parsed.success) return 'unavailable';
    const { table } = parsed.data;
    if (current?.table.version === table.version) return 'unchanged';
    await db.calendar.put({ key: 'holidays', table, storedAt: new Date().toISOString() });
    return 'updated';
  } catch {
    return 'unavailable';
  }
}
