import { readCatalogSource, sharedDataDir, COMMUNE_CATALOG } from '/work/main/server/catalog/readCatalogSource.ts';
import { foldVietnamese } from '/work/main/shared/catalog/foldVietnamese.ts';
import { join } from 'node:path';
const r = await readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG));
if (!r.ok) throw new Error(r.error);
const ps = r.value.procedures;
for (let k = 0; k < 3; k++) {
let t = performance.now();
let chars = 0;
for (const p of ps) { chars += foldVietnamese(p.name).length; }
const tName = performance.now() - t; t = performance.now();
for (const p of ps) { for (const x of p.results) chars += foldVietnamese(x.name).length; }
const tRes = performance.now() - t; t = performance.now();
for (const p of ps) { const a = p.agencies; chars += foldVietnamese([a.competent, a.executing, a.authorized, a.coordinating, a.receivingAddress].filter(Boolean).join(' | ')).length; }
const tAg = performance.now() - t;
console.log(tName.toFixed(1), tRes.toFixed(1), tAg.toFixed(1), chars);
}
