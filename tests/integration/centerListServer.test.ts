/**
 * The center's list on the real server over a real SQLite file: who may read and write it, how its
 * versions and deltas behave, how two admins' saves meet, and an imported XLSX table arriving whole.
 */
import type { FastifyInstance } from 'fastify';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { centerListChangesSchema, centerListConflictSchema, centerListWriteAnswerSchema, type CenterEntryValues, type CenterListChanges } from '../../shared/centerList/centerList.ts';
import { importCenterListTable, TABLE_HEADERS } from '../../shared/centerList/centerListTable.ts';
import { readTableFile } from '../../shared/centerList/readTableFile.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { apiErrorSchema, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { ensureDemoCenterList } from '../../server/centers/demoCenterList.ts';
import { addCenter, DEMO_CENTER } from '../../server/centers/addCenter.ts';
import { bearer, enrolTestDevice } from '../support/syncFixtures.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: ['VB01', 'VB02'] }, (ready) => ({ app, temp } = ready));

const entry = (values: Partial<CenterEntryValues>): CenterEntryValues => ({ time: null, fee: null, place: null, note: null, ...values });
const SAME_DAY = entry({ time: { unit: 'same_day', cutoff: '15:00' }, fee: { kind: 'free' }, place: { location: 'Điểm 1', counter: 'Quầy 2' } });

/** A center admin's device, enrolled with the center's admin code. */
function adminOf(center: string): Promise<EnrolResponse> {
  return enrolTestDevice(app, center, undefined, 'admin');
}

async function changes(device: EnrolResponse, since: number): Promise<CenterListChanges> {
  const res = await app.inject({ url: `${API_PATHS.centerList.changes}?since=${since}`, headers: bearer(device) });
  expect(res.statusCode, res.body).toBe(200);
  return centerListChangesSchema.parse(res.json());
}

function write(device: EnrolResponse, body: unknown) {
  return app.inject({ method: 'PUT', url: API_PATHS.centerList.write, headers: bearer(device), payload: body as object });
}

async function save(device: EnrolResponse, baseVersion: number, upserts: Record<string, CenterEntryValues>, deletions: string[] = []) {
  const res = await write(device, { baseVersion, upserts, deletions, by: { staffId: 's1', staffName: 'Nguyễn Thị Lan' } });
  expect(res.statusCode, res.body).toBe(200);
  return centerListWriteAnswerSchema.parse(res.json());
}

describe('who may read and write the center list', () => {
  it('lets any enrolled device read its center list, and nobody without a token', async () => {
    const counter = await enrolTestDevice(app, 'VB01');
    expect(await changes(counter, 0)).toEqual({ centerCode: 'VB01', version: 0, source: '', full: false, upserts: {}, deletions: [] });
    const anonymous = await app.inject({ url: `${API_PATHS.centerList.changes}?since=0` });
    expect(anonymous.statusCode).toBe(401);
  });

  it("refuses a counter's write with 403 and a reason, and takes a center admin's", async () => {
    const counter = await enrolTestDevice(app, 'VB01');
    const refused = await write(counter, { baseVersion: 0, upserts: { '1.001193': SAME_DAY }, deletions: [], by: null });
    expect(refused.statusCode).toBe(403);
    expect(apiErrorSchema.parse(refused.json())).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('admin') });
    expect((await changes(counter, 0)).version).toBe(0);

    const admin = await adminOf('VB01');
    expect(await save(admin, 0, { '1.001193': SAME_DAY })).toEqual({ version: 1, changed: 1 });
    const seen = await changes(counter, 0);
    expect(seen.version).toBe(1);
    expect(seen.upserts['1.001193']).toMatchObject({ ...SAME_DAY, updatedBy: 'Nguyễn Thị Lan', updatedAt: expect.any(String) });
  });

  it('does not let a device enrol itself as an admin device', async () => {
    const res = await app.inject({
      method: 'POST',
      url: API_PATHS.devices.enrol,
      payload: { centerCode: 'VB01', enrolmentCode: 'enrol-VB01', locationCode: null, deviceName: 'Tự xưng', role: 'admin' },
    });
    expect(res.statusCode).toBe(400);
  });

  it("keeps each center's list to itself", async () => {
    await save(await adminOf('VB01'), 0, { '1.001193': SAME_DAY });
    const other = await enrolTestDevice(app, 'VB02');
    expect(await changes(other, 0)).toMatchObject({ centerCode: 'VB02', version: 0, upserts: {} });
  });
});

describe('versions and deltas', () => {
  it('sends only what changed since a version, removals included, and everything to a new device', async () => {
    const admin = await adminOf('VB01');
    await save(admin, 0, { '1.001193': SAME_DAY, '1.000894': SAME_DAY, '2.000884': entry({ fee: { kind: 'amount', amount: 10000 } }) });
    const v2 = await save(admin, 1, { '1.000894': entry({ time: { unit: 'working_day', value: 5 } }) }, ['2.000884']);
    expect(v2).toEqual({ version: 2, changed: 2 });

    const delta = await changes(admin, 1);
    expect(delta).toMatchObject({ version: 2, full: false, deletions: ['2.000884'] });
    expect(Object.keys(delta.upserts)).toEqual(['1.000894']);
    expect(delta.upserts['1.000894']!.time).toEqual({ unit: 'working_day', value: 5 });

    expect(await changes(admin, 2)).toMatchObject({ version: 2, full: false, upserts: {}, deletions: [] });
    const fresh = await changes(admin, 0);
    expect(fresh.full).toBe(true);
    expect(Object.keys(fresh.upserts).sort()).toEqual(['1.000894', '1.001193']);
    // A device ahead of the server (restored from an older copy) gets the whole list again.
    expect((await changes(admin, 99)).full).toBe(true);
  });

  it('keeps the version when a save changes nothing', async () => {
    const admin = await adminOf('VB01');
    await save(admin, 0, { '1.001193': SAME_DAY });
    expect(await save(admin, 1, { '1.001193': SAME_DAY }, ['1.000656'])).toEqual({ version: 1, changed: 0 });
  });

  it('survives a restart: the list and its version are on disk', async () => {
    await save(await adminOf('VB01'), 0, { '1.001193': SAME_DAY });
    const reopened = temp.reopen();
    const again = await reopened.centerListChanges('VB01', 0);
    expect(again.ok && again.value.upserts['1.001193']?.time).toEqual({ unit: 'same_day', cutoff: '15:00' });
  });
});

describe('two admins', () => {
  it("refuses a save over another admin's newer change of the same procedure, naming it, and takes the others", async () => {
    const first = await adminOf('VB01');
    const second = await adminOf('VB01');
    await save(first, 0, { '1.001193': SAME_DAY, '1.000894': SAME_DAY });
    await save(first, 1, { '1.001193': entry({ note: 'Mang bản chính' }) });

    const clash = await write(second, { baseVersion: 1, upserts: { '1.001193': entry({ note: 'khác' }) }, deletions: [], by: null });
    expect(clash.statusCode).toBe(409);
    expect(centerListConflictSchema.parse(clash.json())).toMatchObject({ version: 2, codes: ['1.001193'] });
    // A procedure nobody touched since version 1 saves fine from the same base.
    expect(await save(second, 1, { '1.000894': entry({ note: 'Quầy 2' }) })).toEqual({ version: 3, changed: 1 });
    const stale = await write(second, { baseVersion: 7, upserts: { '1.000894': SAME_DAY }, deletions: [], by: null });
    expect(stale.statusCode).toBe(409);
  });
});

describe('what the server refuses', () => {
  it('answers bad bodies and unknown procedures with 400 and a reason, storing nothing', async () => {
    const admin = await adminOf('VB01');
    const cases: [unknown, string][] = [
      [{ baseVersion: 0, upserts: { '1.001193': { ...SAME_DAY, time: { unit: 'same_day', cutoff: '19:00' } } }, deletions: [], by: null }, 'cut-off'],
      [{ baseVersion: 0, upserts: { '1.001193': { ...SAME_DAY, fee: { kind: 'amount', amount: -5 } } }, deletions: [], by: null }, 'more than 0'],
      [{ baseVersion: -1, upserts: {}, deletions: ['1.001193'], by: null }, 'baseVersion'],
      [{ baseVersion: 0, upserts: {}, deletions: [], by: null }, 'nothing to save'],
      [{ baseVersion: 0, upserts: { '9.999999': SAME_DAY }, deletions: [], by: null }, '9.999999'],
    ];
    for (const [body, reason] of cases) {
      const res = await write(admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(apiErrorSchema.parse(res.json()).reason).toContain(reason);
    }
    const bad = await app.inject({ url: `${API_PATHS.centerList.changes}?since=abc`, headers: bearer(admin) });
    expect(bad.statusCode).toBe(400);
    expect((await changes(admin, 0)).version).toBe(0);
  });
});

describe('an imported table', () => {
  it('reaches the server with its good rows, and the report names each bad row', async () => {
    const header = TABLE_HEADERS.map(([, title]) => ({ value: title }));
    const row = (...cells: (string | number)[]) => cells.map((value) => ({ value }));
    const xlsx = await writeXlsxFile([
      [{ value: 'DANH MỤC NIÊM YẾT – TRUNG TÂM VB01' }],
      header,
      row(1, '1.001193', 'Đăng ký khai sinh', 'Hộ tịch', 'Trong ngày', '15:00', 'Miễn phí', 'Điểm 1', 'Quầy 2', ''),
      row(2, '1.000656', 'Đăng ký khai tử', 'Hộ tịch', '1', '', '', '', '', ''),
      row(3, '2.000884', 'Chứng thực chữ ký', 'Chứng thực', 'Trong ngày (trước 15 giờ)', '', 10000, 'Điểm 1', 'Quầy 3', ''),
      row(4, '1.234567', 'Không có trong danh mục', '', '3 ngày làm việc', '', '', '', '', ''),
    ]).toBuffer();
    const bytes = xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer;
    const table = await readTableFile('danh-muc.xlsx', bytes);
    expect(table.ok).toBe(true);
    const byCode = new Map(demoCatalog.procedures.map((p) => [p.code, p]));
    const report = importCenterListTable(table.ok ? table.value : [], (code) => byCode.get(code));
    expect(report.rows.map((r) => [r.row, r.verdict, r.reasons[0]?.key ?? null])).toEqual([
      [3, 'imported', null],
      [4, 'error', 'timeWithoutUnit'],
      [5, 'imported', null],
      [6, 'error', 'unknownCode'],
    ]);

    const admin = await adminOf('VB01');
    expect(await save(admin, 0, report.entries)).toEqual({ version: 1, changed: 2 });
    const stored = await changes(admin, 0);
    expect(stored.upserts['2.000884']).toMatchObject({ time: { unit: 'same_day', cutoff: '15:00' }, fee: { kind: 'amount', amount: 10000 } });
    expect(Object.keys(stored.upserts).sort()).toEqual(['1.001193', '2.000884']);
  });
});

describe('the demo center list', () => {
  it('is seeded once into an empty list, marked as demo values, and never over an admin edit', async () => {
    const added = await addCenter(temp.store, DEMO_CENTER);
    expect(added.ok).toBe(true);
    const seeded = await ensureDemoCenterList(temp.store);
    expect(seeded).toMatchObject({ ok: true, value: { skipped: [] } });
    const device = await enrolTestDevice(app, DEMO_CENTER.code, DEMO_CENTER.enrolmentCode);
    const list = await changes(device, 0);
    expect(list.source).toMatch(/DEMO VALUES/);
    expect(list.upserts['1.001193']?.time).toEqual({ unit: 'same_day', cutoff: '15:00' });
    expect(await ensureDemoCenterList(temp.store)).toEqual({ ok: true, value: 'present' });
  });
});
