/**
 * The catalog's one route: what changed since the version a device holds (deletions included), or
 * everything when it holds none or one too old. Kiosks and counters both ask it; an up-to-date
 * device gets an empty answer of a few bytes. The whole catalog, the same for every new device,
 * is compressed once per version. Until a catalog is imported, the demo catalog is served so a new
 * center sees something useful.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Catalog } from '../../shared/catalog/procedure.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { type CatalogChanges } from '../../shared/sync/protocol.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import { createPrecompressedJson } from '../http/compression.ts';
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
  const sendWhole = createPrecompressedJson();

  app.get(API_PATHS.catalog.changes, PUBLIC, async (request, reply) => {
    const query = changesQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'invalid_request', describeIssues(query.error));
    const [changes, current] = await Promise.all([store.catalogChanges(query.data.since), store.currentCatalog()]);
    if (!changes.ok) return sendError(reply, 503, 'storage', changes.error.reason);
    if (!current.ok) return sendError(reply, 503, 'storage', current.error.reason);
    const catalog: Catalog = current.value ?? demoCatalog;
    // Where the catalog comes from and when it was made: the kiosk credits its source with them.
    const answer: CatalogChanges = { ...(changes.value ?? demoChanges(query.data.since)), source: catalog.source, generatedAt: catalog.generatedAt };
    reply.header('cache-control', 'no-store');
    if (!answer.full) return answer;
    return sendWhole(request, reply, `${answer.source}:${answer.version}`, () => answer);
  });
}
