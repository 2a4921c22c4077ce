/** Electron app lifecycle: the app:// scheme for the built renderer, the device config, one window. */
import { app, net, protocol } from 'electron';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, resolveAppPath } from './appProtocol.ts';
import { parseDeviceConfig } from './deviceConfig.ts';
import { createMainWindow } from './window.ts';

// Standard + secure so IndexedDB and the service worker behave as on https.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, allowServiceWorkers: true } },
]);

function readConfigText(): string | null {
  try {
    return readFileSync(join(app.getPath('userData'), 'motcua-device.json'), 'utf8');
  } catch {
    return null;
  }
}

if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(() => {
  const rendererDir = resolve(import.meta.dirname, '../renderer');
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppPath(rendererDir, request.url);
    return file ? net.fetch(pathToFileURL(file).href) : new Response('not found', { status: 404 });
  });
  const { config, problem } = parseDeviceConfig(readConfigText());
  if (problem) console.warn(`motcua: ${problem}`);
  createMainWindow(config);
});

app.on('window-all-closed', () => app.quit());
