/**
 * Loads a holiday table file into a store (the CLI and the server's first start) and says, in
 * words, what happened. The file is checked with the shared schema before anything is stored.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHolidayTable } from '../../shared/calendar/holidayTable.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { sharedDataDir } from '../catalog/readCatalogSource.ts';
import type { CalendarStore, StoredHolidayTable } from '../store/store.ts';

/** The checked table in the shared data folder (see its SOURCES.md). */
export const DEFAULT_HOLIDAY_TABLE = 'calendar/vn_holidays_2025_2027.json';

export const defaultHolidayTablePath = (): string => join(sharedDataDir(), DEFAULT_HOLIDAY_TABLE);

export interface CalendarImportOutcome {
  stored: StoredHolidayTable;
  /** false when the file held the same table as the latest version (nothing new stored). */
  changed: boolean;
  path: string;
}

export async function importCalendar(store: CalendarStore, path: string): Promise<Result<CalendarImportOutcome>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    return err(`cannot read ${path}: ${(e as Error).message}`);
  }
  const table = parseHolidayTable(json);
  if (!table.ok) return err(`${path}: ${table.error}`);
  const saved = await store.replaceHolidayTable(table.value, `import of ${path}`);
  if (!saved.ok) return err(saved.error.reason);
  return ok({ ...saved.value, path });
}

export function describeCalendarImport({ stored, changed, path }: CalendarImportOutcome): string {
  const { table } = stored;
  const what = `holiday table "${table.version}" (${table.days.length} days, years ${table.years.join(', ')})`;
  return changed
    ? `imported ${what} from ${path} as calendar version ${stored.version}`
    : `${what} from ${path} is the same as calendar version ${stored.version}: nothing stored`;
}
