/** A center with the demo queue settings and its kiosks, counters and admin device, for the queue's server tests. */
import type { FastifyInstance } from 'fastify';
import type { SyncStore } from '../../server/store/store.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { enrolResponseSchema, type DeviceRole, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { demoSettings } from './queueEvents.ts';
import { addTestCenter, testAdminCode, testEnrolmentCode } from './syncFixtures.ts';

/** The center's code for kiosks and counters (the admin device uses testAdminCode). */
export const queueEnrolmentCode = testEnrolmentCode;

export async function addQueueCenter(store: SyncStore, code: string, options: { settings?: boolean } = {}): Promise<void> {
  await addTestCenter(store, code);
  if (options.settings ?? true) {
    const saved = await store.saveQueueSettings(code, demoSettings(), null, null);
    if (!saved.ok) throw new Error(saved.error.reason);
  }
}

/** Enrols a device by name; an admin device with the center's admin enrolment code, the others with its enrolment code. */
export async function enrolAs(app: FastifyInstance, center: string, role: DeviceRole, name: string): Promise<EnrolResponse> {
  const res = await app.inject({
    method: 'POST',
    url: API_PATHS.devices.enrol,
    payload: { centerCode: center, enrolmentCode: role === 'admin' ? testAdminCode(center) : testEnrolmentCode(center), locationCode: null, deviceName: name, role },
  });
  if (res.statusCode !== 201) throw new Error(`enrolment failed: ${res.statusCode} ${res.body}`);
  return enrolResponseSchema.parse(res.json());
}

/** The center admin's device, enrolled with the admin enrolment code. */
export const enrolAdmin = (app: FastifyInstance, center: string): Promise<EnrolResponse> => enrolAs(app, center, 'admin', 'Máy quản trị');

export const auth = (device: EnrolResponse) => ({ authorization: `Bearer ${device.token}` });
