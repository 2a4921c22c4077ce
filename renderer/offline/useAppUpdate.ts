/** React view of the app updater. */
import { useSyncExternalStore } from 'react';
import type { AppUpdater } from './appUpdater.ts';

export function useAppUpdate(updater: AppUpdater) {
  return useSyncExternalStore(updater.subscribe, updater.getState);
}
