/**
 * The one seam between the UI and where it runs (the Electron shell, a plain browser, or the
 * in-memory test double). Every capability is required and has an implementation per runtime,
 * chosen once at start-up, so features call them without asking where they run: what a runtime
 * cannot do answers as a value (a translated refusal, or the browser's own way of doing it).
 */
import type { DeviceConfig, DeviceIdentity, NetworkProbe, PrinterChoice, PrinterInfo } from '../../shared/ipc/contract.ts';
import type { Result } from '../../shared/result.ts';
import type { DataKeySource, TokenVault } from '../security/dataKey.ts';
import type { PrintableDocument, PrintOutcome } from './printing.ts';
import type { Speech } from './speech.ts';

/**
 * Why a platform call did not do what was asked: `code` is a translation key (`platform.*`) for the
 * screen, `detail` the runtime's own sentence for the log (English; never shown to vi staff).
 */
export interface PlatformFailure {
  code: string;
  detail: string;
}

export type PlatformResult<T> = Promise<Result<T, PlatformFailure>>;

export interface DeviceCapability {
  /** Who this device is: the shell's id, host name and version; the browser's origin and the app's version. */
  identity(): PlatformResult<DeviceIdentity>;
  /** The device configuration (server, profile, printer); the browser's is fixed by its address. */
  config(): PlatformResult<DeviceConfig>;
}

export interface PrintingCapability {
  /** The printers the device can use; none in a browser (its print dialog chooses). */
  printers(): PlatformResult<PrinterInfo[]>;
  /** Prints a document shown on screen: silently to the configured printer, a preview, or the browser's dialog. */
  print(doc: PrintableDocument): Promise<PrintOutcome>;
  /**
   * Keeps the document as a PDF: the shell asks staff for a folder and writes it (path); the browser
   * opens its print dialog, whose "Save as PDF" destination does it (path null).
   */
  saveAsPdf(doc: PrintableDocument, fileName: string): PlatformResult<{ path: string | null }>;
  /** Settings only (an unlocked admin session): which printer, and silent or preview. */
  choosePrinter(choice: PrinterChoice): PlatformResult<PrinterChoice>;
}

export interface NetworkCapability {
  /** Asks the configured server whether it answers, and how fast (one "slow" for the whole app). Never fails. */
  probe(): Promise<NetworkProbe>;
}

export interface AdminCapability {
  /** The hidden gesture was seen: the shell accepts a PIN for a short while. */
  gesture(): PlatformResult<{ armedUntil: number }>;
  /** Checks the admin PIN where the page cannot read it (the shell), opening settings. */
  unlock(pin: string): PlatformResult<{ until: number }>;
  lock(): Promise<void>;
}

export interface LogsCapability {
  /** Settings only: copies the device's logs into a folder staff choose. */
  export(): PlatformResult<{ folder: string; files: number }>;
}

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
  readonly device: DeviceCapability;
  readonly printing: PrintingCapability;
  readonly network: NetworkCapability;
  /** Hidden gesture + PIN before the kiosk's settings open; the browser has no PIN to check and refuses. */
  readonly admin: AdminCapability;
  readonly logs: LogsCapability;
  /** Reading aloud with the system's voices; without a voice `hasVoice` is false and nothing is offered. */
  readonly speech: Speech;
  /** Tells the shell whether the app is idle, so updates install only then (nothing to tell in a browser). */
  reportIdle(idle: boolean): void;
}
