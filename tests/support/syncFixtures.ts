/** Builders for sync tests: centers and enrolled devices on a store, valid files and numbered mutations. */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { addCenter } from '../../server/centers/addCenter.ts';
import type { SyncStore } from '../../server/store/store.ts';
import { formatFileNumber } from '../../shared/files/fileNumber.ts';
import type { FileRecord } from '../../shared/files/fileRecord.ts';
import { newLookupCode } from '../../shared/files/lookupCode.ts';
import type { ScanRef } from '../../shared/files/scan.ts';
import { ENROLMENT_CODE_MIN_LENGTH, enrolResponseSchema, type DeviceRole, type EnrolResponse, type Mutation } from '../../shared/sync/protocol.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

/**
 * The server's clock in the server tests: a few days after the fixture files' 1 March 2027, so the
 * server's bound on reception times (shared/files/fileChecks.ts) takes them as past.
 */
export const FIXTURE_NOW = new Date('2027-03-05T02:00:00Z');
export const fixtureClock = (): Date => FIXTURE_NOW;

/**
 * A test center's codes: `enrol-CODE` (padded to the 12 characters a code needs) for kiosks and
 * counters, `admin-enrol-CODE` for admin devices.
 */
export const testEnrolmentCode = (center: string): string => `enrol-${center}`.padEnd(ENROLMENT_CODE_MIN_LENGTH, '0');
export const testAdminCode = (center: string): string => `admin-enrol-${center}`;

export async function addTestCenter(store: SyncStore, code: string, enrolmentCode = testEnrolmentCode(code)): Promise<void> {
  const added = await addCenter(store, { code, name: `Trung tâm ${code}`, enrolmentCode, adminEnrolmentCode: testAdminCode(code) });
  if (!added.ok) throw new Error(added.error);
}

export async function enrolTestDevice(
  app: FastifyInstance,
  centerCode: string,
  enrolmentCode?: string,
  role: DeviceRole = 'counter',
): Promise<EnrolResponse> {
  const code = enrolmentCode ?? (role === 'admin' ? testAdminCode(centerCode) : testEnrolmentCode(centerCode));
  const res = await app.inject({
    method: 'POST',
    url: API_PATHS.devices.enrol,
    payload: { centerCode, enrolmentCode: code, locationCode: 'Q1', deviceName: 'Quầy 1', role },
  });
  if (res.statusCode !== 201) throw new Error(`enrolment failed: ${res.statusCode} ${res.body}`);
  return enrolResponseSchema.parse(res.json());
}

export const bearer = (device: EnrolResponse) => ({ authorization: `Bearer ${device.token}` });

/** A small real PDF (its first bytes are what the server sniffs) and the reference a record makes to it. */
export function makeScan(n: number, extraBytes = 0): { ref: ScanRef; bytes: Buffer; blob: Blob } {
  const bytes = Buffer.concat([
    Buffer.from(`%PDF-1.4\n% bản chụp hồ sơ ${n}\n`),
    Buffer.alloc(extraBytes, 0x20),
    Buffer.from('\n%%EOF\n'),
  ]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const blob = new Blob([new Uint8Array(bytes)], { type: 'application/pdf' });
  return { ref: { id: randomUUID(), name: `scan-${n}.pdf`, type: 'application/pdf', size: bytes.length, sha256 }, bytes, blob };
}

/**
 * The n-th file a device registers (on 1 March 2027 unless `receivedAt` says otherwise), numbered
 * as the counter app numbers it: the Vietnam day of its reception, and a lookup code.
 */
export function makeFile(device: EnrolResponse, n: number, overrides: Partial<FileRecord> = {}): FileRecord {
  const receivedAt = overrides.receivedAt ?? new Date(Date.UTC(2027, 2, 1, 1, 0, n)).toISOString();
  return {
    id: randomUUID(),
    number: formatFileNumber({ centerCode: device.centerCode, deviceCode: device.deviceCode, date: new Date(receivedAt), sequence: n }),
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
    attachments: [makeScan(n).ref],
    notes: null,
    receivedAt,
    receivedBy: { staffId: 's1', staffName: 'Trần Thị Bình' },
    lookupCode: newLookupCode(),
    ...overrides,
  };
}

export function createMutation(seq: number, file: unknown): Mutation {
  return { seq, id: randomUUID(), kind: 'file.create', at: FIXTURE_NOW.toISOString(), payload: file };
}

export function cancelMutation(seq: number, fileId: string, reason = 'công dân rút hồ sơ'): Mutation {
  return { seq, id: randomUUID(), kind: 'file.cancel', at: FIXTURE_NOW.toISOString(), payload: { fileId, reason } };
}
