/**
 * The platform inside the Electron shell: the server address comes from the device configuration
 * via the preload bridge, and each shell capability is the bridge's matching group of calls.
 */
import type { MotcuaBridge } from '../../shared/ipc/contract.ts';
import { createKeystoreKeys } from './keystoreKeys.ts';
import type { Platform } from './platform.ts';
import { browserSpeech } from './speech.ts';

export function createElectronPlatform(bridge: MotcuaBridge): Platform {
  return {
    kind: 'electron',
    serverUrl: bridge.config.serverUrl,
    profile: bridge.config.profile,
    device: bridge.device,
    printing: bridge.print,
    network: bridge.network,
    // The keystore is reached only through these two: nothing else in the UI handles secrets.
    ...createKeystoreKeys(bridge.secrets),
    admin: bridge.admin,
    logs: bridge.logs,
    // Electron's Chromium speaks with the operating system's voices (Windows: "Microsoft An" for vi-VN).
    speech: browserSpeech(),
    reportIdle: (idle) => void bridge.app.reportIdle({ idle }),
  };
}
