/**
 * The kiosk asks one search per key and shares it: the flow offer reads the first hits of the
 * results list's search instead of searching again for two. That holds only if the best hits of
 * a longer search are those of a short one, which these queries check.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import { COMMUNE_CATALOG, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { cachedSearch, RESULTS_LIMIT } from '../../renderer/features/search/cachedSearch.ts';
import { readSearchQueries } from '../support/readSearchQueries.ts';

describe('one search per key', () => {
  it('gives the same first two hits and the same kind as a search for two', async () => {
    const [source, queries] = await Promise.all([readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG)), readSearchQueries()]);
    if (!source.ok) throw new Error(source.error);
    if (!queries.ok) throw new Error(queries.error);
    const engine = createSearchEngine(source.value.procedures);
    const search = cachedSearch(engine);
    // As typed on the keyboard: each prefix of each query.
    const typed = queries.value.flatMap((q) => [q.query.slice(0, 3), q.query.slice(0, Math.ceil(q.query.length / 2)), q.query]);
    for (const query of typed) {
      const short = engine.search(query, { limit: 2, language: 'vi' });
      const shared = search(query, { limit: RESULTS_LIMIT, language: 'vi' });
      expect({ kind: shared.kind, codes: shared.hits.slice(0, 2).map((h) => h.code) }, query).toEqual({ kind: short.kind, codes: short.hits.map((h) => h.code) });
    }
  });

  it('answers a repeated question from what it kept', () => {
    let asked = 0;
    const search = cachedSearch({ size: 0, fields: () => [], byCode: () => undefined, warm: () => undefined, search: () => ((asked += 1), { kind: 'empty', hits: [], elsewhere: [] }) });
    search('khai', { limit: 30, language: 'vi' });
    search('khai', { limit: 30, language: 'vi' });
    search('khai', { limit: 30, language: 'en' });
    expect(asked).toBe(2);
  });
});
