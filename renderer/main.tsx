/** Entry: language, fonts, the platform seam, the local database, the offline shell, then the app. */
import './zodConfig.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles/kiosk.css';
import { App } from './App.tsx';
import { ErrorBoundary } from './app/ErrorBoundary.tsx';
import { KeyUnavailable } from './app/KeyUnavailable.tsx';
import { openDataKey } from './app/openDataKey.ts';
import { openDb } from './data/db.ts';
import { initI18n } from './i18n.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { choosePlatform } from './platform/choosePlatform.ts';
import { createDataCipher } from './security/dataCipher.ts';
import { DisplayApp } from './features/queue/display/DisplayApp.tsx';
import { displayCenterOf } from './features/queue/display/displayRoute.ts';

const platform = choosePlatform();
// The data key before the database (its upgrades seal what older versions kept in clear); opened
// while the texts load, so start-up does not wait for the two one after the other.
const [dataKey] = await Promise.all([openDataKey(platform), initI18n('vi')]);
const db = dataKey.ok ? openDb('motcua', createDataCipher(dataKey.value)) : null;
if (platform.profile === 'counter' && !window.location.hash) window.location.hash = '#/counter';
const { updater, registered } = registerServiceWorker();
// Visible to support staff (and the tests) without a debugger: where an app update stands.
updater.subscribe(() => {
  document.documentElement.dataset.update = updater.getState();
});
void registered.then((status) => {
  document.documentElement.dataset.serviceWorker = status;
});

// A waiting-room TV opens #/display/CENTER: the screen of numbers, nothing of the kiosk.
const displayCenter = displayCenterOf(window.location.hash);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      {displayCenter !== null ? (
        <DisplayApp platform={platform} center={displayCenter} />
      ) : db ? (
        <App platform={platform} db={db} updater={updater} />
      ) : (
        <KeyUnavailable reason={dataKey.ok ? '' : dataKey.error} />
      )}
    </ErrorBoundary>
  </StrictMode>,
);
