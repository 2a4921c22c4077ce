/**
 * Opens the platform's data key at start-up. A kiosk keeps no citizen's data (catalog, status
 * lookups and ratings only), so a kiosk computer without a working OS keystore still runs, on a key
 * that lives in memory for this session; a counter without its key does not start at all.
 */
import { ok, type Result } from '../../shared/result.ts';
import type { Platform } from '../platform/platform.ts';
import { generateDataKey, type DataKey } from '../security/dataKey.ts';

export async function openDataKey(platform: Pick<Platform, 'profile' | 'dataKey'>): Promise<Result<DataKey, string>> {
  const key = await platform.dataKey.open();
  if (key.ok || platform.profile !== 'kiosk') return key;
  console.warn(`motcua kiosk runs on a session key: ${key.error}`);
  return ok(await generateDataKey());
}
