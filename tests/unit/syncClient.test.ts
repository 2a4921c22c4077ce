import { describe, expect, it } from 'vitest';
import { createSyncClient, enrol } from '../../renderer/sync/syncClient.ts';

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

describe('the sync client', () => {
  it('sends the token and checks the answer against the protocol', async () => {
    const { client, seen } = clientAnswering(() => json(200, { lastAppliedSeq: 1, results: [{ seq: 1, status: 'applied', reason: null }] }));
    const pushed = await client.push([mutation]);
    expect(pushed).toMatchObject({ ok: true, value: { lastAppliedSeq: 1 }, elapsedMs: expect.any(Number) });
    expect(new Headers(seen[0]!.init?.headers).get('authorization')).toBe('Bearer secret-token');

    const { client: odd } = clientAnswering(() => json(200, { lastAppliedSeq: 'one' }));
    expect(await odd.push([mutation])).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('names each kind of failure', async () => {
    const answers: Record<string, Response> = {
      '/api/sync/push': json(409, { error: 'sequence_gap', lastAppliedSeq: 4 }),
      '/api/sync/statuses': json(503, { error: 'storage', reason: 'disk full' }),
      '/api/catalog/changes': json(404, { error: 'not_found', reason: 'no such path' }),
    };
    const { client, seen } = clientAnswering((url) => answers[url.pathname]!);
    expect(await client.push([mutation])).toMatchObject({ ok: false, error: { kind: 'gap', lastAppliedSeq: 4 } });
    expect(await client.pullStatuses(12, 50)).toMatchObject({ ok: false, error: { kind: 'server', status: 503, reason: 'disk full' } });
    expect(seen[1]!.url.search).toBe('?since=12&limit=50');
    expect(await client.catalogChanges(3)).toMatchObject({ ok: false, error: { kind: 'not_found' } });

    const bad = await enrol('http://sync.test/', { centerCode: 'DEMO', enrolmentCode: 'wrong', locationCode: null, deviceName: 'Quầy', role: 'counter' }, {
      fetchFn: async () => json(401, { error: 'wrong_enrolment_code', reason: 'the enrolment code is not right' }),
    });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'unauthorised', reason: 'the enrolment code is not right' } });
    const refused = await enrol('http://sync.test/', { centerCode: 'DEMO', enrolmentCode: 'demo-enrol', locationCode: null, deviceName: 'Quầy', role: 'counter' }, {
      fetchFn: async () => json(400, { error: 'invalid_request', reason: 'deviceName: too long' }),
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'rejected', status: 400, reason: 'deviceName: too long' } });
  });

  it('treats no answer in time as offline', async () => {
    const { client } = clientAnswering(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
      50,
    );
    const answer = await client.pullStatuses(0);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'offline', reason: expect.stringContaining('no answer within') } });
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(40);
  });
});
