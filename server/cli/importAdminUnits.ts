/** `npm run address:import -- [DIR] [--data-dir DIR]`: stores a new version of the administrative units (default: the shared admin_units folder). */
import { resolve } from 'node:path';
import { defaultAdminUnitsDir, describeAdminUnitsImport, importAdminUnits } from '../address/importAdminUnits.ts';
import { readCommandLine, withStore } from './storeCommand.ts';

const usage = 'usage: npm run address:import -- [DIR] [--data-dir data/server]';
const { values, positionals } = readCommandLine(usage, {});
if (positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
const dir = resolve(positionals[0] ?? defaultAdminUnitsDir());
const outcome = await withStore(values, 'administrative units not imported', (store) => importAdminUnits(store, dir));
console.log(describeAdminUnitsImport(outcome));
