/**
 * A small stand-in for the parts of Electron the shell's wiring touches (WebContents events,
 * Session handlers, ipcMain, safeStorage). Only the boundary is faked; the logic under test is real.
 */
import type { HardenableContents, HardenableSession } from '../../electron/main/security.ts';
import type { IpcMainLike } from '../../electron/main/ipc/handler.ts';
import type { SafeStorageLike } from '../../electron/main/ipc/secrets.ts';

type Listener = (...args: never[]) => unknown;

export function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  };
  return {
    contents: contents as unknown as HardenableContents,
    /** Emits an event the way Electron would; returns whether a listener prevented it. */
    emit(event: string, ...args: unknown[]): boolean {
      let prevented = false;
      const e = { preventDefault: () => void (prevented = true) };
      for (const l of listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(e, ...args);
      return prevented;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

export function fakeSession() {
  let request: Parameters<HardenableSession['setPermissionRequestHandler']>[0] | null = null;
  let check: Parameters<HardenableSession['setPermissionCheckHandler']>[0] | null = null;
  let headers: Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0] | null = null;
  const session: HardenableSession = {
    setPermissionRequestHandler: (h) => void (request = h),
    setPermissionCheckHandler: (h) => void (check = h),
    webRequest: { onHeadersReceived: (l) => void (headers = l) },
  };
  return {
    session,
    requestPermission(permission: string, details: { requestingUrl?: string; mediaTypes?: string[] }): boolean {
      let granted: boolean | null = null;
      request?.({}, permission, (g) => void (granted = g), details);
      return granted === true;
    },
    checkPermission: (permission: string, origin: string, mediaType?: string) => check?.({}, permission, origin, mediaType ? { mediaType } : {}) ?? false,
    receiveHeaders(details: { url: string; resourceType?: string; responseHeaders?: Record<string, string[]> }) {
      let out: { responseHeaders?: Record<string, string[]> } = {};
      headers?.(details, (r) => void (out = r));
      return out;
    },
  };
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}
export const topFrame = (url: string): FakeFrame => ({ url, parent: null });

/** ipcMain with its handlers kept; a call comes from a page's top frame (a URL), a given frame, or none. */
export function fakeIpcMain() {
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  return {
    ipcMain,
    channels: () => [...handlers.keys()],
    invoke(channel: string, from: string | FakeFrame | null, payload?: unknown) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler({ senderFrame: typeof from === 'string' ? topFrame(from) : from }, payload);
    },
  };
}

/** safeStorage with a chosen backend; "encryption" is reversible base64 with a marker. */
export function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (plain) => Buffer.from(`enc:${plain}`),
    decryptString: (encrypted) => {
      const text = encrypted.toString();
      if (!text.startsWith('enc:')) throw new Error('bad data');
      return text.slice(4);
    },
  };
}
