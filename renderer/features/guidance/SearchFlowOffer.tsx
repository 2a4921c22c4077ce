/** The flow offer above the results: the families of the top few hits for what was typed. */
import { useMemo } from 'react';
import type { SearchEngine } from '../../../shared/catalog/searchTypes.ts';
import type { AvailableFlows } from './availableFlows.ts';
import { FlowOffer } from './FlowOffer.tsx';

/** Only the first hits count: a family far down the list is not what the person meant. */
const TOP_HITS = 2;

export function SearchFlowOffer({ engine, flows, query, onStart }: { engine: SearchEngine; flows: AvailableFlows; query: string; onStart(id: string): void }) {
  const offered = useMemo(() => {
    const result = engine.search(query, { limit: TOP_HITS });
    if (result.kind !== 'match') return [];
    return [...new Set(result.hits.flatMap((h) => flows.forCode(h.code)))];
  }, [engine, flows, query]);
  return <FlowOffer flows={offered} onStart={onStart} />;
}
