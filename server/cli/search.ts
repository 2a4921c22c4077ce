/**
 * Search the procedure catalog from a terminal with the same engine the kiosk uses, so staff and
 * scripts can check what a citizen's words find. A query as arguments prints a readable list;
 * without one, queries are read one per line from stdin (with --json: one JSON line each).
 *
 *   npm run --silent search -- "khai sinh"
 *   npm run --silent search -- --catalog PATH --limit 5 --json < queries.txt
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import { foldVietnamese } from '../../shared/catalog/foldVietnamese.ts';
import type { SearchEngine, SearchResult } from '../../shared/catalog/searchTypes.ts';
import { COMMUNE_CATALOG, readCatalogSource, sharedDataDir } from '../catalog/readCatalogSource.ts';
import { err, ok, type Result } from '../../shared/result.ts';

const USAGE = `usage: npm run --silent search -- [options] [query words...]
  --catalog PATH   catalog file or folder (default: the commune catalog in the shared data folder)
  --limit N        results per query (default 10)
  --field NAME     only procedures of this field (lĩnh vực), e.g. "Hộ tịch"
  --agency TEXT    only procedures whose agencies mention this text
  --json           one JSON line per query: {"query": ..., "results": [{"code", "name", "score"}]}
  -h, --help       this text
Without query words, queries are read from stdin, one per line.`;

interface CliOptions {
  catalog: string;
  limit: number;
  field: string | undefined;
  agency: string | undefined;
  json: boolean;
  help: boolean;
  query: string | undefined;
}

function readOptions(argv: string[]): Result<CliOptions> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        catalog: { type: 'string' },
        limit: { type: 'string' },
        field: { type: 'string' },
        agency: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return err((e as Error).message);
  }
  const { values, positionals } = parsed;
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) return err(`--limit must be a whole number of at least 1, got ${JSON.stringify(values.limit)}`);
  const query = positionals.join(' ').trim();
  return ok({
    catalog: values.catalog ?? join(sharedDataDir(), COMMUNE_CATALOG),
    limit,
    field: values.field,
    agency: values.agency,
    json: values.json ?? false,
    help: values.help ?? false,
    query: query === '' ? undefined : query,
  });
}

function printReadable(query: string, result: SearchResult): void {
  const label = result.kind === 'nearest' ? 'no procedure matches every word; nearest' : result.kind;
  console.log(`"${query}": ${result.hits.length} result(s) (${label})`);
  result.hits.forEach((h, i) => {
    console.log(`${String(i + 1).padStart(3)}  ${h.code}  ${h.score.toFixed(3)}  ${h.name}`);
    console.log(`${' '.repeat(15)}[${h.procedure.field}] ${(h.matched ?? []).map((m) => (m.typed === m.found ? m.typed : `${m.typed} → ${m.found}`)).join('; ')}`);
  });
}

function answer(engine: SearchEngine, query: string, options: CliOptions): void {
  const result = engine.search(query, { limit: options.limit, field: options.field, agency: options.agency, finished: true });
  if (options.json) {
    const results = result.hits.map((h) => ({ code: h.code, name: h.name, score: h.score }));
    console.log(JSON.stringify({ query, results }));
  } else {
    printReadable(query, result);
  }
}

async function main(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  if (!options.ok) {
    console.error(`search: ${options.error}\n${USAGE}`);
    return 2;
  }
  if (options.value.help) {
    console.log(USAGE);
    return 0;
  }
  const opts = options.value;
  if (opts.query === undefined && process.stdin.isTTY) {
    console.error(`search: give query words, or pipe queries on stdin\n${USAGE}`);
    return 2;
  }
  const source = await readCatalogSource(opts.catalog);
  if (!source.ok) {
    console.error(`search: ${source.error}`);
    return 2;
  }
  if (source.value.procedures.length === 0) {
    console.error(`search: no valid procedures in ${opts.catalog} (${source.value.issues.length} rejected)`);
    return 2;
  }
  const engine = createSearchEngine(source.value.procedures);
  const wanted = opts.field === undefined ? undefined : foldVietnamese(opts.field);
  if (wanted !== undefined && !engine.fields().some((f) => foldVietnamese(f.field) === wanted)) {
    console.error(`search: warning: no procedure has field ${JSON.stringify(opts.field)}; see the catalog's fields`);
  }

  if (opts.query !== undefined) {
    answer(engine, opts.query, opts);
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    const query = line.trim();
    if (query === '') continue;
    if (!opts.json && !first) console.log('');
    first = false;
    answer(engine, query, opts);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
