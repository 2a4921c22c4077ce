/**
 * createApp(config): the motcua server as a Fastify instance, testable without listen().
 * Serves the catalog, holiday table, enrolment, sync and figures APIs and, when asked, the built renderer (`npm run web`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { requireDevice } from './auth/deviceAuth.ts';
import { sendError } from './http/apiError.ts';
import { registerAddressRoutes } from './routes/address.ts';
import { registerCalendarRoutes } from './routes/calendar.ts';
import { registerCatalogRoutes } from './routes/catalog.ts';
import { registerDeviceRoutes } from './routes/devices.ts';
import { registerFileRoutes } from './routes/files.ts';
import { registerPublicLookupRoutes } from './routes/publicLookup.ts';
import { createQueueDesk } from './queue/queueDesk.ts';
import { registerQueueRoutes } from './routes/queue.ts';
import { registerQueueBoardRoutes } from './routes/queueBoard.ts';
import { registerStatsRoutes } from './routes/stats.ts';
import { registerSyncRoutes } from './routes/sync.ts';
import { registerUpdateRoutes } from './routes/updates.ts';
import type { SyncStore } from './store/store.ts';

export interface AppConfig {
  store: SyncStore;
  /** Folder of the built renderer to serve at /, or null for API only. */
  webRoot: string | null;
  /** Folder of Electron app releases served at /updates/ (electron-updater's generic feed), or none. */
  updatesDir?: string | null;
  logger?: boolean;
}

/** Attachments travel inline as base64 (up to 10 x 5 MB a file), so a push can be large. */
export const BODY_LIMIT_BYTES = 64 * 1024 * 1024;

export async function createApp(config: AppConfig): Promise<FastifyInstance> {
  const app = Fastify({ logger: config.logger ?? false, bodyLimit: BODY_LIMIT_BYTES });
  app.decorateRequest('device', null);

  // The Electron shell loads the UI from app://motcua, so the API must answer other origins.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('access-control-allow-origin', '*');
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS' && request.url.startsWith('/api/')) {
      return reply
        .code(204)
        .header('access-control-allow-origin', '*')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-allow-methods', 'GET, POST, PUT')
        .send();
    }
    return undefined;
  });

  // Fastify's own refusals (malformed JSON, body too large) answer in the API's error shape.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status < 500) return sendError(reply, status, error.code ?? 'bad_request', error.message);
    request.log.error(error);
    return sendError(reply, 500, 'internal', 'the server failed on this request; it has been logged');
  });

  app.get('/api/health', async () => ({ ok: true }));
  registerCatalogRoutes(app, config.store);
  if (config.updatesDir) await registerUpdateRoutes(app, config.updatesDir);
  registerCalendarRoutes(app, config.store);
  registerAddressRoutes(app, config.store);
  await registerDeviceRoutes(app, config.store);
  await registerPublicLookupRoutes(app, config.store);
  // One front desk per app: the device routes and the waiting-room screen share its live state.
  const queueDesk = createQueueDesk(config.store);
  await registerQueueBoardRoutes(app, queueDesk);
  // Everything a device does after enrolment needs its token, checked before the body is read.
  await app.register(async (authenticated) => {
    authenticated.addHook('onRequest', requireDevice(config.store));
    registerSyncRoutes(authenticated, config.store);
    registerFileRoutes(authenticated, config.store);
    registerStatsRoutes(authenticated, config.store);
    await registerQueueRoutes(authenticated, queueDesk);
  });

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
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !config.webRoot) {
      return sendError(reply, 404, 'not_found', `no such path: ${request.method} ${request.url.split('?')[0]}`);
    }
    return reply.sendFile('index.html');
  });
  return app;
}
