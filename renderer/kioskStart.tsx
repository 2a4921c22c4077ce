/**
 * The kiosk's start-up module (main.tsx loads it on a kiosk only): its catalog and search, its
 * screens (App.tsx), then its background work (KioskBackground.tsx) once the first screen is up.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App } from './App.tsx';
import { whenIdle } from './app/idleWork.ts';
import { useCatalog } from './app/useCatalog.ts';
import type { StartProps } from './app/startProps.ts';
import { readShippedFlows } from './features/guidance/shippedFlows.ts';

// The shipped flows name the home screen's life-event tiles: read while the catalog is.
void readShippedFlows();

/** How long after the first screen the background work starts at the latest, someone typing or not. */
const BACKGROUND_AT_THE_LATEST_MS = 3000;

const KioskBackground = lazy(() => import('./app/KioskBackground.tsx').then((m) => ({ default: m.KioskBackground })));

function Splash() {
  const { t } = useTranslation();
  return (
    <div className="splash" data-testid="loading">
      <p>{t('app.loading')}</p>
    </div>
  );
}

/**
 * The splash only for a start that takes a while (a first pull): a usual start reads its catalog in a
 * fraction of a second, and drawing a splash for that moment costs an old PC a frame on its way to
 * the search box (nothing is drawn meanwhile; the page's background is the app's).
 */
const SPLASH_AFTER_MS = 400;

export function KioskStart({ platform, db, updater }: StartProps) {
  const catalog = useCatalog(db);
  const [splash, setSplash] = useState(false);
  const loading = catalog.state.phase === 'loading';
  useEffect(() => {
    if (!loading) return;
    const timer = setTimeout(() => setSplash(true), SPLASH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [loading]);
  // A device without a catalog must pull one before anything else: at once. Otherwise the first
  // screen comes first and the background work after it (below). Once started it keeps running
  // (between a first pull and its search, neither holds).
  const [started, setStarted] = useState(false);
  const background = started || catalog.holdsNone;
  if (background && !started) setStarted(true);
  const ready = catalog.state.phase === 'ready';
  // At the first quiet moment after the first screen (the idle queue: not while someone types, so a
  // first key never waits behind the background's code), and at the latest a few seconds after it,
  // typing or not: until then the footer says the link is being checked, which is true.
  useEffect(() => {
    if (!ready || started) return;
    const start = () => setStarted(true);
    const cancel = whenIdle(start, 'soon');
    const latest = setTimeout(start, BACKGROUND_AT_THE_LATEST_MS);
    return () => {
      cancel();
      clearTimeout(latest);
    };
  }, [ready, started]);
  return (
    <>
      {catalog.state.phase === 'ready' ? <App platform={platform} db={db} updater={updater} catalog={catalog.state} /> : splash && <Splash />}
      {background && (
        <Suspense fallback={null}>
          <KioskBackground db={db} platform={platform} onCatalogPull={catalog.pulled} />
        </Suspense>
      )}
    </>
  );
}
