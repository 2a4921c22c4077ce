/**
 * Pre-registrations from the kiosk: a kiosk sends a citizen's draft (once, by its id); a counter or
 * admin device of the same center reads it by id or by the short code on the kiosk's slip, to open
 * it into the registration form. Another center's draft answers exactly like a missing one (404),
 * and so does an expired one: a draft lives until the end of the Vietnam day it was made on.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { draftExpiry, deviceCodeOf, normaliseDraftCode, preregDraftSchema, type DraftUploadAnswer, type StoredDraft } from '../../shared/prereg/preregDraft.ts';
import type { DeviceRole } from '../../shared/sync/protocol.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { deviceOf } from '../auth/deviceAuth.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import type { Device, SyncStore } from '../store/store.ts';

/** A kiosk clock this far ahead of the server's is still believed (the file checks' own tolerance). */
const MAX_CLOCK_SKEW_MS = 15 * 60_000;

const idParamsSchema = z.object({ id: z.uuid() });
const codeParamsSchema = z.object({ code: z.string().max(40) });

/**
 * The route's own role check: the server-wide hook reads `config.roles` too, and this keeps the
 * rule true on its own (drafts come from kiosks; only staff devices read them).
 */
function allowed(request: FastifyRequest, reply: FastifyReply, roles: readonly DeviceRole[]): Device | null {
  const device = deviceOf(request);
  if (roles.includes(device.role)) return device;
  void sendError(reply, 403, 'forbidden', `a ${device.role} device may not use ${request.method} ${request.routeOptions.url}; it is for ${roles.join(', ')} devices`);
  return null;
}

const notFound = (reply: FastifyReply) => sendError(reply, 404, 'draft_not_found', 'no pre-registration of this center has this id or code (it may have expired at the end of its day)');

export function registerPreregRoutes(app: FastifyInstance, store: SyncStore): void {
  app.post(API_PATHS.prereg.drafts, { config: { roles: ['kiosk'] } }, async (request, reply) => {
    const device = allowed(request, reply, ['kiosk']);
    if (!device) return reply;
    const body = preregDraftSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
    const draft = body.data;
    // The code names the kiosk that printed it, so two kiosks can never print the same one.
    if (deviceCodeOf(draft.code) !== device.code) {
      return sendError(reply, 400, 'draft_code_not_yours', `the code ${draft.code} does not start with this kiosk's code ${device.code}`);
    }
    const now = app.serverNow();
    const createdAt = new Date(draft.createdAt);
    if (createdAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
      return sendError(reply, 400, 'draft_in_future', `the draft is dated ${createdAt.toISOString()}, after the server's time: the kiosk's clock is wrong`);
    }
    const expiresAt = draftExpiry(createdAt);
    if (expiresAt.getTime() <= now.getTime()) {
      return sendError(reply, 410, 'draft_expired', `the draft was made on an earlier day (${createdAt.toISOString()}): it expired at ${expiresAt.toISOString()} and is not kept`);
    }
    const stored = await store.addDraft({ draft, centerCode: device.centerCode, deviceId: device.id, receivedAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
    if (!stored.ok) {
      if (stored.error.kind === 'conflict') return sendError(reply, 409, stored.error.code, stored.error.reason);
      return sendError(reply, 503, 'storage', stored.error.reason);
    }
    const answer: DraftUploadAnswer = { id: draft.id, status: stored.value.status, expiresAt: stored.value.expiresAt };
    return reply.code(stored.value.status === 'stored' ? 201 : 200).send(answer);
  });

  app.get(API_PATHS.prereg.draft.route, { config: { roles: ['counter', 'admin'] } }, async (request, reply) => {
    const device = allowed(request, reply, ['counter', 'admin']);
    if (!device) return reply;
    const params = idParamsSchema.safeParse(request.params);
    if (!params.success) return notFound(reply);
    const found = await store.draftById(device.centerCode, params.data.id, app.serverNow().toISOString());
    if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
    if (!found.value) return notFound(reply);
    const answer: StoredDraft = found.value;
    return answer;
  });

  app.get(API_PATHS.prereg.byCode.route, { config: { roles: ['counter', 'admin'] } }, async (request, reply) => {
    const device = allowed(request, reply, ['counter', 'admin']);
    if (!device) return reply;
    const params = codeParamsSchema.safeParse(request.params);
    const code = params.success ? normaliseDraftCode(params.data.code) : null;
    if (!code) return sendError(reply, 400, 'invalid_draft_code', 'a pre-registration code is the kiosk code, a dash and 4 letters or digits (e.g. K01-7KM3)');
    const found = await store.draftByCode(device.centerCode, code, app.serverNow().toISOString());
    if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
    if (!found.value) return notFound(reply);
    const answer: StoredDraft = found.value;
    return answer;
  });
}
