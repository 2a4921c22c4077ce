/**
 * Entry: the platform seam, the texts, the data key and the local database, the offline shell,
 * then the app this device runs. The kiosk and the counter are separate start-up modules, loaded
 * while the rest starts, so a kiosk on an old PC never downloads, parses or runs the counter. A
 * waiting-room screen (#/display/CENTER) is a third one: numbers only, no data key, no local database.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './data/dexieDebug.ts';
import './styles/fonts.css';
import './styles/base.css';
import { appKindFor } from './app/appKind.ts';
import { firstScreenUp } from './app/idleWork.ts';
import { startCatalogRead } from './app/catalogFirstRead.ts';
import { ErrorBoundary } from './app/ErrorBoundary.tsx';
import { KeyUnavailable } from './app/KeyUnavailable.tsx';
import { openDataKey } from './app/openDataKey.ts';
import { openDbAtStart, storedVersion } from './data/openDbAtStart.ts';
import { initI18n } from './i18n.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { choosePlatform } from './platform/choosePlatform.ts';
import { createDataCipher } from './security/dataCipher.ts';

const platform = choosePlatform();
if (platform.profile === 'counter' && !window.location.hash) window.location.hash = '#/counter';
const kind = appKindFor(platform.profile, window.location.hash);
// Moving between the kiosk, the counter (a typed #/counter) and the display starts the page again as the other app.
window.addEventListener('hashchange', () => {
  if (appKindFor(platform.profile, window.location.hash) !== kind) window.location.reload();
});
// One import() per app, each in its own statement: the bundler then preloads each app's own styles and chunks.
async function startModule() {
  if (kind === 'counter') return (await import('./counterStart.tsx')).CounterStart;
  return (await import('./kioskStart.tsx')).KioskStart;
}
// The service worker registered once the first screen is up, or after a few seconds whatever
// happens: a start that never gets there (a broken database, a crash) must still take fixes.
const SW_AT_THE_LATEST_MS = 5000;
const { updater, registered } = registerServiceWorker(
  kind === 'display' ? Promise.resolve() : Promise.race([firstScreenUp, new Promise((resolve) => setTimeout(resolve, SW_AT_THE_LATEST_MS))]),
);
// Visible to support staff (and the tests) without a debugger: where an app update stands.
updater.subscribe(() => {
  document.documentElement.dataset.update = updater.getState();
});
void registered.then((status) => {
  document.documentElement.dataset.serviceWorker = status;
});

const root = createRoot(document.getElementById('root')!);
if (kind === 'display') {
  const [, { DisplayStart }] = await Promise.all([initI18n('vi'), import('./displayStart.tsx')]);
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <DisplayStart platform={platform} hash={window.location.hash} />
      </ErrorBoundary>
    </StrictMode>,
  );
} else {
  // Which version of the database this device holds, asked at once: it decides how the database opens.
  const heldVersion = storedVersion('motcua');
  const start = startModule();
  // All at once: the data key, the texts, the app's module and the database. A database that needs
  // no upgrade opens without waiting for the key, and the stored catalog (not sealed) is read from
  // it at once (app/catalogFirstRead.ts); one that needs an upgrade waits for the key, whose cipher
  // its upgrades seal older rows with.
  const dataKey = openDataKey(platform);
  const cipher = dataKey.then((key) => (key.ok ? createDataCipher(key.value) : null));
  const [key, db, , Start] = await Promise.all([dataKey, openDbAtStart('motcua', cipher, heldVersion, startCatalogRead), initI18n('vi'), start]);
  root.render(
    <StrictMode>
      <ErrorBoundary>{db ? <Start platform={platform} db={db} updater={updater} /> : <KeyUnavailable reason={key.ok ? '' : key.error} />}</ErrorBoundary>
    </StrictMode>,
  );
}
