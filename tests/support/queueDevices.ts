/** A center with the demo queue settings and its kiosks, counters and admin device, for the queue's server tests. */
import type { FastifyInstance } from 'fastify';
import { addCenter } from '../../server/centers/addCenter.ts';
import type { SyncStore } from '../../server/store/store.ts';
import { enrolResponseSchema, SYNC_PATHS, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { makeAdminDevice } from './adminDevice.ts';
import { demoSettings } from './queueEvents.ts';

/** Long enough for any enrolment-code rule. */
export const queueEnrolmentCode = (center: string) => `queue-enrol-${center}-0000`;

export async function addQueueCenter(store: SyncStore, code: string, options: { settings?: boolean } = {}): Promise<void> {
  const added = await addCenter(store, { code, name: `Trung tâm ${code}`, enrolmentCode: queueEnrolmentCode(code) });
  if (!added.ok) throw new Error(added.error);
  if (options.settings ?? true) {
    const saved = await store.saveQueueSettings(code, demoSettings(), null, null);
    if (!saved.ok) throw new Error(saved.error.reason);
  }
}

export async function enrolAs(app: FastifyInstance, center: string, role: 'kiosk' | 'counter', name: string): Promise<EnrolResponse> {
  const res = await app.inject({
    method: 'POST',
    url: SYNC_PATHS.enrol,
    payload: { centerCode: center, enrolmentCode: queueEnrolmentCode(center), locationCode: null, deviceName: name, role },
  });
  if (res.statusCode !== 201) throw new Error(`enrolment failed: ${res.statusCode} ${res.body}`);
  return enrolResponseSchema.parse(res.json());
}

/** A counter device made a center admin's device on the server (enrolment never grants it). */
export async function enrolAdmin(app: FastifyInstance, dataDir: string, center: string): Promise<EnrolResponse> {
  const device = await enrolAs(app, center, 'counter', 'Máy quản trị');
  makeAdminDevice(dataDir, device.deviceId);
  return { ...device, role: 'admin' };
}

export const auth = (device: EnrolResponse) => ({ authorization: `Bearer ${device.token}` });
