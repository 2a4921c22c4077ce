/**
 * The device's identity as enrolled with the server: written once at enrolment, read by the
 * registration (codes for file numbers) and by the sync loop (server address and token).
 */
import { CENTER_CODE_PATTERN, DEVICE_CODE_PATTERN } from '../../shared/files/fileNumber.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { EnrolResponse } from '../../shared/sync/protocol.ts';
import type { DeviceIdentity, MotcuaDb } from './db.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

export async function loadDevice(db: MotcuaDb): Promise<Result<DeviceIdentity | null, StorageError>> {
  try {
    return ok((await db.device.get('device')) ?? null);
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

/**
 * Stores what the server answered at enrolment. Codes that could not make a valid file number are
 * refused here, once, rather than at every registration.
 */
export async function saveDevice(
  db: MotcuaDb,
  serverUrl: string,
  enrolment: EnrolResponse,
  now = new Date(),
): Promise<Result<DeviceIdentity, StorageError>> {
  // Kept as the server spelled them (the server compares them); file numbers upper-case them.
  const { centerCode, deviceCode } = enrolment;
  if (!CENTER_CODE_PATTERN.test(centerCode.toUpperCase()) || !DEVICE_CODE_PATTERN.test(deviceCode.toUpperCase())) {
    return err({ kind: 'invalid', reason: `center code "${enrolment.centerCode}" or device code "${enrolment.deviceCode}" cannot make file numbers`, fields: [] });
  }
  const identity: DeviceIdentity = {
    key: 'device',
    deviceId: enrolment.deviceId,
    deviceCode,
    token: enrolment.token,
    centerCode,
    centerName: enrolment.centerName,
    locationCode: enrolment.locationCode,
    role: enrolment.role,
    serverUrl,
    enrolledAt: now.toISOString(),
  };
  try {
    await db.device.put(identity);
    return ok(identity);
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}
