/**
 * A file's chosen commune on the real server (SQLite, Fastify inject): with the administrative units
 * imported, a pushed file whose commune code is not in the table is rejected alone with a code the
 * counter translates; a known one is stored with the address text as typed; a file without one (or
 * from before units existed) still goes in. A correction is checked the same way.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { defaultAdminUnitsDir, importAdminUnits } from '../../server/address/importAdminUnits.ts';
import type { AddressUnit } from '../../shared/address/addressUnit.ts';
import type { FileRecord } from '../../shared/files/fileRecord.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { pushResponseSchema, type EnrolResponse, type Mutation } from '../../shared/sync/protocol.ts';
import { bearer, createMutation, enrolTestDevice, FIXTURE_NOW, makeFile } from '../support/syncFixtures.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: ['AU'] }, (ready) => ({ app, temp } = ready));

const DONG_THAI: AddressUnit = { code: '14746', name: 'Xã Đồng Thái', provinceCode: '37', province: 'Tỉnh Ninh Bình' };

async function push(device: EnrolResponse, mutations: Mutation[]) {
  const res = await app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(device), payload: { mutations } });
  expect(res.statusCode).toBe(200);
  return pushResponseSchema.parse(res.json()).results.map((r) => (r.status === 'rejected' ? `rejected ${r.code}` : r.status));
}

const withUnit = (device: EnrolResponse, n: number, unit?: AddressUnit): FileRecord => {
  const file = makeFile(device, n);
  return { ...file, citizen: { ...file.citizen, address: 'thon 3 yen thanh yen mo', ...(unit ? { addressUnit: unit } : {}) } };
};

describe("a file's chosen commune on the server", () => {
  it('refuses an unknown commune code, keeps a known one with the text as typed, and takes a file without one', async () => {
    const imported = await importAdminUnits(temp.store, defaultAdminUnitsDir());
    expect(imported.ok).toBe(true);
    const counter = await enrolTestDevice(app, 'AU');
    const known = withUnit(counter, 1, DONG_THAI);
    const unknown = withUnit(counter, 2, { ...DONG_THAI, code: '99999' });
    const renamed = withUnit(counter, 3, { ...DONG_THAI, name: 'Xã Yên Thành' });
    const none = withUnit(counter, 4);
    expect(await push(counter, [createMutation(1, known), createMutation(2, unknown), createMutation(3, renamed), createMutation(4, none)])).toEqual([
      'applied',
      'rejected syncReason.unknownAddressUnit',
      'rejected syncReason.unknownAddressUnit',
      'applied',
    ]);
    const stored = await temp.store.findFile('AU', known.id);
    expect(stored.ok && stored.value?.citizen).toMatchObject({ address: 'thon 3 yen thanh yen mo', addressUnit: DONG_THAI });
    const plain = await temp.store.findFile('AU', none.id);
    expect(plain.ok && plain.value?.citizen.addressUnit).toBeUndefined();
    expect(await temp.store.findFile('AU', unknown.id)).toEqual({ ok: true, value: null });

    // A correction that picks an unknown commune is refused the same way.
    const { procedureCode, procedureName, channel, citizen, documents, notes } = known;
    const stamp = { who: { staffId: 's1', staffName: 'Trần Thị Bình' }, when: FIXTURE_NOW.toISOString(), where: { centerCode: 'AU', deviceId: counter.deviceId, locationCode: counter.locationCode } };
    const correction = (unit: AddressUnit): Mutation => ({
      seq: 5,
      id: randomUUID(),
      kind: 'file.update',
      at: FIXTURE_NOW.toISOString(),
      payload: { fileId: known.id, changes: { procedureCode, procedureName, channel, citizen: { ...citizen, addressUnit: unit }, documents, notes }, reason: 'sửa địa chỉ', stamp },
    });
    expect(await push(counter, [correction({ ...DONG_THAI, code: '00000' })])).toEqual(['rejected syncReason.unknownAddressUnit']);
  });

  it('takes a shape-checked commune while it has no table to judge it by', async () => {
    const counter = await enrolTestDevice(app, 'AU');
    expect(await push(counter, [createMutation(1, withUnit(counter, 1, { ...DONG_THAI, code: '99999' }))])).toEqual(['applied']);
  });
});
