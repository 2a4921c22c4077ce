/**
 * Measures a search engine against labelled citizen queries: hit@1 and hit@5 overall and per kind
 * of query (situation, question, colloquial, toneless, typo, ...). Shared by the benchmark and the
 * unit test so both report the same numbers.
 */
import type { SearchEngine, SearchOptions } from './searchTypes.ts';
import { answersInOrder } from './searchAnswers.ts';

/** One labelled query: any of `acceptable` in the first k results is a hit at k. */
export interface LabelledQuery {
  query: string;
  acceptable: readonly string[];
  kind: string;
}

export interface HitRates {
  count: number;
  hit1: number;
  hit5: number;
}

export interface QueryOutcome {
  query: string;
  kind: string;
  /** 1-based rank of the first acceptable code, or null when it is not in the first `depth` results. */
  rank: number | null;
  top: string[];
}

export interface SearchEvaluation extends HitRates {
  byKind: (HitRates & { kind: string })[];
  outcomes: QueryOutcome[];
}

/** Anything that answers a query with ranked codes: our engine, or a baseline in the benchmark. */
export type RankCodes = (query: string, limit: number) => string[];

/** The engine's answers in the order the kiosk and the CLI show them (an answer done elsewhere first). */
export function rankWithEngine(engine: SearchEngine, options: SearchOptions = {}): RankCodes {
  return (query, limit) => answersInOrder(engine.search(query, { finished: true, ...options, limit }), limit).map((a) => a.hit.code);
}

/**
 * The two halves of a development set for measuring generalisation: within each kind, in file
 * order, every other query. Build on one half, measure on the other, swap.
 */
export function splitHalves(queries: readonly LabelledQuery[]): { a: LabelledQuery[]; b: LabelledQuery[] } {
  const seen = new Map<string, number>();
  const a: LabelledQuery[] = [];
  const b: LabelledQuery[] = [];
  for (const q of queries) {
    const k = seen.get(q.kind) ?? 0;
    seen.set(q.kind, k + 1);
    (k % 2 === 0 ? a : b).push(q);
  }
  return { a, b };
}

export function evaluateSearch(queries: readonly LabelledQuery[], rank: RankCodes, depth = 10): SearchEvaluation {
  const outcomes = queries.map((q): QueryOutcome => {
    const top = rank(q.query, depth);
    const at = top.findIndex((code) => q.acceptable.includes(code));
    return { query: q.query, kind: q.kind, rank: at < 0 ? null : at + 1, top };
  });
  const rates = (list: QueryOutcome[]): HitRates => ({
    count: list.length,
    hit1: list.length === 0 ? 0 : list.filter((o) => o.rank === 1).length / list.length,
    hit5: list.length === 0 ? 0 : list.filter((o) => o.rank !== null && o.rank <= 5).length / list.length,
  });
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  return {
    ...rates(outcomes),
    byKind: kinds.map((kind) => ({ kind, ...rates(outcomes.filter((o) => o.kind === kind)) })),
    outcomes,
  };
}
