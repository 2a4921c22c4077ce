/**
 * The administrative units for the address lookup (public, like the holiday table: it is published
 * law, and a kiosk needs it before it is enrolled). Revalidated with an ETag on the version; the body
 * is built once per version (1.4 MB), not per request.
 */
import type { FastifyInstance } from 'fastify';
import { type AdminUnitsResponse } from '../../shared/sync/protocol.ts';
import { sendError } from '../http/apiError.ts';
import type { AdminUnitsStore } from '../store/store.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

export const adminUnitsEtag = (version: number) => `"admin-units-${version}"`;

export function registerAddressRoutes(app: FastifyInstance, store: AdminUnitsStore): void {
  let body: { version: number; json: string } | null = null;
  app.get(API_PATHS.adminUnits, { config: { roles: ['public'] } }, async (request, reply) => {
    const found = await store.currentAdminUnits();
    if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
    if (!found.value) return sendError(reply, 404, 'no_admin_units', 'no administrative units on this server yet (npm run address:import)');
    const etag = adminUnitsEtag(found.value.version);
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    if (body?.version !== found.value.version) {
      const answer: AdminUnitsResponse = { version: found.value.version, importedAt: found.value.importedAt, units: found.value.units };
      body = { version: found.value.version, json: JSON.stringify(answer) };
    }
    return reply.type('application/json; charset=utf-8').send(body.json);
  });
}
