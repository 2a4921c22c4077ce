/**
 * The inverted index behind procedure search: folded words to the procedures that use them, with
 * BM25F weights (the name counts most, then what the procedure produces, then its field), plus the
 * adjacent word pairs of each name, because Vietnamese words are mostly two syllables ("khai sinh",
 * "kết hôn") and a pair in the right order says far more than its two syllables apart.
 */
import type { Procedure } from './procedure.ts';
import { foldVietnamese } from './foldVietnamese.ts';
import { qualifiersInName, type VariantQualifier } from './procedureVariants.ts';

/** A procedure as search sees it, folded once at build time. */
export interface IndexedProcedure {
  procedure: Procedure;
  /** Folded name, words joined by single spaces. */
  foldedName: string;
  /** Distinct name words that carry meaning (not the "thủ tục" every name may start with). */
  nameWords: readonly string[];
  qualifiers: readonly VariantQualifier[];
  /** Folded competent/executing/authorized/coordinating agencies and address, for the agency filter. */
  foldedAgencies: string;
  foldedField: string;
  /** The code without its dot, "1001193". */
  codeDigits: string;
}

/** Procedures (by position in `docs`) that contain a word, with the word's BM25F score in each. */
export interface Posting {
  docs: Int32Array;
  weights: Float64Array;
}

export interface TermIndex {
  docs: readonly IndexedProcedure[];
  postings: ReadonlyMap<string, Posting>;
  /** Procedures whose name has the two words side by side, in this order ("khai", "sinh"). */
  pairDocs(first: string, second: string): Int32Array | undefined;
  /** Inverse document frequency of a name pair, so a rare pair counts more than "đăng ký". */
  pairWeight(first: string, second: string): number;
}

/** BM25 saturation: how quickly repeats of a word stop adding. */
const K1 = 1.4;
/** How much a word counts in each part of a procedure, and how much that part's length discounts it (BM25 b). */
const NAME = { weight: 3, b: 0.75 };
const RESULTS = { weight: 1.2, b: 0.75 };
const FIELD = { weight: 0.8, b: 0.3 };
/** Words that open many names and say nothing about the procedure. */
const NAME_FILLER = new Set(['thu', 'tuc']);

function words(folded: string): string[] {
  return folded === '' ? [] : folded.split(' ');
}

export function buildTermIndex(procedures: readonly Procedure[]): TermIndex {
  // Many procedures share a field or a result ("Giấy khai sinh"); fold each distinct text once.
  const foldCache = new Map<string, string>();
  const foldOnce = (text: string): string => {
    let folded = foldCache.get(text);
    if (folded === undefined) foldCache.set(text, (folded = foldVietnamese(text)));
    return folded;
  };

  const docs: IndexedProcedure[] = [];
  const parts: { name: string[]; results: string[]; field: string[] }[] = [];
  for (const p of procedures) {
    const foldedName = foldVietnamese(p.name);
    const foldedField = foldOnce(p.field);
    const name = words(foldedName);
    parts.push({ name, results: p.results.flatMap((r) => words(foldOnce(r.name))), field: words(foldedField) });
    let agencies: string | undefined;
    docs.push({
      procedure: p,
      foldedName,
      nameWords: [...new Set(name)].filter((w) => !NAME_FILLER.has(w)),
      qualifiers: qualifiersInName(foldedName),
      // Only the agency filter needs these; most searches never fold them.
      get foldedAgencies() {
        if (agencies === undefined) {
          const a = p.agencies;
          agencies = foldVietnamese([a.competent, a.executing, a.authorized, a.coordinating, a.receivingAddress].filter(Boolean).join(' | '));
        }
        return agencies;
      },
      foldedField,
      codeDigits: p.code.replace('.', ''),
    });
  }

  // BM25F: each part's term frequency, weighted and length-normalised, summed before saturation.
  const avg = (pick: (x: (typeof parts)[number]) => string[]): number =>
    parts.reduce((s, x) => s + pick(x).length, 0) / Math.max(1, parts.length) || 1;
  const avgName = avg((x) => x.name);
  const avgResults = avg((x) => x.results);
  const avgField = avg((x) => x.field);
  // Word -> (procedures, weighted term frequencies), filled one procedure at a time.
  const byWord = new Map<string, { docs: number[]; tfs: number[] }>();
  const inDoc = new Map<string, number>();
  const add = (list: string[], spec: { weight: number; b: number }, average: number): void => {
    const w = spec.weight / (1 - spec.b + spec.b * (list.length / average));
    for (const word of list) inDoc.set(word, (inDoc.get(word) ?? 0) + w);
  };
  parts.forEach((x, doc) => {
    inDoc.clear();
    add(x.name, NAME, avgName);
    add(x.results, RESULTS, avgResults);
    add(x.field, FIELD, avgField);
    for (const [word, tf] of inDoc) {
      let entry = byWord.get(word);
      if (!entry) byWord.set(word, (entry = { docs: [], tfs: [] }));
      entry.docs.push(doc);
      entry.tfs.push(tf);
    }
  });

  const n = docs.length;
  const postings = new Map<string, Posting>();
  for (const [word, entry] of byWord) {
    const df = entry.docs.length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    postings.set(word, {
      docs: Int32Array.from(entry.docs),
      weights: Float64Array.from(entry.tfs, (tf) => (idf * tf * (K1 + 1)) / (tf + K1)),
    });
  }

  // Pairs are keyed by number (first word's id * vocabulary size + second's): a name pair string
  // per adjacent word would be tens of thousands of short-lived strings on the full catalog.
  const ids = new Map<string, number>();
  for (const word of byWord.keys()) ids.set(word, ids.size);
  const size = ids.size;
  const pairDocs = new Map<number, number[]>();
  parts.forEach(({ name }, doc) => {
    for (let i = 0; i + 1 < name.length; i += 1) {
      const key = ids.get(name[i]!)! * size + ids.get(name[i + 1]!)!;
      const list = pairDocs.get(key);
      // Procedures are visited in order, so a pair repeated within one name repeats the last entry.
      if (!list) pairDocs.set(key, [doc]);
      else if (list[list.length - 1] !== doc) list.push(doc);
    }
  });
  const namePairs = new Map<number, Int32Array>();
  for (const [key, list] of pairDocs) namePairs.set(key, Int32Array.from(list));
  const pairKey = (first: string, second: string): number | undefined => {
    const a = ids.get(first);
    const b = ids.get(second);
    return a === undefined || b === undefined ? undefined : a * size + b;
  };

  return {
    docs,
    postings,
    pairDocs(first, second) {
      const key = pairKey(first, second);
      return key === undefined ? undefined : namePairs.get(key);
    },
    pairWeight(first, second) {
      const key = pairKey(first, second);
      const df = key === undefined ? 0 : (namePairs.get(key)?.length ?? 0);
      return df === 0 ? 0 : Math.log(1 + n / df);
    },
  };
}
