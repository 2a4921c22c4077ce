/**
 * App updates for the Electron shell: electron-updater's generic provider reads latest.yml and the
 * installers from here. Staff drop a release into <data-dir>/updates; nothing here builds one.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { declareRolesForScope } from '../auth/routeRoles.ts';

export async function registerUpdateRoutes(app: FastifyInstance, updatesDir: string): Promise<void> {
  if (!existsSync(updatesDir)) mkdirSync(updatesDir, { recursive: true });
  await app.register(async (scope) => {
    // Releases are public: a device that is not enrolled yet may still need an update.
    declareRolesForScope(scope, ['public']);
    await scope.register(fastifyStatic, {
      root: updatesDir,
      prefix: API_PATHS.updates,
      decorateReply: false,
      index: false,
      cacheControl: false,
      // latest.yml must never be cached, or a device would miss a release; installers are immutable.
      setHeaders(res, path) {
        res.setHeader('cache-control', /\.ya?ml$/.test(path) ? 'no-cache' : 'public, max-age=86400');
      },
    });
  });
}
