/** `npm run calendar:import -- [PATH] [--data-dir DIR]`: stores a new version of the holiday table (default: the shared one). */
import { resolve } from 'node:path';
import { defaultHolidayTablePath, describeCalendarImport, importCalendar } from '../calendar/importCalendar.ts';
import { readCommandLine, withStore } from './storeCommand.ts';

const usage = 'usage: npm run calendar:import -- [PATH] [--data-dir data/server]';
const { values, positionals } = readCommandLine(usage, {});
if (positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
const path = resolve(positionals[0] ?? defaultHolidayTablePath());
const outcome = await withStore(values, 'holiday table not imported', (store) => importCalendar(store, path));
console.log(describeCalendarImport(outcome));
