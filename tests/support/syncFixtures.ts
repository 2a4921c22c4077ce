/** Builders for sync tests: centers and enrolled devices on a store, valid files and numbered mutations. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { addCenter } from '../../server/centers/addCenter.ts';
import type { SyncStore } from '../../server/store/store.ts';
import type { FileRecord } from '../../shared/files/fileRecord.ts';
import { enrolResponseSchema, SYNC_PATHS, type EnrolResponse, type Mutation } from '../../shared/sync/protocol.ts';

export async function addTestCenter(store: SyncStore, code: string, enrolmentCode = `enrol-${code}`): Promise<void> {
  const added = await addCenter(store, { code, name: `Trung tâm ${code}`, enrolmentCode });
  if (!added.ok) throw new Error(added.error);
}

export async function enrolTestDevice(app: FastifyInstance, centerCode: string, enrolmentCode = `enrol-${centerCode}`): Promise<EnrolResponse> {
  const res = await app.inject({
    method: 'POST',
    url: SYNC_PATHS.enrol,
    payload: { centerCode, enrolmentCode, locationCode: 'Q1', deviceName: 'Quầy 1', role: 'counter' },
  });
  if (res.statusCode !== 201) throw new Error(`enrolment failed: ${res.statusCode} ${res.body}`);
  return enrolResponseSchema.parse(res.json());
}

export const bearer = (device: EnrolResponse) => ({ authorization: `Bearer ${device.token}` });

/** The n-th file a device registers on 1 March 2027, numbered as the counter app numbers it. */
export function makeFile(device: EnrolResponse, n: number, overrides: Partial<FileRecord> = {}): FileRecord {
  const scan = Buffer.from(`bản chụp hồ sơ ${n}`);
  return {
    id: randomUUID(),
    number: `${device.centerCode}-${device.deviceCode}-20270301-${String(n).padStart(4, '0')}`,
    centerCode: device.centerCode,
    locationCode: device.locationCode,
    deviceId: device.deviceId,
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    channel: 'in_person',
    citizen: {
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-05-17',
      idNumber: `031090${String(n).padStart(6, '0')}`, // 031 Hải Phòng, a man born in 1990, as the birth date says
      sex: 'male',
      phone: '0912345678',
      address: 'Thôn 3, xã Vĩnh Bảo',
    },
    documents: [{ name: 'Tờ khai đăng ký khai sinh', originalsExpected: 1, copiesExpected: 0, originalsReceived: 1, copiesReceived: 0 }],
    attachments: [{ name: 'scan.txt', type: 'text/plain', size: scan.length, dataBase64: scan.toString('base64') }],
    notes: null,
    receivedAt: new Date(Date.UTC(2027, 2, 1, 1, 0, n)).toISOString(),
    receivedBy: { staffId: 's1', staffName: 'Trần Thị Bình' },
    ...overrides,
  };
}

export function createMutation(seq: number, file: unknown): Mutation {
  return { seq, id: randomUUID(), kind: 'file.create', at: new Date().toISOString(), payload: file };
}

export function cancelMutation(seq: number, fileId: string, reason = 'công dân rút hồ sơ'): Mutation {
  return { seq, id: randomUUID(), kind: 'file.cancel', at: new Date().toISOString(), payload: { fileId, reason } };
}
