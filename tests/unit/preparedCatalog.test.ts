import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { prepareCatalog, preparedCatalogData, restorePreparedCatalog } from '../../shared/catalog/preparedCatalog.ts';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import type { SearchResult } from '../../shared/catalog/searchTypes.ts';
import { TERM_INDEX_FORMAT } from '../../shared/catalog/termIndex.ts';
import { COMMUNE_CATALOG, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { guidanceQueriesPath, readSearchQueries } from '../support/readSearchQueries.ts';

let procedures: Procedure[];
/** What a search answers, without the procedures themselves (the same objects in both engines). */
const answer = (r: SearchResult) => ({ kind: r.kind, unread: r.unread, hits: r.hits.map(({ procedure: _p, ...h }) => h), elsewhere: (r.elsewhere ?? []).map(({ procedure: _p, ...h }) => h) });
let queries: string[];

beforeAll(async () => {
  const [source, labelled, guidance] = await Promise.all([readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG)), readSearchQueries(), readSearchQueries(guidanceQueriesPath())]);
  if (!source.ok) throw new Error(source.error);
  if (!labelled.ok) throw new Error(labelled.error);
  if (!guidance.ok) throw new Error(guidance.error);
  procedures = source.value.procedures;
  // Half-typed words as on the kiosk's keyboard too: completion goes through the same index.
  queries = [...labelled.value, ...guidance.value].flatMap((q) => [q.query, q.query.slice(0, Math.ceil(q.query.length / 2))]);
});

describe('a prepared catalog stored and restored', () => {
  it('searches exactly like an index built from the procedures, after a round trip through storage', () => {
    const built = createSearchEngine(procedures);
    // structuredClone is what IndexedDB does to the data on its way in and out.
    const stored = structuredClone(preparedCatalogData(prepareCatalog(procedures)));
    const prepared = restorePreparedCatalog(stored, procedures);
    expect(prepared).not.toBeNull();
    const restored = createSearchEngine(procedures, { prepared: prepared! });
    expect(queries.length).toBeGreaterThan(400);
    queries.forEach((query, i) => {
      // English reads through the same index; a sample of queries is enough for that path.
      const language = i % 10 === 0 ? 'en' : 'vi';
      const a = answer(built.search(query, { limit: 10, language }));
      const b = answer(restored.search(query, { limit: 10, language }));
      expect(b, `${query} (${language})`).toEqual(a);
    });
    expect(restored.fields()).toEqual(built.fields());
    expect(answer(restored.search('khai sinh', { agency: 'Ủy ban nhân dân cấp xã' }))).toEqual(answer(built.search('khai sinh', { agency: 'Ủy ban nhân dân cấp xã' })));
  });

  it('refuses data made for other procedures or by another format, so the caller builds it again', () => {
    const data = preparedCatalogData(prepareCatalog(demoCatalog.procedures));
    expect(restorePreparedCatalog(data, demoCatalog.procedures)).not.toBeNull();
    expect(restorePreparedCatalog(data, demoCatalog.procedures.slice(1))).toBeNull();
    expect(restorePreparedCatalog(data, [...demoCatalog.procedures].reverse())).toBeNull();
    expect(restorePreparedCatalog({ ...data, index: { ...data.index, format: TERM_INDEX_FORMAT + 1 } }, demoCatalog.procedures)).toBeNull();
    // What an older build stored (its lists as arrays of strings) is prepared again, not misread.
    const older = { ...data.index, format: 1, codes: data.index.codes.split('\n'), terms: data.index.terms.split('\n'), docs: JSON.parse(data.index.docs) as unknown };
    expect(restorePreparedCatalog({ ...data, index: older as unknown as typeof data.index }, demoCatalog.procedures)).toBeNull();
    expect(restorePreparedCatalog({ ...data, index: { ...older, format: TERM_INDEX_FORMAT } as unknown as typeof data.index }, demoCatalog.procedures)).toBeNull();
    // Text that does not read back (damaged storage) is refused too.
    expect(restorePreparedCatalog({ ...data, index: { ...data.index, docs: '[{"foldedName"' } }, demoCatalog.procedures)).toBeNull();
    expect(restorePreparedCatalog({ ...data, index: { ...data.index, terms: `${data.index.terms}\nextra` } }, demoCatalog.procedures)).toBeNull();
  });
});
