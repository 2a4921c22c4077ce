/**
 * Files on the server, seen from a device of the same center: another office moves a file's
 * status (which feeds the status pull), and admins and tests list, count and read files.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { statusChangeRequestSchema } from '../../shared/sync/protocol.ts';
import { deviceOf } from '../auth/deviceAuth.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import type { FileStore } from '../store/store.ts';

const listQuerySchema = z.object({
  number: z.string().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(0).max(1000).default(100),
});
const idParamsSchema = z.object({ id: z.string().min(1).max(100) });

export function registerFileRoutes(app: FastifyInstance, store: FileStore): void {
  app.post('/api/files/:id/status', async (request, reply) => {
    const device = deviceOf(request);
    const params = idParamsSchema.safeParse(request.params);
    const body = statusChangeRequestSchema.safeParse(request.body);
    if (!params.success) return sendError(reply, 400, 'invalid_request', describeIssues(params.error));
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
    const changed = await store.changeStatus({
      centerCode: device.centerCode,
      fileId: params.data.id,
      status: body.data.status,
      note: body.data.note,
      at: new Date().toISOString(),
    });
    if (!changed.ok) {
      return changed.error.kind === 'not_found'
        ? sendError(reply, 404, 'not_found', changed.error.reason)
        : sendError(reply, 503, 'storage', changed.error.reason);
    }
    return changed.value;
  });

  /** `{ total, files }`: the center's files (optionally one number), without attachment bytes. */
  app.get('/api/files', async (request, reply) => {
    const device = deviceOf(request);
    const query = listQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'invalid_request', describeIssues(query.error));
    const listed = await store.listFiles(device.centerCode, { number: query.data.number, limit: query.data.limit });
    if (!listed.ok) return sendError(reply, 503, 'storage', listed.error.reason);
    return listed.value;
  });

  app.get('/api/files/:id', async (request, reply) => {
    const device = deviceOf(request);
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'invalid_request', describeIssues(params.error));
    const found = await store.findFile(device.centerCode, params.data.id);
    if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
    if (!found.value) return sendError(reply, 404, 'not_found', `no file ${params.data.id} in center ${device.centerCode}`);
    return found.value;
  });
}
