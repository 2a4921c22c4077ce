/** Fetches the server's holiday table and keeps it when it differs from ours; quiet on failure (the old table stays). */
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { calendarResponseSchema } from '../../shared/sync/protocol.ts';
import { storeHolidayTable } from '../data/calendarRepository.ts';
import type { MotcuaDb } from '../data/db.ts';
import { createApiClient } from './apiClient.ts';

export async function refreshHolidayTable(db: MotcuaDb, serverUrl: string, fetchFn?: typeof fetch): Promise<'updated' | 'unchanged' | 'unavailable'> {
  const answer = await createApiClient({ serverUrl, ...(fetchFn ? { fetchFn } : {}) }).send({ path: API_PATHS.calendar, auth: false, schema: calendarResponseSchema });
  if (!answer.ok) return 'unavailable';
  try {
    return await storeHolidayTable(db, answer.value.table, new Date().toISOString());
  } catch {
    return 'unavailable';
  }
}
