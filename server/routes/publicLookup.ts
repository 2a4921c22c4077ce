/**
 * What a kiosk may ask without enrolment, on purpose public: the state of a file by the number and
 * the lookup code printed on its receipt (state, due date, when it last changed; never a name or an
 * ID number), and a citizen's satisfaction rating (idempotent on its id, so a kiosk resends it until
 * it is answered). Enrolled devices send their ratings to POST /api/ratings instead, with their token.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { z } from 'zod';
import { parseFileNumber } from '../../shared/files/fileNumber.ts';
import { normaliseLookupCode } from '../../shared/files/lookupCode.ts';
import { publicFileStatusSchema, type PublicFileStatus, type RatingAnswer } from '../../shared/sync/publicApi.ts';
import { ratingPayloadSchema } from '../../shared/sync/protocol.ts';
import { deviceOf } from '../auth/deviceAuth.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import { BODY_LIMITS } from '../http/bodyLimits.ts';
import type { DeviceStore, FileStore, RatingOutcome } from '../store/store.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

const numberParamsSchema = z.object({ number: z.string().min(1).max(60) });
const codeQuerySchema = z.object({ code: z.string().max(40).optional() });
/** A kiosk that knows its center says so, for a visit rating that names no file. */
const ratingQuerySchema = z.object({ center: z.string().trim().min(1).max(20).optional() });

/**
 * A kiosk asks at a person's pace; a center's devices often share one address, hence the margin.
 * With the lookup code (34.6 bits) this limit is what makes guessing hopeless (shared/files/lookupCode.ts).
 */
export const PUBLIC_RATE_LIMIT = { max: 120, timeWindow: 60_000 } as const;

const PUBLIC = { config: { roles: ['public'] }, bodyLimit: BODY_LIMITS.public } as const;

export async function registerPublicLookupRoutes(parent: FastifyInstance, store: FileStore & DeviceStore): Promise<void> {
  await parent.register(async (app) => {
    await app.register(rateLimit, {
      ...PUBLIC_RATE_LIMIT,
      // Thrown to the app's error handler, which answers in the API's { error, reason } shape.
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'rate_limited',
        message: `too many requests from this address; try again in ${Math.ceil(context.ttl / 1000)} s`,
      }),
    });
    registerRoutes(app, store);
  });
  registerDeviceRatingRoute(parent, store);
}

function sendRating(reply: FastifyReply, id: string, outcome: RatingOutcome): FastifyReply {
  const answer: RatingAnswer = { id, status: outcome.status, counted: outcome.counted };
  return reply.code(outcome.status === 'applied' ? 201 : 200).send(answer);
}

function registerRoutes(app: FastifyInstance, store: FileStore & DeviceStore): void {
  app.get(API_PATHS.public.fileStatus.route, PUBLIC, async (request, reply) => {
    const params = numberParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'invalid_number', describeIssues(params.error));
    const parsed = parseFileNumber(params.data.number);
    if (!parsed.ok) return sendError(reply, 400, 'invalid_number', parsed.error.reason);
    const query = codeQuerySchema.safeParse(request.query);
    if (!query.success || query.data.code === undefined) {
      return sendError(reply, 400, 'missing_code', 'give the lookup code printed on the receipt beside the number (?code=)');
    }
    const code = normaliseLookupCode(query.data.code);
    if (code === null) return sendError(reply, 400, 'invalid_code', 'a lookup code is 8 letters and digits, as printed on the receipt');
    const number = params.data.number.trim().toUpperCase();

    // Only what the public may see is read: no record, no attachments, no audit log. An unknown
    // number and a wrong code get the same answer, so the answer tells nothing about the file.
    const found = await store.publicFileStatus(parsed.value.centerCode, number, code);
    if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
    if (!found.value) {
      request.log.info({ number }, 'public lookup: no file with this number and code');
      return sendError(reply, 404, 'not_found', `no file ${number} with this lookup code`);
    }
    const answer: PublicFileStatus = found.value;
    return publicFileStatusSchema.parse(answer);
  });

  app.post(API_PATHS.public.ratings, PUBLIC, async (request, reply) => {
    const body = ratingPayloadSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
    const query = ratingQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'invalid_request', describeIssues(query.error));
    // The file's own center first; a visit rating is kept under the center the kiosk names, if known.
    const fromNumber = body.data.fileNumber ? parseFileNumber(body.data.fileNumber) : null;
    if (fromNumber && !fromNumber.ok) return sendError(reply, 400, 'invalid_number', fromNumber.error.reason);
    const named = fromNumber?.ok ? fromNumber.value.centerCode : (query.data.center?.toUpperCase() ?? null);
    let centerCode: string | null = null;
    if (named) {
      const center = await store.findCenter(named);
      if (!center.ok) return sendError(reply, 503, 'storage', center.error.reason);
      centerCode = center.value ? center.value.code : null;
    }
    const rating = { ...body.data, fileNumber: body.data.fileNumber?.trim().toUpperCase() ?? null };
    const stored = await store.addPublicRating(centerCode, rating, request.server.serverNow().toISOString());
    if (!stored.ok) {
      if (stored.error.kind === 'conflict') return sendError(reply, 409, 'conflict', stored.error.reason);
      if (stored.error.kind === 'lookup_code') return sendError(reply, 403, 'lookup_code_required', stored.error.reason);
      return sendError(reply, 503, 'storage', stored.error.reason);
    }
    return sendRating(reply, body.data.id, stored.value);
  });
}

/** An enrolled kiosk's (or counter's) rating: it belongs to the device's center and counts there. */
function registerDeviceRatingRoute(app: FastifyInstance, store: FileStore): void {
  app.post(API_PATHS.ratings, { config: { roles: ['kiosk', 'counter'] }, bodyLimit: BODY_LIMITS.public }, async (request, reply) => {
    const device = deviceOf(request);
    const body = ratingPayloadSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
    const rating = { ...body.data, fileNumber: body.data.fileNumber?.trim().toUpperCase() ?? null };
    const stored = await store.addDeviceRating(device, rating, app.serverNow().toISOString());
    if (!stored.ok) {
      if (stored.error.kind === 'conflict') return sendError(reply, 409, 'conflict', stored.error.reason);
      return sendError(reply, 503, 'storage', stored.error.reason);
    }
    return sendRating(reply, body.data.id, stored.value);
  });
}
