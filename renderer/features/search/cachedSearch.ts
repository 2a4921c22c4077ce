/**
 * One search per key pressed, whoever asks: the results list and the flow offer above it read the
 * same answer (a search costs a few milliseconds on an old PC; rendering its cards costs more, and
 * both are paid per key). Keeps the last few answers of one engine.
 */
import type { SearchEngine, SearchOptions, SearchResult } from '../../../shared/catalog/searchTypes.ts';

const KEPT = 8;

export type CachedSearch = (query: string, options: Pick<SearchOptions, 'limit' | 'language'>) => SearchResult;

export function cachedSearch(engine: SearchEngine): CachedSearch {
  const answers = new Map<string, SearchResult>();
  return (query, options) => {
    const key = `${options.limit ?? ''}|${options.language ?? ''}|${query}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = engine.search(query, options);
      if (answers.size >= KEPT) answers.delete(answers.keys().next().value!);
      answers.set(key, answer);
    }
    return answer;
  };
}

/** What the kiosk's results list asks for; the flow offer asks the same, to share the answer. */
export const RESULTS_LIMIT = 30;
