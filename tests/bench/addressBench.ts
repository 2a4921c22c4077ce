/**
 * Address benchmark: the old → new matcher on the whole table (3,321 new communes + 10,052 old units).
 * Queries are made from the table itself, the way people write addresses (with and without tones,
 * with the old district and province, one letter wrong, half-typed), from a fixed seed; each is
 * checked against the commune(s) the unit went to. Prints a table and, last, one JSON line.
 * Run with `npm run bench:address`.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { shortUnitName, type AdminUnits } from '../../shared/address/adminUnits.ts';
import { createAddressMatcher } from '../../shared/address/addressMatcher.ts';
import { foldVietnamese } from '../../shared/catalog/foldVietnamese.ts';
import { ADMIN_UNITS_DIR, readAdminUnits } from '../../server/address/readAdminUnits.ts';
import { sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { seededRandom } from '../support/seededRandom.ts';

const SAMPLE = 600;
const PASSES = 5;

interface BenchQuery {
  kind: string;
  query: string;
  /** Any of these new codes is right (all of them for a split unit). */
  expected: string[];
}

function typo(word: string, random: () => number): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

function makeQueries(units: AdminUnits): BenchQuery[] {
  const random = seededRandom(20250701);
  const district = new Map(units.oldDistricts.map((d) => [d.code, d.name]));
  const oldProvince = new Map(units.oldProvinces.map((p) => [p.code, p.name]));
  const province = new Map(units.provinces.map((p) => [p.code, p.name]));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const queries: BenchQuery[] = [];
  for (let i = 0; i < SAMPLE; i += 1) {
    const u = pick(units.oldUnits.filter((x) => x.level === 'ward'));
    const d = u.district ? (district.get(u.district) ?? '') : '';
    const p = oldProvince.get(u.province) ?? '';
    const short = shortUnitName(u.name);
    queries.push({ kind: 'old+district', query: `${u.name}, ${d}`, expected: u.to });
    queries.push({ kind: 'old toneless+district+province', query: foldVietnamese(`${short} ${shortUnitName(d)} ${shortUnitName(p)}`), expected: u.to });
    queries.push({ kind: 'old typo+district', query: `${foldVietnamese(short).split(' ').map((w) => typo(w, random)).join(' ')} ${foldVietnamese(d)}`, expected: u.to });
    const c = pick(units.communes);
    queries.push({ kind: 'new+province', query: `${c.name}, ${province.get(c.province) ?? ''}`, expected: [c.code] });
    const cShort = foldVietnamese(shortUnitName(c.name));
    queries.push({ kind: 'new half-typed+province', query: `${foldVietnamese(shortUnitName(province.get(c.province) ?? ''))} ${cShort.slice(0, Math.max(2, cShort.length - 2))}`, expected: [c.code] });
  }
  return queries;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const read = await readAdminUnits(join(sharedDataDir(), ADMIN_UNITS_DIR));
  if (!read.ok) throw new Error(read.error);
  const units = read.value.units;
  const t0 = performance.now();
  const matcher = createAddressMatcher(units);
  const buildMs = performance.now() - t0;
  const queries = makeQueries(units);
  for (const q of queries) matcher.match(q.query); // warm-up
  const times: number[] = [];
  const byKind = new Map<string, { n: number; hit1: number; hit5: number }>();
  for (let pass = 0; pass < PASSES; pass += 1) {
    for (const q of queries) {
      const start = performance.now();
      const hits = matcher.match(q.query, { limit: 10 });
      times.push(performance.now() - start);
      if (pass > 0) continue;
      const k = byKind.get(q.kind) ?? { n: 0, hit1: 0, hit5: 0 };
      k.n += 1;
      const codes = hits.map((h) => h.code);
      if (q.expected.includes(codes[0] ?? '')) k.hit1 += 1;
      if (codes.slice(0, 5).some((c) => q.expected.includes(c))) k.hit5 += 1;
      byKind.set(q.kind, k);
    }
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const max = times[times.length - 1]!;
  console.log(`address benchmark: ${units.communes.length} new communes, ${units.oldUnits.length} old units, ${queries.length} queries x ${PASSES} passes; node ${process.version}`);
  console.log(`build ${buildMs.toFixed(1)} ms   p50 ${p50.toFixed(3)} ms   p95 ${p95.toFixed(3)} ms   max ${max.toFixed(2)} ms\n`);
  console.log(`${'kind'.padEnd(34)}  ${'n'.padStart(5)}  ${'hit@1'.padStart(6)}  ${'hit@5'.padStart(6)}`);
  let n = 0;
  let hit1 = 0;
  let hit5 = 0;
  for (const [kind, k] of byKind) {
    console.log(`${kind.padEnd(34)}  ${String(k.n).padStart(5)}  ${(k.hit1 / k.n).toFixed(3).padStart(6)}  ${(k.hit5 / k.n).toFixed(3).padStart(6)}`);
    n += k.n;
    hit1 += k.hit1;
    hit5 += k.hit5;
  }
  console.log(
    JSON.stringify({
      units: units.communes.length + units.oldUnits.length,
      queries: n,
      build_ms: Number(buildMs.toFixed(1)),
      p50_ms: Number(p50.toFixed(4)),
      p95_ms: Number(p95.toFixed(4)),
      max_ms: Number(max.toFixed(3)),
      hit1: Number((hit1 / n).toFixed(3)),
      hit5: Number((hit5 / n).toFixed(3)),
    }),
  );
}

await main();
