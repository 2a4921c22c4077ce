/**
 * The administrative units on this device: the copy last fetched from the server (1.4 MB, kept in
 * IndexedDB so the address lookup works offline), refreshed quietly with the server's ETag.
 */
import { adminUnitsSchema, type AdminUnits } from '../../shared/address/adminUnits.ts';
import type { MotcuaDb } from './db.ts';

/** The units this device holds, or null when it has none (or the copy no longer fits the schema). */
export async function loadAdminUnits(db: MotcuaDb): Promise<AdminUnits | null> {
  try {
    const row = await db.adminUnits.get('units');
    if (!row) return null;
    const parsed = adminUnitsSchema.safeParse(row.units);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The version of the units held, or null (none, or storage failed: then a full copy is asked for). */
export async function heldAdminUnitsVersion(db: MotcuaDb): Promise<number | null> {
  try {
    return (await db.adminUnits.get('units'))?.version ?? null;
  } catch {
    return null;
  }
}

export async function storeAdminUnits(db: MotcuaDb, version: number, units: AdminUnits, at: string): Promise<void> {
  await db.adminUnits.put({ key: 'units', version, units, storedAt: at });
}
