/**
 * The README stays true: every path its "Where each concern lives" map names exists, the map covers
 * each concern of the product, and every screenshot the README shows is a committed reference that an
 * end-to-end test compares (and no reference is left that no test compares any more).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SCREENSHOTS = 'tests/e2e/__screenshots__';

/** The map's table rows: from its heading to the first blank line after the table. */
function mapRows(): string[][] {
  const start = README.indexOf('\n## Where each concern lives\n');
  if (start < 0) return [];
  const lines = README.slice(start).split('\n').slice(2);
  const table = lines.slice(lines.findIndex((l) => l.startsWith('|')));
  const rows = table.slice(0, table.findIndex((l) => !l.startsWith('|')));
  return rows.slice(2).map((row) => row.split('|').slice(1, -1).map((cell) => cell.trim()));
}

/** Paths in a cell: backticked words with a slash (`shared/catalog/`) or a file name under the last folder named before it. */
function pathsIn(cell: string): string[] {
  const paths: string[] = [];
  let folder = '';
  for (const [, word] of cell.matchAll(/`([^`]+)`/g)) {
    if (word!.includes('/')) {
      paths.push(word!);
      folder = word!.endsWith('/') ? word! : '';
    } else {
      paths.push(`${folder}${word}`);
    }
  }
  return paths;
}

/** Every .ts file under tests/e2e, as one text (to find the screenshot names the tests use). */
function e2eSources(): string {
  const dir = join(ROOT, 'tests/e2e');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe("the README's map of where each concern lives", () => {
  it('names only paths that exist', () => {
    const rows = mapRows();
    expect(rows.length).toBeGreaterThanOrEqual(14);
    const named = rows.flatMap(([, code, tests]) => [...pathsIn(code ?? ''), ...pathsIn(tests ?? '')]);
    expect(named.length).toBeGreaterThan(60);
    expect(named.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('gives every row code and tests', () => {
    for (const [concern, code, tests] of mapRows()) {
      expect(pathsIn(code ?? '').length, concern).toBeGreaterThan(0);
      expect(pathsIn(tests ?? '').filter((p) => p.startsWith('tests/')).length, concern).toBeGreaterThan(0);
    }
  });

  it('covers each concern of the product', () => {
    const concerns = mapRows().map(([concern]) => concern!.toLowerCase());
    const expected = ['catalog', 'language', 'guidance', 'address', 'encryption', 'sync', 'scans', "center's own list", 'roles', 'calendar', 'figures', 'electron', 'printing', 'i18n'];
    expect(expected.filter((word) => !concerns.some((c) => c.includes(word)))).toEqual([]);
  });
});

describe('the screenshots', () => {
  const references = readdirSync(join(ROOT, SCREENSHOTS)).filter((f) => f.endsWith('.png'));
  const sources = e2eSources();

  it('that the README shows are committed references', () => {
    const shown = [...README.matchAll(/\((tests\/e2e\/__screenshots__\/[^)]+\.png)\)/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('are each compared by an end-to-end test, by name', () => {
    expect(references.length).toBeGreaterThan(50);
    expect(references.filter((file) => !sources.includes(`'${file.replace(/\.png$/, '')}'`))).toEqual([]);
  });
});
