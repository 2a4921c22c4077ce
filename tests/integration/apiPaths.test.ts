/**
 * One registry of paths (shared/sync/apiPaths.ts): every route the server registers comes from it
 * and every path in it is served, so a device and the server cannot disagree on where a thing is.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { registeredRoutes } from '../../server/auth/routeRoles.ts';
import { API_PATHS, API_PREFIX, queryString, type ParamPath } from '../../shared/sync/apiPaths.ts';
import { openTempStore, type TempStore } from '../support/tempStore.ts';

let temp: TempStore;
let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  temp = await openTempStore();
  dir = await mkdtemp(join(tmpdir(), 'motcua-paths-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>motcua</title>');
  app = await createApp({ store: temp.store, webRoot: dir, updatesDir: join(dir, 'updates') });
});
afterAll(async () => {
  await app.close();
  await temp.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** Every server pattern in the registry: plain paths as they are, parameter paths by their route. */
function registryPatterns(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (node && typeof node === 'object' && 'route' in node) return [(node as ParamPath).route];
  return Object.values(node as Record<string, unknown>).flatMap(registryPatterns);
}

describe('the path registry', () => {
  it('holds every API route the server registers, and the server serves every path it holds', () => {
    const served = new Set(registeredRoutes(app).map((r) => r.url.replace(/\*$/, '')));
    const registry = new Set(registryPatterns(API_PATHS));
    const apiRoutes = [...served].filter((url) => url.startsWith(API_PREFIX));
    expect(apiRoutes.length).toBeGreaterThan(20);
    expect(apiRoutes.filter((url) => !registry.has(url))).toEqual([]);
    expect([...registry].filter((url) => !served.has(url))).toEqual([]);
  });

  it('encodes a parameter and a query, so a typed value cannot change the path', () => {
    expect(API_PATHS.public.fileStatus.at('VB11824-D01-20270301-0001', { code: 'AB12 CD34' })).toBe('/api/public/files/VB11824-D01-20270301-0001?code=AB12+CD34');
    expect(API_PATHS.files.status.at('../sync/push')).toBe('/api/files/..%2Fsync%2Fpush/status');
    expect(API_PATHS.scans.chunks.at('5f0c', { offset: 262144 })).toBe('/api/scans/5f0c/chunks?offset=262144');
    expect(queryString({ since: 0, location: null, limit: undefined })).toBe('?since=0');
    expect(queryString()).toBe('');
  });
});
