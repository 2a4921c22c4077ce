/**
 * Who may call which route, enforced in one place: every route declares `config: { roles: [...] }`
 * and one onRequest hook (before the body is read) checks the caller's device token against it.
 * A route that declares nothing answers 403 to everyone (fail closed), and routes are recorded as
 * they are registered so a test can prove that every one of them declares its roles.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import type { DeviceRole } from '../../shared/sync/protocol.ts';
import { sendError } from '../http/apiError.ts';
import type { DeviceStore } from '../store/store.ts';
import { authenticateDevice, decorateDevice } from './deviceAuth.ts';

/** 'public': anyone, no token; the others are the enrolled device's role. */
export const routeRoleSchema = z.enum(['public', 'kiosk', 'counter', 'admin']);
export type RouteRole = z.infer<typeof routeRoleSchema>;
export const routeRolesSchema = z.array(routeRoleSchema).min(1);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; see server/auth/routeRoles.ts. Required on every route. */
    roles?: readonly RouteRole[];
  }
}

/** A center admin's device may do everything a counter may, plus the admin routes. */
export function roleMayCall(role: DeviceRole, roles: readonly RouteRole[]): boolean {
  if (roles.includes('public') || roles.includes(role)) return true;
  return role === 'admin' && roles.includes('counter');
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** The route's declared roles, or null when it declares none (it then refuses everyone). */
  roles: readonly RouteRole[] | null;
}

const registered = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route registered on the app, with its declared roles (for the route × role test). */
export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return registered.get(app) ?? [];
}

function declaredRoles(config: unknown): readonly RouteRole[] | null {
  const parsed = routeRolesSchema.safeParse((config as { roles?: unknown } | undefined)?.roles);
  return parsed.success ? parsed.data : null;
}

/**
 * Installs the role check on `app` (call before any route is registered). Routes whose roles are
 * all device roles need `Authorization: Bearer <token>` of an enrolled, unrevoked device.
 */
export function enforceRoles(app: FastifyInstance, store: DeviceStore): void {
  const routes: RegisteredRoute[] = [];
  registered.set(app, routes);
  decorateDevice(app);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Read at test time, not now: a scoped onRoute hook (static files) may still set the roles.
    for (const method of methods) {
      routes.push({
        method,
        url: route.url,
        get roles() {
          return declaredRoles(route.config);
        },
      });
    }
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // No route matched: the not-found handler answers (it serves nothing private).
    if (request.is404) return undefined;
    const roles = declaredRoles(request.routeOptions.config);
    if (!roles) {
      request.log.error({ url: request.routeOptions.url, method: request.method }, 'route declares no roles: refused');
      return sendError(reply, 403, 'route_not_declared', 'this route does not say who may call it, so nobody may (a server bug: report it)');
    }
    if (roles.includes('public')) return undefined;
    const device = await authenticateDevice(request, reply, store);
    if (!device) return reply;
    if (!roleMayCall(device.role, roles)) {
      return sendError(reply, 403, 'forbidden', `a ${device.role} device may not use ${request.method} ${request.routeOptions.url}; it is for ${roles.join(', ')} devices`);
    }
    request.device = device;
    return undefined;
  });
}

/** Marks every route registered in `scope` (a plugin's own context) with these roles: for plugins that take no route config, like @fastify/static. */
export function declareRolesForScope(scope: FastifyInstance, roles: readonly RouteRole[]): void {
  scope.addHook('onRoute', (route: RouteOptions) => {
    route.config = { ...route.config, roles };
  });
}
