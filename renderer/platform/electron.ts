/**
 * The platform inside the Electron shell: the server address comes from the device configuration
 * via the preload bridge, and each shell capability is the bridge's matching group of calls, its
 * refusals turned into failures the UI translates (platform.refusal.*).
 */
import type { MotcuaBridge } from '../../shared/ipc/contract.ts';
import { err } from '../../shared/result.ts';
import { createKeystoreKeys } from './keystoreKeys.ts';
import type { Platform } from './platform.ts';
import { shellFailure, shellPrinting } from './printing.ts';
import { browserSpeech } from './speech.ts';

export function createElectronPlatform(bridge: MotcuaBridge): Platform {
  return {
    kind: 'electron',
    serverUrl: bridge.config.serverUrl,
    profile: bridge.config.profile,
    device: {
      identity: async () => {
        const r = await bridge.device.identity();
        return r.ok ? r : err(shellFailure(r.error, 'platform.failed'));
      },
      config: async () => {
        const r = await bridge.device.config();
        return r.ok ? r : err(shellFailure(r.error, 'platform.failed'));
      },
    },
    printing: shellPrinting(bridge.print),
    network: {
      // Main probes the configured server (the page never names the address it probes).
      probe: async () => {
        const r = await bridge.network.probe();
        return r.ok ? r.value : { state: 'offline', elapsedMs: null };
      },
    },
    // The keystore is reached only through these two: nothing else in the UI handles secrets.
    ...createKeystoreKeys(bridge.secrets),
    admin: {
      gesture: async () => {
        const r = await bridge.admin.gesture();
        return r.ok ? r : err(shellFailure(r.error, 'platform.failed'));
      },
      unlock: async (pin) => {
        const r = await bridge.admin.unlock(pin);
        return r.ok ? r : err(shellFailure(r.error, 'platform.failed'));
      },
      lock: async () => {
        await bridge.admin.lock();
      },
    },
    logs: {
      export: async () => {
        const r = await bridge.logs.export();
        return r.ok ? r : err(shellFailure(r.error, 'platform.logsFailed'));
      },
    },
    // Electron's Chromium speaks with the operating system's voices (Windows: "Microsoft An" for vi-VN).
    speech: browserSpeech(),
    reportIdle: (idle) => void bridge.app.reportIdle({ idle }),
  };
}
