/**
 * The device's working calendar: the holiday table last fetched from the server, or the statutory
 * rules alone (lunar Tết and Hùng Kings included) when the device has never had one.
 */
import { buildWorkCalendar, type HolidayTable, type WorkCalendar } from '../../shared/calendar/holidayTable.ts';
import type { MotcuaDb } from './db.ts';

export async function loadWorkCalendar(db: MotcuaDb): Promise<WorkCalendar> {
  try {
    const row = await db.calendar.get('holidays');
    return buildWorkCalendar(row?.table ?? null);
  } catch {
    return buildWorkCalendar(null);
  }
}

/** Keeps the server's table when it differs from the one held; 'unchanged' when it is the same dataset. */
export async function storeHolidayTable(db: MotcuaDb, table: HolidayTable, at: string): Promise<'updated' | 'unchanged'> {
  const current = await db.calendar.get('holidays');
  if (current?.table.version === table.version) return 'unchanged';
  await db.calendar.put({ key: 'holidays', table, storedAt: at });
  return 'updated';
}
