/** Device enrolment: a device proves it belongs to a center with the center's enrolment code and gets its own token. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { enrolRequestSchema, SYNC_PATHS, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { enrolmentCodeMatches, hashDeviceToken, newDeviceToken } from '../auth/secrets.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import type { DeviceStore } from '../store/store.ts';

/**
 * Enrolment codes are chosen by people, so guessing them must be slow: a handful of tries a minute
 * from one address is plenty for a center setting up its counters.
 */
export const ENROL_RATE_LIMIT = { max: 20, timeWindow: 60_000 } as const;

export async function registerDeviceRoutes(parent: FastifyInstance, store: DeviceStore): Promise<void> {
  await parent.register(async (app) => {
    await app.register(rateLimit, {
      ...ENROL_RATE_LIMIT,
      // Thrown to the app's error handler, which answers in the API's { error, reason } shape.
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'rate_limited',
        message: `too many enrolment attempts from this address; try again in ${Math.ceil(context.ttl / 1000)} s`,
      }),
    });
    registerRoutes(app, store);
  });
}

function registerRoutes(app: FastifyInstance, store: DeviceStore): void {
  app.post(SYNC_PATHS.enrol, async (request, reply) => {
    const body = enrolRequestSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
    const { centerCode, enrolmentCode, locationCode, deviceName, role } = body.data;

    const center = await store.findCenter(centerCode);
    if (!center.ok) return sendError(reply, 503, 'storage', center.error.reason);
    if (!center.value) return sendError(reply, 404, 'unknown_center', `no center ${centerCode} on this server`);
    if (!(await enrolmentCodeMatches(enrolmentCode, center.value.enrolmentCodeHash))) {
      return sendError(reply, 401, 'wrong_enrolment_code', `the enrolment code for center ${centerCode} is not right`);
    }

    const token = newDeviceToken();
    const device = await store.enrolDevice({
      id: randomUUID(),
      centerCode,
      name: deviceName,
      locationCode,
      role,
      tokenHash: hashDeviceToken(token),
    });
    if (!device.ok) return sendError(reply, 503, 'storage', device.error.reason);
    request.log.info({ deviceId: device.value.id, centerCode, code: device.value.code }, 'device enrolled');
    const answer: EnrolResponse = {
      deviceId: device.value.id,
      deviceCode: device.value.code,
      token,
      centerCode,
      centerName: center.value.name,
      locationCode,
      role,
    };
    return reply.code(201).send(answer);
  });
}
