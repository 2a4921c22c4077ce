/**
 * One ordered list of answers from a search result, as the CLI prints it and the benchmark scores
 * it: a procedure done elsewhere comes first when the engine judged it the best answer (that is
 * what the kiosk shows first too), then the center's own procedures.
 */
import type { SearchHit, SearchResult } from './searchTypes.ts';

export interface OrderedAnswer {
  hit: SearchHit;
  /** Not done by this center: the kiosk says where to go instead. */
  elsewhere: boolean;
}

export function answersInOrder(result: SearchResult, limit: number): OrderedAnswer[] {
  const out: OrderedAnswer[] = [...(result.elsewhere ?? []).map((hit) => ({ hit, elsewhere: true })), ...result.hits.map((hit) => ({ hit, elsewhere: false }))];
  return out.slice(0, limit);
}
