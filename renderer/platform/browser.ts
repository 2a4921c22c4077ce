/**
 * The platform when the UI runs in an ordinary browser tab served by `npm run web`. What only the
 * shell can do answers with a translated refusal (`platform.notInBrowser`) or the browser's own way
 * (the print dialog prints and saves PDFs); the network probe asks the server it was loaded from.
 */
import { ok } from '../../shared/result.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { classifyProbe, PROBE_TIMEOUT_MS } from '../../shared/sync/linkTiming.ts';
import { createApiClient } from '../sync/apiClient.ts';
import { createBrowserKeys } from './browserKeys.ts';
import type { Platform } from './platform.ts';
import { browserPrinting, notInBrowser } from './printing.ts';
import { browserSpeech } from './speech.ts';

export function createBrowserPlatform(location: Location = window.location): Platform {
  // In a browser the address says it: #/counter opens the counter, anything else the kiosk.
  const profile = location.hash.startsWith('#/counter') ? 'counter' : 'kiosk';
  const serverUrl = location.origin;
  const health = createApiClient({ serverUrl, timeouts: { normal: PROBE_TIMEOUT_MS } });
  return {
    kind: 'browser',
    serverUrl,
    profile,
    ...createBrowserKeys(),
    device: {
      // A tab has no identity of its own: the enrolment's device id is the one that counts.
      identity: async () => ok({ deviceId: `browser:${location.host}`, hostname: location.hostname, platform: 'web', appVersion: __APP_VERSION__ }),
      // The browser prints through its dialog (a preview by nature); the camera is the browser's to grant.
      config: async () => ok({ serverUrl, profile, printer: null, printMode: 'preview', allowCamera: true }),
    },
    printing: browserPrinting(),
    network: {
      async probe() {
        // zod only when a probe is asked for: the first screen never needs it.
        const { probeAnswer } = await import('./probeAnswer.ts');
        const answer = await health.send({ path: API_PATHS.health, auth: false, schema: probeAnswer });
        return classifyProbe(answer.ok, answer.elapsedMs);
      },
    },
    // No PIN can be checked where the page cannot read it: the kiosk's settings need the shell.
    admin: {
      gesture: async () => ({ ok: false, error: notInBrowser('the admin settings') }),
      unlock: async () => ({ ok: false, error: notInBrowser('the admin settings') }),
      lock: async () => {},
    },
    logs: { export: async () => ({ ok: false, error: notInBrowser('exporting the logs') }) },
    speech: browserSpeech(),
    // A browser tab installs no updates of its own: nothing to tell.
    reportIdle: () => {},
  };
}
