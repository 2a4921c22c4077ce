/**
 * The one API client and the sync protocol's requests on it: one error vocabulary (offline,
 * timeout, refused with a code, server, invalid), one timeout policy, answers checked against
 * their schemas. A fetch stand-in plays the server's side; the client code is the real one.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiClient, isUnauthorised, mayRetry, noAnswer, type ApiFailure } from '../../renderer/sync/apiClient.ts';
import { failureKey } from '../../renderer/sync/apiFailureKey.ts';
import { lookupProblemOf, fetchFileStatus } from '../../renderer/sync/publicClient.ts';
import { createSyncClient, enrol, sequenceGapOf } from '../../renderer/sync/syncClient.ts';
import { REQUEST_TIMEOUTS, uploadTimeoutMs } from '../../shared/sync/linkTiming.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
const mutation = { seq: 1, id: '0b6c7f44-3b7e-4d8f-9a51-0d7c8e1f2a3b', kind: 'file.create', at: '2027-03-01T02:00:00.000Z', payload: {} };

function clientAnswering(answer: (url: URL, init: RequestInit | undefined) => Promise<Response> | Response, timeoutMs = 1000) {
  const seen: { url: URL; init: RequestInit | undefined }[] = [];
  const client = createSyncClient({
    serverUrl: 'http://sync.test/',
    token: 'secret-token',
    timeoutMs,
    fetchFn: async (input, init) => {
      const url = new URL(String(input));
      seen.push({ url, init });
      return answer(url, init);
    },
  });
  return { client, seen };
}

/** A server that never answers: the request ends only when its timeout aborts it. */
const neverAnswers = (_url: URL, init: RequestInit | undefined) =>
  new Promise<Response>((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
  });

describe('the sync client', () => {
  it('sends the token and checks the answer against the protocol', async () => {
    const { client, seen } = clientAnswering(() => json(200, { lastAppliedSeq: 1, results: [{ seq: 1, status: 'applied', reason: null }] }));
    const pushed = await client.push([mutation]);
    expect(pushed).toMatchObject({ ok: true, value: { lastAppliedSeq: 1 }, elapsedMs: expect.any(Number) });
    expect(new Headers(seen[0]!.init?.headers).get('authorization')).toBe('Bearer secret-token');

    const { client: odd } = clientAnswering(() => json(200, { lastAppliedSeq: 'one' }));
    expect(await odd.push([mutation])).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('names each kind of failure in one vocabulary', async () => {
    const answers: Record<string, Response> = {
      '/api/sync/push': json(409, { error: 'sequence_gap', lastAppliedSeq: 4 }),
      '/api/sync/statuses': json(503, { error: 'storage', reason: 'disk full' }),
      '/api/catalog/changes': json(404, { error: 'not_found', reason: 'no such path' }),
    };
    const { client, seen } = clientAnswering((url) => answers[url.pathname]!);
    const gap = await client.push([mutation]);
    expect(gap).toMatchObject({ ok: false, error: { kind: 'refused', status: 409, code: 'sequence_gap' } });
    expect(!gap.ok && sequenceGapOf(gap.error)).toBe(4);
    expect(await client.pullStatuses(12, 50)).toMatchObject({ ok: false, error: { kind: 'server', status: 503, code: 'storage', reason: 'disk full' } });
    expect(seen[1]!.url.search).toBe('?since=12&limit=50');
    expect(await client.catalogChanges(3)).toMatchObject({ ok: false, error: { kind: 'refused', status: 404, code: 'not_found' } });

    const bad = await enrol('http://sync.test/', { centerCode: 'DEMO', enrolmentCode: 'wrong', locationCode: null, deviceName: 'Quầy', role: 'counter' }, {
      fetchFn: async () => json(401, { error: 'wrong_enrolment_code', reason: 'the enrolment code is not right' }),
    });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'refused', status: 401, code: 'wrong_enrolment_code', reason: 'the enrolment code is not right' } });
    const refused = await enrol('http://sync.test/', { centerCode: 'DEMO', enrolmentCode: 'demo-enrol', locationCode: null, deviceName: 'Quầy', role: 'counter' }, {
      fetchFn: async () => json(400, { error: 'invalid_request', reason: 'deviceName: too long' }),
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'refused', status: 400, code: 'invalid_request', reason: 'deviceName: too long' } });
    // A refusal without the API's error shape still has a code.
    const bare = await enrol('http://sync.test/', { centerCode: 'DEMO', enrolmentCode: 'demo-enrol', locationCode: null, deviceName: 'Quầy', role: 'counter' }, {
      fetchFn: async () => new Response('<html>proxy says no</html>', { status: 403 }),
    });
    expect(bare).toMatchObject({ ok: false, error: { kind: 'refused', status: 403, code: 'http_403', reason: 'HTTP 403' } });
  });

  it('tells a timeout from no link at all', async () => {
    const { client } = clientAnswering(neverAnswers, 50);
    const late = await client.pullStatuses(0);
    expect(late).toMatchObject({ ok: false, error: { kind: 'timeout', timeoutMs: 50, reason: expect.stringContaining('no answer within') } });
    expect(late.elapsedMs).toBeGreaterThanOrEqual(40);

    const { client: unplugged } = clientAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await unplugged.pullStatuses(0)).toMatchObject({ ok: false, error: { kind: 'offline', reason: expect.stringContaining('Failed to fetch') } });
  });
});

describe('the API client', () => {
  const schema = z.object({ n: z.number() });

  it('says a 5xx is the server failing, not the link being down', async () => {
    const api = createApiClient({ serverUrl: 'http://sync.test/', fetchFn: async () => json(502, { error: 'internal', reason: 'the server failed' }) });
    const answer = await api.send({ path: '/api/x', schema });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'server', status: 502 } });
    const failure = (answer as { error: ApiFailure }).error;
    expect(noAnswer(failure)).toBe(false);
    expect(mayRetry(failure)).toBe(true);
  });

  it('keeps the kiosk lookup apart: a 5xx is a server problem, no answer is offline, a 429 is busy', async () => {
    const lookup = (respond: () => Promise<Response>) => fetchFileStatus({ serverUrl: 'http://sync.test/', fetchFn: respond }, 'XA01-K2-20270301-0001', 'K7XM3PAT');
    expect(await lookup(async () => json(503, { error: 'storage', reason: 'disk' }))).toEqual({ ok: false, error: 'server' });
    expect(await lookup(() => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ ok: false, error: 'offline' });
    expect(await lookup(async () => json(429, { error: 'rate_limited', reason: 'slow down' }))).toEqual({ ok: false, error: 'busy' });
    expect(await lookup(async () => json(404, { error: 'not_found', reason: 'no file' }))).toEqual({ ok: false, error: 'not_found' });
    expect(await lookup(async () => json(400, { error: 'invalid_code', reason: 'bad code' }))).toEqual({ ok: false, error: 'invalid_code' });
    expect(lookupProblemOf({ kind: 'timeout', reason: 'late', timeoutMs: 8000 })).toBe('offline');
  });

  it('gives every request one timeout policy: by weight, plus time for the bytes it uploads', async () => {
    const api = createApiClient({ serverUrl: 'http://sync.test/', timeouts: { glance: 40, normal: 60, bulk: 90 }, fetchFn: (input, init) => neverAnswers(new URL(String(input)), init) });
    const failures = await Promise.all([api.send({ path: '/a', weight: 'glance', schema }), api.send({ path: '/b', schema }), api.send({ path: '/c', weight: 'bulk', schema })]);
    expect(failures.map((f) => !f.ok && f.error.kind === 'timeout' && f.error.timeoutMs)).toEqual([40, 60, 90]);
    expect(uploadTimeoutMs(REQUEST_TIMEOUTS.normal, 64 * 1024)).toBe(REQUEST_TIMEOUTS.normal + 2_000);
  });

  it('answers a conditional GET: 304 is unchanged, 200 the new value with its ETag', async () => {
    const seen: (string | null)[] = [];
    const api = createApiClient({
      serverUrl: 'http://sync.test/',
      token: 't0ken',
      fetchFn: async (_input, init) => {
        const etag = new Headers(init?.headers).get('if-none-match');
        seen.push(etag);
        return etag === '"v2"' ? new Response(null, { status: 304 }) : new Response(JSON.stringify({ n: 2 }), { status: 200, headers: { etag: '"v2"' } });
      },
    });
    expect(await api.revalidate({ path: '/v', schema }, null)).toMatchObject({ ok: true, value: { status: 'changed', value: { n: 2 }, etag: '"v2"' } });
    expect(await api.revalidate({ path: '/v', schema }, '"v2"')).toMatchObject({ ok: true, value: { status: 'unchanged' } });
    expect(seen).toEqual([null, '"v2"']);
  });

  it('sends the token only where asked, and puts every failure into words a screen has', async () => {
    const auth: (string | null)[] = [];
    const api = createApiClient({ serverUrl: 'http://sync.test/', token: 't0ken', fetchFn: async (_input, init) => (auth.push(new Headers(init?.headers).get('authorization')), json(200, { n: 1 })) });
    await api.send({ path: '/private', schema });
    await api.send({ path: '/public', auth: false, schema });
    expect(auth).toEqual(['Bearer t0ken', null]);

    const refused = (status: number, code: string): ApiFailure => ({ kind: 'refused', status, code, reason: 'English', body: null });
    expect(failureKey({ kind: 'offline', reason: 'x' })).toBe('api.failure.offline');
    expect(failureKey({ kind: 'timeout', reason: 'x', timeoutMs: 1 })).toBe('api.failure.timeout');
    expect(failureKey({ kind: 'server', status: 500, code: 'internal', reason: 'x' })).toBe('api.failure.server');
    expect(failureKey(refused(403, 'admin_only'))).toBe('api.refused.admin_only');
    expect(failureKey(refused(401, 'something_new'))).toBe('api.failure.unauthorised');
    expect(failureKey(refused(400, 'something_new'))).toBe('api.failure.refused');
    expect(isUnauthorised(refused(401, 'revoked_device'))).toBe(true);
    expect(mayRetry(refused(400, 'invalid_request'))).toBe(false);
  });
});
