/**
 * The center's own list (danh mục niêm yết): every enrolled device of the center pulls what changed
 * since its version; only a center admin's device writes. Codes are checked against the catalog the
 * server serves, so a typo never becomes a posted procedure.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { centerListWriteSchema, type CenterListConflict } from '../../shared/centerList/centerList.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { deviceOf } from '../auth/deviceAuth.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import type { CatalogStore } from '../store/store.ts';
import type { CenterListStore } from '../store/centerListStore.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

const changesQuerySchema = z.object({ since: z.coerce.number().int().nonnegative().default(0) });

/** The codes of the catalog this server serves (the demo catalog until one is imported), kept per version. */
export function catalogCodes(store: CatalogStore) {
  let cached: { version: number; codes: Set<string> } | null = null;
  return async (): Promise<Set<string> | { failed: string }> => {
    const found = await store.currentCatalog();
    if (!found.ok) return { failed: found.error.reason };
    const catalog = found.value ?? demoCatalog;
    if (cached?.version !== catalog.version) cached = { version: catalog.version, codes: new Set(catalog.procedures.map((p) => p.code)) };
    return cached.codes;
  };
}

export function registerCenterListRoutes(app: FastifyInstance, store: CenterListStore & CatalogStore): void {
  const knownCodes = catalogCodes(store);

  app.get(API_PATHS.centerList.changes, { config: { roles: ['kiosk', 'counter', 'admin'] } }, async (request, reply) => {
    const query = changesQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'invalid_request', describeIssues(query.error));
    const changes = await store.centerListChanges(deviceOf(request).centerCode, query.data.since);
    if (!changes.ok) return sendError(reply, 503, 'storage', changes.error.reason);
    return changes.value;
  });

  app.put(API_PATHS.centerList.write, { config: { roles: ['admin'] } }, async (request, reply) => {
    const device = deviceOf(request);
    // The server-wide role hook reads `config.roles`; this check stays so the rule holds on its own.
    if (device.role !== 'admin') {
      return sendError(reply, 403, 'admin_only', `only a center admin's device may change the center's list; this device is a ${device.role}`);
    }
    const body = centerListWriteSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
    const codes = await knownCodes();
    if ('failed' in codes) return sendError(reply, 503, 'storage', codes.failed);
    const unknown = Object.keys(body.data.upserts).filter((code) => !codes.has(code));
    if (unknown.length > 0) {
      return sendError(reply, 400, 'unknown_procedure', `not in the catalog this server serves: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}`);
    }
    const written = await store.writeCenterList(device.centerCode, body.data, new Date().toISOString());
    if (!written.ok) {
      if (written.error.kind === 'storage') return sendError(reply, 503, 'storage', written.error.reason);
      const conflict: CenterListConflict = { error: 'center_list_conflict', reason: written.error.reason, version: written.error.version, codes: written.error.codes };
      return reply.code(409).send(conflict);
    }
    request.log.info({ deviceId: device.id, centerCode: device.centerCode, ...written.value }, 'center list written');
    return written.value;
  });
}
