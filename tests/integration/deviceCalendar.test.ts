/**
 * A device takes the server's holiday table (real server, real SQLite, Dexie on fake-indexeddb) and
 * counts working days with it, keeping what it has when the server is out of reach.
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayNumberFromIso } from '../../shared/calendar/civilDay.ts';
import { openDb, type MotcuaDb } from '../../renderer/data/db.ts';
import { loadWorkCalendar } from '../../renderer/data/calendarRepository.ts';
import { refreshHolidayTable } from '../../renderer/sync/calendarPull.ts';
import { defaultHolidayTablePath, importCalendar } from '../../server/calendar/importCalendar.ts';
import { startTestServer, type TestServer } from '../e2e/support/testServer.ts';
import { createMemoryCipher } from '../../renderer/platform/memory.ts';

let server: TestServer;
let db: MotcuaDb;

beforeAll(async () => {
  server = await startTestServer({ web: false });
  const imported = await importCalendar(server.store, defaultHolidayTablePath());
  if (!imported.ok) throw new Error(imported.error);
  db = openDb(`calendar-${randomUUID()}`, await createMemoryCipher());
});
afterAll(async () => {
  await db?.delete();
  await server?.close();
});

describe("the device's working calendar", () => {
  it('falls back to the statutory rules, then takes the table from the server once', async () => {
    const before = await loadWorkCalendar(db);
    expect(before.tableYears).toEqual([]);
    expect(await refreshHolidayTable(db, server.url)).toBe('updated');
    expect(await refreshHolidayTable(db, server.url)).toBe('unchanged');
    const calendar = await loadWorkCalendar(db);
    expect(calendar.tableYears).toContain(2026);
    // Tết 2026 (17/02 is mùng 1) is a day off in both; the table also knows the whole announced break.
    expect(calendar.isWorkingDay(dayNumberFromIso('2026-02-17')!)).toBe(false);
    expect(calendar.isWorkingDay(dayNumberFromIso('2026-02-20')!)).toBe(false);
    expect(calendar.describeDay(dayNumberFromIso('2026-02-20')!).source).toBe('table');
  });

  it('keeps the table it has when the server cannot be reached', async () => {
    expect(await refreshHolidayTable(db, 'http://127.0.0.1:9/')).toBe('unavailable');
    expect((await loadWorkCalendar(db)).tableYears).toContain(2026);
  });
});
