/** The platform inside the Electron shell: the server address comes from the device configuration via the preload bridge. */
import type { MotcuaBridge } from '../../shared/ipc/contract.ts';
import type { Platform } from './platform.ts';

export function createElectronPlatform(bridge: MotcuaBridge): Platform {
  return {
    kind: 'electron',
    serverUrl: bridge.config.serverUrl,
    profile: bridge.config.profile,
    isOnline: () => navigator.onLine,
  };
}
