/** A real motcua server on loopback, with its own data folder, serving the built renderer. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../../server/app.ts';
import { createFileCatalogStore, type CatalogStore } from '../../../server/catalog/catalogStore.ts';
import { importCatalog } from '../../../server/catalog/importCatalog.ts';

export interface TestServer {
  url: string;
  store: CatalogStore;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startTestServer(options: { catalogPath?: string } = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-e2e-'));
  const store = createFileCatalogStore(dataDir);
  if (options.catalogPath) {
    const imported = await importCatalog(store, options.catalogPath);
    if (!imported.ok) throw new Error(imported.error);
  }
  const app = await createApp({ catalogStore: store, webRoot: resolve(import.meta.dirname, '../../../dist/renderer') });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    // "localhost" is a secure context, so the service worker registers over plain http.
    url: `http://localhost:${port}/`,
    store,
    app,
    close: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
