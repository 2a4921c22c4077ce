/**
 * Registers the precaching service worker through workbox-window so the kiosk starts with the
 * network down, and hands back at once the updater that applies new versions at a safe moment
 * (registration itself never delays the first screen).
 */
import { Workbox } from 'workbox-window';
import { createAppUpdater, type AppUpdater } from './appUpdater.ts';

export type RegistrationStatus = 'registered' | 'unsupported' | 'failed';

export function registerServiceWorker(): { updater: AppUpdater; registered: Promise<RegistrationStatus> } {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) {
    return { updater: createAppUpdater(null), registered: Promise.resolve('unsupported') };
  }
  const wb = new Workbox('./sw.js');
  const updater = createAppUpdater(wb);
  const registered = wb.register().then(
    (registration): RegistrationStatus => {
      if (registration) updater.watch(registration);
      return 'registered';
    },
    (): RegistrationStatus => 'failed',
  );
  return { updater, registered };
}
