/**
 * Bearer-token authentication for device routes: the token's hash must belong to an enrolled,
 * unrevoked device. Routes behind it read `request.device` and see only that device's center.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../http/apiError.ts';
import type { Device, DeviceStore } from '../store/store.ts';
import { hashDeviceToken } from './secrets.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated device; set by requireDevice, null on routes that do not need one. */
    device: Device | null;
  }
}

export function requireDevice(store: DeviceStore) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) return sendError(reply, 401, 'unauthenticated', 'send the device token as "Authorization: Bearer <token>"');
    const found = await store.findDeviceByTokenHash(hashDeviceToken(match[1]!));
    if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
    if (!found.value) return sendError(reply, 401, 'unknown_device', 'this token does not belong to an enrolled device: enrol again');
    if (found.value.revokedAt) {
      return sendError(reply, 401, 'revoked_device', `this device was revoked on ${found.value.revokedAt}: ask the center admin`);
    }
    request.device = found.value;
    return undefined;
  };
}

/** The device on a route behind requireDevice; its absence there is a wiring bug. */
export function deviceOf(request: FastifyRequest): Device {
  if (!request.device) throw new Error(`route ${request.url} is missing requireDevice`);
  return request.device;
}
