/**
 * Which question flows this kiosk offers with the catalog it has: a flow with none of its outcome
 * procedures in the catalog is not offered at all; one with some is, and its other outcomes fall
 * back to the plain list. Worked out once per catalog; the flows themselves are read from the start
 * (shippedFlows.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import type { SearchEngine } from '../../../shared/catalog/searchTypes.ts';
import { flowCodes } from '../../../shared/guidance/flowEngine.ts';
import type { Flow } from '../../../shared/guidance/flowSchema.ts';
import { readShippedFlows } from './shippedFlows.ts';

export interface AvailableFlows {
  flows: Flow[];
  byId(id: string): Flow | undefined;
  /** The flows whose family this procedure belongs to. */
  forCode(code: string): Flow[];
}

export function availableFlows(engine: Pick<SearchEngine, 'byCode'>, flows: readonly Flow[]): AvailableFlows {
  const offered = flows.filter((f) => f.outcomes.some((o) => engine.byCode(o.code)));
  const byCode = new Map<string, Flow[]>();
  for (const f of offered) for (const code of flowCodes(f)) byCode.set(code, [...(byCode.get(code) ?? []), f]);
  return {
    flows: offered,
    byId: (id) => offered.find((f) => f.id === id),
    forCode: (code) => byCode.get(code) ?? [],
  };
}

/** The shipped flows (read from the start, shippedFlows.ts; null until they are there). */
function useShippedFlows(wanted: boolean): readonly Flow[] | null {
  const [flows, setFlows] = useState<readonly Flow[] | null>(null);
  const load = wanted && flows === null;
  useEffect(() => {
    if (!load) return;
    let live = true;
    void readShippedFlows().then((read) => live && setFlows(read));
    return () => {
      live = false;
    };
  }, [load]);
  return flows;
}

/**
 * The flows for the catalog in use; none while the catalog or the flows are still loading. `ready`
 * says whether an unknown flow id is really unknown (a deep link opened before the flows came).
 */
export function useAvailableFlows(engine: SearchEngine | null): AvailableFlows & { ready: boolean } {
  const shipped = useShippedFlows(engine !== null);
  return useMemo(() => ({ ...availableFlows(engine ?? { byCode: () => undefined }, shipped ?? []), ready: engine !== null && shipped !== null }), [engine, shipped]);
}
