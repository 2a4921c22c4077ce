/**
 * The test platform: every capability in memory, nothing from the shell or the browser's storage,
 * and what the app asked of it recorded for assertions. The data key is a fresh non-extractable key
 * per platform, the token a variable; the network probe answers what the test sets; the admin PIN
 * is checked here as the shell would. Unit and integration tests build the app on it.
 */
import type { DeviceConfig, NetworkProbe, PrinterChoice, PrinterInfo } from '../../shared/ipc/contract.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { createDataCipher, type DataCipher } from '../security/dataCipher.ts';
import { generateDataKey, type DataKey, type TokenVault } from '../security/dataKey.ts';
import type { Platform, PlatformFailure } from './platform.ts';
import type { PrintOutcome } from './printing.ts';
import { SILENT_SPEECH } from './speech.ts';

export interface MemoryPlatformOptions {
  serverUrl?: string;
  profile?: 'kiosk' | 'counter';
  key?: DataKey;
  /** The printers the device sees (none: print answers `no-printer`). */
  printers?: PrinterInfo[];
  /** The admin PIN the "shell" checks; null: no PIN is set on this device. */
  adminPin?: string | null;
  /** What the network probe answers until the test changes it. */
  link?: NetworkProbe['state'];
}

export interface MemoryPlatform extends Platform {
  readonly kind: 'memory';
  /** What the token vault holds (for assertions). */
  storedToken(): string | null;
  /** Sets what the network probe answers from now on. */
  setLink(state: NetworkProbe['state']): void;
  /** What the app asked of the platform, in order. */
  readonly calls: {
    printed: string[];
    pdfs: string[];
    probes: number;
    idle: boolean[];
    printerChoices: PrinterChoice[];
  };
}

const refused = (code: string, detail: string): Result<never, PlatformFailure> => err({ code: `platform.refusal.${code}`, detail });

export function createMemoryPlatform(options: MemoryPlatformOptions = {}): MemoryPlatform {
  let key: Promise<DataKey> | null = options.key ? Promise.resolve(options.key) : null;
  let token: string | null = null;
  let link: NetworkProbe['state'] = options.link ?? 'online';
  let unlocked = false;
  let armed = false;
  const printers = options.printers ?? [];
  const profile = options.profile ?? 'counter';
  const serverUrl = options.serverUrl ?? 'http://127.0.0.1:1';
  let config: DeviceConfig = { serverUrl, profile, printer: printers.find((p) => p.isDefault)?.name ?? null, printMode: 'silent', allowCamera: false };
  const calls: MemoryPlatform['calls'] = { printed: [], pdfs: [], probes: 0, idle: [], printerChoices: [] };
  const deviceToken: TokenVault = {
    read: async () => ok(token),
    write: async (value) => {
      token = value;
      return ok(null);
    },
  };
  const title = (element: HTMLElement) => element.dataset.title ?? element.textContent?.slice(0, 40) ?? '';
  return {
    kind: 'memory',
    serverUrl,
    profile,
    dataKey: {
      open: async (): Promise<Result<DataKey, string>> => {
        key ??= generateDataKey();
        return ok(await key);
      },
    },
    deviceToken,
    storedToken: () => token,
    device: {
      identity: async () => ok({ deviceId: 'memory-device', hostname: 'memory', platform: 'test', appVersion: 'test' }),
      config: async () => ok(config),
    },
    printing: {
      printers: async () => ok(printers),
      print: async (doc): Promise<PrintOutcome> => {
        if (printers.length === 0) return 'no-printer';
        calls.printed.push(title(doc.element));
        return 'printed';
      },
      saveAsPdf: async (_doc, fileName) => {
        calls.pdfs.push(fileName);
        return ok({ path: `/memory/${fileName}` });
      },
      choosePrinter: async (choice) => {
        if (!unlocked) return refused('settings_locked', 'settings are locked');
        calls.printerChoices.push(choice);
        config = { ...config, ...choice };
        return ok(choice);
      },
    },
    network: {
      probe: async () => {
        calls.probes += 1;
        return link === 'offline' ? { state: 'offline', elapsedMs: null } : { state: link, elapsedMs: link === 'slow' ? 5_000 : 10 };
      },
    },
    setLink: (state) => void (link = state),
    admin: {
      gesture: async () => {
        if (options.adminPin === null) return refused('no_pin', 'no admin PIN is set');
        armed = true;
        return ok({ armedUntil: Number.MAX_SAFE_INTEGER });
      },
      unlock: async (pin) => {
        if (options.adminPin === null) return refused('no_pin', 'no admin PIN is set');
        if (!armed) return refused('pin_not_armed', 'the gesture was not seen');
        if (pin !== (options.adminPin ?? '1234')) return refused('wrong_pin', 'wrong PIN');
        unlocked = true;
        return ok({ until: Number.MAX_SAFE_INTEGER });
      },
      lock: async () => {
        unlocked = false;
        armed = false;
      },
    },
    logs: { export: async () => (unlocked ? ok({ folder: '/memory/logs', files: 1 }) : refused('settings_locked', 'settings are locked')) },
    speech: SILENT_SPEECH,
    reportIdle: (idle) => void calls.idle.push(idle),
    calls,
  };
}

/** A cipher over a fresh in-memory key, for tests that need only the data layer. */
export async function createMemoryCipher(): Promise<DataCipher> {
  return createDataCipher(await generateDataKey());
}
