/**
 * Registers the precaching service worker through workbox-window so the kiosk starts with the
 * network down, and hands back at once the updater that applies new versions at a safe moment.
 * Registration waits until `when` settles (main.tsx: the first screen is up) and loads workbox-window
 * only then: an offline start is served by the worker already installed, so nothing on the first
 * screen needs the registration, and on an old PC its code and its messages to the browser cost the
 * first screen's thread.
 */
import type { Workbox } from 'workbox-window';
import { createAppUpdater, type AppUpdater } from './appUpdater.ts';

export type RegistrationStatus = 'registered' | 'unsupported' | 'failed';

export function registerServiceWorker(when: Promise<unknown>): { updater: AppUpdater; registered: Promise<RegistrationStatus> } {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) {
    return { updater: createAppUpdater(null), registered: Promise.resolve('unsupported') };
  }
  const workbox: Promise<Workbox> = when.then(() => import('workbox-window')).then(({ Workbox }) => new Workbox('./sw.js'));
  const updater = createAppUpdater(workbox);
  const registered = workbox
    .then((wb) => wb.register())
    .then(
      (registration): RegistrationStatus => {
        if (registration) updater.watch(registration);
        return 'registered';
      },
      (): RegistrationStatus => 'failed',
    );
  return { updater, registered };
}
