/**
 * The administrative units on this device: the copy last fetched from the server (1.4 MB, kept in
 * IndexedDB so the address lookup works offline), refreshed quietly with the server's ETag.
 */
import { adminUnitsSchema, type AdminUnits } from '../../shared/address/adminUnits.ts';
import { adminUnitsResponseSchema, SYNC_PATHS } from '../../shared/sync/protocol.ts';
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

export type AdminUnitsRefresh = 'updated' | 'unchanged' | 'none_on_server' | 'unavailable';

/** Fetches the server's units when they differ from ours; the old copy stays on any failure. */
export async function refreshAdminUnits(db: MotcuaDb, serverUrl: string): Promise<AdminUnitsRefresh> {
  try {
    const current = await db.adminUnits.get('units');
    const headers: Record<string, string> = current ? { 'if-none-match': `"admin-units-${current.version}"` } : {};
    const response = await fetch(new URL(SYNC_PATHS.adminUnits, serverUrl), { headers, signal: AbortSignal.timeout(60_000), cache: 'no-store' });
    if (response.status === 304) return 'unchanged';
    if (response.status === 404) return 'none_on_server';
    if (!response.ok) return 'unavailable';
    const parsed = adminUnitsResponseSchema.safeParse(await response.json());
    if (!parsed.success) return 'unavailable';
    await db.adminUnits.put({ key: 'units', version: parsed.data.version, units: parsed.data.units, storedAt: new Date().toISOString() });
    return 'updated';
  } catch {
    return 'unavailable';
  }
}
