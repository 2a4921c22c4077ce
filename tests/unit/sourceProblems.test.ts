import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSourceProblems, type SourceProblem } from '../../shared/catalog/sourceProblems.ts';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { COMMUNE_CATALOG, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';

let procedures: Procedure[];
let problems: Map<string, SourceProblem[]>;

beforeAll(async () => {
  const source = await readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG));
  if (!source.ok) throw new Error(source.error);
  procedures = source.value.procedures;
  problems = findSourceProblems(procedures);
});

const kinds = (code: string): string[] => (problems.get(code) ?? []).map((p) => p.kind).sort();

describe('records broken in the source', () => {
  it('flags the "Người có công" records that share one portal page and carry an announcement as their name', () => {
    for (const code of ['2.001428', '3.000226']) {
      expect(kinds(code)).toEqual(expect.arrayContaining(['shared-portal-page', 'not-a-procedure-name']));
    }
    expect(problems.get('2.001428')!.find((p) => p.kind === 'shared-portal-page')!.with).toContain('3.000226');
  });

  it('flags the records that share one id and the same text', () => {
    for (const code of ['1.002544', '1.014208']) expect(kinds(code)).toContain('same-text');
  });

  it('flags a district twin beside its commune procedure, not the commune one', () => {
    expect(kinds('1.010385')).toContain('district-twin');
    expect(problems.get('1.010385')!.find((p) => p.kind === 'district-twin')!.with).toEqual(['1.010386']);
    expect(kinds('1.010386')).not.toContain('district-twin');
  });

  it('leaves clean records alone', () => {
    expect(problems.has('1.001193')).toBe(false);
    expect(problems.size).toBeLessThan(procedures.length / 10);
  });

  it('ranks flagged records after their clean twins', () => {
    const engine = createSearchEngine(procedures);
    const found = engine.search('trình báo mất hộ chiếu ', { limit: 5 }).hits.map((h) => h.code);
    expect(found.indexOf('1.010386')).toBeLessThan(found.indexOf('1.010385'));
    expect(found[0]).toBe('1.010386');
  });
});
