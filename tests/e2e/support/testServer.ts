/**
 * A real motcua server on loopback, with its own SQLite data folder, serving the built renderer.
 * The demo center (shared/demo/demoCenter.ts) is seeded unless `demoCenter: false`, so counter tests can enrol.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../../server/app.ts';
import { defaultAdminUnitsDir, importAdminUnits } from '../../../server/address/importAdminUnits.ts';
import { importCatalog } from '../../../server/catalog/importCatalog.ts';
import { ensureDemoCenter } from '../../../server/centers/addCenter.ts';
import { ensureDemoCenterList } from '../../../server/centers/demoCenterList.ts';
import { openSqliteStore } from '../../../server/store/sqliteStore.ts';
import type { SyncStore } from '../../../server/store/store.ts';

export interface TestServer {
  url: string;
  /** The server's store: count files, find duplicates (e.g. `store.countFiles('DEMO')`). */
  store: SyncStore;
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  catalogPath?: string;
  /** Import the administrative units from the shared data folder (the address lookup); default false. */
  adminUnits?: boolean;
  /** Seed the demo center; default true. */
  demoCenter?: boolean;
  /** Seed the demo center's list (DEMO VALUES); default false, so other tests see national values. */
  demoCenterList?: boolean;
  /** Serve the built renderer at /; default true. */
  web?: boolean;
  /** Listen on this port (0, the default, picks a free one). */
  port?: number;
  /** Serve this folder instead of dist/renderer (e.g. a copy a test changes to ship a "new version"). */
  webRoot?: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-e2e-'));
  const opened = openSqliteStore(dataDir);
  if (!opened.ok) throw new Error(opened.error);
  const store = opened.value;
  if (options.catalogPath) {
    const imported = await importCatalog(store, options.catalogPath);
    if (!imported.ok) throw new Error(imported.error);
  }
  if (options.adminUnits) {
    const imported = await importAdminUnits(store, defaultAdminUnitsDir());
    if (!imported.ok) throw new Error(imported.error);
  }
  if (options.demoCenter ?? true) {
    const seeded = await ensureDemoCenter(store);
    if (!seeded.ok) throw new Error(seeded.error);
  }
  if (options.demoCenterList) {
    const listed = await ensureDemoCenterList(store);
    if (!listed.ok) throw new Error(listed.error);
  }
  const webRoot = (options.web ?? true) ? (options.webRoot ?? resolve(import.meta.dirname, '../../../dist/renderer')) : null;
  const app = await createApp({ store, webRoot });
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    // "localhost" is a secure context, so the service worker registers over plain http.
    url: `http://localhost:${port}/`,
    store,
    app,
    dataDir,
    close: async () => {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
