import { join } from 'node:path';
import { createSearchEngine } from '../shared/catalog/searchEngine.ts';
import { evaluateSearch, rankWithEngine } from '../shared/catalog/evaluateSearch.ts';
import { COMMUNE_CATALOG, readCatalogSource, sharedDataDir } from '../server/catalog/readCatalogSource.ts';
import { readSearchQueries } from '../tests/support/readSearchQueries.ts';
const file = process.argv[2] ?? '/work/shared/eval/guidance_dev.tsv';
const src = await readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG));
if (!src.ok) throw new Error(src.error);
const q = await readSearchQueries(file);
if (!q.ok) throw new Error(q.error);
const engine = createSearchEngine(src.value.procedures);
const names = new Map(src.value.procedures.map(p => [p.code, p.name]));
const r = evaluateSearch(q.value, rankWithEngine(engine));
console.log(`hit@1 ${r.hit1.toFixed(3)} hit@5 ${r.hit5.toFixed(3)} n=${r.count}`);
for (const k of r.byKind) console.log(`  ${k.kind.padEnd(18)} hit@1 ${k.hit1.toFixed(2)} hit@5 ${k.hit5.toFixed(2)} n=${k.count}`);
if (process.argv[3] === 'v') for (const o of r.outcomes) if (o.rank === null || o.rank > 1) console.log(`${o.rank ?? '-'}\t${o.kind}\t${o.query}\t=> ${o.top.slice(0,2).map(c=>c+' '+(names.get(c)??'').slice(0,50)).join(' | ')}`);
// split halves: within each kind, file order, even -> A, odd -> B
if (process.argv[3] === 'split' || process.argv[4]) {
  const seen = new Map<string, number>();
  const half = q.value.map((x) => { const k = seen.get(x.kind) ?? 0; seen.set(x.kind, k + 1); return k % 2 === 0 ? 'A' : 'B'; });
  for (const h of ['A', 'B']) {
    const sub = q.value.filter((_, i) => half[i] === h);
    const e = evaluateSearch(sub, rankWithEngine(engine));
    console.log(`half ${h}: hit@1 ${e.hit1.toFixed(3)} hit@5 ${e.hit5.toFixed(3)} n=${e.count} | ` + e.byKind.map(k => `${k.kind} ${k.hit5.toFixed(2)}`).join(', '));
    if (process.argv[4] === h) for (const o of e.outcomes) if (o.rank === null || o.rank > 1) console.log(`${o.rank ?? '-'}\t${o.kind}\t${o.query}\t=> ${o.top.slice(0,2).map(c=>c+' '+(names.get(c)??'').slice(0,50)).join(' | ')}`);
  }
}
