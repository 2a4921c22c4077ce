/**
 * The center's own list as this device holds it, following IndexedDB live (the counter's sync
 * engine writes it there; the kiosk pulls it with centerListPull.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { EMPTY_CENTER_LIST, loadCenterList, type LocalCenterList } from '../data/centerListRepository.ts';
import type { MotcuaDb } from '../data/db.ts';

/** The center's list on this device (empty until read, or when the device holds none). */
export function useCenterList(db: MotcuaDb): LocalCenterList {
  const list = useLiveQuery(async () => {
    const loaded = await loadCenterList(db);
    return loaded.ok ? loaded.value : EMPTY_CENTER_LIST;
  }, [db]);
  return list ?? EMPTY_CENTER_LIST;
}
