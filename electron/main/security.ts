/**
 * Every security decision of the shell, as pure functions over plain values: web preferences,
 * Content-Security-Policy, navigation/new-window/permission/IPC-sender allowlists. `applySecurity*`
 * wire them to Electron objects passed in (typed structurally, so tests pass a small fake).
 */
import { APP_ORIGIN } from './appProtocol.ts';

/** The preferences every window of the app gets; nothing here is configurable on purpose. */
export function secureWebPreferences(preload: string | undefined, additionalArguments: string[] = []) {
  return {
    ...(preload ? { preload } : {}),
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    additionalArguments,
  } as const;
}

/** The origin (scheme://host:port) of a configured server URL, or null when it is not http(s). */
export function serverOrigin(serverUrl: string): string | null {
  try {
    const url = new URL(serverUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The CSP sent with every app:// document: scripts only from the app itself (no eval, no inline),
 * network only to the app and the configured motcua server, no plugins, no framing.
 */
export function contentSecurityPolicy(serverUrl: string): string {
  const server = serverOrigin(serverUrl);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(server ? [server] : [])],
    'media-src': ["'self'", 'blob:'],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Response headers with our CSP set (replacing any a server sent, whatever its letter case). */
export function withCspHeader(headers: Record<string, string[] | string> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/** True only for URLs of the app itself: app://motcua/... (any path, query or hash). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // app: is not a WHATWG special scheme, so URL.origin is 'null' here: compare scheme and host.
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Navigation allowlist: the page may only move within the app. */
export const isAllowedNavigation = isAppUrl;

/** No new windows, ever: external links (the national portal) are shown as QR codes by the UI. */
export const denyWindowOpen = () => ({ action: 'deny' }) as const;

export interface PermissionPolicy {
  /** From the device configuration: the camera for QR scanning. */
  allowCamera: boolean;
}

/**
 * Permission requests: everything is denied except 'media' for video only (the camera for QR
 * scanning), from the app itself, when the device configuration allows it. No microphone.
 */
export function decidePermission(
  permission: string,
  requestingUrl: string,
  policy: PermissionPolicy,
  mediaTypes: readonly string[] = [],
): boolean {
  if (permission !== 'media' || !policy.allowCamera || !isAppUrl(requestingUrl)) return false;
  return mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

/** The part of Electron's WebFrameMain the IPC sender check reads. */
export interface SenderFrame {
  url: string;
  /** null for the top frame of a page; anything else is a subframe. */
  parent?: unknown;
}

/** IPC sender check: only the app's own top-level page may call main (not a subframe, not an error page). */
export function isTrustedIpcSender(frame: SenderFrame | undefined | null): boolean {
  return frame != null && frame.parent === null && typeof frame.url === 'string' && isAppUrl(frame.url);
}

// ---- wiring (structural types so tests can pass a fake; see tests/support/fakeElectron.ts) ----

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of Electron's WebContents the hardening touches. */
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Applies navigation, redirect, new-window and webview rules to one WebContents. */
export function hardenWebContents(contents: HardenableContents, onBlocked: (what: string, url: string) => void = () => {}): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      onBlocked('navigation', url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      onBlocked('redirect', url);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked('window.open', url);
    return denyWindowOpen();
  });
}

/** The part of Electron's Session the hardening touches. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string; mediaTypes?: string[] }) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string, details: { mediaType?: string }) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; resourceType?: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

/** Permission handlers and the CSP header on every document the session loads. */
export function hardenSession(session: HardenableSession, csp: string, policy: PermissionPolicy): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl ?? '', policy, details.mediaTypes ?? []));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission(permission, requestingOrigin, policy, details.mediaType ? [details.mediaType] : []),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    callback(isDocument ? { responseHeaders: withCspHeader(details.responseHeaders, csp) } : {});
  });
}

/** The Electron security checklist: each item, where it is enforced, which test shows it (README). */
export const SECURITY_CHECKLIST: readonly { item: string; where: string; test: string }[] = [
  { item: 'sandbox, contextIsolation, no nodeIntegration, no webview tag', where: 'security.ts secureWebPreferences → window.ts', test: 'electronSecurity: web preferences' },
  { item: 'strict Content-Security-Policy (no eval/inline script, connect only to app + server)', where: 'security.ts contentSecurityPolicy → app:// responses (index.ts) + onHeadersReceived', test: 'electronSecurity: CSP' },
  { item: 'app loaded from app://motcua, not file://; no path traversal', where: 'appProtocol.ts resolveAppPath → protocol.handle', test: 'electronPolicy: the app:// protocol' },
  { item: 'navigation and redirects only within app://motcua', where: 'security.ts hardenWebContents (every WebContents)', test: 'electronSecurity: navigation' },
  { item: 'window.open denied (external links become QR codes)', where: 'security.ts hardenWebContents', test: 'electronSecurity: navigation' },
  { item: '<webview> never attached', where: 'security.ts hardenWebContents + webviewTag: false', test: 'electronSecurity: navigation' },
  { item: 'permissions denied except camera (video) when configured', where: 'security.ts decidePermission → hardenSession', test: 'electronSecurity: permissions' },
  { item: 'IPC sender is the app page; every payload validated (zod)', where: 'ipc/handler.ts + ipc/*.ts schemas', test: 'electronIpc' },
  { item: 'one typed bridge, no raw ipcRenderer', where: 'preload/index.ts satisfies MotcuaBridge', test: 'typecheck' },
  { item: 'secrets only with a real OS keystore (no basic_text)', where: 'ipc/secrets.ts secretStorageProblem', test: 'electronIpc: secrets' },
  { item: 'fuses: no RunAsNode, no --inspect, no NODE_OPTIONS, asar integrity, asar only, cookie encryption', where: 'packaging/fuses.ts → afterPack', test: 'electronKiosk: packaging fuses' },
];
