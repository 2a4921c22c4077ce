/**
 * Search the procedure catalog from a terminal with the same engine the kiosk uses, so staff and
 * scripts can check what a citizen's words find. A query as arguments prints a readable list;
 * without one, queries are read one per line from stdin (with --json: one JSON line each).
 *
 *   npm run --silent search -- "khai sinh"
 *   npm run --silent search -- --catalog PATH --limit 5 --json < queries.txt
 *
 * Like the kiosk, it holds the national catalog beside the center's own list (--catalog): when the
 * best answer is a procedure the center does not handle (a province or ministry one), that answer
 * comes first, marked "elsewhere" with where to go, then the center's own procedures.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import { foldVietnamese } from '../../shared/catalog/foldVietnamese.ts';
import type { ElsewhereHit, SearchEngine, SearchResult } from '../../shared/catalog/searchTypes.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { answersInOrder } from '../../shared/catalog/searchAnswers.ts';
import { COMMUNE_CATALOG, FULL_CATALOG_DIR, readCatalogSource, sharedDataDir } from '../catalog/readCatalogSource.ts';
import { err, ok, type Result } from '../../shared/result.ts';

const USAGE = `usage: npm run --silent search -- [options] [query words...]
  --catalog PATH   the center's own procedures, a file or folder (default: the commune catalog in the shared data folder)
  --national PATH  the national catalog held beside it for answers done elsewhere (default: the shared data folder's)
  --own-only       search the center's own procedures only (no answers done elsewhere)
  --lang vi|en     the kiosk's language (default vi)
  --limit N        results per query (default 10)
  --field NAME     only procedures of this field (lĩnh vực), e.g. "Hộ tịch"
  --agency TEXT    only procedures whose agencies mention this text
  --json           one JSON line per query: {"query": ..., "results": [{"code", "name", "score", "elsewhere", "matched"}]}
  -h, --help       this text
Without query words, queries are read from stdin, one per line.`;

interface CliOptions {
  catalog: string;
  national: string | null;
  language: 'vi' | 'en';
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
        national: { type: 'string' },
        'own-only': { type: 'boolean', default: false },
        lang: { type: 'string' },
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
  const language = values.lang ?? 'vi';
  if (language !== 'vi' && language !== 'en') return err(`--lang must be vi or en, got ${JSON.stringify(values.lang)}`);
  const defaultNational = join(sharedDataDir(), FULL_CATALOG_DIR);
  return ok({
    catalog: values.catalog ?? join(sharedDataDir(), COMMUNE_CATALOG),
    national: values['own-only'] ? null : (values.national ?? (existsSync(defaultNational) ? defaultNational : null)),
    language,
    limit,
    field: values.field,
    agency: values.agency,
    json: values.json ?? false,
    help: values.help ?? false,
    query: query === '' ? undefined : query,
  });
}

const LEVELS: Record<ElsewhereHit['level'], string> = { commune: 'another commune', province: 'province level', ministry: 'ministry level', other: 'another body' };

function printReadable(query: string, result: SearchResult): void {
  const label = result.kind === 'nearest' ? 'no procedure matches every word; nearest' : result.kind;
  console.log(`"${query}": ${result.hits.length} result(s) (${label})`);
  for (const h of result.elsewhere ?? []) {
    console.log(`  *  ${h.code}  NOT DONE HERE (${LEVELS[h.level]}): ${h.name}`);
    console.log(`${' '.repeat(15)}go to: ${h.where ?? 'ask the counter staff'}`);
  }
  result.hits.forEach((h, i) => {
    console.log(`${String(i + 1).padStart(3)}  ${h.code}  ${h.score.toFixed(3)}  ${h.name}`);
    console.log(`${' '.repeat(15)}[${h.procedure.field}] ${(h.matched ?? []).map((m) => (m.typed === m.found ? m.typed : `${m.typed} → ${m.found}`)).join('; ')}`);
  });
}

function answer(engine: SearchEngine, query: string, options: CliOptions): void {
  const result = engine.search(query, { limit: options.limit, field: options.field, agency: options.agency, language: options.language, finished: true });
  if (options.json) {
    const results = answersInOrder(result, options.limit).map(({ hit, elsewhere }) => ({
      code: hit.code,
      name: hit.name,
      score: hit.score,
      elsewhere,
      ...(elsewhere ? { level: (hit as ElsewhereHit).level, where: (hit as ElsewhereHit).where } : {}),
      matched: hit.matched ?? [],
    }));
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
  const own = source.value.procedures;
  let all: readonly Procedure[] = own;
  if (opts.national !== null) {
    const national = await readCatalogSource(opts.national);
    if (!national.ok) {
      console.error(`search: ${national.error} (use --own-only to search without the national catalog)`);
      return 2;
    }
    const ownCodes = new Set(own.map((p) => p.code));
    all = [...own, ...national.value.procedures.filter((p) => !ownCodes.has(p.code))];
  }
  const ownCodes = new Set(own.map((p) => p.code));
  const engine = createSearchEngine(all, { isOwn: (p) => ownCodes.has(p.code) });
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
