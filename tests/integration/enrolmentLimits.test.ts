/**
 * Enrolment and body limits against the real app: wrong codes are slowed, never the right one (a
 * guesser behind a center's shared address does not lock its counters out), codes are 12+ characters,
 * and the public and enrolment routes read a few KB, not 60 MB, before refusing.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { addCenter } from '../../server/centers/addCenter.ts';
import { BODY_LIMITS } from '../../server/http/bodyLimits.ts';
import { apiErrorSchema, enrolResponseSchema } from '../../shared/sync/protocol.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';
import { bearer, enrolTestDevice, testAdminCode, testEnrolmentCode } from '../support/syncFixtures.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let temp: TempStore;
let app: FastifyInstance;
// Short waits so the test is quick; the production ones are in auth/enrolmentGuard.ts.
useTestApp(
  { centers: ['VB11824'], app: { enrolmentGuard: { perAddress: 5, perCenter: 8, windowMs: 60_000, lockedIntervalMs: 20, maxWaitMs: 200, concurrentChecks: 2 } } },
  (ready) => ({ app, temp } = ready),
);

const enrol = (enrolmentCode: string, remoteAddress: string, extra: Record<string, unknown> = {}) =>
  app.inject({
    method: 'POST',
    url: API_PATHS.devices.enrol,
    remoteAddress,
    payload: { centerCode: 'VB11824', enrolmentCode, locationCode: null, deviceName: 'Quầy 9', role: 'counter', ...extra },
  });

describe('enrolment guessing', () => {
  it('enrols the right code from an address that guessed wrong 20 times (the shared NAT of a center)', async () => {
    const wrong: number[] = [];
    for (let i = 0; i < 20; i += 1) wrong.push((await enrol(`wrong-guess-${String(i).padStart(3, '0')}`, '10.1.1.1')).statusCode);
    expect(wrong.every((c) => c === 401)).toBe(true);
    const right = await enrol(testEnrolmentCode('VB11824'), '10.1.1.1');
    expect(right.statusCode, right.body).toBe(201);
    expect(enrolResponseSchema.parse(right.json()).centerCode).toBe('VB11824');
  });

  it('counts wrong codes per center too, so guesses spread over addresses are slowed all the same', async () => {
    for (let i = 0; i < 8; i += 1) expect((await enrol(`wrong-guess-${String(i).padStart(3, '0')}`, `10.2.0.${i}`)).statusCode).toBe(401);
    // The center is now locked: each further check waits its turn, the right code still enrols.
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => enrol(`wrong-again-${String(i).padStart(3, '0')}`, `10.3.0.${i}`)));
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401, 401, 401, 401]);
    expect((await enrol(testEnrolmentCode('VB11824'), '10.4.0.1')).statusCode).toBe(201);
  });

  it('answers a flood it will not queue with 429 and a reason, unchecked', async () => {
    for (let i = 0; i < 8; i += 1) await enrol(`wrong-guess-${String(i).padStart(3, '0')}`, `10.5.0.${i}`);
    // 200 ms of waiting at one check per 20 ms holds about 10; 30 at once overflow it.
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => enrol(`flood-guess-${String(i).padStart(4, '0')}`, `10.6.0.${i}`)));
    const busy = answers.filter((a) => a.statusCode === 429);
    expect(busy.length).toBeGreaterThan(0);
    expect(apiErrorSchema.parse(busy[0]!.json())).toMatchObject({ error: 'enrol_busy', reason: expect.stringMatching(/try again/) });
    expect(answers.every((a) => a.statusCode === 401 || a.statusCode === 429)).toBe(true);
  });

  it('enrols an admin device only with the admin enrolment code, and never with it as a counter', async () => {
    expect((await enrol(testEnrolmentCode('VB11824'), '10.7.0.1', { role: 'admin' })).statusCode).toBe(401);
    const admin = await enrol(testAdminCode('VB11824'), '10.7.0.1', { role: 'admin' });
    expect(admin.statusCode, admin.body).toBe(201);
    expect(enrolResponseSchema.parse(admin.json()).role).toBe('admin');
    expect((await enrol(testAdminCode('VB11824'), '10.7.0.1', { role: 'counter' })).statusCode).toBe(401);
  });

  it('refuses codes shorter than 12 characters when a center is set up, and does not check them at enrolment', async () => {
    const short = await addCenter(temp.store, { code: 'XA01', name: 'Xã', enrolmentCode: 'abcd' });
    expect(short.ok).toBe(false);
    expect(!short.ok && short.error).toMatch(/12/);
    const generated = await addCenter(temp.store, { code: 'XA02', name: 'Xã' });
    expect(generated.ok && generated.value.enrolmentCode.replaceAll('-', '')).toHaveLength(12);
    expect(generated.ok && generated.value.adminEnrolmentCode).not.toBe(generated.ok && generated.value.enrolmentCode);
    const tooShort = await enrol('abcd', '10.8.0.1');
    expect(tooShort.statusCode).toBe(400);
  });
});

describe('body limits', () => {
  const big = (bytes: number) => JSON.stringify({ padding: 'x'.repeat(bytes) });

  it('refuses a large body on the public and enrolment routes with 413 before parsing it', async () => {
    for (const url of [API_PATHS.devices.enrol, API_PATHS.public.ratings]) {
      const res = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: big(BODY_LIMITS.public + 1) });
      expect(res.statusCode, url).toBe(413);
      expect(apiErrorSchema.parse(res.json()).error).toBe('FST_ERR_CTP_BODY_TOO_LARGE');
    }
    // 60 MB, the size the report sent 16 times.
    const huge = await app.inject({ method: 'POST', url: API_PATHS.devices.enrol, headers: { 'content-type': 'application/json' }, payload: big(60 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
  });

  it('refuses a large body on the device routes, and answers a device route without a token before reading it', async () => {
    const kiosk = await enrolTestDevice(app, 'VB11824', undefined, 'kiosk');
    const counter = await enrolTestDevice(app, 'VB11824');
    const rating = await app.inject({ method: 'POST', url: API_PATHS.ratings, headers: { ...bearer(kiosk), 'content-type': 'application/json' }, payload: big(BODY_LIMITS.public + 1) });
    expect(rating.statusCode).toBe(413);
    const status = await app.inject({ method: 'POST', url: API_PATHS.files.status.at('x'), headers: { ...bearer(counter), 'content-type': 'application/json' }, payload: big(BODY_LIMITS.small + 1) });
    expect(status.statusCode).toBe(413);
    const anonymous = await app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: { 'content-type': 'application/json' }, payload: big(10 * 1024 * 1024) });
    expect(anonymous.statusCode).toBe(401);
  });
});
