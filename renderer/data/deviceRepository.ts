/**
 * The device's identity as enrolled with the server: written once at enrolment, read by the
 * registration (codes for file numbers) and by the sync loop (server address and token). The token
 * itself lives in the platform's token vault (OS keystore in the shell), never in this database.
 */
import { CENTER_CODE_PATTERN, DEVICE_CODE_PATTERN } from '../../shared/files/fileNumber.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { EnrolResponse } from '../../shared/sync/protocol.ts';
import type { TokenVault } from '../security/dataKey.ts';
import type { DeviceIdentity, MotcuaDb, StoredDevice } from './db.ts';
import { LEGACY_TOKEN_CONTEXT } from './sealContexts.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

/** The enrolled role without the token (no keystore read): null when the device is not enrolled. */
export async function enrolledRole(db: MotcuaDb): Promise<Result<StoredDevice['role'] | null, StorageError>> {
  try {
    return ok((await db.device.get('device'))?.role ?? null);
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

export async function loadDevice(db: MotcuaDb, vault: TokenVault): Promise<Result<DeviceIdentity | null, StorageError>> {
  let row: StoredDevice | undefined;
  try {
    row = await db.device.get('device');
  } catch (e) {
    return err(storageErrorFrom(e));
  }
  if (!row) return ok(null);
  const { legacyToken, ...stored } = row;
  const read = await vault.read();
  if (!read.ok) return err({ kind: 'keystore', reason: read.error });
  let token = read.value;
  if (legacyToken) {
    // Enrolled before tokens left the database: the upgrade sealed it here; it moves to the vault once.
    const opened = await db.cipher.open(legacyToken, LEGACY_TOKEN_CONTEXT);
    if (!opened.ok || typeof opened.value !== 'string') return err({ kind: 'unreadable', reason: `the device token kept by the upgrade cannot be read: ${opened.ok ? 'not text' : opened.error}` });
    if (token === null) {
      const moved = await vault.write(opened.value);
      if (!moved.ok) return err({ kind: 'keystore', reason: moved.error });
      token = opened.value;
    }
    try {
      await db.device.put(stored);
    } catch (e) {
      return err(storageErrorFrom(e));
    }
  }
  if (token === null) return err({ kind: 'keystore', reason: 'this device is enrolled but its token is missing from the key store; enrol the device again' });
  return ok({ ...stored, token });
}

/**
 * Stores what the server answered at enrolment: the token in the vault first, then the identity.
 * Codes that could not make a valid file number are refused here, once, rather than at every registration.
 */
export async function saveDevice(
  db: MotcuaDb,
  vault: TokenVault,
  serverUrl: string,
  enrolment: EnrolResponse,
  now = new Date(),
): Promise<Result<DeviceIdentity, StorageError>> {
  // Kept as the server spelled them (the server compares them); file numbers upper-case them.
  const { centerCode, deviceCode } = enrolment;
  if (!CENTER_CODE_PATTERN.test(centerCode.toUpperCase()) || !DEVICE_CODE_PATTERN.test(deviceCode.toUpperCase())) {
    return err({ kind: 'invalid', reason: `center code "${enrolment.centerCode}" or device code "${enrolment.deviceCode}" cannot make file numbers`, fields: [] });
  }
  const stored: StoredDevice = {
    key: 'device',
    deviceId: enrolment.deviceId,
    deviceCode,
    centerCode,
    centerName: enrolment.centerName,
    locationCode: enrolment.locationCode,
    role: enrolment.role,
    serverUrl,
    enrolledAt: now.toISOString(),
  };
  const kept = await vault.write(enrolment.token);
  if (!kept.ok) return err({ kind: 'keystore', reason: kept.error });
  try {
    await db.device.put(stored);
    return ok({ ...stored, token: enrolment.token });
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}
