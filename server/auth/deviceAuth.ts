/**
 * Bearer-token authentication of devices: the token's hash must belong to an enrolled, unrevoked
 * device. The role check (auth/routeRoles.ts) calls it before the body is read; routes then read
 * `request.device` and see only that device's center.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../http/apiError.ts';
import type { Device, DeviceStore } from '../store/store.ts';
import { hashDeviceToken } from './secrets.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated device; set by the role check, null on public routes. */
    device: Device | null;
  }
}

export function decorateDevice(app: FastifyInstance): void {
  app.decorateRequest('device', null);
}

/** The device behind the bearer token, or null with the 401/503 already sent. */
export async function authenticateDevice(request: FastifyRequest, reply: FastifyReply, store: DeviceStore): Promise<Device | null> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) {
    sendError(reply, 401, 'unauthenticated', 'send the device token as "Authorization: Bearer <token>"');
    return null;
  }
  const found = await store.findDeviceByTokenHash(hashDeviceToken(match[1]!));
  if (!found.ok) {
    sendError(reply, 503, 'storage', found.error.reason);
    return null;
  }
  if (!found.value) {
    sendError(reply, 401, 'unknown_device', 'this token does not belong to an enrolled device: enrol again');
    return null;
  }
  if (found.value.revokedAt) {
    sendError(reply, 401, 'revoked_device', `this device was revoked on ${found.value.revokedAt}: ask the center admin`);
    return null;
  }
  return found.value;
}

/** The device on a route that declares device roles; its absence there is a wiring bug. */
export function deviceOf(request: FastifyRequest): Device {
  if (!request.device) throw new Error(`route ${request.url} was reached without a device: declare device roles on it`);
  return request.device;
}
