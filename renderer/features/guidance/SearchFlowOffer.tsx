/** The flow offer above the results: the families of the top few hits for what was typed. */
import { useMemo } from 'react';
import { RESULTS_LIMIT, type CachedSearch } from '../search/cachedSearch.ts';
import type { AvailableFlows } from './availableFlows.ts';
import { FlowOffer } from './FlowOffer.tsx';

/** Only the first hits count: a family far down the list is not what the person meant. */
const TOP_HITS = 2;

export function SearchFlowOffer({ search, flows, query, onStart }: { search: CachedSearch; flows: AvailableFlows; query: string; onStart(id: string): void }) {
  const offered = useMemo(() => {
    // The results list's own search (its first hits are those a search for TOP_HITS would give), read in Vietnamese as before.
    const result = search(query, { limit: RESULTS_LIMIT, language: 'vi' });
    if (result.kind !== 'match') return [];
    return [...new Set(result.hits.slice(0, TOP_HITS).flatMap((h) => flows.forCode(h.code)))];
  }, [search, flows, query]);
  return <FlowOffer flows={offered} onStart={onStart} />;
}
