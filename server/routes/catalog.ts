/**
 * Catalog routes: devices ask for the version first (cheap, every start-up) and download the
 * whole catalog only when it changed. Delta updates come with the sync server.
 */
import type { FastifyInstance } from 'fastify';
import type { Catalog } from '../../shared/catalog/procedure.ts';
import type { CatalogVersionInfo } from '../../shared/catalog/catalogApi.ts';

export function registerCatalogRoutes(app: FastifyInstance, catalog: () => Promise<Catalog>): void {
  app.get('/api/catalog/version', async (): Promise<CatalogVersionInfo> => {
    const c = await catalog();
    return { version: c.version, source: c.source, count: c.procedures.length, generatedAt: c.generatedAt };
  });

  app.get('/api/catalog', async (request, reply) => {
    const c = await catalog();
    const etag = `"catalog-${c.version}"`;
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.header('etag', etag).header('cache-control', 'no-cache').send(c);
  });
}
