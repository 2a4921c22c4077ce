/** Builders for the learning tests: devices of each role, kiosk searches as the kiosk records them. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { SearchSession } from '../../shared/learning/searchSession.ts';
import { enrolResponseSchema, type EnrolResponse } from '../../shared/sync/protocol.ts';
import { testAdminCode, testEnrolmentCode } from './syncFixtures.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

/** Enrols a device of `center` as `role` (an admin device with the center's admin code). */
export async function enrolAs(app: FastifyInstance, center: string, role: 'kiosk' | 'counter' | 'admin'): Promise<EnrolResponse> {
  const res = await app.inject({
    method: 'POST',
    url: API_PATHS.devices.enrol,
    payload: { centerCode: center, enrolmentCode: role === 'admin' ? testAdminCode(center) : testEnrolmentCode(center), locationCode: null, deviceName: `${role} ${randomUUID().slice(0, 4)}`, role },
  });
  if (res.statusCode !== 201) throw new Error(`enrolment failed: ${res.statusCode} ${res.body}`);
  const device = enrolResponseSchema.parse(res.json());
  return device;
}

/** A search that ended `outcome` at `at`. */
export function searchSession(query: string, at: Date, over: Partial<SearchSession> = {}): SearchSession {
  const outcome = over.outcome ?? 'none';
  return {
    id: randomUUID(),
    query,
    found: outcome === 'abandoned' ? 'match' : 'nearest',
    shown: outcome === 'abandoned' ? ['1.001193'] : ['1.011609'],
    outcome,
    chosen: outcome === 'chosen' ? '1.001193' : null,
    flowPath: null,
    language: 'vi',
    at: at.toISOString(),
    ...over,
  };
}
