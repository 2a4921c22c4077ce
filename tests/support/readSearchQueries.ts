/**
 * Reads the labelled search queries (shared/eval/*.tsv: query, acceptable codes, kind) for the
 * search benchmark and the search evaluation test.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LabelledQuery } from '../../shared/catalog/evaluateSearch.ts';
import { sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { err, ok, type Result } from '../../shared/result.ts';

/** Beside the shared data folder, overridable with MOTCUA_SEARCH_QUERIES. */
export function searchQueriesPath(): string {
  return resolve(process.env.MOTCUA_SEARCH_QUERIES ?? resolve(sharedDataDir(), '../eval/search_queries.tsv'));
}

/** The 200 labelled citizen queries in nine kinds (situation, question, ...), overridable with MOTCUA_GUIDANCE_QUERIES. */
export function guidanceQueriesPath(): string {
  return resolve(process.env.MOTCUA_GUIDANCE_QUERIES ?? resolve(sharedDataDir(), '../eval/guidance_dev.tsv'));
}

/** Parses the TSV; `#` lines are comments. A malformed line is an error naming its line number. */
export function parseSearchQueries(text: string): Result<LabelledQuery[]> {
  const queries: LabelledQuery[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [query, codes, kind] = line.split('\t');
    const acceptable = (codes ?? '').split(',').map((c) => c.trim()).filter(Boolean);
    if (!query?.trim() || acceptable.length === 0 || !kind?.trim()) {
      return err(`line ${i + 1}: expected query<TAB>codes<TAB>kind, got ${JSON.stringify(line)}`);
    }
    queries.push({ query: query.trim(), acceptable, kind: kind.trim() });
  }
  return queries.length > 0 ? ok(queries) : err('no queries found');
}

export async function readSearchQueries(path = searchQueriesPath()): Promise<Result<LabelledQuery[]>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return err(`cannot read ${path}: ${(e as Error).message}`);
  }
  const parsed = parseSearchQueries(text);
  return parsed.ok ? parsed : err(`${path}: ${parsed.error}`);
}
