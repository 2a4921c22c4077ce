/** Starts the motcua server: `npm run server` (API) or `npm run web` (API + the kiosk UI). */
import { createApp } from './app.ts';
import { createFileCatalogStore } from './catalog/catalogStore.ts';
import { describeImport, importCatalog } from './catalog/importCatalog.ts';
import { readServerConfig } from './config.ts';

const config = readServerConfig(process.argv.slice(2));
if (!config.ok) {
  console.error(`motcua server: ${config.error}`);
  process.exit(2);
}
const { host, port, dataDir, webRoot, seedCatalog } = config.value;
const catalogStore = createFileCatalogStore(dataDir);

if (!(await catalogStore.current()) && seedCatalog) {
  const imported = await importCatalog(catalogStore, seedCatalog);
  console.log(imported.ok ? describeImport(imported.value) : `catalog not imported: ${imported.error}`);
}
const current = await catalogStore.current();
console.log(current ? `catalog: ${current.procedures.length} procedures, version ${current.version}` : 'catalog: demo (none imported)');

const app = await createApp({ catalogStore, webRoot });
const address = await app.listen({ host, port });
console.log(`motcua server listening on ${address}${webRoot ? ' (kiosk UI at /)' : ''}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void app.close().then(() => process.exit(0)));
}
