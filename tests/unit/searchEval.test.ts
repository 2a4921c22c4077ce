import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import { evaluateSearch, rankWithEngine } from '../../shared/catalog/evaluateSearch.ts';
import { COMMUNE_CATALOG, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { guidanceQueriesPath, parseSearchQueries, readSearchQueries } from '../support/readSearchQueries.ts';

describe('search quality on the labelled citizen queries', () => {
  it('finds an acceptable procedure in the top 5 for at least 90% of queries', async () => {
    const [source, queries] = await Promise.all([readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG)), readSearchQueries()]);
    if (!source.ok) throw new Error(source.error);
    if (!queries.ok) throw new Error(queries.error);
    expect(queries.value.length).toBeGreaterThanOrEqual(30);

    const result = evaluateSearch(queries.value, rankWithEngine(createSearchEngine(source.value.procedures)));
    console.log(`hit@1 ${result.hit1.toFixed(3)}, hit@5 ${result.hit5.toFixed(3)} over ${result.count} queries`);
    for (const k of result.byKind) console.log(`  ${k.kind}: hit@5 ${k.hit5.toFixed(2)}, hit@1 ${k.hit1.toFixed(2)} (n=${k.count})`);
    for (const miss of result.outcomes.filter((o) => o.rank === null || o.rank > 5)) {
      console.log(`  miss: "${miss.query}" (${miss.kind}) top ${miss.top.slice(0, 5).join(' ')}`);
    }

    expect(result.hit5).toBeGreaterThanOrEqual(0.9);
    expect(result.hit1).toBeGreaterThanOrEqual(0.75);
  });
});

describe('search quality on the 200 labelled guidance queries (nine kinds)', () => {
  it('stays where the development work left it (a regression guard, not the held-out measure)', async () => {
    const [source, queries] = await Promise.all([readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG)), readSearchQueries(guidanceQueriesPath())]);
    if (!source.ok) throw new Error(source.error);
    if (!queries.ok) throw new Error(queries.error);
    const result = evaluateSearch(queries.value, rankWithEngine(createSearchEngine(source.value.procedures)));
    console.log(`guidance: hit@1 ${result.hit1.toFixed(3)}, hit@5 ${result.hit5.toFixed(3)} over ${result.count} queries`);
    expect(result.hit5).toBeGreaterThanOrEqual(0.95);
    expect(result.hit1).toBeGreaterThanOrEqual(0.75);
    for (const kind of result.byKind) expect(kind.hit5, kind.kind).toBeGreaterThanOrEqual(0.85);
  });
});

describe('reading the labelled queries', () => {
  it('parses rows and skips comments', () => {
    const parsed = parseSearchQueries('# comment\nkhai sinh\t1.001193,1.004772\tplain\n\n');
    expect(parsed).toEqual({ ok: true, value: [{ query: 'khai sinh', acceptable: ['1.001193', '1.004772'], kind: 'plain' }] });
  });

  it('names the line of a malformed row', () => {
    const parsed = parseSearchQueries('khai sinh\t1.001193\tplain\nbroken row\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/line 2/);
  });
});
