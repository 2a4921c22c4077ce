/**
 * Pulls the center's own list (danh mục niêm yết) for a device that has no sync engine (the kiosk)
 * or right after an admin saved it: only what changed, once the device is enrolled with a center
 * (an unenrolled kiosk shows national values). The list itself is read with useCenterList.ts.
 */
import { useEffect } from 'react';
import { applyCenterListChanges, heldCenterListVersion } from '../data/centerListRepository.ts';
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

/** The kiosk's pull: on start, when the link comes back and every few minutes. */
export function useCenterListPull(db: MotcuaDb, vault: TokenVault): void {
  useEffect(() => {
    const run = () => void pullCenterList(db, vault);
    run();
    const timer = window.setInterval(run, PULL_EVERY_MS);
    window.addEventListener('online', run);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', run);
    };
  }, [db, vault]);
}
