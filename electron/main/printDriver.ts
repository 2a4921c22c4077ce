/**
 * The Electron side of printing (glue): each document is loaded into a hidden, sandboxed window
 * with JavaScript off, then printed or rendered to PDF, and the window is closed.
 */
import { BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import { shellRefusal } from '../../shared/ipc/contract.ts';
import { err, ok } from '../../shared/result.ts';
import type { PrintDriver } from './ipc/print.ts';
import { secureWebPreferences } from './security.ts';

/** The window's WebContents is hardened by the app-wide web-contents-created hook (index.ts). */
async function withDocument<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({ show: false, webPreferences: { ...secureWebPreferences(undefined), javascript: false } });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await use(win);
  } finally {
    win.destroy();
  }
}

export function electronPrintDriver(parent: () => BrowserWindow | null): PrintDriver {
  return {
    async listPrinters() {
      const win = parent();
      if (!win) return [];
      const printers = await win.webContents.getPrintersAsync();
      return printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name, isDefault: Boolean((p as { isDefault?: boolean }).isDefault) }));
    },
    print: (html, options) =>
      withDocument(
        html,
        (win) =>
          new Promise((resolve) => {
            win.webContents.print(
              { silent: options.silent, printBackground: true, copies: options.copies, ...(options.deviceName ? { deviceName: options.deviceName } : {}) },
              (success, failureReason) => resolve(success ? ok(null) : err(shellRefusal('print_failed', `printing failed: ${failureReason || 'cancelled'}`))),
            );
          }),
      ),
    toPdf: (html) => withDocument(html, (win) => win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' })),
    async chooseFolder() {
      const win = parent();
      const options = { properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    writeFile: (path, data) => writeFile(path, data),
  };
}
