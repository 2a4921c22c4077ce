/**
 * The kiosk/counter window (glue): secure preferences, the profile's window options, the kiosk
 * key filter, and bounded reloads when the page crashes or hangs (decisions in kioskPolicy.ts).
 */
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { encodeConfigArg } from '../../shared/ipc/configArg.ts';
import type { DeviceConfig } from '../../shared/ipc/contract.ts';
import { APP_ORIGIN } from './appProtocol.ts';
import { createRestartBudget, decideRendererFailure, errorPageUrl, isBlockedShortcut, RENDERER_RESTARTS, windowOptionsFor, type RendererFailure } from './kioskPolicy.ts';
import { secureWebPreferences } from './security.ts';

export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Navigation/new-window/webview rules come from the app-wide web-contents-created hook (index.ts). */
export function createMainWindow(config: DeviceConfig, version: string, log: (message: string) => void): BrowserWindow {
  const options = windowOptionsFor(config.profile);
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    kiosk: options.kiosk,
    fullscreen: options.fullscreen,
    closable: options.closable,
    minimizable: options.minimizable,
    autoHideMenuBar: options.autoHideMenuBar,
    backgroundColor: '#fbf8f3',
    webPreferences: secureWebPreferences(join(import.meta.dirname, 'preload.cjs'), [encodeConfigArg({ config, version })]),
  });
  if (!options.showMenu) win.setMenu(null);

  if (options.kiosk) {
    win.webContents.on('before-input-event', (event, input) => {
      if (isBlockedShortcut(input)) event.preventDefault();
    });
  }

  const budget = createRestartBudget(RENDERER_RESTARTS);
  const onFailure = (failure: RendererFailure) => {
    const action = decideRendererFailure(failure, budget, Date.now());
    log(`renderer ${failure.kind === 'gone' ? `gone (${failure.reason})` : 'unresponsive'} → ${action}`);
    if (action === 'kill') win.webContents.forcefullyCrashRenderer();
    if (action === 'reload') void win.loadURL(APP_ENTRY);
    if (action === 'error-page') void win.loadURL(errorPageUrl());
  };
  win.webContents.on('render-process-gone', (_event, details) => onFailure({ kind: 'gone', reason: details.reason }));
  win.on('unresponsive', () => onFailure({ kind: 'unresponsive' }));

  void win.loadURL(APP_ENTRY);
  return win;
}
