/**
 * Old → new addresses from a terminal, with the same matcher the kiosk and the counter use: type an
 * old or a new commune (with or without tones, district or province) and see where it is now.
 *
 *   npm run --silent address -- "xã Yên Thành, huyện Yên Mô"
 *   npm run --silent address -- --json < queries.txt
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createAddressMatcher, type AddressHit, type AddressMatcher } from '../../shared/address/addressMatcher.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { ADMIN_UNITS_DIR, readAdminUnits } from '../address/readAdminUnits.ts';
import { sharedDataDir } from '../catalog/readCatalogSource.ts';

const USAGE = `usage: npm run --silent address -- [options] [query words...]
  --data PATH   the admin_units folder (default: admin_units in the shared data folder)
  --limit N     results per query (default 10)
  --json        one JSON line per query: {"query", "results": [{"code", "name", "province", "old", "split"}]}
  -h, --help    this text
Without query words, queries are read from stdin, one per line.`;

interface CliOptions {
  data: string;
  limit: number;
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
        data: { type: 'string' },
        limit: { type: 'string' },
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
    data: values.data ?? join(sharedDataDir(), ADMIN_UNITS_DIR),
    limit,
    json: values.json ?? false,
    help: values.help ?? false,
    query: query === '' ? undefined : query,
  });
}

/** The JSON shape of one answer: the new commune, and for an old name the old unit and whether it was split. */
function addressJson(hit: AddressHit) {
  return {
    code: hit.code,
    name: hit.name,
    province: hit.province,
    old: hit.old ? { code: hit.old.code, name: hit.old.name, district: hit.old.district, province: hit.old.province } : null,
    split: hit.old?.split ?? false,
  };
}

function printReadable(query: string, hits: AddressHit[]): void {
  console.log(`"${query}": ${hits.length} result(s)`);
  for (const h of hits) {
    const now = `${h.name}, ${h.province} (${h.code})`;
    if (!h.old) {
      console.log(`  ${now}`);
      continue;
    }
    const was = [h.old.name, h.old.district, h.old.province].filter(Boolean).join(', ');
    console.log(`  ${was} (cũ) → nay là ${now}${h.old.split ? '  [đã chia tách: tùy thôn, tổ dân phố]' : ''}`);
  }
}

function answer(matcher: AddressMatcher, query: string, options: CliOptions): void {
  const hits = matcher.match(query, { limit: options.limit });
  if (options.json) console.log(JSON.stringify({ query, results: hits.map(addressJson) }));
  else printReadable(query, hits);
}

async function main(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  if (!options.ok) {
    console.error(`address: ${options.error}\n${USAGE}`);
    return 2;
  }
  if (options.value.help) {
    console.log(USAGE);
    return 0;
  }
  const opts = options.value;
  if (opts.query === undefined && process.stdin.isTTY) {
    console.error(`address: give query words, or pipe queries on stdin\n${USAGE}`);
    return 2;
  }
  const units = await readAdminUnits(opts.data);
  if (!units.ok) {
    console.error(`address: ${units.error}`);
    return 2;
  }
  const matcher = createAddressMatcher(units.value.units);
  if (opts.query !== undefined) {
    answer(matcher, opts.query, opts);
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    const query = line.trim();
    if (query === '') continue;
    if (!opts.json && !first) console.log('');
    first = false;
    answer(matcher, query, opts);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
