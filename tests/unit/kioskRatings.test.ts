import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRoute, routeHref } from '../../renderer/app/route.ts';
import { openDb, type MotcuaDb } from '../../renderer/data/db.ts';
import { lastKnownLookup, rememberLookup } from '../../renderer/data/lookupCache.ts';
import { pendingRatings, saveRating } from '../../renderer/data/ratingQueue.ts';
import { drainRatings } from '../../renderer/sync/ratingSender.ts';
import { createMemoryCipher, createMemoryPlatform } from '../../renderer/platform/memory.ts';
import { saveDevice } from '../../renderer/data/deviceRepository.ts';

const cipher = await createMemoryCipher();
/** The device token's vault (empty: a kiosk that is not enrolled, until a test enrols it). */
let tokens = createMemoryPlatform().deviceToken;
let db: MotcuaDb;
let n = 0;
const open = () => {
  tokens = createMemoryPlatform().deviceToken;
  db = openDb(`kiosk-ratings-${(n += 1)}`, cipher);
};
afterEach(async () => {
  vi.unstubAllGlobals();
  db.close();
  await db.delete();
});

const SERVER = 'http://127.0.0.1:1/';

/** The server's answer to a stored rating (shared/sync/publicApi.ts ratingAnswerSchema). */
const stored = (init: RequestInit) =>
  new Response(JSON.stringify({ id: (JSON.parse(String(init.body)) as { id: string }).id, status: 'applied', counted: true }), { status: 201 });

describe('kiosk ratings', () => {
  it('keeps a rating pending while the server cannot be reached, then sends it once', async () => {
    open();
    await saveRating(db, { fileNumber: 'XA01-K2-20270301-0001', score: 4, reasons: ['fast'] });
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('offline'))));
    expect(await drainRatings(db, SERVER, tokens)).toBe(0);
    expect(await pendingRatings(db)).toHaveLength(1);

    const bodies: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init: RequestInit) => {
        bodies.push(String(init.body));
        return Promise.resolve(stored(init));
      }),
    );
    // Overlapping triggers (start-up, `online`, a new rating) must not send the same rating twice.
    await Promise.all([drainRatings(db, SERVER, tokens), drainRatings(db, SERVER, tokens), drainRatings(db, SERVER, tokens)]);
    expect(bodies).toHaveLength(1);
    expect(JSON.parse(bodies[0]!)).toMatchObject({ fileNumber: 'XA01-K2-20270301-0001', score: 4, reasons: ['fast'] });
    expect(await pendingRatings(db)).toEqual([]);
    expect((await db.ratings.toArray()).map((r) => r.state)).toEqual(['sent']);
  });

  it('never drops a rating the server refuses', async () => {
    open();
    await saveRating(db, { fileNumber: null, score: 1, reasons: [] });
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('{}', { status: 409 }))));
    await drainRatings(db, SERVER, tokens);
    expect(await db.ratings.count()).toBe(1);
  });
});

describe('kiosk lookups', () => {
  it('remembers the last answer for a number with the time it was checked, and shows it only with its code', async () => {
    open();
    const answer = { number: 'XA01-K2-20270301-0001', status: 'processing' as const, dueAt: null, changedAt: '2027-03-01T02:00:00.000Z' };
    await rememberLookup(db, answer, 'K7XM3PAT', '2027-03-02T03:00:00.000Z');
    expect(await lastKnownLookup(db, answer.number, 'k7xm-3pat')).toEqual({ number: answer.number, answer, checkedAt: '2027-03-02T03:00:00.000Z', lookupCode: 'K7XM3PAT' });
    // Offline, the number alone (or with another code) shows nothing, as on the server.
    expect(await lastKnownLookup(db, answer.number, 'K7XM3PAA')).toBeNull();
    expect(await lastKnownLookup(db, 'XA01-K2-20270301-0002', 'K7XM3PAT')).toBeNull();
  });

  it("sends an enrolled kiosk's ratings with its token to the device route, an anonymous one to the public route", async () => {
    open();
    await saveRating(db, { fileNumber: 'XA01-K2-20270301-0001', lookupCode: 'K7XM3PAT', score: 3, reasons: [] });
    const calls: { url: string; auth: string | null }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        calls.push({ url, auth: new Headers(init.headers).get('authorization') });
        return Promise.resolve(stored(init));
      }),
    );
    await drainRatings(db, SERVER, tokens);
    const enrolled = await saveDevice(db, tokens, SERVER, { deviceId: 'd', deviceCode: 'K01', token: 'kiosk-token-0123456789', centerCode: 'XA01', centerName: 'Xã', locationCode: null, role: 'kiosk' });
    expect(enrolled.ok).toBe(true);
    await saveRating(db, { fileNumber: null, score: 4, reasons: [] });
    await drainRatings(db, SERVER, tokens);
    expect(calls).toEqual([
      { url: `${SERVER}api/public/ratings`, auth: null },
      { url: `${SERVER}api/ratings`, auth: 'Bearer kiosk-token-0123456789' },
    ]);
  });

  it('has its own kiosk screens in the address', () => {
    expect(parseRoute(routeHref({ screen: 'lookup' }))).toEqual({ screen: 'lookup' });
    expect(parseRoute(routeHref({ screen: 'rating', number: 'XA01-K2-20270301-0001' }))).toEqual({ screen: 'rating', number: 'XA01-K2-20270301-0001' });
    expect(parseRoute('#/rate')).toEqual({ screen: 'rating', number: null });
  });
});
