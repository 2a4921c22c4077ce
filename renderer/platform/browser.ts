/** The platform when the UI runs in an ordinary browser tab served by `npm run web`. */
import type { Platform } from './platform.ts';

export function createBrowserPlatform(location: Location = window.location): Platform {
  return {
    kind: 'browser',
    serverUrl: location.origin,
    isOnline: () => navigator.onLine,
  };
}
