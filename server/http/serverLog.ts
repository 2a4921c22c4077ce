/**
 * Where the server writes its log: every request and every error, as JSON lines, to a file in the
 * data folder that rolls daily and at 10 MB, keeping the last 30 (pino-roll, pino's own transport,
 * run in a worker thread so writing never blocks a request), and to stdout. Lookup codes and
 * device tokens never reach the log.
 */
import { join } from 'node:path';
import type { FastifyServerOptions } from 'fastify';

export const LOG_FILE_STEM = 'motcua-server';

/** Query parameters that are secrets (the receipt's lookup code) are masked in logged URLs. */
export function maskSecrets(url: string): string {
  return url.replace(/([?&]code=)[^&]*/gi, '$1***');
}

export function serverLoggerOptions(logDir: string, options: { level?: string; stdout?: boolean } = {}): FastifyServerOptions['logger'] {
  const level = options.level ?? 'info';
  return {
    level,
    redact: ['req.headers.authorization'],
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: maskSecrets(req.url), ip: req.ip }),
    },
    transport: {
      targets: [
        {
          target: 'pino-roll',
          level,
          options: { file: join(logDir, LOG_FILE_STEM), extension: '.log', frequency: 'daily', size: '10m', mkdir: true, limit: { count: 30 } },
        },
        ...(options.stdout === false ? [] : [{ target: 'pino/file', level, options: { destination: 1 } }]),
      ],
    },
  };
}
