/**
 * Procedure search for the kiosk, the counter and the CLI: one engine, in the browser and in Node.
 * A query is folded, citizens' phrases are expanded to catalog wording, each word is matched to
 * catalog words (exact, completion of a half-typed last word, typo correction via Fuse.js over the
 * vocabulary), and procedures are ranked by BM25F over their name, results and field, with bonuses
 * for words that sit side by side in the name and for the whole query read in the name. Common
 * procedures come before their rare variants unless the query names the variant.
 */
import type { Procedure } from './procedure.ts';
import type { FieldCount, SearchEngine, SearchHit, SearchOptions, SearchResult } from './searchTypes.ts';
import { foldVietnamese, foldedWords } from './foldVietnamese.ts';
import { compileSynonyms, CITIZEN_SYNONYMS, type Synonym } from './synonyms.ts';
import { buildTermIndex, type IndexedProcedure } from './termIndex.ts';
import { createVocabularyMatcher, type WordMatch } from './vocabularyMatcher.ts';
import { unaskedQualifiers } from './procedureVariants.ts';
import { parseQuery, queryPhrases, type WordRef } from './queryConcepts.ts';

export interface SearchEngineOptions {
  /** Citizen vocabulary; defaults to the curated table. Pass [] to search catalog words only. */
  synonyms?: readonly Synonym[];
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
const OWN_PROCEDURE_BONUS = 1.06;
/** In a catalog of all levels, what a commune center handles (levels include "Cấp xã") comes first. */
const COMMUNE_LEVEL_BONUS = 1.25;
/** The most the bonuses above can multiply a score by; lets ranking skip hopeless procedures. */
const MAX_BONUS = PHRASE_BONUS * (1 + NAME_COVERAGE_BONUS) * OWN_PROCEDURE_BONUS * COMMUNE_LEVEL_BONUS;
/** Completions and corrections considered per word when looking for pairs. */
const PAIR_CANDIDATES = 10;
/** Per-word and per-pair scores are memoised across queries (typing repeats them); bounded. */
const MEMO_LIMIT = 4_000;

/** Scores of the procedures a word or pair touches, by position in the index. */
interface Sparse {
  docs: Int32Array;
  scores: Float64Array;
}

interface Candidate {
  doc: number;
  base: number;
  covered: number;
  raw: number;
}

export function createSearchEngine(procedures: readonly Procedure[], options: SearchEngineOptions = {}): SearchEngine {
  const index = buildTermIndex(procedures);
  const docs = index.docs;
  const n = docs.length;
  const synonyms = compileSynonyms(options.synonyms ?? CITIZEN_SYNONYMS);
  const matcher = createVocabularyMatcher([...index.postings].map(([term, p]) => ({ term, frequency: p.docs.length })));
  const byDigits = new Map(docs.map((d) => [d.codeDigits, d.procedure]));

  // Scratch space reused by every search (searches are synchronous, so never shared), touched
  // sparsely so a query costs what it matches, not the catalog's size.
  const scratch = new Float64Array(n);
  const altScore = new Float64Array(n);
  const altHits = new Uint16Array(n);
  const conceptScore = new Float64Array(n);
  const conceptCovered = new Uint8Array(n);
  const total = new Float64Array(n);
  const covered = new Uint16Array(n);
  const touched = new Uint8Array(n);

  const wordMemo = new Map<string, Sparse>();
  const pairMemo = new Map<string, Sparse>();

  const matchesOf = (ref: WordRef): readonly WordMatch[] => matcher.lookup(ref.word, ref.typing);
  const refKey = (ref: WordRef): string => (ref.typing ? `${ref.word}+` : ref.word);

  /** Gathers the best score per procedure from `emit` into a Sparse, using the scratch array. */
  function collectBest(emit: (offer: (doc: number, score: number) => void) => void): Sparse {
    const hit: number[] = [];
    emit((doc, score) => {
      if (scratch[doc] === 0) hit.push(doc);
      if (score > scratch[doc]!) scratch[doc] = score;
    });
    const out: Sparse = { docs: Int32Array.from(hit), scores: new Float64Array(hit.length) };
    hit.forEach((doc, k) => {
      out.scores[k] = scratch[doc]!;
      scratch[doc] = 0;
    });
    return out;
  }

  function memo(map: Map<string, Sparse>, key: string, compute: () => Sparse): Sparse {
    let found = map.get(key);
    if (!found) {
      if (map.size >= MEMO_LIMIT) map.clear();
      found = compute();
      map.set(key, found);
    }
    return found;
  }

  /** A word's score per procedure: the best of its exact, completed and corrected forms. */
  const wordScores = (ref: WordRef): Sparse =>
    memo(wordMemo, refKey(ref), () =>
      collectBest((offer) => {
        for (const m of matchesOf(ref)) {
          const posting = index.postings.get(m.term);
          if (!posting) continue;
          for (let k = 0; k < posting.docs.length; k += 1) offer(posting.docs[k]!, m.weight * posting.weights[k]!);
        }
      }),
    );

  /** Two query words found side by side in a name, weighted by how rare that pair is. */
  const pairScores = (a: WordRef, b: WordRef): Sparse =>
    memo(pairMemo, `${refKey(a)} ${refKey(b)}`, () =>
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

  function searchCode(query: string, allowed: (d: IndexedProcedure) => boolean): SearchHit[] {
    const digits = query.replace(/\D/g, '');
    if (digits.length < 3 && !query.includes('.')) return [];
    return docs
      .filter((d) => d.codeDigits.startsWith(digits) && allowed(d))
      .sort((a, b) => a.codeDigits.localeCompare(b.codeDigits))
      .map((d) => ({
        code: d.procedure.code,
        name: d.procedure.name,
        score: round(d.codeDigits === digits ? 0 : 0.5 * (1 - digits.length / d.codeDigits.length)),
        procedure: d.procedure,
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

  /** Scores every procedure the query touches into `total`/`covered`; returns them and the required count. */
  function scoreConcepts(concepts: ReturnType<typeof parseQuery>['concepts']): { hit: number[]; required: number } {
    const hit: number[] = [];
    let required = 0;
    const addToTotal = (doc: number, score: number): void => {
      if (touched[doc] === 0) {
        touched[doc] = 1;
        hit.push(doc);
      }
      total[doc] = total[doc]! + score;
    };
    for (const concept of concepts) {
      if (concept.required) required += 1;
      const inConcept: number[] = [];
      for (const alt of concept.alternatives) {
        const inAlt: number[] = [];
        const add = (sparse: Sparse, countsAsWord: boolean): void => {
          for (let k = 0; k < sparse.docs.length; k += 1) {
            const doc = sparse.docs[k]!;
            if (altScore[doc] === 0 && altHits[doc] === 0) inAlt.push(doc);
            altScore[doc] = altScore[doc]! + sparse.scores[k]!;
            if (countsAsWord) altHits[doc] = altHits[doc]! + 1;
          }
        };
        for (const ref of alt.words) add(wordScores(ref), true);
        for (let w = 0; w + 1 < alt.words.length; w += 1) add(pairScores(alt.words[w]!, alt.words[w + 1]!), false);
        for (const doc of inAlt) {
          const s = altScore[doc]! * alt.scale;
          if (conceptScore[doc] === 0 && conceptCovered[doc] === 0) inConcept.push(doc);
          if (s > conceptScore[doc]!) conceptScore[doc] = s;
          if (altHits[doc] === alt.words.length) conceptCovered[doc] = 1;
          altScore[doc] = 0;
          altHits[doc] = 0;
        }
      }
      for (const doc of inConcept) {
        addToTotal(doc, conceptScore[doc]!);
        if (concept.required && conceptCovered[doc]) covered[doc] = covered[doc]! + 1;
        conceptScore[doc] = 0;
        conceptCovered[doc] = 0;
      }
    }
    // Pairs that straddle two concepts ("cấp" + "sổ đỏ" read as "cấp giấy chứng nhận").
    for (let c = 0; c + 1 < concepts.length; c += 1) {
      // Gathered first: computing a pair uses the same scratch space as collectBest.
      const pairs: { sparse: Sparse; scale: number }[] = [];
      for (const left of concepts[c]!.alternatives) {
        for (const right of concepts[c + 1]!.alternatives) {
          pairs.push({ sparse: pairScores(left.words.at(-1)!, right.words[0]!), scale: Math.min(left.scale, right.scale) });
        }
      }
      const best = collectBest((offer) => {
        for (const { sparse, scale } of pairs) {
          for (let k = 0; k < sparse.docs.length; k += 1) offer(sparse.docs[k]!, sparse.scores[k]! * scale);
        }
      });
      for (let k = 0; k < best.docs.length; k += 1) addToTotal(best.docs[k]!, best.scores[k]!);
    }
    return { hit, required };
  }

  function search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const allowed = filterFor(options);
    if (query.trim() === '') return { kind: 'empty', hits: [] };

    if (/^[\d.\s]+$/.test(query)) {
      const hits = searchCode(query, allowed ?? (() => true));
      if (hits.length > 0) return { kind: 'match', hits: hits.slice(0, limit) };
    }

    const words = foldedWords(query);
    if (words.length === 0) return { kind: 'empty', hits: [] };
    const { concepts, asked } = parseQuery(words, !/\s$/.test(query), synonyms);

    const { hit, required } = scoreConcepts(concepts);
    const candidates: Candidate[] = [];
    let anyComplete = false;
    for (const doc of hit) {
      if (!allowed || allowed(docs[doc]!)) {
        const c = covered[doc]!;
        if (c === required) anyComplete = true;
        candidates.push({ doc, base: total[doc]! * (c / required) ** 2, covered: c, raw: 0 });
      }
      total[doc] = 0;
      covered[doc] = 0;
      touched[doc] = 0;
    }

    // "match" when some procedure answers every required word; otherwise the nearest partial ones.
    const kind = anyComplete ? 'match' : 'nearest';
    const pool = (anyComplete ? candidates.filter((c) => c.covered === required) : candidates).filter((c) => c.base > 0);
    if (pool.length === 0 || limit === 0) return { kind: pool.length === 0 ? 'empty' : kind, hits: [] };
    pool.sort((a, b) => b.base - a.base);

    const phrases = queryPhrases(concepts, (ref) => {
      const best = matchesOf(ref)[0];
      // Completions are a guess: the phrase keeps what was typed and stays open instead.
      return ref.typing || !best ? ref.word : best.term;
    });
    // Catalog words the query stands for, at the weight of their best reading (a typo guess counts less).
    const queryTerms = new Map<string, number>();
    for (const c of concepts) {
      for (const a of c.alternatives) {
        for (const r of a.words) for (const m of matchesOf(r)) if (m.weight > (queryTerms.get(m.term) ?? 0)) queryTerms.set(m.term, m.weight);
      }
    }

    // Exact scores in order of their upper bound; stop once no remaining procedure can enter the top `limit`.
    const ranked: Candidate[] = [];
    let floor = 0;
    for (const c of pool) {
      if (ranked.length >= limit && c.base * MAX_BONUS < floor) break;
      const d = docs[c.doc]!;
      let raw = c.base;
      if (phrases.length > 0) {
        const name = ` ${d.foldedName} `;
        if (phrases.some((p) => name.includes(p))) raw *= PHRASE_BONUS;
      }
      let inQuery = 0;
      for (const w of d.nameWords) inQuery += queryTerms.get(w) ?? 0;
      raw *= 1 + (NAME_COVERAGE_BONUS * inQuery) / Math.max(1, d.nameWords.length);
      raw *= VARIANT_PENALTY ** unaskedQualifiers(d.qualifiers, asked);
      if (!d.procedure.verticalAgency) raw *= OWN_PROCEDURE_BONUS;
      if (d.procedure.communeLevel) raw *= COMMUNE_LEVEL_BONUS;
      c.raw = raw;
      ranked.push(c);
      if (ranked.length >= limit) {
        ranked.sort(byRaw);
        ranked.length = limit;
        floor = ranked[limit - 1]!.raw;
      }
    }
    ranked.sort(byRaw);
    const top = ranked[0]!;
    // 0 is the best; a nearest answer never scores 0 because it misses part of the query.
    const quality = kind === 'match' ? 1 : top.covered / required;
    return {
      kind,
      hits: ranked.slice(0, limit).map((c) => {
        const p = docs[c.doc]!.procedure;
        return { code: p.code, name: p.name, score: round(1 - (c.raw / top.raw) * quality), procedure: p };
      }),
    };
  }

  /** Best first; ties go to the shorter (plainer) name, then the code, so results are stable. */
  function byRaw(a: Candidate, b: Candidate): number {
    const da = docs[a.doc]!;
    const db = docs[b.doc]!;
    return b.raw - a.raw || da.procedure.name.length - db.procedure.name.length || da.codeDigits.localeCompare(db.codeDigits);
  }

  const fieldCounts: FieldCount[] = (() => {
    const counts = new Map<string, number>();
    for (const p of procedures) counts.set(p.field, (counts.get(p.field) ?? 0) + 1);
    return [...counts].map(([field, count]) => ({ field, count })).sort((a, b) => b.count - a.count || a.field.localeCompare(b.field, 'vi'));
  })();

  return {
    size: n,
    search,
    fields: () => fieldCounts.map((f) => ({ ...f })),
    byCode: (code) => byDigits.get(code.trim().replace(/\D/g, '')),
  };
}

function round(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 10_000) / 10_000;
}
