/**
 * Files on the server, seen from a device of the same center: another office moves a file's
 * status (checked by the lifecycle; it feeds the status pull), and admins and tests list, count
 * and read files and their audit log.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { statusChangeRequestSchema } from '../../shared/sync/protocol.ts';
import { deviceOf } from '../auth/deviceAuth.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import { BODY_LIMITS } from '../http/bodyLimits.ts';
import type { FileStore } from '../store/store.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

const listQuerySchema = z.object({
  number: z.string().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(0).max(1000).default(100),
});
/** The center's files carry names, ID numbers and addresses: staff devices only, never a kiosk. */
const STAFF = { config: { roles: ['counter', 'admin'] } } as const;

const idParamsSchema = z.object({ id: z.string().min(1).max(100) });

export function registerFileRoutes(app: FastifyInstance, store: FileStore): void {
  app.post(API_PATHS.files.status.route, { ...STAFF, bodyLimit: BODY_LIMITS.small }, async (request, reply) => {
    const device = deviceOf(request);
    const params = idParamsSchema.safeParse(request.params);
    const body = statusChangeRequestSchema.safeParse(request.body);
    if (!params.success) return sendError(reply, 400, 'invalid_request', describeIssues(params.error));
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
    // Another office's change: checked against the lifecycle like a counter's, stamped with the
    // sending device (the request does not name a person, so the history row has no staff).
    const changed = await store.changeStatus({
      centerCode: device.centerCode,
      fileId: params.data.id,
      from: null,
      status: body.data.status,
      note: body.data.note,
      at: app.serverNow().toISOString(),
      by: null,
      location: device.locationCode,
      deviceId: device.id,
    });
    if (!changed.ok) {
      switch (changed.error.kind) {
        case 'not_found':
          return sendError(reply, 404, 'not_found', changed.error.reason);
        case 'illegal_transition':
          return sendError(reply, 400, 'illegal_transition', changed.error.reason);
        default:
          return sendError(reply, 503, 'storage', changed.error.reason);
      }
    }
    return changed.value;
  });

  /** The file's audit log (every change of status, the first 'received' included), oldest first. */
  app.get(API_PATHS.files.history.route, STAFF, async (request, reply) => {
    const device = deviceOf(request);
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'invalid_request', describeIssues(params.error));
    const history = await store.statusHistory(device.centerCode, params.data.id);
    if (!history.ok) return sendError(reply, 503, 'storage', history.error.reason);
    if (history.value.length === 0) return sendError(reply, 404, 'not_found', `no file ${params.data.id} in center ${device.centerCode}`);
    return { history: history.value };
  });

  /** The file's corrections, due date moves and fee payment, each with what it replaced, oldest first. */
  app.get(API_PATHS.files.changes.route, { config: { roles: ['counter', 'admin'] } }, async (request, reply) => {
    const device = deviceOf(request);
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'invalid_request', describeIssues(params.error));
    // Every file has at least its 'received' line: an empty history means no such file here.
    const history = await store.statusHistory(device.centerCode, params.data.id);
    if (!history.ok) return sendError(reply, 503, 'storage', history.error.reason);
    if (history.value.length === 0) return sendError(reply, 404, 'not_found', `no file ${params.data.id} in center ${device.centerCode}`);
    const changes = await store.fileChanges(device.centerCode, params.data.id);
    if (!changes.ok) return sendError(reply, 503, 'storage', changes.error.reason);
    return { changes: changes.value };
  });

  /** `{ total, files }`: the center's files (optionally one number), without attachment bytes. */
  app.get(API_PATHS.files.list, STAFF, async (request, reply) => {
    const device = deviceOf(request);
    const query = listQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'invalid_request', describeIssues(query.error));
    const listed = await store.listFiles(device.centerCode, { number: query.data.number, limit: query.data.limit });
    if (!listed.ok) return sendError(reply, 503, 'storage', listed.error.reason);
    return listed.value;
  });

  app.get(API_PATHS.files.one.route, STAFF, async (request, reply) => {
    const device = deviceOf(request);
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'invalid_request', describeIssues(params.error));
    const found = await store.findFile(device.centerCode, params.data.id);
    if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
    if (!found.value) return sendError(reply, 404, 'not_found', `no file ${params.data.id} in center ${device.centerCode}`);
    return found.value;
  });
}
