/**
 * When a kiosk search begins and how it ends, as a pure step function (the kiosk's hook feeds it
 * what happens on screen, tests feed it sequences). A search begins when the person types; it ends
 * when they open a procedure (chosen: from the results, or by browsing the fields after them), or
 * leave it (home, idle reset, an emptied box): `abandoned` if the results answered the query,
 * `none` if they did not. Going back to the results of a search that ended in a choice starts no
 * new search until the query changes, so one search is counted once.
 */
import type { SearchFound, SearchOutcome } from '../../../shared/learning/searchSession.ts';

export interface Shown {
  found: SearchFound;
  /** Codes of the first results, in the order shown. */
  codes: string[];
}

export interface FinishedSearch {
  /** As typed (not yet scrubbed). */
  query: string;
  found: SearchFound;
  shown: string[];
  outcome: SearchOutcome;
  chosen: string | null;
  flowPath: string[] | null;
}

export interface RecorderState {
  open: { query: string; shown: Shown | null; flowPath: string[] | null } | null;
  /** The query of the last search that ended in a choice. */
  closedQuery: string | null;
}

export type RecorderEvent =
  /** The search box now holds this text. */
  | { type: 'typed'; query: string }
  /** The results for this query are on screen. */
  | { type: 'shown'; query: string; shown: Shown }
  /** A procedure was opened. */
  | { type: 'opened'; code: string }
  /** A guidance flow was walked this far (its id, then question=answer steps). */
  | { type: 'flow'; path: string[] }
  /** The person left the search: home, idle reset. */
  | { type: 'left' };

export const IDLE_RECORDER: RecorderState = { open: null, closedQuery: null };

function leave(state: RecorderState): { state: RecorderState; finished: FinishedSearch | null } {
  if (!state.open) return { state: IDLE_RECORDER, finished: null };
  const { query, shown, flowPath } = state.open;
  const found = shown?.found ?? 'empty';
  return {
    state: IDLE_RECORDER,
    finished: { query, found, shown: shown?.codes ?? [], outcome: found === 'match' ? 'abandoned' : 'none', chosen: null, flowPath },
  };
}

function typed(state: RecorderState, query: string): { state: RecorderState; finished: FinishedSearch | null } {
  if (query.trim() === '') return leave(state);
  if (state.open) return { state: { ...state, open: { ...state.open, query } }, finished: null };
  if (query === state.closedQuery) return { state, finished: null };
  return { state: { open: { query, shown: null, flowPath: null }, closedQuery: null }, finished: null };
}

export function stepRecorder(state: RecorderState, event: RecorderEvent): { state: RecorderState; finished: FinishedSearch | null } {
  switch (event.type) {
    case 'typed':
      return typed(state, event.query);
    case 'shown': {
      // Results may be reported before the box's own change: the shown query is the current one.
      const next = typed(state, event.query);
      if (!next.state.open) return next;
      return { state: { ...next.state, open: { ...next.state.open, shown: event.shown } }, finished: next.finished };
    }
    case 'opened': {
      if (!state.open) return { state, finished: null };
      const { query, shown, flowPath } = state.open;
      return {
        state: { open: null, closedQuery: query },
        finished: { query, found: shown?.found ?? 'empty', shown: shown?.codes ?? [], outcome: 'chosen', chosen: event.code, flowPath },
      };
    }
    case 'flow':
      return state.open ? { state: { ...state, open: { ...state.open, flowPath: event.path } }, finished: null } : { state, finished: null };
    case 'left':
      return leave(state);
  }
}
