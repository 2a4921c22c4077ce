/** The kiosk/counter window: sandboxed, isolated, no Node in the page, navigation kept inside the app. */
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { DeviceConfig } from '../../shared/ipc/contract.ts';
import { APP_ORIGIN } from './appProtocol.ts';
import { encodeConfigArg } from './deviceConfig.ts';

export function createMainWindow(config: DeviceConfig): BrowserWindow {
  const kiosk = config.profile === 'kiosk';
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#fbf8f3',
    webPreferences: {
      preload: join(import.meta.dirname, 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      additionalArguments: [encodeConfigArg(config)],
    },
  });
  if (kiosk) win.setMenu(null);
  // Nothing leaves the app: external links are shown as QR codes by the UI, never opened here.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN)) event.preventDefault();
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
