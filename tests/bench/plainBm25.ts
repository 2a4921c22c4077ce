/**
 * The baseline the issue names: plain BM25 (k1 1.2, b 0.75) over folded procedure names, nothing
 * else (no lexicon, no tones, no typo correction). A search engine that cannot beat this on new
 * citizen queries has learned the public queries, not the language.
 */
import { foldedWords } from '../../shared/catalog/foldVietnamese.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import type { RankCodes } from '../../shared/catalog/evaluateSearch.ts';

const K1 = 1.2;
const B = 0.75;

export function plainBm25OverNames(procedures: readonly Procedure[]): RankCodes {
  const names = procedures.map((p) => foldedWords(p.name));
  const avg = names.reduce((s, w) => s + w.length, 0) / Math.max(1, names.length);
  const postings = new Map<string, { doc: number; tf: number }[]>();
  names.forEach((words, doc) => {
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const [w, count] of tf) {
      const list = postings.get(w) ?? [];
      list.push({ doc, tf: count });
      postings.set(w, list);
    }
  });
  const n = names.length;
  return (query, limit) => {
    const scores = new Map<number, number>();
    for (const w of new Set(foldedWords(query))) {
      const list = postings.get(w);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = tf + K1 * (1 - B + (B * names[doc]!.length) / avg);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([doc]) => procedures[doc]!.code);
  };
}
