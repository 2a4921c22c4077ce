/**
 * The typed bridge between Electron's main process and the renderer. Channel names are constants
 * shaped `domain:action`; the preload exposes exactly `MotcuaBridge` (checked with `satisfies`).
 */
export const IPC = {
  configGet: 'config:get',
} as const;

export interface DeviceConfig {
  /** Where the motcua server lives, e.g. http://10.0.0.5:8787 or the local one. */
  serverUrl: string;
  profile: 'kiosk' | 'counter';
}

export interface MotcuaBridge {
  readonly version: string;
  /** Read once by the preload at start-up; the renderer never asks main for it again. */
  readonly config: DeviceConfig;
}
