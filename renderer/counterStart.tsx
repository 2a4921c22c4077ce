/**
 * The counter's start-up module (main.tsx loads it on a counter only): its styles, its catalog as
 * the sync engine keeps it (the sync engine pulls it with everything else), and its screens.
 */
import { useCatalog } from './app/useCatalog.ts';
import type { StartProps } from './app/startProps.ts';
import { CounterApp } from './features/counter/CounterApp.tsx';

export function CounterStart({ platform, db, updater }: StartProps) {
  const { state } = useCatalog(db);
  return <CounterApp db={db} engine={state.phase === 'ready' ? state.engine : null} serverUrl={platform.serverUrl} updater={updater} platform={platform} />;
}
