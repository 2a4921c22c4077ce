/** Fetches the server's administrative units when they differ from ours (ETag on their version); the old copy stays on any failure. */
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { adminUnitsResponseSchema } from '../../shared/sync/protocol.ts';
import { heldAdminUnitsVersion, storeAdminUnits } from '../data/adminUnitsRepository.ts';
import type { MotcuaDb } from '../data/db.ts';
import { createApiClient } from './apiClient.ts';

export type AdminUnitsRefresh = 'updated' | 'unchanged' | 'none_on_server' | 'unavailable';

export async function refreshAdminUnits(db: MotcuaDb, serverUrl: string, fetchFn?: typeof fetch): Promise<AdminUnitsRefresh> {
  const held = await heldAdminUnitsVersion(db);
  const answer = await createApiClient({ serverUrl, ...(fetchFn ? { fetchFn } : {}) }).revalidate(
    { path: API_PATHS.adminUnits, auth: false, weight: 'bulk', schema: adminUnitsResponseSchema },
    held === null ? null : `"admin-units-${held}"`,
  );
  if (!answer.ok) return answer.error.kind === 'refused' && answer.error.status === 404 ? 'none_on_server' : 'unavailable';
  if (answer.value.status === 'unchanged') return 'unchanged';
  try {
    await storeAdminUnits(db, answer.value.value.version, answer.value.value.units, new Date().toISOString());
    return 'updated';
  } catch {
    return 'unavailable';
  }
}
