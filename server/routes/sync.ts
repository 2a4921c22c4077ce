/**
 * Device sync: POST push applies a device's numbered mutations exactly once; GET statuses hands
 * out the center's status feed after a cursor. Counters and admin devices only: the feed names files.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pushRequestSchema, type Mutation, type StatusPullResponse } from '../../shared/sync/protocol.ts';
import { deviceOf } from '../auth/deviceAuth.ts';
import { BODY_LIMITS } from '../http/bodyLimits.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import type { AdminUnitsStore, Device, FileStore, PreparedMutation } from '../store/store.ts';
import { communeDirectory, type CommuneDirectory } from '../../shared/address/addressUnit.ts';
import { prepareMutation } from '../sync/prepareMutation.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

const statusQuerySchema = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A check that throws (a server bug) rejects that item, not the push: later items still flow. */
function prepareSafely(mutation: Mutation, device: Device, now: Date, communes: CommuneDirectory | null, log: FastifyBaseLogger): PreparedMutation {
  try {
    return prepareMutation(mutation, device, now, communes);
  } catch (e) {
    log.error({ deviceId: device.id, seq: mutation.seq, err: e }, 'push item check failed on the server');
    const reason = `the server failed to check this item (${(e as Error).message}); it has been logged`;
    return { seq: mutation.seq, id: mutation.id, kind: mutation.kind, at: mutation.at, action: 'reject', reason, code: 'syncReason.internal' };
  }
}

export function registerSyncRoutes(app: FastifyInstance, store: FileStore & AdminUnitsStore): void {
  // Scans no longer ride in the push, so its body is small; an item over its own limit is
  // rejected alone (prepareMutation), never the whole push.
  app.post(API_PATHS.sync.push, { bodyLimit: BODY_LIMITS.push, config: { roles: ['counter', 'admin'] } }, async (request, reply) => {
    const device = deviceOf(request);
    const body = pushRequestSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));

    const now = app.serverNow();
    // The table is parsed once per version by the store; its directory once per table.
    const units = await store.currentAdminUnits();
    if (!units.ok) return sendError(reply, 503, 'storage', units.error.reason);
    const communes = units.value ? communeDirectory(units.value.units) : null;
    const prepared = body.data.mutations.map((m) => prepareSafely(m, device, now, communes, request.log));
    const applied = await store.applyPush(device.id, prepared, (failure) =>
      request.log.error({ deviceId: device.id, seq: failure.seq, kind: failure.kind, err: failure.error }, 'push item failed on the server'),
    );
    if (!applied.ok) {
      if (applied.error.kind === 'sequence_gap') {
        return reply.code(409).send({ error: 'sequence_gap', lastAppliedSeq: applied.error.lastAppliedSeq });
      }
      if (applied.error.kind === 'revoked') {
        return sendError(reply, 401, 'revoked_device', `this device was revoked on ${applied.error.revokedAt}: ask the center admin`);
      }
      return sendError(reply, 503, 'storage', applied.error.reason);
    }
    const rejected = applied.value.results.filter((r) => r.status === 'rejected').length;
    // A push with refusals is worth an operator's look; a plain one is traffic (server/http/requestLog.ts).
    request.log[rejected > 0 ? 'info' : 'debug']({ deviceId: device.id, lastAppliedSeq: applied.value.lastAppliedSeq, rejected }, 'push applied');
    return applied.value;
  });

  app.get(API_PATHS.sync.statuses, { config: { roles: ['counter', 'admin'] } }, async (request, reply) => {
    const device = deviceOf(request);
    const query = statusQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'invalid_request', describeIssues(query.error));
    const page = await store.statusesSince(device.centerCode, query.data.since, query.data.limit);
    if (!page.ok) return sendError(reply, 503, 'storage', page.error.reason);
    const answer: StatusPullResponse = page.value;
    return answer;
  });
}
