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

/** `workbox`: the registration's workbox-window, once it is made (null: no service worker here). */
export function createAppUpdater(workbox: Promise<Workbox> | null, reload: () => void = () => window.location.reload()): AppUpdater & {
  /** Follows the registration itself too: workbox-window can miss an update found outside its own update(). */
  watch(registration: ServiceWorkerRegistration): void;
} {
  let state: UpdateState = 'none';
  let registration: ServiceWorkerRegistration | null = null;
  let wb: Workbox | null = null;
  const listeners = new Set<() => void>();
  const set = (next: UpdateState) => {
    state = next;
    for (const l of listeners) l();
  };
  // A new worker is ready only if another one already controls the page; the first install is not an update.
  const markReady = () => {
    if (state === 'none' && navigator.serviceWorker.controller) set('ready');
  };
  void workbox?.then(
    (made) => {
      wb = made;
      made.addEventListener('waiting', markReady);
      // Only a reload we asked for: the first install also takes control, and must not reload the page.
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (state === 'applying') reload();
      });
      window.setInterval(() => void made.update().catch(() => undefined), CHECK_EVERY_MS);
      window.addEventListener('online', () => void made.update().catch(() => undefined));
    },
    // Its code could not be loaded: no updates on this run (registerServiceWorker says 'failed').
    () => undefined,
  );
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watch(reg) {
      registration = reg;
      if (reg.waiting) markReady();
      reg.addEventListener('updatefound', () => {
        const installing = reg.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed') markReady();
        });
      });
    },
    apply() {
      if (!wb || state !== 'ready') return;
      set('applying');
      // Workbox's generated worker activates on this message (skipWaiting is off on purpose).
      const waiting = registration?.waiting;
      if (waiting) waiting.postMessage({ type: 'SKIP_WAITING' });
      else wb.messageSkipWaiting();
    },
  };
}
