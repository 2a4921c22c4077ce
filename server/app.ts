/**
 * createApp(config): the motcua server as a Fastify instance, testable without listen().
 * Serves the catalog API and, when asked, the built renderer (the `npm run web` mode).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Catalog } from '../shared/catalog/procedure.ts';
import { demoCatalog } from '../shared/catalog/demoCatalog.ts';
import type { CatalogStore } from './catalog/catalogStore.ts';
import { registerCatalogRoutes } from './routes/catalog.ts';

export interface AppConfig {
  catalogStore: CatalogStore;
  /** Folder of the built renderer to serve at /, or null for API only. */
  webRoot: string | null;
  logger?: boolean;
}

export async function createApp(config: AppConfig): Promise<FastifyInstance> {
  const app = Fastify({ logger: config.logger ?? false, bodyLimit: 50 * 1024 * 1024 });

  // The demo catalog stands in until a real one is imported, so a new center sees something useful.
  const catalog = async (): Promise<Catalog> => (await config.catalogStore.current()) ?? demoCatalog;

  // The Electron shell loads the UI from app://motcua, so the catalog API must answer other origins.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('access-control-allow-origin', '*');
  });
  app.get('/api/health', async () => ({ ok: true }));
  registerCatalogRoutes(app, catalog);

  if (config.webRoot) {
    if (!existsSync(join(config.webRoot, 'index.html'))) {
      throw new Error(`no built renderer in ${config.webRoot}: run "npm run build:web" first`);
    }
    await app.register(fastifyStatic, {
      root: config.webRoot,
      // The service worker and the page must be revalidated, or a kiosk could keep an old shell for ever.
      setHeaders(res, path) {
        if (/(sw\.js|index\.html|workbox-[^/]*\.js)$/.test(path)) res.setHeader('cache-control', 'no-cache');
      },
    });
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/')) return reply.code(404).send({ error: 'not found' });
      return reply.sendFile('index.html');
    });
  }
  return app;
}
