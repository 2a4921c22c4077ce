/**
 * Procedure search for the kiosk, the counter and the CLI: one engine, in the browser and in Node,
 * built from the procedures a device holds and a lexicon (data, see language/lexicon.ts).
 *
 * A query is read into concepts (language/readQuery.ts); each word is matched to catalog words
 * (exact, completion of a half-typed last word, sound-alike spellings, typo correction via Fuse.js
 * over the vocabulary) with the tone the person typed taken into account; procedures are scored by
 * BM25F over name, results, papers and field (termIndex.ts), summed over concepts and discounted by
 * how much of what was asked they cover, then adjusted: words side by side in the name, the whole
 * query read in the name, rare variants not asked for, records broken in the source.
 *
 * The device may hold more than its center's own procedures (the national catalog): those are
 * searched in the same index, so scores compare, but only offered as "done elsewhere" when one of
 * them answers the query clearly better than anything the center does.
 */
import type { Procedure } from './procedure.ts';
import type { ElsewhereHit, FieldCount, MatchedWords, ProcedureLevel, SearchEngine, SearchHit, SearchOptions, SearchResult } from './searchTypes.ts';
import { foldVietnamese } from './foldVietnamese.ts';
import type { IndexedProcedure } from './termIndex.ts';
import { createVocabularyMatcher, type WordMatch } from './vocabularyMatcher.ts';
import { askedQualifiers, unaskedQualifiers } from './procedureVariants.ts';
import { prepareCatalog, type PreparedCatalog } from './preparedCatalog.ts';
import type { Lexicon } from './language/lexicon.ts';
import { BUNDLED_LEXICONS } from './language/bundledLexicons.ts';
import { compileLexicon, NO_LEXICON, readQuery, type CatalogWords, type CompiledLexicon, type QueryConcept, type WordRef } from './language/readQuery.ts';
import { HOI_NGA_SWAP, toneAgreement } from './language/vietnameseWords.ts';
import { compareDigits, compareVietnamese } from '../text/vietnameseOrder.ts';

export interface SearchEngineOptions {
  /**
   * The language layer; defaults to the bundled lexicons. `null` searches catalog words alone
   * (the ablation the benchmark reports). A newer lexicon from the server is passed here.
   */
  lexicons?: { vi: Lexicon; en?: Lexicon } | null;
  /** Which procedures this center handles itself; default: those done at commune level. */
  isOwn?: (procedure: Procedure) => boolean;
  /** The catalog's index, prepared beforehand (preparedCatalog.ts) for exactly these procedures; default: built here. */
  prepared?: PreparedCatalog;
}

const DEFAULT_LIMIT = 20;
/** Bonus for two query words found side by side in a name, per unit of the pair's rarity. */
const PAIR_WEIGHT = 0.9;
/** The whole query read, in order, in the name. */
const PHRASE_BONUS = 1.35;
/** Up to this much more for a name the query covers entirely (few words the person did not ask for). */
const NAME_COVERAGE_BONUS = 0.5;
/** Each rare-variant qualifier the query did not ask for ("lưu động", "có yếu tố nước ngoài"). */
const VARIANT_PENALTY = 0.72;
/** The commune center's own procedures come slightly before police, tax and customs ones. */
const OWN_AGENCY_BONUS = 1.06;
/** A procedure done at commune level comes before one done only higher up. */
const COMMUNE_LEVEL_BONUS = 1.25;
/** A record broken in the source (see sourceProblems.ts) comes after clean ones. */
const BROKEN_RECORD_PENALTY = 0.55;
/** A procedure the lexicon points at directly, per typed word that pointed there. */
const DIRECT_PROCEDURE_BONUS = 2.5;
/** A concept the lexicon recognised counts this much more than a plain word towards coverage. */
const LEXICON_IMPORTANCE = 2;
/** A word found only among the papers a procedure asks for covers it this much (name, results, field: 1). */
const PAPERS_ONLY_COVER = 0.5;
/** A completed or corrected word covers this much of what the person typed. */
const GUESSED_COVER = 0.8;
/** When the lexicon understood part of the query, the words it did not understand count this much less. */
const PLAIN_BESIDE_LEXICON = 0.5;
/** How strongly missing parts of the query count against a procedure. */
const COVERAGE_POWER = 2;
/** An answer done elsewhere must answer every part of the query and beat the center's best by this much to be offered first. */
const ELSEWHERE_MARGIN = 1.3;
const MAX_ELSEWHERE = 3;
/** A bare word in a query typed with tones is read as the toneless word; another tone counts this much. */
const BARE_WORD_OTHER_TONE = 0.75;
/** The most the bonuses above can multiply a score by; lets ranking skip hopeless procedures. */
const MAX_BONUS = PHRASE_BONUS * (1 + NAME_COVERAGE_BONUS) * OWN_AGENCY_BONUS * COMMUNE_LEVEL_BONUS;
/** Completions and corrections considered per word when looking for pairs. */
const PAIR_CANDIDATES = 10;
/** Per-word and per-pair scores are memoised across queries (typing repeats them); bounded. */
const MEMO_LIMIT = 4_000;

/** Scores of the procedures a word or pair touches, by position in the index. */
interface Sparse {
  docs: Int32Array;
  scores: Float64Array;
  /** How much each touch counts as covering the word: 1 in name, results or field, less among the papers only. */
  cover: Float64Array;
}

interface Candidate {
  doc: number;
  base: number;
  coverage: number;
  complete: boolean;
  raw: number;
}

function levelOf(p: Procedure): ProcedureLevel {
  if (p.levels.includes('Cấp xã')) return 'commune';
  if (p.levels.includes('Cấp tỉnh')) return 'province';
  if (p.levels.includes('Cấp bộ')) return 'ministry';
  return 'other';
}

export function createSearchEngine(procedures: readonly Procedure[], options: SearchEngineOptions = {}): SearchEngine {
  const prepared = options.prepared ?? prepareCatalog(procedures);
  const index = prepared.index;
  const docs = index.docs;
  const n = docs.length;
  const isOwn = options.isOwn ?? ((p: Procedure) => p.communeLevel);
  const own = Uint8Array.from(docs, (d) => (isOwn(d.procedure) ? 1 : 0));
  const ownCount = own.reduce((s, x) => s + x, 0);
  const broken = Uint8Array.from(docs, (d) => (prepared.broken.has(d.procedure.code) ? 1 : 0));
  const matcher = createVocabularyMatcher([...index.postings].map(([term, p]) => ({ term, frequency: p.docs.length })));
  const byDigits = new Map(docs.map((d) => [d.codeDigits, d.procedure]));
  const byCodeIndex = new Map(docs.map((d, i) => [d.procedure.code, i]));

  const lexicons = options.lexicons === undefined ? BUNDLED_LEXICONS : options.lexicons;
  // Compiled when first needed: a kiosk that is never switched to English never pays for English.
  const compiledBy: Partial<Record<'vi' | 'en', CompiledLexicon>> = {};
  const warmed = new Set<'vi' | 'en'>();
  const compiled = (language: 'vi' | 'en'): CompiledLexicon => (compiledBy[language] ??= compileFor(language));
  const compileFor = (language: 'vi' | 'en'): CompiledLexicon => {
    if (lexicons === null) return NO_LEXICON;
    if (language === 'vi' || !lexicons.en) return compileLexicon(lexicons.vi);
    // In English the person may still type Vietnamese words: English entries first, then the Vietnamese ones.
    return compileLexicon({
      ...lexicons.en,
      fillers: {
        words: [...lexicons.en.fillers.words, ...lexicons.vi.fillers.words],
        phrases: [...lexicons.en.fillers.phrases, ...lexicons.vi.fillers.phrases],
        places: [...lexicons.en.fillers.places, ...lexicons.vi.fillers.places],
        classifiers: lexicons.vi.fillers.classifiers,
        request: [...lexicons.en.fillers.request, ...lexicons.vi.fillers.request],
        purpose: [...lexicons.en.fillers.purpose, ...lexicons.vi.fillers.purpose],
      },
      entries: [...lexicons.en.entries, ...lexicons.vi.entries.filter((e) => !lexicons.en!.entries.some((x) => x.id === e.id))],
    }, lexicons.en.fillers.words);
  };

  const catalogWords: CatalogWords = {
    known: (folded) => index.postings.has(folded),
    collocation: (first, second) => (index.pairDocs(first, second)?.length ?? 0) >= 2,
    adjacent: (first, second) => index.pairDocs(first, second) !== undefined,
  };

  // Scratch space reused by every search (searches are synchronous, so never shared), touched
  // sparsely so a query costs what it matches, not the catalog's size.
  const scratch = new Float64Array(n);
  const scratchCover = new Float64Array(n);
  const altScore = new Float64Array(n);
  const altHits = new Float64Array(n);
  const conceptScore = new Float64Array(n);
  const conceptCover = new Float64Array(n);
  const conceptFull = new Uint8Array(n);
  const total = new Float64Array(n);
  const covered = new Float64Array(n);
  const fullCount = new Uint16Array(n);
  const touched = new Uint8Array(n);
  const base = new Float64Array(n);
  const coverageOf = new Float64Array(n);
  const completeOf = new Uint8Array(n);

  const wordMemo = new Map<string, Sparse>();
  const pairMemo = new Map<string, Sparse>();
  const lookupMemo = new Map<string, Map<number, number>>();

  const matchesOf = (ref: WordRef): readonly WordMatch[] => matcher.lookup(ref.folded, ref.typing);
  const refKey = (ref: WordRef, queryToned: boolean): string =>
    `${ref.folded}${ref.typing ? '+' : ''}${ref.toned ? `~${ref.tone}` : queryToned ? '^' : ''}`;

  /** Gathers the best score (and best cover) per procedure from `emit` into a Sparse, using the scratch arrays. */
  function collectBest(emit: (offer: (doc: number, score: number, cover?: number) => void) => void): Sparse {
    const hit: number[] = [];
    emit((doc, score, cover = 1) => {
      if (scratch[doc] === 0) hit.push(doc);
      if (score > scratch[doc]!) scratch[doc] = score;
      if (cover > scratchCover[doc]!) scratchCover[doc] = cover;
    });
    const out: Sparse = { docs: Int32Array.from(hit), scores: new Float64Array(hit.length), cover: new Float64Array(hit.length) };
    hit.forEach((doc, k) => {
      out.scores[k] = scratch[doc]!;
      out.cover[k] = scratchCover[doc]!;
      scratch[doc] = 0;
      scratchCover[doc] = 0;
    });
    return out;
  }

  function memo(map: Map<string, Sparse>, key: string, compute: () => Sparse): Sparse {
    let found = map.get(key);
    if (!found) {
      if (map.size >= MEMO_LIMIT) {
        map.clear();
        lookupMemo.clear();
      }
      found = compute();
      map.set(key, found);
    }
    return found;
  }

  /**
   * How far a catalog word with tones `mask` stands for the typed word: a typed tone must agree;
   * a bare word in a query typed with tones is taken as written without a tone.
   */
  function toneFactor(ref: WordRef, mask: number, queryToned: boolean, how: WordMatch['how']): number {
    if (ref.toned) {
      if (how === 'prefix' && ref.tone === 0) return 1;
      let best = 0;
      for (let t = 0; t < 6; t += 1) if (mask & (1 << t)) best = Math.max(best, toneAgreement(ref.tone, t as 0 | 1 | 2 | 3 | 4 | 5));
      return best;
    }
    if (queryToned && how === 'exact' && (mask & 1) === 0) return BARE_WORD_OTHER_TONE;
    return 1;
  }

  /** A word's score per procedure: the best of its exact, completed and corrected forms. */
  const wordScores = (ref: WordRef, queryToned: boolean): Sparse =>
    memo(wordMemo, refKey(ref, queryToned), () =>
      collectBest((offer) => {
        for (const m of matchesOf(ref)) {
          const posting = index.postings.get(m.term);
          if (!posting) continue;
          for (let k = 0; k < posting.docs.length; k += 1) {
            const f = toneFactor(ref, posting.tones[k]!, queryToned, m.how);
            // A word found with another tone, or only guessed (completion, correction), covers less of what was asked.
            if (f > 0) offer(posting.docs[k]!, m.weight * f * posting.weights[k]!, (posting.strong[k] ? 1 : PAPERS_ONLY_COVER) * (f >= HOI_NGA_SWAP ? 1 : f) * (m.how === 'exact' ? 1 : GUESSED_COVER));
          }
        }
      }),
    );

  /** Two query words found side by side in a name, weighted by how rare that pair is. */
  const pairScores = (a: WordRef, b: WordRef, queryToned: boolean): Sparse =>
    memo(pairMemo, `${refKey(a, queryToned)} ${refKey(b, queryToned)}`, () =>
      collectBest((offer) => {
        for (const x of matchesOf(a).slice(0, PAIR_CANDIDATES)) {
          for (const y of matchesOf(b).slice(0, PAIR_CANDIDATES)) {
            const found = index.pairDocs(x.term, y.term);
            if (!found) continue;
            const bonus = PAIR_WEIGHT * index.pairWeight(x.term, y.term) * Math.min(x.weight, y.weight);
            for (const doc of found) offer(doc, bonus);
          }
        }
      }),
    );

  /** A word's score in one procedure (for explaining a result), from the memoised sparse scores. */
  function scoreIn(ref: WordRef, queryToned: boolean, doc: number): number {
    const key = refKey(ref, queryToned);
    let lookup = lookupMemo.get(key);
    if (!lookup) {
      const sparse = wordScores(ref, queryToned);
      lookup = new Map();
      for (let k = 0; k < sparse.docs.length; k += 1) lookup.set(sparse.docs[k]!, sparse.scores[k]!);
      lookupMemo.set(key, lookup);
    }
    return lookup.get(doc) ?? 0;
  }

  function searchCode(query: string, allowed: (d: IndexedProcedure) => boolean): SearchHit[] {
    const digits = query.replace(/\D/g, '');
    if (digits.length < 3 && !query.includes('.')) return [];
    return docs
      .filter((d, i) => own[i] === 1 && d.codeDigits.startsWith(digits) && allowed(d))
      .sort((a, b) => compareDigits(a.codeDigits, b.codeDigits))
      .map((d) => ({
        code: d.procedure.code,
        name: d.procedure.name,
        score: round(d.codeDigits === digits ? 0 : 0.5 * (1 - digits.length / d.codeDigits.length)),
        procedure: d.procedure,
        matched: [{ typed: query.trim(), found: d.procedure.code }],
      }));
  }

  function filterFor(options: SearchOptions): ((d: IndexedProcedure) => boolean) | undefined {
    const field = options.field?.trim();
    const agency = options.agency?.trim();
    if (!field && !agency) return undefined;
    const fieldWanted = field ? foldVietnamese(field) : '';
    const agencyWanted = agency ? ` ${foldVietnamese(agency)}` : '';
    return (d) =>
      (!field || d.procedure.field === field || d.foldedField === fieldWanted) &&
      (!agencyWanted || ` ${d.foldedAgencies}`.includes(agencyWanted));
  }

  /**
   * How much a concept counts towards "how much of the query a procedure covers": a concept the
   * lexicon recognised (a death, a land certificate) more than a word of the person's story, a rare
   * word more than a common one; what follows "muốn" more, what follows "để" less (its weight).
   */
  function importance(c: QueryConcept, understood: boolean): number {
    if (c.entry !== null) return LEXICON_IMPORTANCE * c.weight;
    const word = c.alternatives[0]!.words[0]!.folded;
    const best = matchesOf({ folded: word, tone: 0, toned: false, typing: false })[0];
    const idf = best ? index.idf(best.term) : 0;
    return Math.min(1, 0.35 + idf / 4) * c.weight * (understood ? PLAIN_BESIDE_LEXICON : 1);
  }

  /** Scores every procedure the query touches into `total`/`covered`; returns them and what was asked. */
  function scoreConcepts(concepts: readonly QueryConcept[], queryToned: boolean): { hit: number[]; required: number; weightAsked: number; unread: string[] } {
    const hit: number[] = [];
    const unread: string[] = [];
    let required = 0;
    let weightAsked = 0;
    const addToTotal = (doc: number, score: number): void => {
      if (touched[doc] === 0) {
        touched[doc] = 1;
        hit.push(doc);
      }
      total[doc] = total[doc]! + score;
    };
    const understood = concepts.some((c) => c.role === 'required' && c.entry !== null);
    for (const concept of concepts) {
      // Filler words (tôi, muốn, giấy, làm) are in almost every procedure and say nothing: not scored.
      if (concept.role === 'filler') continue;
      const counts = concept.role === 'required';
      const imp = counts ? importance(concept, understood) : 0;
      const inConcept: number[] = [];
      for (const alt of concept.alternatives) {
        const inAlt: number[] = [];
        const add = (sparse: Sparse, countsAsWord: boolean): void => {
          for (let k = 0; k < sparse.docs.length; k += 1) {
            const doc = sparse.docs[k]!;
            if (altScore[doc] === 0 && altHits[doc] === 0) inAlt.push(doc);
            altScore[doc] = altScore[doc]! + sparse.scores[k]!;
            if (countsAsWord) altHits[doc] = altHits[doc]! + sparse.cover[k]!;
          }
        };
        for (const ref of alt.words) add(wordScores(ref, queryToned), true);
        for (let w = 0; w + 1 < alt.words.length; w += 1) add(pairScores(alt.words[w]!, alt.words[w + 1]!, queryToned), false);
        const size = alt.words.length;
        for (const doc of inAlt) {
          const s = altScore[doc]! * alt.scale * alt.trust;
          const cover = (alt.trust * altHits[doc]!) / size;
          if (conceptScore[doc] === 0 && conceptCover[doc] === 0) inConcept.push(doc);
          if (s > conceptScore[doc]!) conceptScore[doc] = s;
          if (cover > conceptCover[doc]!) conceptCover[doc] = cover;
          if (altHits[doc]! >= size - 1e-9) conceptFull[doc] = 1;
          altScore[doc] = 0;
          altHits[doc] = 0;
        }
      }
      // A word nothing in the catalog matches cannot be asked of any procedure.
      if (counts && inConcept.length > 0) {
        required += 1;
        weightAsked += imp;
      } else if (counts) unread.push(concept.typed);
      for (const doc of inConcept) {
        addToTotal(doc, conceptScore[doc]! * concept.weight);
        if (counts) {
          covered[doc] = covered[doc]! + imp * conceptCover[doc]!;
          if (conceptFull[doc]) fullCount[doc] = fullCount[doc]! + 1;
        }
        conceptScore[doc] = 0;
        conceptCover[doc] = 0;
        conceptFull[doc] = 0;
      }
    }
    // Pairs that straddle two concepts ("cấp" + "sổ đỏ" read as "cấp giấy chứng nhận").
    for (let c = 0; c + 1 < concepts.length; c += 1) {
      const left = concepts[c]!;
      const right = concepts[c + 1]!;
      if (left.role === 'filler' && right.role === 'filler') continue;
      const weight = Math.min(left.weight, right.weight);
      // Gathered first: computing a pair uses the same scratch space as collectBest.
      const pairs: { sparse: Sparse; scale: number }[] = [];
      for (const l of left.alternatives) {
        for (const r of right.alternatives) {
          pairs.push({ sparse: pairScores(l.words.at(-1)!, r.words[0]!, queryToned), scale: Math.min(l.scale * l.trust, r.scale * r.trust) * weight });
        }
      }
      const best = collectBest((offer) => {
        for (const { sparse, scale } of pairs) {
          for (let k = 0; k < sparse.docs.length; k += 1) offer(sparse.docs[k]!, sparse.scores[k]! * scale);
        }
      });
      for (let k = 0; k < best.docs.length; k += 1) addToTotal(best.docs[k]!, best.scores[k]!);
    }
    return { hit, required, weightAsked, unread };
  }

  /** Why a procedure matched: each concept it answers, as typed and as the procedure says it. */
  function explain(doc: number, concepts: readonly QueryConcept[], queryToned: boolean): MatchedWords[] {
    const d = docs[doc]!;
    const out: MatchedWords[] = [];
    for (const c of concepts) {
      if (c.role === 'filler') continue;
      let best: { label: string; words: WordRef[]; hits: number } | null = null;
      for (const alt of c.alternatives) {
        const hits = alt.words.filter((w) => scoreIn(w, queryToned, doc) > 0).length;
        if (hits > 0 && (!best || hits / alt.words.length > best.hits / best.words.length)) best = { label: alt.label, words: alt.words, hits };
      }
      if (!best) continue;
      // Show the procedure's own spelling when its name has the words.
      const written = best.words.map((w) => {
        const term = matchesOf(w).find((m) => d.writtenName.has(m.term))?.term;
        return term === undefined ? null : d.writtenName.get(term)!;
      });
      const found = written.every((x) => x !== null) ? written.join(' ') : best.label;
      out.push({ typed: c.typed, found });
    }
    return out;
  }

  function search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const allowed = filterFor(options);
    if (query.trim() === '') return { kind: 'empty', hits: [], elsewhere: [] };

    if (/^[\d.\s]+$/.test(query)) {
      const hits = searchCode(query, allowed ?? (() => true));
      if (hits.length > 0) return { kind: 'match', hits: hits.slice(0, limit), elsewhere: [] };
    }

    const lexicon = compiled(options.language ?? 'vi');
    const read = readQuery(query, !options.finished && !/\s$/.test(query), lexicon, catalogWords, options.language === 'en');
    const { concepts } = read;
    if (concepts.length === 0) return { kind: 'empty', hits: [], elsewhere: [] };
    const queryToned = read.toned;
    const asked = askedQualifiers(read.plainWords, read.asks);

    const { hit, required, weightAsked, unread } = scoreConcepts(concepts, queryToned);
    // Procedures the lexicon points at directly count as covering the query.
    for (const [code, typedWords] of read.procedures) {
      const doc = byCodeIndex.get(code);
      if (doc === undefined) continue;
      if (touched[doc] === 0) {
        touched[doc] = 1;
        hit.push(doc);
      }
      total[doc] = total[doc]! + DIRECT_PROCEDURE_BONUS * typedWords;
      covered[doc] = Math.max(covered[doc]!, weightAsked);
      fullCount[doc] = required;
    }
    // Upper bounds (base scores) of every procedure the query touched, kept in a max-heap so ranking
    // only pays for the few it takes: a long query touches most of a 2,642-procedure catalog.
    const heap = new Int32Array(hit.length);
    let size = 0;
    let anyComplete = false;
    for (const doc of hit) {
      if (!allowed || allowed(docs[doc]!)) {
        const coverage = weightAsked === 0 ? 1 : Math.min(1, covered[doc]! / weightAsked);
        const b = total[doc]! * coverage ** COVERAGE_POWER;
        if (b > 0) {
          if (fullCount[doc]! >= required && own[doc]) anyComplete = true;
          base[doc] = b;
          coverageOf[doc] = coverage;
          completeOf[doc] = fullCount[doc]! >= required ? 1 : 0;
          heap[size++] = doc;
        }
      }
      total[doc] = 0;
      covered[doc] = 0;
      fullCount[doc] = 0;
      touched[doc] = 0;
    }

    // "match" when some procedure answers every required word; otherwise the nearest partial ones.
    const kind = anyComplete ? 'match' : 'nearest';
    const finish = (): void => {
      for (let k = 0; k < size; k += 1) base[heap[k]!] = 0;
    };
    if (size === 0 || limit === 0) {
      finish();
      return { kind: size === 0 ? 'empty' : kind, hits: [], elsewhere: [], unread };
    }
    const pool = heap.subarray(0, size);
    const sift = (from: number, end: number): void => {
      let i = from;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= end) return;
        const r = l + 1;
        const c = r < end && base[pool[r]!]! > base[pool[l]!]! ? r : l;
        if (base[pool[c]!]! <= base[pool[i]!]!) return;
        const t = pool[i]!;
        pool[i] = pool[c]!;
        pool[c] = t;
        i = c;
      }
    };
    for (let k = (size >> 1) - 1; k >= 0; k -= 1) sift(k, size);
    const all = pool.slice();
    let remaining = size;
    const popBest = (): number => {
      const top = pool[0]!;
      remaining -= 1;
      pool[0] = pool[remaining]!;
      sift(0, remaining);
      return top;
    };

    // The query read as phrases, to find it whole in a name ("khai sinh lưu động").
    const phrases = queryPhrases(concepts, (ref) => (ref.typing ? ref.folded : (matchesOf(ref)[0]?.term ?? ref.folded)));
    // Catalog words the query stands for, at the weight of their best reading (a typo guess counts less).
    const queryTerms = new Map<string, number>();
    for (const c of concepts) {
      if (c.role === 'filler') continue;
      for (const a of c.alternatives) {
        for (const r of a.words) for (const m of matchesOf(r)) if (m.weight > (queryTerms.get(m.term) ?? 0)) queryTerms.set(m.term, m.weight);
      }
    }

    // Exact scores in order of their upper bound; stop once no remaining procedure can enter the top `limit`
    // of the center's own procedures (procedures done elsewhere only matter if they beat those).
    const ranked: Candidate[] = [];
    // The best `limit` scores of own procedures so far, ascending: the first is the floor to beat.
    const ownBest: number[] = [];
    while (remaining > 0) {
      const doc = pool[0]!;
      if (ownBest.length >= limit && base[doc]! * MAX_BONUS < ownBest[0]!) break;
      popBest();
      const d = docs[doc]!;
      let raw = base[doc]!;
      if (phrases.length > 0) {
        const name = ` ${d.foldedName} `;
        if (phrases.some((p) => name.includes(p))) raw *= PHRASE_BONUS;
      }
      let inQuery = 0;
      for (const w of d.nameWords) inQuery += queryTerms.get(w) ?? 0;
      raw *= 1 + (NAME_COVERAGE_BONUS * inQuery) / Math.max(1, d.nameWords.length);
      raw *= VARIANT_PENALTY ** unaskedQualifiers(d.qualifiers, asked);
      if (!d.procedure.verticalAgency) raw *= OWN_AGENCY_BONUS;
      if (d.procedure.communeLevel) raw *= COMMUNE_LEVEL_BONUS;
      if (broken[doc]) raw *= BROKEN_RECORD_PENALTY;
      ranked.push({ doc, base: base[doc]!, coverage: coverageOf[doc]!, complete: completeOf[doc] === 1, raw });
      if (own[doc]) {
        let at = ownBest.length;
        while (at > 0 && ownBest[at - 1]! > raw) at -= 1;
        ownBest.splice(at, 0, raw);
        if (ownBest.length > limit) ownBest.shift();
      }
    }
    for (let k = 0; k < size; k += 1) base[all[k]!] = 0;
    ranked.sort(byRaw);
    const ownHits = ranked.filter((c) => own[c.doc]);
    const topOwn = ownHits[0];
    const elsewhereHits = ranked
      .filter((c) => !own[c.doc] && c.complete && c.coverage >= (topOwn?.coverage ?? 0) && (!topOwn || c.raw > topOwn.raw * ELSEWHERE_MARGIN))
      .slice(0, MAX_ELSEWHERE);

    const best = Math.max(topOwn?.raw ?? 0, elsewhereHits[0]?.raw ?? 0) || 1;
    // 0 is the best; a nearest answer never scores 0 because it misses part of the query.
    const quality = (c: Candidate): number => (kind === 'match' ? 1 : c.coverage);
    const toHit = (c: Candidate): SearchHit => {
      const p = docs[c.doc]!.procedure;
      return { code: p.code, name: p.name, score: round(1 - (c.raw / best) * quality(c)), procedure: p, matched: explain(c.doc, concepts, queryToned) };
    };
    return {
      kind: ownHits.length === 0 && elsewhereHits.length > 0 ? 'nearest' : kind,
      hits: ownHits.slice(0, limit).map(toHit),
      elsewhere: elsewhereHits.map((c): ElsewhereHit => {
        const p = docs[c.doc]!.procedure;
        return { ...toHit(c), level: levelOf(p), where: p.agencies.executing ?? p.agencies.competent ?? p.agencies.receivingAddress };
      }),
      unread,
    };
  }

  /** Best first; ties go to the shorter (plainer) name, then the code, so results are stable. */
  function byRaw(a: Candidate, b: Candidate): number {
    const da = docs[a.doc]!;
    const db = docs[b.doc]!;
    return b.raw - a.raw || da.procedure.name.length - db.procedure.name.length || compareDigits(da.codeDigits, db.codeDigits);
  }

  // Counted when first asked (the field browser), not at every start.
  let fieldCounts: FieldCount[] | null = null;
  const countFields = (): FieldCount[] => {
    const counts = new Map<string, number>();
    docs.forEach((d, i) => {
      if (own[i]) counts.set(d.procedure.field, (counts.get(d.procedure.field) ?? 0) + 1);
    });
    return [...counts].map(([field, count]) => ({ field, count })).sort((a, b) => b.count - a.count || compareVietnamese(a.field, b.field));
  };

  return {
    size: ownCount,
    search,
    fields: () => (fieldCounts ??= countFields()).map((f) => ({ ...f })),
    byCode: (code) => byDigits.get(code.trim().replace(/\D/g, '')),
    warm(language) {
      // Once per language: a second warming would only search again.
      if (warmed.has(language)) return;
      warmed.add(language);
      // The catalog's most common word, half typed then whole: the paths a person's first keys take.
      let common = '';
      let most = 0;
      for (const [term, p] of index.postings) {
        if (p.docs.length > most) [common, most] = [term, p.docs.length];
      }
      if (common === '') return;
      search(common.slice(0, 1), { language });
      search(`${common} `, { language });
    },
    // Read when asked: reading the English lexicon's version would read (and check) the whole lexicon.
    get lexiconVersions() {
      return { vi: lexicons === null ? NO_LEXICON.version : lexicons.vi.version, en: lexicons === null ? NO_LEXICON.version : (lexicons.en ?? lexicons.vi).version };
    },
  };
}

/**
 * The query read as phrases, padded for a whole-word test against " name ": the typed words of
 * every concept that is not filler, in order, each at its best catalog spelling; a half-typed last word
 * is left open (completions are a guess).
 */
function queryPhrases(concepts: readonly QueryConcept[], spell: (ref: WordRef) => string): string[] {
  const meaningful = concepts.filter((c) => c.role !== 'filler');
  const words = meaningful.flatMap((c) => c.alternatives[0]!.words);
  if (words.length < 2) return [];
  const text = words.map(spell).join(' ');
  return [words.at(-1)!.typing ? ` ${text}` : ` ${text} `];
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 10_000) / 10_000;
}
