/**
 * The center's own list as this device holds it, following IndexedDB live (the counter's sync
 * engine writes it there). With `pull`, the hook also fetches what changed, as the kiosk has no sync
 * engine: on start, when the link comes back and every few minutes, only once the device is
 * enrolled with a center (an unenrolled kiosk shows national values).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { applyCenterListChanges, EMPTY_CENTER_LIST, loadCenterList, type LocalCenterList } from '../data/centerListRepository.ts';
import type { MotcuaDb } from '../data/db.ts';
import { loadDevice } from '../data/deviceRepository.ts';
import { fetchCenterListChanges } from '../sync/centerListClient.ts';

const PULL_EVERY_MS = 5 * 60_000;

/** One pull: 'updated', 'unchanged', or why not ('not_enrolled', 'failed'). Never throws. */
export async function pullCenterList(db: MotcuaDb): Promise<'updated' | 'unchanged' | 'not_enrolled' | 'failed'> {
  try {
    const device = await loadDevice(db);
    if (!device.ok) return 'failed';
    if (!device.value) return 'not_enrolled';
    const meta = await db.centerListMeta.get('centerList');
    const answer = await fetchCenterListChanges({ serverUrl: device.value.serverUrl, token: device.value.token }, meta?.version ?? 0);
    if (!answer.ok) return 'failed';
    return await applyCenterListChanges(db, answer.value, new Date().toISOString());
  } catch {
    // Storage failed: the list held stays as it is; the next pull tries again.
    return 'failed';
  }
}

export function useCenterList(db: MotcuaDb, options: { pull?: boolean } = {}): LocalCenterList {
  const pull = options.pull ?? false;
  const list = useLiveQuery(async () => {
    const loaded = await loadCenterList(db);
    return loaded.ok ? loaded.value : EMPTY_CENTER_LIST;
  }, [db]);

  useEffect(() => {
    if (!pull) return;
    const run = () => void pullCenterList(db);
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
