/**
 * New versions of the app shell: the service worker installs them in the background and waits;
 * this module says when one is ready and applies it only when asked — the kiosk asks when it is
 * idle, the counter when staff accept the prompt with no unsaved form. Never mid-registration.
 */
import type { Workbox } from 'workbox-window';

export type UpdateState = 'none' | 'ready' | 'applying';

export interface AppUpdater {
  getState(): UpdateState;
  subscribe(listener: () => void): () => void;
  /** Activates the waiting version and reloads into it. */
  apply(): void;
}

const CHECK_EVERY_MS = 30 * 60_000;

export function createAppUpdater(wb: Workbox | null, reload: () => void = () => window.location.reload()): AppUpdater {
  let state: UpdateState = 'none';
  const listeners = new Set<() => void>();
  const set = (next: UpdateState) => {
    state = next;
    for (const l of listeners) l();
  };
  if (wb) {
    wb.addEventListener('waiting', () => set('ready'));
    // Only a reload we asked for: the first install also "controls", and must not reload the page.
    wb.addEventListener('controlling', () => {
      if (state === 'applying') reload();
    });
    window.setInterval(() => void wb.update().catch(() => undefined), CHECK_EVERY_MS);
    window.addEventListener('online', () => void wb.update().catch(() => undefined));
  }
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply() {
      if (!wb || state !== 'ready') return;
      set('applying');
      wb.messageSkipWaiting();
    },
  };
}
