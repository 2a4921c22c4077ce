/** Device enrolment: a device proves it belongs to a center with the center's enrolment code and gets its own token. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { enrolRequestSchema, SYNC_PATHS, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { enrolmentCodeMatches, hashDeviceToken, newDeviceToken } from '../auth/secrets.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import type { DeviceStore } from '../store/store.ts';

export function registerDeviceRoutes(app: FastifyInstance, store: DeviceStore): void {
  app.post(SYNC_PATHS.enrol, async (request, reply) => {
    const body = enrolRequestSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
    const { centerCode, enrolmentCode, locationCode, deviceName, role } = body.data;

    const center = await store.findCenter(centerCode);
    if (!center.ok) return sendError(reply, 503, 'storage', center.error.reason);
    if (!center.value) return sendError(reply, 404, 'unknown_center', `no center ${centerCode} on this server`);
    if (!enrolmentCodeMatches(enrolmentCode, center.value.enrolmentCodeHash)) {
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
