/**
 * The one seam between the UI and where it runs (Electron or a plain browser). Each capability
 * is one member here, with an implementation per runtime, chosen once at start-up. Capabilities
 * only the Electron shell has are optional: the browser platform leaves them out.
 */
import type { MotcuaBridge } from '../../shared/ipc/contract.ts';
import type { DataKeySource, TokenVault } from '../security/dataKey.ts';
import type { Speech } from './speech.ts';

export interface Platform {
  /** `memory`: the in-process test platform (renderer/platform/memory.ts). */
  readonly kind: 'electron' | 'browser' | 'memory';
  /** Base URL of the motcua server that serves the catalog (same origin in the browser). */
  readonly serverUrl: string;
  /** Which side of the app this device opens on. */
  readonly profile: 'kiosk' | 'counter';
  /** The key that seals citizens' data on this device: OS keystore (shell), non-extractable IndexedDB key (browser). */
  readonly dataKey: DataKeySource;
  /** The device token: OS keystore (shell), IndexedDB sealed with the data key (browser). */
  readonly deviceToken: TokenVault;
  /** Device id, host name and the current configuration (Electron only). */
  readonly device?: MotcuaBridge['device'];
  /** Silent receipt printing, printer list and choice, print to PDF (Electron only; the browser uses window.print()). */
  readonly printing?: MotcuaBridge['print'];
  /** Probes the configured server: online, slow or offline (Electron only). */
  readonly network?: MotcuaBridge['network'];
  /** Hidden gesture + PIN, checked in main, before settings open (Electron kiosk). */
  readonly admin?: MotcuaBridge['admin'];
  /** Log export for admins (Electron only). */
  readonly logs?: MotcuaBridge['logs'];
  /** Reading aloud with the system's voices (Web Speech API in the browser and in Electron). */
  readonly speech?: Speech;
  /** Tells the shell whether the app is idle, so updates install only then (Electron only). */
  reportIdle?(idle: boolean): void;
}
