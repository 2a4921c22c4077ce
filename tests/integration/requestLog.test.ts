/**
 * The server's request log (server/http/requestLog.ts): one line per answer, at the level of its
 * outcome (a successful answer only at debug), and a summary of the traffic with its quantiles.
 */
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { RequestLog } from '../../server/http/requestLog.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { openTempStore } from '../support/tempStore.ts';

/** A logger stream that keeps the lines, parsed. */
function captured(): { stream: Writable; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { stream, lines };
}

describe('the request log', () => {
  it.each([
    ['info', false],
    ['debug', true],
  ] as const)('at %s writes refusals with their address, and successful answers only at debug', async (level, successLogged) => {
    const temp = await openTempStore('sqlite');
    const log = captured();
    const app = await createApp({ store: temp.store, webRoot: null, logger: { level, stream: log.stream } });
    try {
      expect((await app.inject({ url: API_PATHS.health })).statusCode).toBe(200);
      expect((await app.inject({ url: API_PATHS.sync.statuses, headers: { authorization: 'Bearer nobody' } })).statusCode).toBe(401);
      const completed = log.lines.filter((l) => l.msg === 'request completed');
      expect(completed.some((l) => (l.req as { url: string }).url === API_PATHS.sync.statuses && (l.res as { statusCode: number }).statusCode === 401)).toBe(true);
      expect(completed.some((l) => (l.req as { url: string }).url === API_PATHS.health)).toBe(successLogged);
      // One line per request: nothing when it comes in.
      expect(log.lines.filter((l) => l.msg === 'incoming request')).toEqual([]);
    } finally {
      await app.close();
      await temp.dispose();
    }
  });

  it('sums up a period: answers by class and their p50 and p99', async () => {
    const requestLog = new RequestLog();
    const app = Fastify({ logController: requestLog, logger: { level: 'silent' } });
    app.get('/ok', async () => ({ ok: true }));
    app.get('/no', async (_request, reply) => reply.code(404).send({ error: 'no' }));
    for (let i = 0; i < 9; i += 1) await app.inject({ url: '/ok' });
    await app.inject({ url: '/no' });
    const summary = requestLog.takeSummary();
    expect(summary).toMatchObject({ requests: 10, '2xx': 9, '4xx': 1, '5xx': 0 });
    expect(summary!.p99_ms).toBeGreaterThanOrEqual(summary!.p50_ms!);
    // A new period starts empty, and an empty period writes nothing.
    expect(requestLog.takeSummary()).toBeNull();
    await app.close();
  });
});
