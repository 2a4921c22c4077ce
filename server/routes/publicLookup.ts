/**
 * What a kiosk may ask without enrolment, on purpose public: the state of a file by the number
 * printed on its receipt (state, due date, when it last changed; never a name or an ID number), and
 * a citizen's satisfaction rating (idempotent on its id, so a kiosk resends it until it is answered).
 */
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { z } from 'zod';
import { parseFileNumber } from '../../shared/files/fileNumber.ts';
import { PUBLIC_PATHS, publicFileStatusSchema, type PublicFileStatus } from '../../shared/sync/publicApi.ts';
import { ratingPayloadSchema } from '../../shared/sync/protocol.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import type { DeviceStore, FileStore } from '../store/store.ts';

const numberParamsSchema = z.object({ number: z.string().min(1).max(60) });
/** A kiosk that knows its center says so, for a visit rating that names no file. */
const ratingQuerySchema = z.object({ center: z.string().trim().min(1).max(20).optional() });

/**
 * File numbers are sequential, so without a limit anyone could walk through a center's numbers.
 * A kiosk asks at a person's pace; a center's devices often share one address, hence the margin.
 */
export const PUBLIC_RATE_LIMIT = { max: 120, timeWindow: 60_000 } as const;

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
}

function registerRoutes(app: FastifyInstance, store: FileStore & DeviceStore): void {
  app.get(PUBLIC_PATHS.fileStatus(':number'), async (request, reply) => {
    const params = numberParamsSchema.safeParse(request.params);
    if (!params.success) return sendError(reply, 400, 'invalid_number', describeIssues(params.error));
    const parsed = parseFileNumber(params.data.number);
    if (!parsed.ok) return sendError(reply, 400, 'invalid_number', parsed.error.reason);
    const number = params.data.number.trim().toUpperCase();
    const notFound = () => sendError(reply, 404, 'not_found', `no file ${number} on this server`);

    // Only what the public may see is read: no record, no attachments, no audit log.
    const found = await store.publicFileStatus(parsed.value.centerCode, number);
    if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
    if (!found.value) return notFound();
    const answer: PublicFileStatus = found.value;
    return publicFileStatusSchema.parse(answer);
  });

  app.post(PUBLIC_PATHS.ratings, async (request, reply) => {
    const body = ratingPayloadSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
    const query = ratingQuerySchema.safeParse(request.query);
    if (!query.success) return sendError(reply, 400, 'invalid_request', describeIssues(query.error));
    // The file's own center first; a number of an unknown center, or no center at all, is kept without one.
    const fromNumber = body.data.fileNumber ? parseFileNumber(body.data.fileNumber) : null;
    const named = fromNumber?.ok ? fromNumber.value.centerCode : (query.data.center?.toUpperCase() ?? null);
    let centerCode: string | null = null;
    if (named) {
      const center = await store.findCenter(named);
      if (!center.ok) return sendError(reply, 503, 'storage', center.error.reason);
      centerCode = center.value ? center.value.code : null;
    }
    const stored = await store.addPublicRating(centerCode, body.data);
    if (!stored.ok) {
      if (stored.error.kind === 'conflict') return sendError(reply, 409, 'conflict', stored.error.reason);
      return sendError(reply, 503, 'storage', stored.error.reason);
    }
    return reply.code(stored.value === 'applied' ? 201 : 200).send({ id: body.data.id, status: stored.value });
  });
}
