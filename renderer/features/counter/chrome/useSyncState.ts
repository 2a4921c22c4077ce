/** Subscribes a component to the sync engine's state (link, waiting count, progress). */
import { useSyncExternalStore } from 'react';
import type { SyncEngine } from '../../../sync/syncEngine.ts';

export function useSyncState(sync: SyncEngine) {
  return useSyncExternalStore(sync.subscribe, sync.getState);
}
