/**
 * Which question flows this kiosk offers with the catalog it has: a flow with none of its outcome
 * procedures in the catalog is not offered at all; one with some is, and its other outcomes fall
 * back to the plain list. Worked out once per catalog.
 */
import { useMemo } from 'react';
import type { SearchEngine } from '../../../shared/catalog/searchTypes.ts';
import { flowCodes } from '../../../shared/guidance/flowEngine.ts';
import { shippedFlows } from '../../../shared/guidance/flowLibrary.ts';
import type { Flow } from '../../../shared/guidance/flowSchema.ts';

export interface AvailableFlows {
  flows: Flow[];
  byId(id: string): Flow | undefined;
  /** The flows whose family this procedure belongs to. */
  forCode(code: string): Flow[];
}

export function availableFlows(engine: Pick<SearchEngine, 'byCode'>, flows: readonly Flow[] = shippedFlows().flows): AvailableFlows {
  const offered = flows.filter((f) => f.outcomes.some((o) => engine.byCode(o.code)));
  const byCode = new Map<string, Flow[]>();
  for (const f of offered) for (const code of flowCodes(f)) byCode.set(code, [...(byCode.get(code) ?? []), f]);
  return {
    flows: offered,
    byId: (id) => offered.find((f) => f.id === id),
    forCode: (code) => byCode.get(code) ?? [],
  };
}

/** The flows for the catalog in use; none while the catalog is still loading. */
export function useAvailableFlows(engine: SearchEngine | null): AvailableFlows {
  return useMemo(() => availableFlows(engine ?? { byCode: () => undefined }), [engine]);
}
