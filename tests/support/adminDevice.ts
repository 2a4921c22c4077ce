/**
 * Makes an enrolled device a center admin's device, straight in the server's SQLite file: enrolment
 * never grants that role (a device cannot declare itself admin), and how a center admin's device
 * is set up belongs to the server's trust work, not to the tests that need one.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE } from '../../server/store/sqliteStore.ts';

export function makeAdminDevice(dataDir: string, deviceId: string): void {
  const db = new Database(join(dataDir, SQLITE_FILE));
  try {
    const changed = db.prepare("UPDATE devices SET role = 'admin' WHERE id = ?").run(deviceId).changes;
    if (changed !== 1) throw new Error(`no device ${deviceId} to make an admin device`);
  } finally {
    db.close();
  }
}

/** The same, for a device found by its center and name (an e2e test knows the name it enrolled with). */
export function makeAdminDeviceNamed(dataDir: string, centerCode: string, name: string): void {
  const db = new Database(join(dataDir, SQLITE_FILE));
  try {
    const changed = db.prepare("UPDATE devices SET role = 'admin' WHERE center_code = ? AND name = ?").run(centerCode, name).changes;
    if (changed !== 1) throw new Error(`expected one device named "${name}" in ${centerCode}, found ${changed}`);
  } finally {
    db.close();
  }
}
