/**
 * The kiosk's start-up module (main.tsx loads it on a kiosk only): its catalog and search, its
 * screens (App.tsx), then its background work (KioskBackground.tsx) once the first screen is up.
 */
import { lazy, Suspense, useState } from 'react';
import { App } from './App.tsx';
import { useCatalog } from './app/useCatalog.ts';
import type { StartProps } from './app/startProps.ts';

const KioskBackground = lazy(() => import('./app/KioskBackground.tsx').then((m) => ({ default: m.KioskBackground })));

export function KioskStart({ platform, db, updater }: StartProps) {
  const catalog = useCatalog(db);
  // A device without a catalog must pull one before anything else; otherwise the first screen comes
  // first. Once started it keeps running (between a first pull and its search, neither holds).
  const [started, setStarted] = useState(false);
  const background = started || catalog.state.phase === 'ready' || catalog.holdsNone;
  if (background && !started) setStarted(true);
  return (
    <>
      <App platform={platform} db={db} updater={updater} catalog={catalog.state} />
      {background && (
        <Suspense fallback={null}>
          <KioskBackground db={db} platform={platform} onCatalogPull={catalog.pulled} />
        </Suspense>
      )}
    </>
  );
}
