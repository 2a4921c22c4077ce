/**
 * Search benchmark: our engine against plain Fuse.js (default options) and MiniSearch (same folding,
 * prefix + fuzzy 0.2) on the commune catalog (588) and the full catalog (2,642). Prints a table,
 * hit@5 per query kind, and as its last line one JSON object for machines (CI, the lead's notes).
 * Run with `npm run bench:search`.
 */
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import { foldedWords } from '../../shared/catalog/foldVietnamese.ts';
import { evaluateSearch, rankWithEngine, type LabelledQuery, type RankCodes, type SearchEvaluation } from '../../shared/catalog/evaluateSearch.ts';
import { COMMUNE_CATALOG, FULL_CATALOG_DIR, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { readSearchQueries } from '../support/readSearchQueries.ts';

/** Timed passes over the workload for our engine, after one warm-up pass. */
const ENGINE_PASSES = 20;
/** The baselines are 10-100x slower; they get one timed pass over at most this many queries. */
const BASELINE_QUERIES = 240;
const RESULT_LIMIT = 10;

// Heap figures need a full collection before reading; the script runs without --expose-gc.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

interface Contender {
  name: string;
  build(procedures: readonly Procedure[]): RankCodes;
  passes: number;
  sample: number;
}

interface Measured {
  engine: string;
  buildMs: number;
  heapMb: number;
  coldP95: number;
  p50: number;
  p95: number;
  max: number;
  calls: number;
  evaluation: SearchEvaluation;
}

const contenders: Contender[] = [
  {
    name: 'motcua',
    passes: ENGINE_PASSES,
    sample: Infinity,
    build: (procedures) => rankWithEngine(createSearchEngine(procedures)),
  },
  {
    name: 'fuse-default',
    passes: 1,
    sample: BASELINE_QUERIES,
    build: (procedures) => {
      const fuse = new Fuse(procedures, { keys: ['name', 'code', 'field'] });
      return (query, limit) => fuse.search(query, { limit }).map((r) => r.item.code);
    },
  },
  {
    name: 'minisearch',
    passes: 1,
    sample: BASELINE_QUERIES,
    build: (procedures) => {
      const mini = new MiniSearch<Procedure>({
        idField: 'code',
        fields: ['name', 'field', 'code'],
        processTerm: (term) => foldedWords(term),
        searchOptions: { prefix: true, fuzzy: 0.2 },
      });
      mini.addAll([...procedures]);
      return (query, limit) => mini.search(query).slice(0, limit).map((r) => String(r.id));
    },
  },
];

/** Each query plus what the screen sees while it is typed: every prefix of two or more characters. */
function typingWorkload(queries: readonly LabelledQuery[]): string[] {
  const out: string[] = [];
  for (const { query } of queries) {
    for (let end = 2; end < query.length; end += 1) out.push(query.slice(0, end));
    out.push(query);
  }
  return out;
}

/** Every k-th item, so a sample still spans all queries and all typing stages. */
function spread<T>(items: readonly T[], size: number): T[] {
  if (items.length <= size) return [...items];
  const step = items.length / size;
  return Array.from({ length: size }, (_, i) => items[Math.floor(i * step)]!);
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function timeCalls(rank: RankCodes, workload: readonly string[], passes: number): Float64Array {
  const times = new Float64Array(workload.length * passes);
  let i = 0;
  for (let pass = 0; pass < passes; pass += 1) {
    for (const q of workload) {
      const t = performance.now();
      rank(q, RESULT_LIMIT);
      times[i++] = performance.now() - t;
    }
  }
  return times.sort();
}

function measure(c: Contender, procedures: readonly Procedure[], queries: readonly LabelledQuery[]): Measured {
  // Build: one cold build (what a kiosk pays at start-up) is kept for the heap; the reported time
  // is the median of five, because the first also pays for JIT warm-up of the benchmark itself.
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const rank = c.build(procedures);
  const coldBuild = performance.now() - t0;
  collect();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const builds = [coldBuild];
  for (let i = 0; i < 4; i += 1) {
    const t = performance.now();
    c.build(procedures);
    builds.push(performance.now() - t);
  }
  builds.sort((a, b) => a - b);

  const workload = spread(typingWorkload(queries), c.sample);
  const cold = timeCalls(rank, workload, 1);
  const warm = c.passes > 1 ? timeCalls(rank, workload, c.passes) : cold;
  return {
    engine: c.name,
    buildMs: builds[2]!,
    heapMb,
    coldP95: percentile(cold, 95),
    p50: percentile(warm, 50),
    p95: percentile(warm, 95),
    max: warm[warm.length - 1] ?? 0,
    calls: warm.length,
    evaluation: evaluateSearch(queries, rank),
  };
}

const f2 = (x: number): string => x.toFixed(2);
const f3 = (x: number): string => x.toFixed(3);

function printTable(title: string, rows: Measured[]): void {
  const header = ['engine', 'build ms', 'heap MB', 'cold p95', 'p50 ms', 'p95 ms', 'max ms', 'calls', 'hit@1', 'hit@5'];
  const lines = rows.map((r) => [
    r.engine, f2(r.buildMs), f2(r.heapMb), f3(r.coldP95), f3(r.p50), f3(r.p95), f3(r.max), String(r.calls), f3(r.evaluation.hit1), f3(r.evaluation.hit5),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
  const kinds = rows[0]?.evaluation.byKind.map((k) => k.kind) ?? [];
  console.log(`hit@5 per kind: ${kinds.map((k) => `${k}`).join(', ')}`);
  for (const r of rows) {
    const perKind = r.evaluation.byKind.map((k) => `${k.kind} ${f2(k.hit5)} (n=${k.count})`).join(', ');
    console.log(`  ${r.engine.padEnd(widths[0]!)}  ${perKind}`);
  }
  const misses = rows[0]?.evaluation.outcomes.filter((o) => o.rank === null || o.rank > 1) ?? [];
  for (const m of misses) console.log(`  ${rows[0]!.engine} not first: "${m.query}" (${m.kind}) rank ${m.rank ?? '>10'}; top ${m.top.slice(0, 3).join(' ')}`);
}

function summary(rows: Measured[]): Record<string, number> {
  const [ours, fuse, mini] = rows;
  const r = (x: number, d = 3): number => Number(x.toFixed(d));
  return {
    p50_ms: r(ours!.p50, 4),
    p95_ms: r(ours!.p95, 4),
    max_ms: r(ours!.max),
    cold_p95_ms: r(ours!.coldP95),
    hit1: r(ours!.evaluation.hit1),
    hit5: r(ours!.evaluation.hit5),
    build_ms: r(ours!.buildMs, 1),
    heap_mb: r(ours!.heapMb, 2),
    fuse_default_p95_ms: r(fuse!.p95),
    fuse_default_hit1: r(fuse!.evaluation.hit1),
    fuse_default_hit5: r(fuse!.evaluation.hit5),
    minisearch_p95_ms: r(mini!.p95),
    minisearch_hit1: r(mini!.evaluation.hit1),
    minisearch_hit5: r(mini!.evaluation.hit5),
  };
}

async function main(): Promise<number> {
  const queries = await readSearchQueries();
  if (!queries.ok) {
    console.error(queries.error);
    return 2;
  }
  const commune = await readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG));
  const full = await readCatalogSource(join(sharedDataDir(), FULL_CATALOG_DIR));
  if (!commune.ok || !full.ok) {
    console.error(!commune.ok ? commune.error : !full.ok ? full.error : '');
    return 2;
  }
  console.log(`search benchmark: ${queries.value.length} labelled queries, ${typingWorkload(queries.value).length} typing-stage queries; node ${process.version}`);
  console.log(`motcua: ${ENGINE_PASSES} timed passes after one cold pass; baselines: one pass over ${BASELINE_QUERIES} spread queries`);

  const sets = [
    { key: 'commune', label: `commune catalog (${commune.value.procedures.length} procedures)`, procedures: commune.value.procedures },
    { key: 'full', label: `full catalog (${full.value.procedures.length} procedures)`, procedures: full.value.procedures },
  ];
  const results: Record<string, Record<string, number>> = {};
  for (const set of sets) {
    const rows = contenders.map((c) => measure(c, set.procedures, queries.value));
    printTable(set.label, rows);
    results[set.key] = summary(rows);
  }
  console.log(JSON.stringify({ ...results.commune, full: results.full }));
  return 0;
}

process.exitCode = await main();
