/**
 * Registers the precaching service worker through workbox-window so the kiosk starts with the
 * network down. Update prompts and idle-time activation come with the Electron shell issue;
 * here a waiting worker is simply left waiting (it takes over on the next full start).
 */
import { Workbox } from 'workbox-window';

export async function registerServiceWorker(): Promise<'registered' | 'unsupported' | 'failed'> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return 'unsupported';
  try {
    const wb = new Workbox('./sw.js');
    await wb.register();
    return 'registered';
  } catch {
    return 'failed';
  }
}
