/**
 * Who may call what, walked route by route: every route the server registers declares its roles,
 * and each is called with no token and with a kiosk, a counter, an admin and a province device's token. Allowed
 * callers never get 401/403; the others get 401 (no token) or 403 (wrong role). A route added
 * without roles is refused to everyone. The table pins today's routes; a new route is walked too.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { registeredRoutes, roleMayCall, type RouteRole } from '../../server/auth/routeRoles.ts';
import { apiErrorSchema, type DeviceRole, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { addTestCenter, addTestProvince, bearer, enrolTestDevice, fixtureClock } from '../support/syncFixtures.ts';
import { openTempStore, type TempStore } from '../support/tempStore.ts';

/** The roles each route declares today, by "METHOD url" (HEAD routes mirror their GET). */
const EXPECTED: Record<string, RouteRole[]> = {
  'GET /api/health': ['public'],
  'GET /api/catalog/changes': ['public'],
  'GET /api/calendar': ['public'],
  'POST /api/devices/enrol': ['public'],
  'GET /api/public/files/:number': ['public'],
  'POST /api/public/ratings': ['public'],
  'POST /api/ratings': ['kiosk', 'counter'],
  'POST /api/sync/push': ['counter', 'admin'],
  'GET /api/sync/statuses': ['counter', 'admin'],
  'POST /api/files/:id/status': ['counter', 'admin'],
  'GET /api/files/:id/history': ['counter', 'admin'],
  'GET /api/files': ['counter', 'admin'],
  'GET /api/files/:id': ['counter', 'admin'],
  'GET /api/stats': ['admin'],
  'GET /api/stats.csv': ['admin'],
  'GET /api/province/stats': ['province'],
  'GET /api/province/stats.csv': ['province'],
  'POST /api/prereg/drafts': ['kiosk'],
  'GET /api/prereg/drafts/:id': ['counter', 'admin'],
  'GET /api/prereg/codes/:code': ['counter', 'admin'],
  'GET /api/queue/settings': ['kiosk', 'counter', 'admin'],
  'PUT /api/queue/settings': ['admin'],
  'POST /api/queue/tickets': ['kiosk'],
  'POST /api/queue/counters/:counter/next': ['counter'],
  'POST /api/queue/events': ['kiosk', 'counter'],
  'GET /api/queue/events': ['kiosk', 'counter', 'admin'],
  'GET /api/queue/stream': ['kiosk', 'counter', 'admin'],
  'GET /api/queue/figures': ['admin'],
  'GET /api/queue/figures.csv': ['admin'],
  'GET /api/public/queue/:center/board': ['public'],
  'GET /api/public/queue/:center/stream': ['public'],
  'GET /updates/*': ['public'],
  'GET /*': ['public'],
};

type Caller = 'anonymous' | DeviceRole;
const CALLERS: Caller[] = ['anonymous', 'kiosk', 'counter', 'admin', 'province'];

let temp: TempStore;
let dir: string;
let app: FastifyInstance;
const devices = new Map<DeviceRole, EnrolResponse>();

beforeAll(async () => {
  temp = await openTempStore();
  dir = await mkdtemp(join(tmpdir(), 'motcua-roles-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>motcua</title>');
  await addTestProvince(temp.store, 'HP');
  await addTestCenter(temp.store, 'VB11824', undefined, 'HP');
  app = await createApp({ store: temp.store, webRoot: dir, updatesDir: join(dir, 'updates'), now: fixtureClock });
  for (const role of ['kiosk', 'counter', 'admin'] as const) devices.set(role, await enrolTestDevice(app, 'VB11824', undefined, role));
  devices.set('province', await enrolTestDevice(app, 'HP', undefined, 'province'));
});
afterAll(async () => {
  await app.close();
  await temp.dispose();
  await rm(dir, { recursive: true, force: true });
});

/**
 * A concrete URL for a route pattern: parameters and wildcards filled with harmless values. A live
 * stream never ends, so streams get a cursor they refuse (400) once the role check has let the caller in.
 */
function concrete(url: string): string {
  const filled = url
    .replace(':number', 'VB11824-D01-20270301-0001')
    .replace(':id', randomUUID())
    .replace(':counter', '1')
    .replace(':center', 'VB11824')
    .replace('*', 'index.html');
  return filled.endsWith('/stream') ? `${filled}?since=-1` : filled;
}

describe('route roles', () => {
  it('has every registered route declare its roles, as the table says', () => {
    const routes = registeredRoutes(app);
    expect(routes.length).toBeGreaterThan(Object.keys(EXPECTED).length);
    expect(routes.filter((r) => r.roles === null).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    // A route another part of the server adds later is walked below; today's ones are pinned here.
    const pinned = routes.filter((r) => r.method !== 'HEAD' && `${r.method} ${r.url}` in EXPECTED);
    const declared = Object.fromEntries(pinned.map((r) => [`${r.method} ${r.url}`, [...r.roles!].sort()]));
    expect(declared).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([key, roles]) => [key, [...roles].sort()])));
  });

  it('answers each route as its roles say, for no token and each device role', async () => {
    const matrix: string[] = [];
    for (const route of registeredRoutes(app)) {
      const url = concrete(route.url);
      const row: string[] = [];
      for (const caller of CALLERS) {
        const device = caller === 'anonymous' ? undefined : devices.get(caller);
        const res = await app.inject({
          method: route.method as 'GET',
          url,
          headers: device ? bearer(device) : {},
          ...(route.method === 'POST' ? { payload: {} } : {}),
          remoteAddress: `10.0.${CALLERS.indexOf(caller)}.1`,
        });
        const allowed = route.roles!.includes('public') || (caller !== 'anonymous' && roleMayCall(caller, route.roles!));
        const what = `${caller} ${route.method} ${route.url} -> ${res.statusCode} ${res.body.slice(0, 120)}`;
        // What the caller got, next to what its role says it must get (a HEAD answer has no body to read).
        const refused = res.statusCode === 401 || res.statusCode === 403;
        const got = { refused, status: refused ? res.statusCode : 'passed', error: refused && route.method !== 'HEAD' ? apiErrorSchema.parse(res.json()).error : null };
        const refusal = caller === 'anonymous' ? { status: 401, error: 'unauthenticated' } : { status: 403, error: 'forbidden' };
        const due = allowed
          ? { refused: false, status: 'passed', error: null }
          : { refused: true, status: refusal.status, error: route.method === 'HEAD' ? null : refusal.error };
        expect(got, what).toEqual(due);
        row.push(allowed ? `yes (${res.statusCode})` : `no (${res.statusCode})`);
      }
      matrix.push(`| ${route.method} ${route.url} | ${row.join(' | ')} |`);
    }
    // The matrix as walked, for the report (vitest prints it with --reporter=verbose).
    console.info(['| route | no token | kiosk | counter | admin | province |', '|---|---|---|---|---|---|', ...matrix].join('\n'));
  });

  it('refuses to everyone a route that declares no roles (fail closed)', async () => {
    const store = await openTempStore();
    const bare = await createApp({ store: store.store, webRoot: null });
    let reached = false;
    bare.get('/api/forgotten', async () => {
      reached = true;
      return { secret: true };
    });
    const res = await bare.inject('/api/forgotten');
    expect(res.statusCode).toBe(403);
    expect(apiErrorSchema.parse(res.json()).error).toBe('route_not_declared');
    expect(reached).toBe(false);
    expect(registeredRoutes(bare).find((r) => r.url === '/api/forgotten')?.roles).toBeNull();
    await bare.close();
    await store.dispose();
  });

  it('lets a kiosk token do none of what the report found: list files, read a citizen, move a file, register one', async () => {
    const kiosk = devices.get('kiosk')!;
    const tries = [
      await app.inject({ url: '/api/files', headers: bearer(kiosk) }),
      await app.inject({ url: `/api/files/${randomUUID()}`, headers: bearer(kiosk) }),
      await app.inject({ method: 'POST', url: `/api/files/${randomUUID()}/status`, headers: bearer(kiosk), payload: { status: 'done', note: null } }),
      await app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(kiosk), payload: { mutations: [] } }),
      await app.inject({ url: '/api/sync/statuses', headers: bearer(kiosk) }),
    ];
    expect(tries.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
  });
});
