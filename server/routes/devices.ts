/**
 * Device enrolment: a device proves it belongs to a center with one of the center's codes and gets
 * its own token. Kiosks and counters use the enrolment code, an admin device the admin enrolment
 * code. An unknown center and a wrong code get the same answer (and take as long), so the route
 * does not tell which centers exist; guessing is slowed by auth/enrolmentGuard.ts.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { enrolRequestSchema, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { createEnrolmentGuard, type EnrolmentGuardOptions } from '../auth/enrolmentGuard.ts';
import { enrolmentCodeMatches, hashDeviceToken, newDeviceToken, UNUSABLE_CODE_HASH } from '../auth/secrets.ts';
import { describeIssues, sendError } from '../http/apiError.ts';
import { BODY_LIMITS } from '../http/bodyLimits.ts';
import type { DeviceStore } from '../store/store.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

const WRONG = 'the center code or the enrolment code is not right (an admin device needs the admin enrolment code)';

export function registerDeviceRoutes(app: FastifyInstance, store: DeviceStore, guardOptions?: EnrolmentGuardOptions): void {
  const guard = createEnrolmentGuard(guardOptions);

  app.post(API_PATHS.devices.enrol, { config: { roles: ['public'] }, bodyLimit: BODY_LIMITS.public }, async (request, reply) => {
    const body = enrolRequestSchema.safeParse(request.body);
    if (!body.success) return sendError(reply, 400, 'invalid_request', describeIssues(body.error));
    const { enrolmentCode, locationCode, deviceName, role } = body.data;
    const centerCode = body.data.centerCode.toUpperCase();

    const center = await store.findCenter(centerCode);
    if (!center.ok) return sendError(reply, 503, 'storage', center.error.reason);
    // An unknown center (or one without an admin code) is checked against a hash nothing matches,
    // so it costs the same scrypt and gets the same answer as a wrong code.
    const stored = center.value ? (role === 'admin' ? center.value.adminCodeHash : center.value.enrolmentCodeHash) : null;
    const outcome = await guard.attempt(request.ip, centerCode, () => enrolmentCodeMatches(enrolmentCode, stored ?? UNUSABLE_CODE_HASH));
    if ('busy' in outcome) {
      request.log.warn({ centerCode, ip: request.ip }, 'enrolment: too many attempts waiting');
      return reply
        .header('retry-after', String(outcome.retryAfterS))
        .code(429)
        .send({ error: 'enrol_busy', reason: `too many enrolment attempts are waiting for this center; try again in ${outcome.retryAfterS} s` });
    }
    if (!outcome.right || !center.value || stored === null) {
      request.log.warn({ centerCode, ip: request.ip, role, failures: guard.failures(request.ip, centerCode) }, 'enrolment: wrong code');
      return sendError(reply, 401, 'wrong_enrolment_code', WRONG);
    }

    const token = newDeviceToken();
    const device = await store.enrolDevice({
      id: randomUUID(),
      centerCode: center.value.code,
      name: deviceName,
      locationCode,
      role,
      tokenHash: hashDeviceToken(token),
    });
    if (!device.ok) return sendError(reply, 503, 'storage', device.error.reason);
    request.log.info({ deviceId: device.value.id, centerCode: center.value.code, code: device.value.code, role }, 'device enrolled');
    const answer: EnrolResponse = {
      deviceId: device.value.id,
      deviceCode: device.value.code,
      token,
      centerCode: center.value.code,
      centerName: center.value.name,
      locationCode,
      role,
    };
    return reply.code(201).send(answer);
  });
}
