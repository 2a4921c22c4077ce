/**
 * The counter's start-up module (main.tsx loads it on a counter only): its styles, its catalog as
 * the sync engine keeps it (the sync engine pulls it with everything else), and its screens.
 */
import { useEffect } from 'react';
import { openIdleWork, whenIdle } from './app/idleWork.ts';
import { useCatalog } from './app/useCatalog.ts';
import type { StartProps } from './app/startProps.ts';
import { CounterApp } from './features/counter/CounterApp.tsx';

export function CounterStart({ platform, db, updater }: StartProps) {
  const { state } = useCatalog(db);
  // The counter's screens come up without waiting for the catalog: its quiet moments are free from the start.
  useEffect(() => openIdleWork(), []);
  // Its forms and checklists read the procedures' details: the catalog counts once they are read too.
  const readDetails = state.phase === 'ready' && !state.detailsReady ? state.readDetails : null;
  useEffect(() => readDetails?.(), [readDetails]);
  // Its procedure search warmed at a quiet moment, before a clerk first types in it.
  const engine = state.phase === 'ready' ? state.engine : null;
  useEffect(() => (engine ? whenIdle(() => engine.warm('vi')) : undefined), [engine]);
  return <CounterApp db={db} engine={state.phase === 'ready' && state.detailsReady ? state.engine : null} serverUrl={platform.serverUrl} updater={updater} platform={platform} />;
}
