/**
 * A province's account and its figures, on every store: a province device enrols with the
 * province's code only, sees each of its centers' figures side by side (the same figures each center
 * sees for itself), per field and in total, as JSON and CSV, and nothing else: no center's files,
 * no other province's centers.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { addCenter } from '../../../server/centers/addCenter.ts';
import { demoCatalog } from '../../../shared/catalog/demoCatalog.ts';
import { centerStatsSchema } from '../../../shared/stats/statsApi.ts';
import { provinceStatsSchema } from '../../../shared/stats/provinceStats.ts';
import { apiErrorSchema, type Mutation } from '../../../shared/sync/protocol.ts';
import { API_PATHS } from '../../../shared/sync/apiPaths.ts';
import { noAnswer } from '../../../renderer/sync/apiClient.ts';
import { failureKey } from '../../../renderer/sync/apiFailureKey.ts';
import { fetchProvinceStats } from '../../../renderer/sync/provinceStatsClient.ts';
import type { TempStore } from '../../support/tempStore.ts';
import { useTestApp } from '../../support/testApp.ts';
import { addTestCenter, addTestProvince, bearer, createMutation, enrolTestDevice, makeFile, testEnrolmentCode, testProvinceCode } from '../../support/syncFixtures.ts';
import { statusMutation } from '../lifecycleFixtures.ts';

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: [] }, (ready) => ({ app, temp } = ready));

const PERIOD = 'from=2027-03-01&to=2027-04-01';

async function setUp() {
  await temp.store.replaceCatalog(demoCatalog.procedures, 'test');
  await addTestProvince(temp.store, 'HP');
  await addTestProvince(temp.store, 'HN');
  for (const center of ['VB01', 'VB02', 'VB03']) await addTestCenter(temp.store, center, undefined, 'HP');
  await addTestCenter(temp.store, 'HN01', undefined, 'HN');
  // VB01: three files, one done and returned on time, one online; VB02: one file; VB03: none; HN01: two.
  const pushes: [string, (device: Awaited<ReturnType<typeof enrolTestDevice>>) => Mutation[]][] = [
    [
      'VB01',
      (d) => {
        const files = [makeFile(d, 1, { dueAt: '2027-03-04T17:00:00+07:00' }), makeFile(d, 2, { channel: 'online' }), makeFile(d, 3)];
        return [
          ...files.map((f, i) => createMutation(i + 1, f)),
          statusMutation(4, d, files[0]!.id, 'received', 'processing', { when: '2027-03-02T09:00:00+07:00' }),
          statusMutation(5, d, files[0]!.id, 'processing', 'done', { when: '2027-03-03T09:00:00+07:00' }),
          statusMutation(6, d, files[0]!.id, 'done', 'returned', { when: '2027-03-03T10:00:00+07:00' }),
        ];
      },
    ],
    ['VB02', (d) => [createMutation(1, makeFile(d, 1))]],
    ['HN01', (d) => [createMutation(1, makeFile(d, 1)), createMutation(2, makeFile(d, 2))]],
  ];
  for (const [center, mutations] of pushes) {
    const counter = await enrolTestDevice(app, center);
    const res = await app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(counter), payload: { mutations: mutations(counter) } });
    expect(res.statusCode, res.body).toBe(200);
  }
}

describe("a province's account", () => {
  it('enrols only province devices, with the province code; a center code never enrols one', async () => {
    await setUp();
    const province = await enrolTestDevice(app, 'HP', undefined, 'province');
    expect(province).toMatchObject({ centerCode: 'HP', centerName: 'Tỉnh HP', role: 'province' });
    const enrol = (centerCode: string, enrolmentCode: string, role: string) =>
      app.inject({ method: 'POST', url: API_PATHS.devices.enrol, payload: { centerCode, enrolmentCode, locationCode: null, deviceName: 'Máy', role } });
    // A counter role with the province's code, a province role at a center, a province role with a center's code: all the same 401.
    for (const res of [await enrol('HP', testProvinceCode('HP'), 'counter'), await enrol('VB01', testEnrolmentCode('VB01'), 'province'), await enrol('HP', testEnrolmentCode('VB01'), 'province')]) {
      expect(res.statusCode).toBe(401);
      expect(apiErrorSchema.parse(res.json()).error).toBe('wrong_enrolment_code');
    }
  });

  it('refuses a center in a province that was never set up', async () => {
    const added = await addCenter(temp.store, { code: 'XA01', name: 'Xã', provinceCode: 'NOPE' });
    expect(added.ok === false && added.error).toMatch(/no province NOPE/);
  });

  it("shows each of its centers' figures side by side, the same as each center's own, per field and in total", async () => {
    await setUp();
    const province = await enrolTestDevice(app, 'HP', undefined, 'province');
    const res = await app.inject({ url: `${API_PATHS.province.figures}?${PERIOD}`, headers: bearer(province) });
    expect(res.statusCode, res.body).toBe(200);
    const stats = provinceStatsSchema.parse(res.json());
    expect(stats.province).toEqual({ code: 'HP', name: 'Tỉnh HP' });
    expect(stats.byCenter.map((c) => [c.key, c.label, c.received])).toEqual([
      ['VB01', 'Trung tâm VB01', 3],
      ['VB02', 'Trung tâm VB02', 1],
      ['VB03', 'Trung tâm VB03', 0],
    ]);
    expect(stats.total).toMatchObject({ received: 4, receivedOnline: 1, done: 1, returned: 1, onlineRate: 0.25, onTimeRate: 1 });
    expect(stats.byField.reduce((n, f) => n + f.received, 0)).toBe(4);
    // Each center's column is what the center's own admin sees for the same period.
    for (const center of ['VB01', 'VB02']) {
      const admin = await enrolTestDevice(app, center, undefined, 'admin');
      const own = centerStatsSchema.parse((await app.inject({ url: `${API_PATHS.stats.figures}?${PERIOD}`, headers: bearer(admin) })).json());
      const { key: _key, label: _label, field: _field, ...figures } = stats.byCenter.find((c) => c.key === center)!;
      expect(figures, center).toEqual(own.total);
    }
  });

  it('exports the same table as CSV for Excel', async () => {
    await setUp();
    const province = await enrolTestDevice(app, 'HP', undefined, 'province');
    const res = await app.inject({ url: `${API_PATHS.province.csv}?${PERIOD}`, headers: bearer(province) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/thong-ke-tinh-HP-2027-03-01-2027-04-01\.csv/);
    const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Nhóm,Mã,Tên,Tiếp nhận,/);
    expect(lines.slice(1, 5).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'Toàn tỉnh,HP,Tỉnh HP (2027-03-01 – 2027-04-01),4',
      'Trung tâm,VB01,Trung tâm VB01,3',
      'Trung tâm,VB02,Trung tâm VB02,1',
      'Trung tâm,VB03,Trung tâm VB03,0',
    ]);
  });

  it("sees no center's files, cannot push, and no center device sees the province's figures", async () => {
    await setUp();
    const province = await enrolTestDevice(app, 'HP', undefined, 'province');
    for (const url of ['/api/files', API_PATHS.sync.statuses, `${API_PATHS.stats.figures}?${PERIOD}`]) {
      expect((await app.inject({ url, headers: bearer(province) })).statusCode, url).toBe(403);
    }
    const pushed = await app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(province), payload: { mutations: [] } });
    expect(pushed.statusCode).toBe(403);
    const admin = await enrolTestDevice(app, 'VB01', undefined, 'admin');
    expect((await app.inject({ url: `${API_PATHS.province.figures}?${PERIOD}`, headers: bearer(admin) })).statusCode).toBe(403);
    // The other province sees only its own center.
    const other = await enrolTestDevice(app, 'HN', undefined, 'province');
    const theirs = provinceStatsSchema.parse((await app.inject({ url: `${API_PATHS.province.figures}?${PERIOD}`, headers: bearer(other) })).json());
    expect(theirs.byCenter.map((c) => [c.key, c.received])).toEqual([['HN01', 2]]);
  });

  it('answers a bad period with 400 and a reason', async () => {
    await setUp();
    const province = await enrolTestDevice(app, 'HP', undefined, 'province');
    const res = await app.inject({ url: `${API_PATHS.province.figures}?from=2027-03-01&to=2026-01-01`, headers: bearer(province) });
    expect(res.statusCode).toBe(400);
    expect(apiErrorSchema.parse(res.json()).reason).toMatch(/after from/);
  });

  it("its figures reach the province's device through the one API client, and a refusal or no answer in the device's words", async () => {
    await setUp();
    const province = await enrolTestDevice(app, 'HP', undefined, 'province');
    const admin = await enrolTestDevice(app, 'VB01', undefined, 'admin');
    const serverUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const period = { from: '2027-03-01', to: '2027-04-01' };
    const read = await fetchProvinceStats({ serverUrl, token: province.token }, period);
    expect(read.ok && read.value.byCenter.map((c) => [c.key, c.received])).toEqual([['VB01', 3], ['VB02', 1], ['VB03', 0]]);
    const refused = await fetchProvinceStats({ serverUrl, token: admin.token }, period);
    expect(refused.ok === false && [failureKey(refused.error), noAnswer(refused.error)]).toEqual(['api.refused.forbidden', false]);
    const badPeriod = await fetchProvinceStats({ serverUrl, token: province.token }, { from: '2027-03-01', to: '2026-01-01' });
    expect(badPeriod.ok === false && failureKey(badPeriod.error)).toBe('api.refused.invalid_request');
    await app.close();
    const gone = await fetchProvinceStats({ serverUrl, token: province.token }, period);
    expect(gone.ok === false && [gone.error.kind, noAnswer(gone.error)]).toEqual(['offline', true]);
  });
});
