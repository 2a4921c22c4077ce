/**
 * The waiting-room screen's voice through the platform's speech seam (a stand-in speechSynthesis at
 * its boundary), and the stream follower's failures in the API client's vocabulary (a stand-in
 * fetch at the network's boundary, answering as the server does).
 */
import { describe, expect, it } from 'vitest';
import { createAnnouncer, speechVoice, type Chime } from '../../renderer/features/queue/display/announcer.ts';
import { createBrowserSpeech, type SpeechSynthesisLike } from '../../renderer/platform/speech.ts';
import type { ApiFailure } from '../../renderer/sync/apiClient.ts';
import { followEventStream, type StreamState } from '../../renderer/sync/followEventStream.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

function fakeSynth(voices: { lang: string; name: string }[]) {
  const spoken: { text: string; lang: string }[] = [];
  const pending: (() => void)[] = [];
  const synth: SpeechSynthesisLike = {
    getVoices: () => voices,
    speak: (u) => {
      spoken.push({ text: u.text, lang: u.lang });
      pending.push(() => u.onend?.(new Event('end') as SpeechSynthesisEvent));
    },
    cancel: () => {},
    addEventListener: () => {},
  };
  return { synth, spoken, finishOne: () => pending.shift()?.() };
}

class TestUtterance {
  lang = '';
  voice: unknown = null;
  rate = 1;
  onend: ((e: SpeechSynthesisEvent) => void) | null = null;
  onerror: ((e: SpeechSynthesisErrorEvent) => void) | null = null;
  constructor(readonly text: string) {}
}
const Utterance = TestUtterance as unknown as new (text: string) => SpeechSynthesisUtterance;
const quietChime: Chime = { play: async () => true };
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the display says calls through platform.speech', () => {
  it('says each call with the vi-VN voice, the next only once the one before has been said', async () => {
    const fake = fakeSynth([{ lang: 'en-US', name: 'David' }, { lang: 'vi-VN', name: 'Microsoft An' }]);
    const announcer = createAnnouncer({ chime: quietChime, voice: speechVoice(createBrowserSpeech(fake.synth, Utterance)), clips: null });
    const first = announcer.announce({ number: 'A001', counter: 1, recall: false }, 'Mời số A001 đến quầy số 1');
    const second = announcer.announce({ number: 'B001', counter: 2, recall: false }, 'Mời số B001 đến quầy số 2');
    await settle();
    expect(fake.spoken).toEqual([{ text: 'Mời số A001 đến quầy số 1', lang: 'vi-VN' }]);
    fake.finishOne();
    expect(await first).toBe('voice');
    await settle();
    expect(fake.spoken.map((s) => s.text)).toEqual(['Mời số A001 đến quầy số 1', 'Mời số B001 đến quầy số 2']);
    fake.finishOne();
    expect(await second).toBe('voice');
  });

  it('chimes alone when the system has no Vietnamese voice', async () => {
    const fake = fakeSynth([{ lang: 'en-US', name: 'David' }]);
    const announcer = createAnnouncer({ chime: quietChime, voice: speechVoice(createBrowserSpeech(fake.synth, Utterance)), clips: null });
    expect(await announcer.announce({ number: 'A001', counter: 1, recall: false }, 'Mời số A001 đến quầy số 1')).toBe('chime');
    expect(fake.spoken).toEqual([]);
  });
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Follows once with `fetchFn` and answers the states and failures it reported, and what it asked for. */
async function followOnce(fetchFn: typeof fetch, options: { token?: string; refused?: 'retry' | 'stop' } = {}) {
  const states: { state: StreamState; failure: ApiFailure | null }[] = [];
  const refusals: ApiFailure[] = [];
  const events: string[] = [];
  const follower = followEventStream({
    serverUrl: 'http://center.test/',
    path: API_PATHS.queue.stream,
    query: () => ({ day: '2027-03-05', since: 7 }),
    token: options.token ?? null,
    fetchFn,
    onEvent: (e) => events.push(`${e.event}:${e.data}`),
    onState: (state, failure) => states.push({ state, failure }),
    onRefused: (failure) => (refusals.push(failure), options.refused ?? 'stop'),
    retryMs: { first: 60_000, max: 60_000 },
  });
  for (let i = 0; i < 50 && !states.some((s) => s.state === 'offline') && refusals.length === 0; i += 1) await new Promise((r) => setTimeout(r, 5));
  follower.stop();
  return { states, refusals, events };
}

describe('the stream follower speaks the API client vocabulary', () => {
  it('asks the registry path with the cursor and the token, then reads events live', async () => {
    const asked: { url: string; auth: string | null }[] = [];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('event: queue\nid: 8\ndata: {"n":8}\n\n'));
        controller.close();
      },
    });
    const { states, events } = await followOnce(
      async (input, init) => {
        asked.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') });
        return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
      },
      { token: 't0ken' },
    );
    expect(asked).toEqual([{ url: 'http://center.test/api/queue/stream?day=2027-03-05&since=7', auth: 'Bearer t0ken' }]);
    expect(events).toEqual(['queue:{"n":8}']);
    expect(states.map((s) => s.state)).toEqual(['connecting', 'live', 'offline']);
    expect(states.at(-1)?.failure?.kind).toBe('offline');
  });

  it('no answer is offline, a 5xx is the server, a refusal carries the server code and stops', async () => {
    const unreachable = await followOnce(async () => Promise.reject(new TypeError('fetch failed')));
    expect(unreachable.states.at(-1)?.failure?.kind).toBe('offline');

    const failing = await followOnce(async () => json(503, { error: 'storage', reason: 'disk' }));
    expect(failing.states.at(-1)?.failure).toMatchObject({ kind: 'server', status: 503 });

    const refused = await followOnce(async () => json(404, { error: 'queue.error.noBoard', reason: 'no queue for center X' }));
    expect(refused.refusals).toEqual([{ kind: 'refused', status: 404, code: 'queue.error.noBoard', reason: 'no queue for center X', body: { error: 'queue.error.noBoard', reason: 'no queue for center X' } }]);

    const plain = await followOnce(async () => new Response('<html>proxy</html>', { status: 403 }), { refused: 'retry' });
    expect(plain.refusals[0]).toMatchObject({ kind: 'refused', status: 403, code: 'http_403' });
    expect(plain.states.at(-1)).toMatchObject({ state: 'offline', failure: { kind: 'refused', code: 'http_403' } });
  });
});
