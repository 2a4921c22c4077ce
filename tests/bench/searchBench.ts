/**
 * Search benchmark: motcua against plain Fuse.js (default options), MiniSearch (same folding, prefix
 * + fuzzy 0.2) and plain BM25 over names, on the commune catalog (588) and on the national catalog
 * (2,642, where motcua answers with the commune's own procedures and offers others as "done
 * elsewhere"). Accuracy on both labelled development sets, per kind of query; the guidance set
 * also split in two halves (see splitHalves) and with the lexicon removed, so what generalises shows.
 * Speed per keystroke: every prefix of every query, as the kiosk searches while the person types.
 * Prints tables, then as its last line one JSON object for machines. Run with `npm run bench:search`.
 */
import os from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { createSearchEngine } from '../../shared/catalog/searchEngine.ts';
import { foldedWords } from '../../shared/catalog/foldVietnamese.ts';
import { evaluateSearch, rankWithEngine, splitHalves, type LabelledQuery, type RankCodes, type SearchEvaluation } from '../../shared/catalog/evaluateSearch.ts';
import { COMMUNE_CATALOG, FULL_CATALOG_DIR, readCatalogSource, sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { guidanceQueriesPath, readSearchQueries, searchQueriesPath } from '../support/readSearchQueries.ts';
import { plainBm25OverNames } from './plainBm25.ts';

/** Timed passes over the typing workload for motcua, after one cold pass. */
const ENGINE_PASSES = 5;
/** The baselines get one timed pass over at most this many typing-stage queries. */
const BASELINE_QUERIES = 300;
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

interface QuerySet {
  key: string;
  label: string;
  queries: LabelledQuery[];
}

interface Measured {
  engine: string;
  buildMs: number;
  heapMb: number;
  coldP95: number;
  p50: number;
  p95: number;
  /** The same calls in CPU time of this process: what a search costs when other programs share the cores. */
  cpuP50: number;
  cpuP95: number;
  max: number;
  calls: number;
  evaluations: Record<string, SearchEvaluation>;
}

const contenders: Contender[] = [
  { name: 'motcua', passes: ENGINE_PASSES, sample: Infinity, build: (procedures) => rankWithEngine(createSearchEngine(procedures)) },
  { name: 'motcua-no-lexicon', passes: 1, sample: BASELINE_QUERIES, build: (procedures) => rankWithEngine(createSearchEngine(procedures, { lexicons: null })) },
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
  { name: 'bm25-names', passes: 1, sample: BASELINE_QUERIES, build: (procedures) => plainBm25OverNames(procedures) },
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

function timeCalls(rank: RankCodes, workload: readonly string[], passes: number): { wall: Float64Array; cpu: Float64Array } {
  const wall = new Float64Array(workload.length * passes);
  const cpu = new Float64Array(workload.length * passes);
  let i = 0;
  for (let pass = 0; pass < passes; pass += 1) {
    for (const q of workload) {
      const c = process.cpuUsage();
      const t = performance.now();
      rank(q, RESULT_LIMIT);
      wall[i] = performance.now() - t;
      const used = process.cpuUsage(c);
      cpu[i++] = (used.user + used.system) / 1000;
    }
  }
  return { wall: wall.sort(), cpu: cpu.sort() };
}

function measure(c: Contender, procedures: readonly Procedure[], sets: readonly QuerySet[], workload: readonly string[]): Measured {
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const rank = c.build(procedures);
  const coldBuild = performance.now() - t0;
  collect();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const builds = [coldBuild];
  for (let i = 0; i < 2; i += 1) {
    const t = performance.now();
    c.build(procedures);
    builds.push(performance.now() - t);
  }
  builds.sort((a, b) => a - b);

  const sample = spread(workload, c.sample);
  const cold = timeCalls(rank, sample, 1);
  const warm = c.passes > 1 ? timeCalls(rank, sample, c.passes) : cold;
  const evaluations: Record<string, SearchEvaluation> = {};
  for (const set of sets) evaluations[set.key] = evaluateSearch(set.queries, rank);
  return {
    engine: c.name,
    buildMs: builds[1]!,
    heapMb,
    coldP95: percentile(cold.wall, 95),
    p50: percentile(warm.wall, 50),
    p95: percentile(warm.wall, 95),
    cpuP50: percentile(warm.cpu, 50),
    cpuP95: percentile(warm.cpu, 95),
    max: warm.wall[warm.wall.length - 1] ?? 0,
    calls: warm.wall.length,
    evaluations,
  };
}

const f2 = (x: number): string => x.toFixed(2);
const f3 = (x: number): string => x.toFixed(3);

function table(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
}

function printCatalog(title: string, rows: Measured[], sets: readonly QuerySet[]): void {
  console.log(`\n${title}`);
  const header = ['engine', 'build ms', 'heap MB', 'cold p95', 'p50 ms', 'p95 ms', 'cpu p50', 'cpu p95', 'max ms', 'calls', ...sets.flatMap((s) => [`${s.key} @1`, `${s.key} @5`])];
  table(
    header,
    rows.map((r) => [
      r.engine, f2(r.buildMs), f2(r.heapMb), f3(r.coldP95), f3(r.p50), f3(r.p95), f3(r.cpuP50), f3(r.cpuP95), f3(r.max), String(r.calls),
      ...sets.flatMap((s) => [f3(r.evaluations[s.key]!.hit1), f3(r.evaluations[s.key]!.hit5)]),
    ]),
  );
  for (const set of sets) {
    const kinds = rows[0]!.evaluations[set.key]!.byKind.map((k) => k.kind);
    console.log(`\n${set.label}: hit@1 / hit@5 per kind`);
    table(
      ['engine', ...kinds.map((k) => `${k} (${rows[0]!.evaluations[set.key]!.byKind.find((x) => x.kind === k)!.count})`)],
      rows.map((r) => [r.engine, ...kinds.map((k) => {
        const found = r.evaluations[set.key]!.byKind.find((x) => x.kind === k)!;
        return `${f2(found.hit1)}/${f2(found.hit5)}`;
      })]),
    );
  }
}

function printSplit(procedures: readonly Procedure[], queries: readonly LabelledQuery[]): Record<string, number> {
  const { a, b } = splitHalves(queries);
  const out: Record<string, number> = {};
  console.log(`\nguidance_dev split in two halves (within each kind, every other query): A ${a.length}, B ${b.length}`);
  const lines: string[][] = [];
  for (const [name, rank] of [
    ['motcua', rankWithEngine(createSearchEngine(procedures))],
    ['motcua-no-lexicon', rankWithEngine(createSearchEngine(procedures, { lexicons: null }))],
  ] as const) {
    const ea = evaluateSearch(a, rank);
    const eb = evaluateSearch(b, rank);
    lines.push([name, f3(ea.hit1), f3(ea.hit5), f3(eb.hit1), f3(eb.hit5)]);
    const key = name === 'motcua' ? '' : 'no_lexicon_';
    Object.assign(out, { [`${key}half_a_hit1`]: r3(ea.hit1), [`${key}half_a_hit5`]: r3(ea.hit5), [`${key}half_b_hit1`]: r3(eb.hit1), [`${key}half_b_hit5`]: r3(eb.hit5) });
  }
  table(['engine', 'A hit@1', 'A hit@5', 'B hit@1', 'B hit@5'], lines);
  return out;
}

const r3 = (x: number, d = 3): number => Number(x.toFixed(d));

function summary(rows: Measured[], sets: readonly QuerySet[]): Record<string, number> {
  const out: Record<string, number> = {};
  const ours = rows[0]!;
  Object.assign(out, {
    p50_ms: r3(ours.p50, 4),
    p95_ms: r3(ours.p95, 4),
    cpu_p50_ms: r3(ours.cpuP50, 4),
    cpu_p95_ms: r3(ours.cpuP95, 4),
    max_ms: r3(ours.max),
    cold_p95_ms: r3(ours.coldP95),
    build_ms: r3(ours.buildMs, 1),
    heap_mb: r3(ours.heapMb, 2),
    load_1min: r3(os.loadavg()[0]!, 2),
  });
  for (const r of rows) {
    const prefix = r.engine === 'motcua' ? '' : `${r.engine.replace(/-/g, '_')}_`;
    for (const s of sets) {
      out[`${prefix}${s.key}_hit1`] = r3(r.evaluations[s.key]!.hit1);
      out[`${prefix}${s.key}_hit5`] = r3(r.evaluations[s.key]!.hit5);
    }
    if (r.engine !== 'motcua') out[`${prefix}p95_ms`] = r3(r.p95);
  }
  for (const k of ours.evaluations.guidance!.byKind) out[`guidance_${k.kind.replace(/-/g, '_')}_hit5`] = r3(k.hit5);
  return out;
}

async function main(): Promise<number> {
  const guidance = await readSearchQueries(guidanceQueriesPath());
  const search = await readSearchQueries(searchQueriesPath());
  if (!guidance.ok || !search.ok) {
    console.error(!guidance.ok ? guidance.error : !search.ok ? search.error : '');
    return 2;
  }
  const commune = await readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG));
  const full = await readCatalogSource(join(sharedDataDir(), FULL_CATALOG_DIR));
  if (!commune.ok || !full.ok) {
    console.error(!commune.ok ? commune.error : !full.ok ? full.error : '');
    return 2;
  }
  const querySets: QuerySet[] = [
    { key: 'guidance', label: `guidance_dev (${guidance.value.length})`, queries: guidance.value },
    { key: 'search', label: `search_queries (${search.value.length})`, queries: search.value },
  ];
  const workload = typingWorkload([...guidance.value, ...search.value]);
  console.log(`search benchmark: ${guidance.value.length} + ${search.value.length} labelled queries, ${workload.length} typing-stage queries; node ${process.version}; load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
  console.log('times per keystroke: wall clock (what the person waits) and CPU time (the search alone, when other programs share the cores)');
  console.log(`motcua: ${ENGINE_PASSES} timed passes after one cold pass; others: one pass over ${BASELINE_QUERIES} spread typing-stage queries`);
  console.log('on the national catalog motcua answers with the commune-level procedures and offers others as "done elsewhere" (counted in its list)');

  const catalogs = [
    { key: 'commune', label: `commune catalog (${commune.value.procedures.length} procedures)`, procedures: commune.value.procedures },
    { key: 'full', label: `national catalog (${full.value.procedures.length} procedures)`, procedures: full.value.procedures },
  ];
  const results: Record<string, Record<string, number>> = {};
  for (const catalog of catalogs) {
    const rows = contenders.map((c) => measure(c, catalog.procedures, querySets, workload));
    printCatalog(catalog.label, rows, querySets);
    results[catalog.key] = summary(rows, querySets);
  }
  const split = printSplit(commune.value.procedures, guidance.value);
  console.log(JSON.stringify({ ...results.commune, ...split, full: results.full }));
  return 0;
}

process.exitCode = await main();
