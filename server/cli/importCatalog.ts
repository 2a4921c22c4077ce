/** `npm run catalog:import -- PATH [--data-dir DIR]`: loads a catalog file or folder into the server's store. */
import { resolve } from 'node:path';
import { describeImport, importCatalog } from '../catalog/importCatalog.ts';
import { readCommandLine, withStore } from './storeCommand.ts';

const usage = 'usage: npm run catalog:import -- PATH [--data-dir data/server]';
const { values, positionals } = readCommandLine(usage, {});
const path = positionals[0];
if (!path) {
  console.error(usage);
  process.exit(2);
}
const outcome = await withStore(values, 'catalog not imported', (store) => importCatalog(store, resolve(path)));
console.log(describeImport(outcome));
