/**
 * Electron app lifecycle (glue only): the app:// scheme with its CSP, session and web-contents
 * hardening, the device configuration, IPC handlers per domain, kiosk extras, logs and updates.
 * Every decision made here lives in a pure, tested module beside it.
 */
import { app, ipcMain, Menu, net, powerSaveBlocker, protocol, safeStorage, session } from 'electron';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { shellRefusal, type DeviceConfig } from '../../shared/ipc/contract.ts';
import { err, ok } from '../../shared/result.ts';
import { createAdminGate } from './adminGate.ts';
import { APP_SCHEME, resolveAppPath } from './appProtocol.ts';
import { parseDeviceConfig, publicConfig } from './deviceConfig.ts';
import { deviceFiles } from './deviceFiles.ts';
import { adminHandlers } from './ipc/admin.ts';
import { appHandlers } from './ipc/app.ts';
import { deviceHandlers } from './ipc/device.ts';
import { registerIpc } from './ipc/handler.ts';
import { logsHandlers } from './ipc/logs.ts';
import { networkHandlers } from './ipc/network.ts';
import { printHandlers } from './ipc/print.ts';
import { createSecretStore, secretsHandlers } from './ipc/secrets.ts';
import { decideMainCrash, windowOptionsFor } from './kioskPolicy.ts';
import { setUpLog } from './log.ts';
import { exportLogs } from './logFiles.ts';
import { electronPrintDriver } from './printDriver.ts';
import { contentSecurityPolicy, hardenSession, hardenWebContents, withCspHeader } from './security.ts';
import { startUpdater } from './updater.ts';
import { createMainWindow } from './window.ts';

// Standard + secure so IndexedDB and the service worker behave as on https. Code cache: by default
// Chromium keeps V8's compiled code only for http(s); without it an old PC compiles every script
// again at every start (measured in Chromium: the start's modules compiled and their cache made anew each time).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, allowServiceWorkers: true, corsEnabled: true, codeCache: true } },
]);

const { log, logDir } = setUpLog();
const files = deviceFiles(app.getPath('userData'));

// A crash of main itself: log, relaunch a bounded number of times (history on disk), else exit.
process.on('uncaughtException', (error) => {
  log.error('main crashed', error);
  const { relaunch, history } = decideMainCrash(files.crashHistory(), Date.now());
  try {
    files.writeCrashHistory(history);
  } catch {
    // a full disk must not stop the relaunch decision
  }
  if (relaunch) app.relaunch();
  app.exit(1);
});

if (!app.requestSingleInstanceLock()) app.quit();

// Every WebContents ever created (print windows included) gets the navigation/window/webview rules.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (what, url) => log.warn(`blocked ${what} ${url}`)));

void app.whenReady().then(() => {
  const loaded = parseDeviceConfig(files.readConfigText());
  if (loaded.problem) log.warn(loaded.problem);
  let config = loaded.config;
  const csp = contentSecurityPolicy(config.serverUrl);
  const rendererDir = resolve(import.meta.dirname, '../renderer');

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = withCspHeader(Object.fromEntries(response.headers.entries()), csp);
    return new Response(response.body, { status: response.status, headers: Object.entries(headers).map(([k, v]) => [k, v.join(', ')] as [string, string]) });
  });
  hardenSession(session.defaultSession, csp, { allowCamera: config.allowCamera });

  const windowOptions = windowOptionsFor(config.profile);
  if (!windowOptions.showMenu) Menu.setApplicationMenu(null);
  if (windowOptions.keepDisplayAwake) powerSaveBlocker.start('prevent-display-sleep');

  const win = createMainWindow(publicConfig(config), app.getVersion(), (m) => log.info(m));
  const gate = createAdminGate({ pinHash: config.adminPinHash });
  const deviceId = files.deviceId();
  const updater = app.isPackaged ? startUpdater({ deviceId, serverUrl: config.serverUrl, updateUrl: config.updateUrl ?? process.env.MOTCUA_UPDATE_URL ?? null, log: (m) => log.info(m) }) : null;
  const driver = electronPrintDriver(() => (win.isDestroyed() ? null : win));
  const current = (): DeviceConfig => publicConfig(config);

  registerIpc(
    ipcMain,
    {
      ...deviceHandlers({ identity: () => ({ deviceId, hostname: hostname(), platform: process.platform, appVersion: app.getVersion() }), config: current }),
      ...printHandlers({
        driver,
        config: current,
        isAdmin: () => gate.isOpen(Date.now()),
        log: (m) => log.info(m),
        saveChoice: async (choice) => {
          try {
            const next = { ...config, printer: choice.printer, printMode: choice.printMode };
            files.writeConfig(next);
            config = next;
            return ok(current());
          } catch (error) {
            return err(shellRefusal('write_failed', `could not save the printer choice: ${String(error)}`));
          }
        },
      }),
      ...networkHandlers({ serverUrl: () => config.serverUrl, fetch: (input, init) => net.fetch(String(input), init) }),
      ...secretsHandlers(createSecretStore(safeStorage, files.secretFile, process.platform)),
      ...adminHandlers(gate),
      ...logsHandlers({ isAdmin: () => gate.isOpen(Date.now()), chooseFolder: () => driver.chooseFolder(), exportTo: async (folder) => exportLogs(logDir(), folder) }),
      ...appHandlers({ onIdle: (idle) => updater?.setIdle(idle) }),
    },
    (channel, reason) => log.warn(`ipc ${channel}: ${reason}`),
  );
});

app.on('window-all-closed', () => app.quit());
