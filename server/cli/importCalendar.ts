/** `npm run calendar:import -- [PATH] [--data-dir DIR]`: stores a new version of the holiday table (default: the shared one). */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultHolidayTablePath, describeCalendarImport, importCalendar } from '../calendar/importCalendar.ts';
import { openSqliteStore } from '../store/sqliteStore.ts';
import { dataDirOption } from './dataDirOption.ts';

const usage = 'usage: npm run calendar:import -- [PATH] [--data-dir data/server]';
let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: dataDirOption });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
if (parsed.positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
const path = resolve(parsed.positionals[0] ?? defaultHolidayTablePath());
const store = openSqliteStore(resolve(parsed.values['data-dir']));
if (!store.ok) {
  console.error(`holiday table not imported: ${store.error}`);
  process.exit(1);
}
const result = await importCalendar(store.value, path);
await store.value.close();
if (!result.ok) {
  console.error(`holiday table not imported: ${result.error}`);
  process.exit(1);
}
console.log(describeCalendarImport(result.value));
