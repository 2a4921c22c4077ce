/**
 * Catalog routes: devices ask for the version first (cheap, every start-up), then either the
 * whole catalog (the kiosk) or only what changed since their version, deletions included.
 * Until a catalog is imported, the demo catalog is served so a new center sees something useful.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Catalog } from '../../shared/catalog/procedure.ts';
import type { CatalogVersionInfo } from '../../shared/catalog/catalogApi.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { type CatalogChanges } from '../../shared/sync/protocol.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import type { CatalogStore } from '../store/store.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

/** The catalog is published law: a kiosk reads it before it is enrolled. */
const PUBLIC = { config: { roles: ['public'] } } as const;

const changesQuerySchema = z.object({ since: z.coerce.number().int().nonnegative().default(0) });

function demoChanges(since: number): CatalogChanges {
  return since === demoCatalog.version
    ? { version: demoCatalog.version, full: false, upserts: [], deletions: [] }
    : { version: demoCatalog.version, full: true, upserts: demoCatalog.procedures, deletions: [] };
}

export function registerCatalogRoutes(app: FastifyInstance, store: CatalogStore): void {
  const current = async (): Promise<Catalog | { failed: string }> => {
    const found = await store.currentCatalog();
    if (!found.ok) return { failed: found.error.reason };
    return found.value ?? demoCatalog;
  };

  app.get(API_PATHS.catalog.version, PUBLIC, async (_request, reply) => {
    const c = await current();
    if ('failed' in c) return sendError(reply, 503, 'storage', c.failed);
    const info: CatalogVersionInfo = { version: c.version, source: c.source, count: c.procedures.length, generatedAt: c.generatedAt };
    return info;
  });

  app.get(API_PATHS.catalog.full, PUBLIC, async (request, reply) => {
    const c = await current();
    if ('failed' in c) return sendError(reply, 503, 'storage', c.failed);
    const etag = `"catalog-${c.version}"`;
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.header('etag', etag).header('cache-control', 'no-cache').send(c);
  });

  app.get(API_PATHS.catalog.changes, PUBLIC, async (request, reply) => {
    const query = changesQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'invalid_request', describeIssues(query.error));
    const changes = await store.catalogChanges(query.data.since);
    if (!changes.ok) return sendError(reply, 503, 'storage', changes.error.reason);
    return changes.value ?? demoChanges(query.data.since);
  });
}
