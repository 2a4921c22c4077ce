/**
 * The queue routes' own check of their declared `config.roles` against the calling device, with the
 * rule the server-wide role hook will use (an admin's device may do what a counter may). Until that
 * hook is merged this is what keeps a kiosk from calling numbers; after it, it only agrees with it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DeviceRole } from '../../shared/sync/protocol.ts';
import { sendError } from '../http/apiError.ts';

export type QueueRouteRole = 'public' | DeviceRole;

export const mayCall = (role: DeviceRole, roles: readonly QueueRouteRole[]): boolean =>
  roles.includes('public') || roles.includes(role) || (role === 'admin' && roles.includes('counter'));

/** Installs the check on `scope` (a plugin context whose routes all need a device). */
export function checkDeclaredRoles(scope: FastifyInstance): void {
  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const roles = (request.routeOptions.config as { roles?: readonly QueueRouteRole[] }).roles;
    const device = request.device;
    if (!roles || !device) return sendError(reply, 403, 'route_not_declared', 'this route does not say who may call it, so nobody may');
    if (!mayCall(device.role, roles)) {
      return sendError(reply, 403, 'forbidden', `a ${device.role} device may not use ${request.method} ${request.routeOptions.url}; it is for ${roles.join(', ')} devices`);
    }
    return undefined;
  });
}
