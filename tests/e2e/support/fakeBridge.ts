/**
 * A stand-in for the Electron preload bridge (window.motcua), injected before the app loads: the
 * one place the e2e tests fake Electron. It records what the page asked the "shell" to do.
 */
import type { BrowserContext } from 'playwright-core';
import type { MotcuaBridge } from '../../../shared/ipc/contract.ts';

export interface FakeShellLog {
  idle: boolean[];
  unlockAttempts: string[];
  printerChoices: { printer: string | null; printMode: string }[];
  printed: string[];
  /** PDFs the page asked the shell to save: file name and the document's HTML. */
  pdfs: { fileName: string; html: string }[];
  locks: number;
  /** How many times the page reported the hidden admin gesture. */
  gestures: number;
  /** What the "OS keystore" holds, by secret name (kept in sessionStorage so a reload finds it, as a real keystore would). */
  keystore: Record<string, string>;
}

/**
 * `keystore: 'refusing'` answers every secrets call as Electron does on Linux without a keyring;
 * `printers: 'none'` is a computer with no printer installed (print answers `no-printer`).
 */
export async function installFakeBridge(context: BrowserContext, options: { adminPin: string; profile?: 'kiosk' | 'counter'; keystore?: 'working' | 'refusing'; printers?: 'two' | 'none' }) {
  await context.addInitScript(
    ({ adminPin, profile, keystore: keystoreMode, printers: printerMode }) => {
      const KEYSTORE = '__fakeKeystore';
      const NO_KEYRING = "No system keyring (gnome-keyring or KWallet) is running, so Electron would store secrets in plain text ('basic_text'); refusing.";
      const keystore = JSON.parse(sessionStorage.getItem(KEYSTORE) ?? '{}') as Record<string, string>;
      const log = { idle: [] as boolean[], unlockAttempts: [] as string[], printerChoices: [] as unknown[], printed: [] as string[], pdfs: [] as { fileName: string; html: string }[], locks: 0, gestures: 0, keystore };
      (window as unknown as { __shell: typeof log }).__shell = log;
      const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
      const fail = (error: string) => Promise.resolve({ ok: false as const, error });
      let config = { serverUrl: location.origin, profile, printer: null as string | null, printMode: 'silent' as 'silent' | 'preview', allowCamera: false };
      let armed = 0;
      let unlocked = false;
      const bridge = {
        version: 'test',
        config,
        device: {
          identity: () => ok({ deviceId: 'dev-1', hostname: 'kiosk-1', platform: 'linux', appVersion: 'test' }),
          config: () => ok(config),
        },
        print: {
          printers: () => ok(printerMode === 'none' ? [] : [{ name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82', isDefault: true }, { name: 'HP_LaserJet', displayName: 'HP LaserJet', isDefault: false }]),
          receipt: (request: { html: string }) => {
            if (printerMode === 'none') return ok({ kind: 'no-printer', reason: 'no printer is installed' });
            log.printed.push(request.html);
            return ok({ kind: 'printed', printer: config.printer ?? 'EPSON_TM_T82' });
          },
          toPdf: (request: { html: string; fileName: string }) => {
            log.pdfs.push(request);
            return ok({ path: `C:\\Users\\motcua\\Documents\\${request.fileName}` });
          },
          choosePrinter: (choice: { printer: string | null; printMode: 'silent' | 'preview' }) => {
            if (!unlocked) return fail('settings_locked: admin session required');
            log.printerChoices.push(choice);
            config = { ...config, ...choice };
            return ok(config);
          },
        },
        network: { probe: () => ok({ state: 'online', elapsedMs: 5 }) },
        secrets: {
          get: (name: string) => (keystoreMode === 'refusing' ? fail(NO_KEYRING) : ok(keystore[name] ?? null)),
          set: (name: string, value: string) => {
            if (keystoreMode === 'refusing') return fail(NO_KEYRING);
            keystore[name] = value;
            sessionStorage.setItem(KEYSTORE, JSON.stringify(keystore));
            return ok(null);
          },
        },
        admin: {
          gesture: () => {
            log.gestures += 1;
            armed = Date.now() + 30_000;
            return ok({ armedUntil: armed });
          },
          unlock: (pin: string) => {
            log.unlockAttempts.push(pin);
            if (Date.now() > armed) return fail('pin_not_armed: the admin gesture was not seen');
            // Main answers a refusal as "code: sentence" (shared/ipc/contract.ts); the page shows the code's words.
            if (pin !== adminPin) return fail('wrong_pin: Wrong PIN.');
            unlocked = true;
            return ok({ until: Date.now() + 600_000 });
          },
          lock: () => {
            unlocked = false;
            log.locks += 1;
            return ok(null);
          },
        },
        logs: { export: () => (unlocked ? ok({ folder: '/media/usb/motcua-logs', files: 3 }) : fail('settings_locked: admin session required')) },
        app: {
          reportIdle: (report: { idle: boolean }) => {
            log.idle.push(report.idle);
            return ok(null);
          },
        },
      } satisfies MotcuaBridge;
      (window as unknown as { motcua: MotcuaBridge }).motcua = bridge;
    },
    { adminPin: options.adminPin, profile: options.profile ?? 'kiosk', keystore: options.keystore ?? 'working', printers: options.printers ?? 'two' },
  );
}
