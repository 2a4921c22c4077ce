/** Subscribes a component to the sync engine's state (link, waiting count, progress). */
import { useSyncExternalStore } from 'react';
import type { SyncEngine } from '../../../sync/syncEngine.ts';

export function useSyncState(engine: SyncEngine) {
  return useSyncExternalStore(engine.subscribe, engine.getState);
}
