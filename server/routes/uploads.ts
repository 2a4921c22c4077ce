/**
 * Scan uploads over HTTP (shared/sync/scanUpload.ts): start or resume, append a chunk, read a
 * stored scan. Counter and admin devices only, always within the device's own center. Chunks come
 * as raw bytes (application/octet-stream), limited per request.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { chunkQuerySchema, SCAN_CHUNK_MAX_BYTES, scanUploadStartSchema } from '../../shared/sync/scanUpload.ts';
import { deviceOf } from '../auth/deviceAuth.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import type { ScanStore } from '../store/scanStore.ts';
import { receiveScanChunk, startScanUpload, type UploadRefusal } from '../uploads/scanUploads.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

const paramsSchema = z.object({ scanId: z.uuid() });
const roles = ['counter', 'admin'] as const;

const STATUS: Record<UploadRefusal['code'], number> = {
  scan_conflict: 409,
  offset_mismatch: 409,
  // Not 403: devices read 401/403 as "this token is no good", and this refusal is about one scan.
  wrong_center: 422,
  type_mismatch: 415,
  checksum_mismatch: 422,
  not_found: 404,
  storage: 503,
};

export async function registerUploadRoutes(app: FastifyInstance, store: ScanStore): Promise<void> {
  await app.register(async (scoped) => {
    // Chunks are raw bytes; only this scope parses them, and only up to one chunk.
    scoped.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: SCAN_CHUNK_MAX_BYTES }, (_request, body, done) => done(null, body));

    scoped.post(API_PATHS.scans.scan.route, { config: { roles }, bodyLimit: 16 * 1024 }, async (request, reply) => {
      const device = deviceOf(request);
      const params = paramsSchema.safeParse(request.params);
      if (!params.success) return sendError(reply, 400, 'invalid_request', describeIssues(params.error));
      const body = scanUploadStartSchema.safeParse(request.body);
      if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
      const started = await startScanUpload(store, device, params.data.scanId, body.data);
      if (!started.ok) return sendError(reply, STATUS[started.error.code], started.error.code, started.error.reason);
      return started.value;
    });

    scoped.post(API_PATHS.scans.chunks.route, { config: { roles }, bodyLimit: SCAN_CHUNK_MAX_BYTES }, async (request, reply) => {
      const device = deviceOf(request);
      const params = paramsSchema.safeParse(request.params);
      if (!params.success) return sendError(reply, 400, 'invalid_request', describeIssues(params.error));
      const query = chunkQuerySchema.safeParse(request.query);
      if (!query.success) return sendError(reply, 400, 'invalid_request', describeIssues(query.error));
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
        return sendError(reply, 400, 'invalid_request', 'send the chunk as a non-empty application/octet-stream body');
      }
      const received = await receiveScanChunk(store, device, params.data.scanId, query.data.offset, request.body);
      if (!received.ok) {
        const { code, reason } = received.error;
        if (received.error.code === 'offset_mismatch') return reply.code(409).send({ error: code, reason, committed: received.error.committed });
        return sendError(reply, STATUS[code], code, reason);
      }
      return received.value;
    });

    scoped.get(API_PATHS.scans.scan.route, { config: { roles } }, async (request, reply) => {
      const device = deviceOf(request);
      const params = paramsSchema.safeParse(request.params);
      if (!params.success) return sendError(reply, 400, 'invalid_request', describeIssues(params.error));
      const found = await store.readScan(device.centerCode, params.data.scanId);
      if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
      if (!found.value) return sendError(reply, 404, 'not_found', `no stored scan ${params.data.scanId} in center ${device.centerCode}`);
      return reply
        .header('content-type', found.value.upload.type)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(found.value.data);
    });
  });
}
