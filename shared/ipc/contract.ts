/**
 * The typed bridge between Electron's main process and the renderer. Channel names are constants
 * shaped `domain:action`; the preload exposes exactly `MotcuaBridge` (checked with `satisfies`), and
 * main validates every payload with a schema before use (electron/main/ipc/*.ts).
 */
import type { Result } from '../result.ts';

/** Every IPC channel, one per action, grouped by domain (one main-process handler module per domain). */
export const IPC = {
  deviceIdentity: 'device:identity',
  deviceConfig: 'device:config',
  printPrinters: 'print:printers',
  printReceipt: 'print:receipt',
  printPdf: 'print:pdf',
  printChoosePrinter: 'print:choosePrinter',
  networkProbe: 'network:probe',
  secretsGet: 'secrets:get',
  secretsSet: 'secrets:set',
  adminGesture: 'admin:gesture',
  adminUnlock: 'admin:unlock',
  adminLock: 'admin:lock',
  logsExport: 'logs:export',
  appIdle: 'app:idle',
} as const;

export type IpcChannel = (typeof IPC)[keyof typeof IPC];

/** The device configuration the renderer may see (main keeps the admin PIN hash to itself). */
export interface DeviceConfig {
  /** Where the motcua server lives, e.g. http://10.0.0.5:8787 or the local one. */
  serverUrl: string;
  profile: 'kiosk' | 'counter';
  /** Printer chosen in settings; null means the system default. */
  printer?: string | null;
  /** Kiosks print silently; a counter may prefer the system print dialog as a preview. */
  printMode?: 'silent' | 'preview';
  /** Whether the camera may be used (QR scanning); every other permission is always denied. */
  allowCamera?: boolean;
}

export interface DeviceIdentity {
  /** Random, created on first start and kept in the app's data folder. */
  deviceId: string;
  hostname: string;
  platform: string;
  appVersion: string;
}

export interface PrinterInfo {
  name: string;
  displayName: string;
  isDefault: boolean;
}

export interface PrintReceiptRequest {
  /** A complete, self-contained HTML document (images as data: URLs); scripts do not run. */
  html: string;
  copies?: number;
}

/** How a print request ended: sent to a printer, shown in the system dialog, or no printer at all. */
export type PrintOutcome =
  | { kind: 'printed'; printer: string }
  | { kind: 'preview' }
  | { kind: 'no-printer'; reason: string };

export interface PdfRequest {
  html: string;
  /** File name only (no folder); the folder is chosen by staff in a dialog or taken from settings. */
  fileName: string;
}

export interface PrinterChoice {
  printer: string | null;
  printMode: 'silent' | 'preview';
}

export type NetworkState = 'online' | 'slow' | 'offline';

export interface NetworkProbe {
  state: NetworkState;
  /** Round-trip time when the server answered, else null. */
  elapsedMs: number | null;
}

export type SecretName = 'deviceToken' | 'localDataKey';

/** What the renderer tells main so an update is installed only when nothing would be lost. */
export interface IdleReport {
  idle: boolean;
}

/**
 * Refusals staff can act on, answered by main as "code: sentence" (see `shellRefusal`): the code
 * becomes words in the staff's language in the renderer (`platform.refusal.<code>`), the English
 * sentence stays for the log. Any other failure is a sentence for the log only.
 */
export const SHELL_REFUSALS = [
  /** No admin PIN is configured on this device. */
  'no_pin',
  /** Too many wrong PINs: PIN entry is locked for a while. */
  'pin_locked_out',
  /** The hidden gesture was not seen (or too long ago). */
  'pin_not_armed',
  'wrong_pin',
  /** A settings call without an unlocked admin session. */
  'settings_locked',
  /** Staff closed the folder dialog without choosing one. */
  'no_folder',
  'no_logs',
  'write_failed',
  'print_failed',
] as const;
export type ShellRefusal = (typeof SHELL_REFUSALS)[number];

/** How main words a refusal: the code first, then a sentence for the log. */
export function shellRefusal(code: ShellRefusal, sentence: string): string {
  return `${code}: ${sentence}`;
}

/** The code of a refusal worded by `shellRefusal`, or null for any other failure. */
export function shellRefusalCode(error: string): ShellRefusal | null {
  const code = /^([a-z_]+): /.exec(error)?.[1];
  return code && (SHELL_REFUSALS as readonly string[]).includes(code) ? (code as ShellRefusal) : null;
}

/** The one object the preload exposes as `window.motcua`. Every call returns a Result; none throws. */
export interface MotcuaBridge {
  readonly version: string;
  /** Read once by the preload at start-up; `device.config()` reads the current one. */
  readonly config: DeviceConfig;
  readonly device: {
    identity(): Promise<Result<DeviceIdentity>>;
    config(): Promise<Result<DeviceConfig>>;
  };
  readonly print: {
    printers(): Promise<Result<PrinterInfo[]>>;
    receipt(request: PrintReceiptRequest): Promise<Result<PrintOutcome>>;
    toPdf(request: PdfRequest): Promise<Result<{ path: string }>>;
    /** Settings only: needs an unlocked admin session in main. */
    choosePrinter(choice: PrinterChoice): Promise<Result<DeviceConfig>>;
  };
  readonly network: {
    probe(options?: { timeoutMs?: number }): Promise<Result<NetworkProbe>>;
  };
  readonly secrets: {
    get(name: SecretName): Promise<Result<string | null>>;
    set(name: SecretName, value: string): Promise<Result<null>>;
  };
  readonly admin: {
    /** The hidden gesture was seen: main accepts a PIN for a short while. */
    gesture(): Promise<Result<{ armedUntil: number }>>;
    unlock(pin: string): Promise<Result<{ until: number }>>;
    lock(): Promise<Result<null>>;
  };
  readonly logs: {
    /** Settings only: copies the log files into a folder staff choose. */
    export(): Promise<Result<{ folder: string; files: number }>>;
  };
  readonly app: {
    reportIdle(report: IdleReport): Promise<Result<null>>;
  };
}
