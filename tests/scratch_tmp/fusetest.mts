import Fuse from 'fuse.js';
import { readCatalogSource, sharedDataDir, COMMUNE_CATALOG } from '/work/main/server/catalog/readCatalogSource.ts';
import { buildTermIndex } from '/work/main/shared/catalog/termIndex.ts';
import { join } from 'node:path';
const r = await readCatalogSource(join(sharedDataDir(), COMMUNE_CATALOG));
if (!r.ok) throw new Error(r.error);
let t = performance.now();
const idx = buildTermIndex(r.value.procedures);
console.log('build', performance.now() - t, 'vocab', idx.postings.size, 'pairs', idx.namePairs.size);
const vocab = [...idx.postings.keys()];
t = performance.now();
const fuse = new Fuse(vocab, { includeScore: true, threshold: 0.4, ignoreLocation: true });
console.log('fuse build', performance.now() - t);
for (const q of ['xinh', 'khia', 'chung', 'ket', 'honn', 'cuong', 'thuong', 'trus', 'giam', 'nghe']) {
  t = performance.now();
  const res = fuse.search(q, { limit: 8 });
  console.log(q, (performance.now() - t).toFixed(2), res.map((x) => `${x.item}:${x.score!.toFixed(3)}`).join(' '));
}
const words = vocab.slice(0, 300).map((w) => w + 'x');
for (let round = 0; round < 3; round++) {
  t = performance.now();
  for (const w of words) fuse.search(w);
  console.log('avg per search', ((performance.now() - t) / words.length).toFixed(3));
}
t = performance.now();
for (let i = 0; i < 5; i++) buildTermIndex(r.value.procedures);
console.log('build warm', (performance.now() - t) / 5);
