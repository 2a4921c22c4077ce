/**
 * The center's own list as this device holds it, following IndexedDB live (the counter's sync
 * engine writes it there). With `pull`, the hook also fetches what changed, as the kiosk has no sync
 * engine: on start, when the link comes back and every few minutes, only once the device is
 * enrolled with a center (an unenrolled kiosk shows national values).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { applyCenterListChanges, EMPTY_CENTER_LIST, heldCenterListVersion, loadCenterList, type LocalCenterList } from '../data/centerListRepository.ts';
import type { MotcuaDb } from '../data/db.ts';
import { loadDevice } from '../data/deviceRepository.ts';
import type { TokenVault } from '../security/dataKey.ts';
import { fetchCenterListChanges } from '../sync/centerListClient.ts';

const PULL_EVERY_MS = 5 * 60_000;

/** One pull with a device's link: 'updated', 'unchanged' or 'failed'. Never throws. */
export async function pullCenterListWith(db: MotcuaDb, link: { serverUrl: string; token: string }): Promise<'updated' | 'unchanged' | 'failed'> {
  try {
    const answer = await fetchCenterListChanges(link, await heldCenterListVersion(db));
    if (!answer.ok) return 'failed';
    return await applyCenterListChanges(db, answer.value, new Date().toISOString());
  } catch {
    // Storage failed: the list held stays as it is; the next pull tries again.
    return 'failed';
  }
}

/** One pull for this device (its token from the vault): 'updated', 'unchanged', or why not. Never throws. */
export async function pullCenterList(db: MotcuaDb, vault: TokenVault): Promise<'updated' | 'unchanged' | 'not_enrolled' | 'failed'> {
  const device = await loadDevice(db, vault);
  if (!device.ok) return 'failed';
  if (!device.value) return 'not_enrolled';
  return pullCenterListWith(db, { serverUrl: device.value.serverUrl, token: device.value.token });
}

/** The center's list on this device; with `pullWith` (the device's token vault) it is also pulled on start, when the link comes back and every few minutes. */
export function useCenterList(db: MotcuaDb, options: { pullWith?: TokenVault } = {}): LocalCenterList {
  const pull = options.pullWith;
  const list = useLiveQuery(async () => {
    const loaded = await loadCenterList(db);
    return loaded.ok ? loaded.value : EMPTY_CENTER_LIST;
  }, [db]);

  useEffect(() => {
    if (!pull) return;
    const run = () => void pullCenterList(db, pull);
    run();
    const timer = window.setInterval(run, PULL_EVERY_MS);
    window.addEventListener('online', run);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', run);
    };
  }, [db, pull]);

  return list ?? EMPTY_CENTER_LIST;
}
