/**
 * The inverted index behind procedure search: folded words to the procedures that use them, with
 * BM25F weights over four parts of a procedure: its name counts most, then what it produces
 * ("Giấy khai sinh"), then the papers a person brings ("Giấy chứng sinh", "Giấy báo tử"), then its
 * field. Each posting also remembers which tones the word had there, so a tone the person typed can
 * tell "Lào" from "lao". Adjacent word pairs of each name are kept too, because Vietnamese words
 * are mostly two syllables ("khai sinh", "kết hôn") and a pair in order says far more than its
 * syllables apart.
 */
import type { Procedure } from './procedure.ts';
import { foldVietnamese } from './foldVietnamese.ts';
import { qualifiersInName, type VariantQualifier } from './procedureVariants.ts';
import { readWords, type Tone } from './language/vietnameseWords.ts';

/** A procedure as search sees it, folded once at build time. */
export interface IndexedProcedure {
  procedure: Procedure;
  /** Folded name, words joined by single spaces. */
  foldedName: string;
  /** Distinct name words that carry meaning (not the "thủ tục" every name may start with). */
  nameWords: readonly string[];
  /** The name's words as written, by folded word, to show which of them matched. */
  writtenName: ReadonlyMap<string, string>;
  qualifiers: readonly VariantQualifier[];
  /** Folded competent/executing/authorized/coordinating agencies and address, for the agency filter. */
  foldedAgencies: string;
  foldedField: string;
  /** The code without its dot, "1001193". */
  codeDigits: string;
}

/** Procedures (by position in `docs`) that contain a word, with the word's BM25F score and tones in each. */
export interface Posting {
  docs: Int32Array;
  weights: Float64Array;
  /** Bit t set: the word appears with tone t in that procedure. */
  tones: Uint8Array;
  /** 1: the word is in the name, results or field; 0: only among the papers (weaker evidence). */
  strong: Uint8Array;
}

export interface TermIndex {
  docs: readonly IndexedProcedure[];
  postings: ReadonlyMap<string, Posting>;
  /** Procedures whose name has the two words side by side, in this order ("khai", "sinh"). */
  pairDocs(first: string, second: string): Int32Array | undefined;
  /** Inverse document frequency of a name pair, so a rare pair counts more than "đăng ký". */
  pairWeight(first: string, second: string): number;
  /** Inverse document frequency of a word (0 for an unknown word). */
  idf(word: string): number;
  /** The index as plain data, to be stored and restored with restoreTermIndex instead of built again. */
  toData(): TermIndexData;
}

/** Bumped whenever what buildTermIndex computes changes, so data stored by an older build is built again. */
export const TERM_INDEX_FORMAT = 2;

/** What the index keeps of one procedure beside its postings (how its name's words are written is read again from the name, when asked). */
interface DocData {
  foldedName: string;
  nameWords: string[];
  qualifiers: VariantQualifier[];
  foldedField: string;
}

/** A list stored one item per line (none in an empty text). */
const linesOf = (text: string): string[] => (text === '' ? [] : text.split('\n'));

/** Each folded word of the procedure's name as the name writes it (its first spelling). */
function writtenNameOf(p: Procedure): Map<string, string> {
  const written = new Map<string, string>();
  for (const w of readWords(p.name)) if (!written.has(w.folded)) written.set(w.folded, w.text);
  return written;
}

/**
 * A built index as strings and typed arrays (what IndexedDB stores and a worker transfers cheaply).
 * Postings and name pairs are packed: entry i spans [start[i], start[i + 1]) of the flat arrays.
 * The lists of strings and the procedures' entries are texts too (format 2): IndexedDB gives back
 * one string far faster than thousands of small objects (~20 ms less per start at 4x throttle).
 */
export interface TermIndexData {
  format: number;
  /** The procedures' codes in index order, one per line: restoring needs exactly these procedures, in this order. */
  codes: string;
  /** A JSON array of DocData, in index order. */
  docs: string;
  /** The words, one per line, in id order. */
  terms: string;
  idf: Float64Array;
  postingStart: Uint32Array;
  postingDocs: Int32Array;
  postingWeights: Float64Array;
  postingTones: Uint8Array;
  postingStrong: Uint8Array;
  pairKeys: Float64Array;
  pairStart: Uint32Array;
  pairDocs: Int32Array;
}

/** BM25 saturation: how quickly repeats of a word stop adding. */
const K1 = 1.2;
/** How much a word counts in each part of a procedure, and how much that part's length discounts it (BM25 b). */
const NAME = { weight: 3, b: 0.75 };
const RESULTS = { weight: 1.3, b: 0.6 };
const PAPERS = { weight: 0.45, b: 0.75 };
const FIELD = { weight: 0.8, b: 0.3 };
/** Words that open many names and say nothing about the procedure. */
const NAME_FILLER = new Set(['thu', 'tuc']);
/** A paper's name is read up to its first clause and at most this many words: the rest is conditions. */
const PAPER_WORDS = 12;
/** A paper named in more than this share of procedures is boilerplate (an ID card, the usual form). */
const COMMON_PAPER_SHARE = 0.02;
/** Lines of the papers list that are notes or conditions, not papers. */
const NOT_A_PAPER = /^(\+|-|\*|trường hợp|đối với|lưu ý|người |cơ quan|cá nhân có quyền|trong thời hạn|nếu )/i;

interface Token {
  folded: string;
  tone: Tone;
}

/** The head of each paper a person brings, without numbering, notes and boilerplate. */
function paperHeads(p: Procedure): string[] {
  const heads: string[] = [];
  for (const d of p.documents) {
    if (d.originals + d.copies === 0) continue;
    const text = d.name.replace(/^\s*(\(\d+\)|\d+[.)]|[a-zđ][.)]|[-+*•])\s*/i, '').trim();
    if (text === '' || NOT_A_PAPER.test(text)) continue;
    const head = text.split(/[;:(]|\.\s|,\s(?:trừ|nếu|trường hợp)/i)[0]!.trim();
    if (head !== '') heads.push(head);
  }
  return heads;
}

export function buildTermIndex(procedures: readonly Procedure[]): TermIndex {
  // Many procedures share a field, a result or a paper; read each distinct text once.
  const tokenCache = new Map<string, Token[]>();
  const tokens = (text: string): Token[] => {
    let found = tokenCache.get(text);
    if (found === undefined) {
      found = readWords(text).map((w) => ({ folded: w.folded, tone: w.tone }));
      tokenCache.set(text, found);
    }
    return found;
  };

  // Papers that almost every procedure of a kind asks for say nothing about which one it is.
  const paperCount = new Map<string, number>();
  const heads = procedures.map((p) => {
    const own = [...new Set(paperHeads(p).map((h) => tokens(h).slice(0, PAPER_WORDS).map((t) => t.folded).join(' ')))];
    for (const h of own) paperCount.set(h, (paperCount.get(h) ?? 0) + 1);
    return paperHeads(p);
  });
  const commonLimit = Math.max(3, COMMON_PAPER_SHARE * procedures.length);

  const docs: IndexedProcedure[] = [];
  const parts: { name: Token[]; results: Token[]; papers: Token[]; field: Token[] }[] = [];
  procedures.forEach((p, n) => {
    const foldedName = foldVietnamese(p.name);
    const foldedField = foldVietnamese(p.field);
    const name = tokens(p.name);
    const seenPapers = new Set<string>();
    const papers: Token[] = [];
    for (const head of heads[n]!) {
      const t = tokens(head).slice(0, PAPER_WORDS);
      const key = t.map((x) => x.folded).join(' ');
      if (seenPapers.has(key) || (paperCount.get(key) ?? 0) > commonLimit) continue;
      seenPapers.add(key);
      papers.push(...t);
    }
    parts.push({ name, results: p.results.flatMap((r) => tokens(r.name)), papers, field: tokens(p.field) });
    const writtenName = writtenNameOf(p);
    let agencies: string | undefined;
    docs.push({
      procedure: p,
      foldedName,
      nameWords: [...new Set(name.map((t) => t.folded))].filter((w) => !NAME_FILLER.has(w)),
      writtenName,
      qualifiers: qualifiersInName(foldedName),
      // Only the agency filter needs these; most searches never fold them.
      get foldedAgencies() {
        agencies ??= foldedAgenciesOf(p);
        return agencies;
      },
      foldedField,
      codeDigits: p.code.replace('.', ''),
    });
  });

  // BM25F: each part's term frequency, weighted and length-normalised, summed before saturation.
  const avg = (pick: (x: (typeof parts)[number]) => Token[]): number => parts.reduce((s, x) => s + pick(x).length, 0) / Math.max(1, parts.length) || 1;
  const averages = { name: avg((x) => x.name), results: avg((x) => x.results), papers: avg((x) => x.papers), field: avg((x) => x.field) };
  const byWord = new Map<string, { docs: number[]; tfs: number[]; tones: number[]; strong: number[] }>();
  const inDoc = new Map<string, { tf: number; tones: number; strong: number }>();
  const add = (list: Token[], spec: { weight: number; b: number }, average: number, strong: number): void => {
    if (list.length === 0) return;
    const w = spec.weight / (1 - spec.b + spec.b * (list.length / average));
    for (const t of list) {
      const entry = inDoc.get(t.folded);
      if (entry) {
        entry.tf += w;
        entry.tones |= 1 << t.tone;
        entry.strong |= strong;
      } else inDoc.set(t.folded, { tf: w, tones: 1 << t.tone, strong });
    }
  };
  parts.forEach((x, doc) => {
    inDoc.clear();
    add(x.name, NAME, averages.name, 1);
    add(x.results, RESULTS, averages.results, 1);
    add(x.papers, PAPERS, averages.papers, 0);
    add(x.field, FIELD, averages.field, 1);
    for (const [word, { tf, tones: mask, strong }] of inDoc) {
      let entry = byWord.get(word);
      if (!entry) byWord.set(word, (entry = { docs: [], tfs: [], tones: [], strong: [] }));
      entry.docs.push(doc);
      entry.tfs.push(tf);
      entry.tones.push(mask);
      entry.strong.push(strong);
    }
  });

  const n = docs.length;
  const postings = new Map<string, Posting>();
  const idfOf = new Map<string, number>();
  for (const [word, entry] of byWord) {
    const df = entry.docs.length;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    idfOf.set(word, idf);
    postings.set(word, {
      docs: Int32Array.from(entry.docs),
      weights: Float64Array.from(entry.tfs, (tf) => (idf * tf * (K1 + 1)) / (tf + K1)),
      tones: Uint8Array.from(entry.tones),
      strong: Uint8Array.from(entry.strong),
    });
  }

  // Pairs are keyed by number (first word's id * vocabulary size + second's): a name pair string
  // per adjacent word would be tens of thousands of short-lived strings on the full catalog.
  const ids = new Map<string, number>();
  for (const word of byWord.keys()) ids.set(word, ids.size);
  const size = ids.size;
  const pairDocs = new Map<number, number[]>();
  parts.forEach(({ name, results }, doc) => {
    for (const list of [name, results]) {
      for (let i = 0; i + 1 < list.length; i += 1) {
        const key = ids.get(list[i]!.folded)! * size + ids.get(list[i + 1]!.folded)!;
        const found = pairDocs.get(key);
        // Procedures are visited in order, so a pair repeated within one procedure repeats the last entry.
        if (!found) pairDocs.set(key, [doc]);
        else if (found[found.length - 1] !== doc) found.push(doc);
      }
    }
  });
  const namePairs = new Map<number, Int32Array>();
  for (const [key, list] of pairDocs) namePairs.set(key, Int32Array.from(list));
  return assemble(docs, postings, idfOf, ids, namePairs);
}

/** The index's lookups over its parts, however they were obtained (built or restored). */
function assemble(
  docs: IndexedProcedure[],
  postings: Map<string, Posting>,
  idfOf: Map<string, number>,
  ids: Map<string, number>,
  namePairs: Map<number, Int32Array>,
): TermIndex {
  const n = docs.length;
  const size = ids.size;
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
    idf: (word) => idfOf.get(word) ?? 0,
    toData: () => indexData(docs, postings, idfOf, namePairs),
  };
}

function indexData(docs: readonly IndexedProcedure[], postings: ReadonlyMap<string, Posting>, idfOf: ReadonlyMap<string, number>, namePairs: ReadonlyMap<number, Int32Array>): TermIndexData {
  // Terms keep the order of `postings`, which is the order of the ids the pair keys are made of.
  const terms = [...postings.keys()];
  const postingStart = new Uint32Array(terms.length + 1);
  terms.forEach((term, i) => (postingStart[i + 1] = postingStart[i]! + postings.get(term)!.docs.length));
  const total = postingStart[terms.length]!;
  const postingDocs = new Int32Array(total);
  const postingWeights = new Float64Array(total);
  const postingTones = new Uint8Array(total);
  const postingStrong = new Uint8Array(total);
  terms.forEach((term, i) => {
    const p = postings.get(term)!;
    const at = postingStart[i]!;
    postingDocs.set(p.docs, at);
    postingWeights.set(p.weights, at);
    postingTones.set(p.tones, at);
    postingStrong.set(p.strong, at);
  });
  const pairs = [...namePairs];
  const pairKeys = Float64Array.from(pairs, ([key]) => key);
  const pairStart = new Uint32Array(pairs.length + 1);
  pairs.forEach(([, list], i) => (pairStart[i + 1] = pairStart[i]! + list.length));
  const pairDocs = new Int32Array(pairStart[pairs.length]!);
  pairs.forEach(([, list], i) => pairDocs.set(list, pairStart[i]!));
  return {
    format: TERM_INDEX_FORMAT,
    codes: docs.map((d) => d.procedure.code).join('\n'),
    docs: JSON.stringify(docs.map((d): DocData => ({ foldedName: d.foldedName, nameWords: [...d.nameWords], qualifiers: [...d.qualifiers], foldedField: d.foldedField }))),
    terms: terms.join('\n'),
    idf: Float64Array.from(terms, (term) => idfOf.get(term) ?? 0),
    postingStart,
    postingDocs,
    postingWeights,
    postingTones,
    postingStrong,
    pairKeys,
    pairStart,
    pairDocs,
  };
}

/**
 * The index from stored data, without reading a word of the procedures again; null when the data
 * was made by another format or for other procedures (then build it).
 */
export function restoreTermIndex(data: TermIndexData, procedures: readonly Procedure[]): TermIndex | null {
  if (data.format !== TERM_INDEX_FORMAT || typeof data.codes !== 'string' || typeof data.docs !== 'string' || typeof data.terms !== 'string') return null;
  const codes = linesOf(data.codes);
  if (codes.length !== procedures.length || procedures.some((p, i) => p.code !== codes[i])) return null;
  let stored: DocData[];
  try {
    stored = JSON.parse(data.docs) as DocData[];
  } catch {
    return null;
  }
  if (!Array.isArray(stored) || stored.length !== procedures.length) return null;
  const terms = linesOf(data.terms);
  if (terms.length + 1 !== data.postingStart.length) return null;
  const docs = procedures.map((p, i): IndexedProcedure => {
    const d = stored[i]!;
    let agencies: string | undefined;
    let written: Map<string, string> | undefined;
    return {
      procedure: p,
      foldedName: d.foldedName,
      nameWords: d.nameWords,
      // Read from the name when first asked (the matched words of a result on screen), not at every start.
      get writtenName() {
        written ??= writtenNameOf(p);
        return written;
      },
      qualifiers: d.qualifiers,
      get foldedAgencies() {
        agencies ??= foldedAgenciesOf(p);
        return agencies;
      },
      foldedField: d.foldedField,
      codeDigits: p.code.replace('.', ''),
    };
  });
  const postings = new Map<string, Posting>();
  const idfOf = new Map<string, number>();
  const ids = new Map<string, number>();
  terms.forEach((term, i) => {
    const from = data.postingStart[i]!;
    const to = data.postingStart[i + 1]!;
    ids.set(term, i);
    idfOf.set(term, data.idf[i]!);
    postings.set(term, {
      docs: data.postingDocs.subarray(from, to),
      weights: data.postingWeights.subarray(from, to),
      tones: data.postingTones.subarray(from, to),
      strong: data.postingStrong.subarray(from, to),
    });
  });
  const namePairs = new Map<number, Int32Array>();
  data.pairKeys.forEach((key, i) => namePairs.set(key, data.pairDocs.subarray(data.pairStart[i]!, data.pairStart[i + 1]!)));
  return assemble(docs, postings, idfOf, ids, namePairs);
}

function foldedAgenciesOf(p: Procedure): string {
  const a = p.agencies;
  return foldVietnamese([a.competent, a.executing, a.authorized, a.coordinating, a.receivingAddress].filter(Boolean).join(' | '));
}
