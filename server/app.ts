/**
 * createApp(config): the motcua server as a Fastify instance, testable without listen().
 * Serves the catalog, holiday table, enrolment, sync and figures APIs and, when asked, the built renderer (`npm run web`).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { EnrolmentGuardOptions } from './auth/enrolmentGuard.ts';
import { declareRolesForScope, enforceRoles } from './auth/routeRoles.ts';
import { BODY_LIMITS } from './http/bodyLimits.ts';
import { registerCompression } from './http/compression.ts';
import { staticHeaders } from './http/staticHeaders.ts';
import { decorateServerClock } from './http/serverClock.ts';
import { RequestLog, startRequestSummary } from './http/requestLog.ts';
import { registerSecurityHeaders } from './http/securityHeaders.ts';
import { sendError } from './http/apiError.ts';
import { registerAddressRoutes } from './routes/address.ts';
import { registerCalendarRoutes } from './routes/calendar.ts';
import { registerCatalogRoutes } from './routes/catalog.ts';
import { registerCenterListRoutes } from './routes/centerList.ts';
import { registerDeviceRoutes } from './routes/devices.ts';
import { registerFileRoutes } from './routes/files.ts';
import { registerLearningRoutes } from './routes/learning.ts';
import { startSearchRetention } from './learning/searchRetention.ts';
import { registerProvinceRoutes } from './routes/province.ts';
import { registerPublicLookupRoutes } from './routes/publicLookup.ts';
import { registerPreregRoutes } from './routes/prereg.ts';
import { startDraftPurge } from './prereg/draftPurge.ts';
import { createQueueDesk } from './queue/queueDesk.ts';
import { registerQueueRoutes } from './routes/queue.ts';
import { registerQueueBoardRoutes } from './routes/queueBoard.ts';
import { registerStatsRoutes } from './routes/stats.ts';
import { registerSyncRoutes } from './routes/sync.ts';
import { registerUpdateRoutes } from './routes/updates.ts';
import { registerUploadRoutes } from './routes/uploads.ts';
import type { SyncStore } from './store/store.ts';
import { API_PATHS, API_PREFIX } from '../shared/sync/apiPaths.ts';

export interface AppConfig {
  store: SyncStore;
  /** Folder of the built renderer to serve at /, or null for API only. */
  webRoot: string | null;
  /** Folder of Electron app releases served at /updates/ (electron-updater's generic feed), or none. */
  updatesDir?: string | null;
  /** Fastify's logger: false (tests), or server/http/serverLog.ts's options (requests and errors to a rotating file). */
  logger?: FastifyServerOptions['logger'];
  /** Serve over HTTPS with this key and certificate (PEM). */
  https?: { key: Buffer; cert: Buffer } | null;
  /** The server's clock (file times are checked against it, ratings stamped with it); default the real one. */
  now?: () => Date;
  /** How enrolment guessing is slowed (tests shorten the waits); default auth/enrolmentGuard.ts's. */
  enrolmentGuard?: EnrolmentGuardOptions;
  /** Learning from kiosk searches: the clock that dates and purges them (default the server's), how often to purge. */
  learning?: { now?: () => Date; purgeEveryMs?: number };
  /** Kiosk pre-registrations: how often expired drafts are deleted (default every ten minutes, by the server's clock). */
  prereg?: { purgeEveryMs?: number };
}

/** The push's body limit (its own, in its route options); every other route reads a few KB at most. */

export async function createApp(config: AppConfig): Promise<FastifyInstance> {
  // One line per answer, by its outcome, and a summary a minute (server/http/requestLog.ts).
  const requestLog = new RequestLog();
  const app = (
    config.https
      ? Fastify({ logger: config.logger ?? false, logController: requestLog, bodyLimit: BODY_LIMITS.default, https: config.https })
      : Fastify({ logger: config.logger ?? false, logController: requestLog, bodyLimit: BODY_LIMITS.default })
  ) as FastifyInstance;
  startRequestSummary(app, requestLog);
  // Before any route: every route must declare who may call it (server/auth/routeRoles.ts).
  enforceRoles(app, config.store);
  decorateServerClock(app, config.now);
  registerSecurityHeaders(app);
  // Before any route, so every answer is compressed (server/http/compression.ts).
  await registerCompression(app);
  const learningNow = config.learning?.now ?? config.now ?? (() => new Date());

  // The Electron shell loads the UI from app://motcua, so the API must answer other origins.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith(API_PREFIX)) reply.header('access-control-allow-origin', '*');
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS' && request.url.startsWith(API_PREFIX)) {
      return reply
        .code(204)
        .header('access-control-allow-origin', '*')
        .header('access-control-allow-headers', 'authorization, content-type, if-none-match')
        .header('access-control-allow-methods', 'GET, POST, PUT, DELETE')
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

  app.get(API_PATHS.health, { config: { roles: ['public'] } }, async () => ({ ok: true }));
  registerCatalogRoutes(app, config.store);
  if (config.updatesDir) await registerUpdateRoutes(app, config.updatesDir);
  registerCalendarRoutes(app, config.store);
  registerAddressRoutes(app, config.store);
  registerDeviceRoutes(app, config.store, config.enrolmentGuard);
  await registerPublicLookupRoutes(app, config.store);
  registerSyncRoutes(app, config.store);
  registerFileRoutes(app, config.store);
  registerStatsRoutes(app, config.store);
  registerProvinceRoutes(app, config.store);
  registerCenterListRoutes(app, config.store);
  await registerUploadRoutes(app, config.store);
  // One front desk per app: the devices' queue routes and the waiting-room screen share its live state.
  // Its day is the server's clock's (a test server runs on the suite's clock, like the pages).
  const queueDesk = createQueueDesk(config.store, () => app.serverNow());
  await registerQueueBoardRoutes(app, queueDesk);
  await registerQueueRoutes(app, queueDesk);
  registerLearningRoutes(app, config.store, { now: learningNow });
  // Kiosk searches are kept 90 days: purged now and on a timer.
  const retention = startSearchRetention({
    store: config.store,
    now: learningNow,
    ...(config.learning?.purgeEveryMs ? { everyMs: config.learning.purgeEveryMs } : {}),
    report: (outcome) => ('failed' in outcome ? app.log.error(outcome, 'search purge failed') : app.log.info(outcome, 'old kiosk searches deleted')),
  });
  app.addHook('onClose', async () => retention.stop());
  // Pre-registrations are kept until the end of their Vietnam day: purged now and on a timer.
  registerPreregRoutes(app, config.store);
  const draftPurge = startDraftPurge({
    store: config.store,
    now: () => app.serverNow(),
    ...(config.prereg?.purgeEveryMs ? { everyMs: config.prereg.purgeEveryMs } : {}),
    report: (outcome) => ('failed' in outcome ? app.log.error(outcome, 'pre-registration purge failed') : app.log.info(outcome, 'expired pre-registrations deleted')),
  });
  app.addHook('onClose', async () => draftPurge.stop());

  if (config.webRoot) {
    if (!existsSync(join(config.webRoot, 'index.html'))) {
      throw new Error(`no built renderer in ${config.webRoot}: run "npm run build:web" first`);
    }
    const webRoot = config.webRoot;
    await app.register(async (scope) => {
      // The app shell is what a kiosk loads before it is anything: public.
      declareRolesForScope(scope, ['public']);
      await scope.register(fastifyStatic, {
        root: webRoot,
        // .br and .gz beside each file, written at build time (vite.config.ts).
        preCompressed: true,
        // Cache-Control is staticHeaders' to set (hashed files for a year, the rest revalidated).
        cacheControl: false,
        setHeaders: staticHeaders,
      });
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith(API_PREFIX) || !config.webRoot) {
      return sendError(reply, 404, 'not_found', `no such path: ${request.method} ${request.url.split('?')[0]}`);
    }
    // Any other path is a screen of the single-page app (the hash routes live in the page).
    const page = await readFile(join(config.webRoot, 'index.html'));
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  });
  return app;
}
