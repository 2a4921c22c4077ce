/**
 * The holiday-table half of the SQLite store: every import that changes the table is a new row
 * with the next version, so devices can tell a newer table from the one they hold.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { holidayTableSchema, type HolidayTable } from '../../shared/calendar/holidayTable.ts';
import { ok } from '../../shared/result.ts';
import type { CalendarStore, StoredHolidayTable } from './store.ts';
import type { SqliteGuard } from './sqliteSerial.ts';

const rowSchema = z.object({ version: z.number().int().positive(), json: z.string(), source: z.string(), imported_at: z.string() });

export function createSqliteCalendar(
  db: Database.Database,
  guard: SqliteGuard,
): CalendarStore {
  const latest = db.prepare('SELECT version, json, source, imported_at FROM holiday_table ORDER BY version DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO holiday_table (version, json, source, imported_at) VALUES (?, ?, ?, ?)');

  // Parsed once per version; the CLI may import while the server runs, so the version is read each time.
  let cached: StoredHolidayTable | null = null;
  const read = (): { stored: StoredHolidayTable; json: string } | null => {
    const raw = latest.get();
    if (!raw) return null;
    const row = rowSchema.parse(raw);
    if (cached?.version !== row.version) {
      // A row that no longer fits the schema is a damaged database, not a request error.
      cached = { version: row.version, table: holidayTableSchema.parse(JSON.parse(row.json)), source: row.source, importedAt: row.imported_at };
    }
    return { stored: cached, json: row.json };
  };

  const replace = db.transaction((table: HolidayTable, source: string) => {
    const json = JSON.stringify(table);
    const current = read();
    if (current?.json === json) return { stored: current.stored, changed: false };
    const version = (current?.stored.version ?? 0) + 1;
    insert.run(version, json, source, new Date().toISOString());
    return { stored: read()!.stored, changed: true };
  });

  return {
    currentHolidayTable: async () => guard(() => ok(read()?.stored ?? null)),
    replaceHolidayTable: async (table, source) => guard(() => ok(replace.immediate(table, source))),
  };
}
