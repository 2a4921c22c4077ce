/** `npm run catalog:import -- PATH [--data-dir DIR]`: loads a catalog file or folder into the server's store. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createFileCatalogStore } from '../catalog/catalogStore.ts';
import { describeImport, importCatalog } from '../catalog/importCatalog.ts';

const usage = 'usage: npm run catalog:import -- PATH [--data-dir data/server]';
let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { 'data-dir': { type: 'string', default: process.env.MOTCUA_SERVER_DATA ?? 'data/server' } },
  });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const path = parsed.positionals[0];
if (!path) {
  console.error(usage);
  process.exit(2);
}
const result = await importCatalog(createFileCatalogStore(resolve(parsed.values['data-dir'])), resolve(path));
if (!result.ok) {
  console.error(`catalog not imported: ${result.error}`);
  process.exit(1);
}
console.log(describeImport(result.value));
