/**
 * Kiosk pre-registrations on the real server (Fastify inject, real SQLite): a kiosk sends a draft
 * once; a counter or admin device of the same center reads it by id or code; another center's
 * device gets the same 404 as for a draft that does not exist; a kiosk cannot read one; drafts go at
 * the end of their Vietnam day, refused on reading at once and deleted by the purge (clock injected).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { draftUploadAnswerSchema, storedDraftSchema, type PreregDraft } from '../../shared/prereg/preregDraft.ts';
import { apiErrorSchema, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { enrolAs } from '../support/learningFixtures.ts';
import { makeDraft } from '../support/preregFixtures.ts';
import { addTestCenter, bearer } from '../support/syncFixtures.ts';
import { openTempStore, type TempStore } from '../support/tempStore.ts';

let clock: Date;
let temp: TempStore;
let app: FastifyInstance;
let kiosk: EnrolResponse;
let counter: EnrolResponse;

beforeEach(async () => {
  clock = new Date('2027-03-05T02:00:00Z'); // 09:00 in Vietnam
  temp = await openTempStore();
  for (const center of ['C1', 'C2']) await addTestCenter(temp.store, center);
  app = await createApp({ store: temp.store, webRoot: null, now: () => clock });
  kiosk = await enrolAs(app, 'C1', 'kiosk');
  counter = await enrolAs(app, 'C1', 'counter');
});
afterEach(async () => {
  await app.close();
  await temp.dispose();
});

const send = (device: EnrolResponse, draft: unknown) => app.inject({ method: 'POST', url: API_PATHS.prereg.drafts, headers: bearer(device), payload: draft as object });
const read = (device: EnrolResponse, id: string) => app.inject({ url: API_PATHS.prereg.draft.at(id), headers: bearer(device) });
const readCode = (device: EnrolResponse, code: string) => app.inject({ url: API_PATHS.prereg.byCode.at(code), headers: bearer(device) });
const errorOf = (body: string) => apiErrorSchema.parse(JSON.parse(body)).error;
const draftOf = (kioskDevice: EnrolResponse, overrides: Partial<PreregDraft> = {}) => makeDraft(kioskDevice.deviceCode, new Date(clock.getTime() - 60_000), overrides);

describe('a kiosk sending a pre-registration', () => {
  it('stores it once: a resend after a lost answer is a duplicate and changes nothing', async () => {
    const draft = draftOf(kiosk);
    const first = await send(kiosk, draft);
    expect(first.statusCode, first.body).toBe(201);
    expect(draftUploadAnswerSchema.parse(first.json())).toEqual({ id: draft.id, status: 'stored', expiresAt: '2027-03-05T17:00:00.000Z' });
    const again = await send(kiosk, { ...draft, citizen: { ...draft.citizen, fullName: 'Người Khác' } });
    expect(again.statusCode, again.body).toBe(200);
    expect(draftUploadAnswerSchema.parse(again.json()).status).toBe('duplicate');
    expect(await temp.store.countDrafts()).toEqual({ ok: true, value: 1 });
    const stored = storedDraftSchema.parse((await read(counter, draft.id)).json());
    expect(stored.draft.citizen.fullName).toBe('Lò Thị Mai');
  });

  it('refuses with a reason: a bad citizen, a code of another kiosk, a draft from an earlier day, a code taken, an id taken by another kiosk', async () => {
    const other = await enrolAs(app, 'C1', 'kiosk');
    const bad = draftOf(kiosk);
    const badCitizen = await send(kiosk, { ...bad, citizen: { ...bad.citizen, idNumber: '12345' } });
    expect([badCitizen.statusCode, errorOf(badCitizen.body)]).toEqual([400, 'invalid_request']);
    expect(apiErrorSchema.parse(badCitizen.json()).reason).toContain('citizen.idNumber');
    const notYours = await send(kiosk, draftOf(other));
    expect([notYours.statusCode, errorOf(notYours.body)]).toEqual([400, 'draft_code_not_yours']);
    const yesterday = await send(kiosk, makeDraft(kiosk.deviceCode, new Date('2027-03-04T10:00:00Z')));
    expect([yesterday.statusCode, errorOf(yesterday.body)]).toEqual([410, 'draft_expired']);
    const future = await send(kiosk, makeDraft(kiosk.deviceCode, new Date(clock.getTime() + 3_600_000)));
    expect([future.statusCode, errorOf(future.body)]).toEqual([400, 'draft_in_future']);

    const first = draftOf(kiosk);
    expect((await send(kiosk, first)).statusCode).toBe(201);
    const sameCode = await send(kiosk, draftOf(kiosk, { code: first.code }));
    expect([sameCode.statusCode, errorOf(sameCode.body)]).toEqual([409, 'draft_code_taken']);
    const sameId = await send(other, draftOf(other, { id: first.id }));
    expect([sameId.statusCode, errorOf(sameId.body)]).toEqual([409, 'draft_id_taken']);
    expect(await temp.store.countDrafts()).toEqual({ ok: true, value: 1 });
  });
});

describe('reading a pre-registration', () => {
  it('gives it to a counter and an admin device of the same center, by id and by the code as typed', async () => {
    const admin = await enrolAs(app, 'C1', 'admin');
    const draft = draftOf(kiosk);
    expect((await send(kiosk, draft)).statusCode).toBe(201);
    for (const device of [counter, admin]) {
      const byId = await read(device, draft.id);
      expect(byId.statusCode, byId.body).toBe(200);
      expect(storedDraftSchema.parse(byId.json())).toEqual({ draft, receivedAt: clock.toISOString(), expiresAt: '2027-03-05T17:00:00.000Z' });
    }
    const typed = draft.code.toLowerCase().replace('-', ' ');
    const byCode = await readCode(counter, typed);
    expect(byCode.statusCode, byCode.body).toBe(200);
    expect(storedDraftSchema.parse(byCode.json()).draft.id).toBe(draft.id);
    const notACode = await readCode(counter, 'hello');
    expect([notACode.statusCode, errorOf(notACode.body)]).toEqual([400, 'invalid_draft_code']);
  });

  it("answers another center's counter exactly as for a draft that does not exist", async () => {
    const elsewhere = await enrolAs(app, 'C2', 'counter');
    const elsewhereAdmin = await enrolAs(app, 'C2', 'admin');
    const draft = draftOf(kiosk);
    expect((await send(kiosk, draft)).statusCode).toBe(201);
    const missing = await read(counter, randomUUID());
    for (const res of [await read(elsewhere, draft.id), await read(elsewhereAdmin, draft.id), await readCode(elsewhere, draft.code), missing]) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.body).toBe(missing.body);
    }
  });

  it('refuses every kiosk, its own draft or not, the same way: kiosks create, staff devices read', async () => {
    const draft = draftOf(kiosk);
    expect((await send(kiosk, draft)).statusCode).toBe(201);
    const own = await read(kiosk, draft.id);
    const unknown = await read(kiosk, randomUUID());
    const byCode = await readCode(kiosk, draft.code);
    expect([own.statusCode, unknown.statusCode, byCode.statusCode]).toEqual([403, 403, 403]);
    expect(own.body).toBe(unknown.body);
    expect(own.body).not.toContain(draft.citizen.fullName);
    const counterSends = await send(counter, draftOf(counter));
    expect(counterSends.statusCode).toBe(403);
    const anonymous = await app.inject({ url: API_PATHS.prereg.draft.at(draft.id) });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the end of the day', () => {
  it('refuses an expired draft at once and deletes it at the next purge, keeping the day after’s', async () => {
    const today = draftOf(kiosk);
    expect((await send(kiosk, today)).statusCode).toBe(201);
    // Just before Vietnam midnight the draft is still there.
    clock = new Date('2027-03-05T16:59:00Z');
    expect((await read(counter, today.id)).statusCode).toBe(200);
    // Midnight: reading answers 404 before any purge has run, and the row is still on disk.
    clock = new Date('2027-03-05T17:00:00Z');
    expect((await read(counter, today.id)).statusCode).toBe(404);
    expect((await readCode(counter, today.code)).statusCode).toBe(404);
    expect(await temp.store.countDrafts()).toEqual({ ok: true, value: 1 });
    // A draft of the new day, then a restart: the purge at start deletes yesterday's only.
    const tomorrow = makeDraft(kiosk.deviceCode, new Date('2027-03-05T17:05:00Z'));
    clock = new Date('2027-03-05T17:06:00Z');
    expect((await send(kiosk, tomorrow)).statusCode).toBe(201);
    await app.close();
    app = await createApp({ store: temp.store, webRoot: null, now: () => clock });
    await expect.poll(() => temp.store.countDrafts()).toEqual({ ok: true, value: 1 });
    expect((await read(counter, tomorrow.id)).statusCode).toBe(200);
  });

  it('purges on its timer while the server runs', async () => {
    await app.close();
    app = await createApp({ store: temp.store, webRoot: null, now: () => clock, prereg: { purgeEveryMs: 20 } });
    expect((await send(kiosk, draftOf(kiosk))).statusCode).toBe(201);
    expect(await temp.store.countDrafts()).toEqual({ ok: true, value: 1 });
    clock = new Date('2027-03-06T01:00:00Z');
    await expect.poll(async () => temp.store.countDrafts(), { timeout: 5000 }).toEqual({ ok: true, value: 0 });
  });
});
