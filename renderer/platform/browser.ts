/** The platform when the UI runs in an ordinary browser tab served by `npm run web`. */
import { createBrowserKeys } from './browserKeys.ts';
import type { Platform } from './platform.ts';
import { browserSpeech } from './speech.ts';

export function createBrowserPlatform(location: Location = window.location): Platform {
  return {
    kind: 'browser',
    serverUrl: location.origin,
    // In a browser the address says it: #/counter opens the counter, anything else the kiosk.
    profile: location.hash.startsWith('#/counter') ? 'counter' : 'kiosk',
    ...createBrowserKeys(),
    speech: browserSpeech(),
  };
}
