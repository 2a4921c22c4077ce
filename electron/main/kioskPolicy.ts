/**
 * What the kiosk profile does, as pure decisions: window options per profile, which key presses
 * are swallowed, and bounded self-healing (renderer reloads, main relaunches) so a broken build
 * cannot loop forever. Alt+Tab, Ctrl+Alt+Del and the Windows key are handled by the OS before
 * the app sees them: lock those down in the OS kiosk/assigned-access settings (README).
 */

export type Profile = 'kiosk' | 'counter';

/** BrowserWindow options that depend on the profile (the rest is in window.ts). */
export function windowOptionsFor(profile: Profile) {
  const kiosk = profile === 'kiosk';
  return {
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    closable: !kiosk,
    minimizable: !kiosk,
    showMenu: !kiosk,
    keepDisplayAwake: kiosk,
  } as const;
}

/** The subset of Electron's `Input` (before-input-event) the filter reads. */
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

/**
 * Shortcuts that would leave, reload, zoom or inspect the app (documented in the README), written
 * `Mod+Key` with Electron's key names ('Plus' is the + key); every one is swallowed by
 * `isBlockedShortcut` (tests/unit/electronKiosk.test.ts checks the whole list).
 */
export const BLOCKED_SHORTCUTS = [
  'Alt+F4',
  'Ctrl+W',
  'Ctrl+Shift+W',
  'Ctrl+Q',
  'Ctrl+R',
  'Ctrl+Shift+R',
  'F5',
  'F11',
  'F12',
  'Ctrl+Shift+I',
  'Ctrl+Shift+J',
  'Ctrl+Shift+C',
  'Ctrl+N',
  'Ctrl+T',
  'Ctrl+P',
  'Ctrl+O',
  'Ctrl+S',
  'Ctrl+Plus',
  'Ctrl+=',
  'Ctrl+-',
  'Ctrl+0',
  'Alt+ArrowLeft',
  'Alt+ArrowRight',
] as const;

/** True when a key press must be swallowed in the kiosk profile. Plain typing always passes. */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const ctrl = input.control || input.meta;
  if (['F4', 'F5', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome'].includes(key)) {
    return key !== 'F4' || input.alt || ctrl;
  }
  if (input.alt && (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  if (ctrl && input.shift && ['i', 'j', 'c', 'w', 'r', 'n', 'delete'].includes(key)) return true;
  if (ctrl && ['w', 'q', 'r', 'n', 't', 'p', 'o', 's', '+', '=', '-', '0'].includes(key)) return true;
  return false;
}

/** Counts failures inside a sliding window; once the budget is spent the answer is 'give-up'. */
export function createRestartBudget(options: { max: number; windowMs: number }) {
  let failures: number[] = [];
  return {
    /** Records a failure at `now` and says whether to try again. */
    record(now: number): 'restart' | 'give-up' {
      failures = [...failures.filter((t) => now - t < options.windowMs), now];
      return failures.length <= options.max ? 'restart' : 'give-up';
    },
    recent: () => failures.length,
  };
}

/** Renderer crash or hang: reload at most 3 times in 5 minutes, then show the error page. */
export const RENDERER_RESTARTS = { max: 3, windowMs: 5 * 60_000 } as const;

export type RendererFailure = { kind: 'gone'; reason: string } | { kind: 'unresponsive' };

/**
 * What to do when the page process dies or hangs. A hang is ended by killing the renderer (which
 * then reports 'gone' and is counted there); a clean exit (window closing) is not a crash.
 */
export function decideRendererFailure(failure: RendererFailure, budget: ReturnType<typeof createRestartBudget>, now: number): 'ignore' | 'kill' | 'reload' | 'error-page' {
  if (failure.kind === 'unresponsive') return 'kill';
  if (failure.reason === 'clean-exit') return 'ignore';
  return budget.record(now) === 'restart' ? 'reload' : 'error-page';
}

/** Main-process crash: relaunch at most 3 times in 10 minutes (history kept on disk), else just exit. */
export const MAIN_RELAUNCHES = { max: 3, windowMs: 10 * 60_000 } as const;

/** Pure relaunch decision over the crash times read from disk; returns the history to write back. */
export function decideMainCrash(history: readonly number[], now: number, limits: { max: number; windowMs: number } = MAIN_RELAUNCHES) {
  const recent = [...history.filter((t) => Number.isFinite(t) && now - t < limits.windowMs), now];
  return { relaunch: recent.length <= limits.max, history: recent };
}

/** The page shown when the renderer keeps failing: no script, no network, bilingual, calm. */
export function errorPageUrl(): string {
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>motcua</title><style>body{font:24px system-ui,sans-serif;background:#fbf8f3;color:#222;display:grid;place-items:center;height:100vh;margin:0;text-align:center}</style></head>
<body><main><h1>Máy tạm thời gặp sự cố</h1><p>Vui lòng báo cán bộ tại quầy.</p><p lang="en">This kiosk needs attention. Please ask the staff at the counter.</p></main></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
