/** `npm run catalog:import -- PATH [--data-dir DIR]`: loads a catalog file or folder into the server's store. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeImport, importCatalog } from '../catalog/importCatalog.ts';
import { openSqliteStore } from '../store/sqliteStore.ts';
import { dataDirOption } from './dataDirOption.ts';

const usage = 'usage: npm run catalog:import -- PATH [--data-dir data/server]';
let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: dataDirOption });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const path = parsed.positionals[0];
if (!path) {
  console.error(usage);
  process.exit(2);
}
const store = openSqliteStore(resolve(parsed.values['data-dir']));
if (!store.ok) {
  console.error(`catalog not imported: ${store.error}`);
  process.exit(1);
}
const result = await importCatalog(store.value, resolve(path));
await store.value.close();
if (!result.ok) {
  console.error(`catalog not imported: ${result.error}`);
  process.exit(1);
}
console.log(describeImport(result.value));
