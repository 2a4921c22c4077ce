/**
 * Turns one folded query word into the catalog words it may stand for: itself, the words it begins
 * (the person is still typing) and, through Fuse.js over the catalog's few thousand distinct words,
 * the words it is a typo of ("xinh" -> "sinh"). Fuzzy search runs per word, not per procedure name,
 * which is what keeps it fast; answers are memoised because a person types the same words again.
 */
import Fuse from 'fuse.js';

/** A catalog word a query word may stand for; weight 1 is the word itself. */
export interface WordMatch {
  term: string;
  weight: number;
  how: 'exact' | 'prefix' | 'fuzzy';
}

export interface VocabularyMatcher {
  /** Catalog words for a folded query word; `typing` also offers the words it begins. */
  lookup(word: string, typing: boolean): readonly WordMatch[];
}

export interface VocabularyEntry {
  term: string;
  /** How many procedures use the word; completions prefer common words. */
  frequency: number;
}

/** A completion is worth less than the word typed in full, more so the more is missing. */
const PREFIX_WEIGHT = 0.85;
/** Completions offered for one half-typed word: enough for any real prefix of a syllable. */
const MAX_COMPLETIONS = 48;
/** A typo correction is worth less than a word spelt right, so a real match always wins. */
const FUZZY_WEIGHT = 0.7;
const MAX_CORRECTIONS = 10;
/** Fuse.js threshold: loose, because the edit distance below decides. */
const FUSE_THRESHOLD = 0.45;
/** Words shorter than this are real words too often to be treated as typos. */
const MIN_FUZZY_LENGTH = 3;
const MEMO_LIMIT = 20_000;

/**
 * Letters Vietnamese speakers mix up because their dialect sounds them alike (s/x, l/n, d/r/gi/v,
 * c/k/q); swapping one costs half an ordinary typo.
 */
const SOUND_ALIKE = new Set(['s|x', 'x|s', 'l|n', 'n|l', 'd|r', 'r|d', 'd|v', 'v|d', 'r|g', 'g|r', 'c|k', 'k|c', 'c|q', 'q|c']);

/** Optimal string alignment distance (Damerau: a swap of neighbours is one typo). */
export function typoDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2 = new Float64Array(n + 1);
  let prev = new Float64Array(n + 1);
  let cur = new Float64Array(n + 1);
  for (let j = 0; j <= n; j += 1) prev[j] = j;
  for (let i = 1; i <= m; i += 1) {
    cur[0] = i;
    for (let j = 1; j <= n; j += 1) {
      const ca = a[i - 1]!;
      const cb = b[j - 1]!;
      const sub = ca === cb ? 0 : SOUND_ALIKE.has(`${ca}|${cb}`) ? 0.5 : 1;
      let best = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + sub);
      if (i > 1 && j > 1 && ca === b[j - 2] && a[i - 2] === cb) best = Math.min(best, prev2[j - 2]! + 1);
      cur[j] = best;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/**
 * Spellings people confuse because their dialect says them alike: initial ch/tr, s/x, d/gi/r/v, l/n
 * and final n/ng, c/t. "tạm chú" is "tạm trú" even though "chú" is a word too, so these are tried
 * for every word, not only for unknown ones; the pair bonus then tells which reading fits.
 */
const ALIKE_ONSETS: readonly (readonly [string, string])[] = [
  ['ch', 'tr'], ['s', 'x'], ['d', 'gi'], ['d', 'r'], ['gi', 'r'], ['d', 'v'], ['l', 'n'],
];
const ALIKE_CODAS: readonly (readonly [string, string])[] = [['ng', 'n'], ['c', 't'], ['nh', 'n']];
/** A sound-alike reading of a word the catalog knows is only a guess. */
const ALIKE_OF_KNOWN_WEIGHT = 0.45;
/** A sound-alike reading of an unknown word is the likeliest correction. */
const ALIKE_OF_UNKNOWN_WEIGHT = 0.7;

/** Initial and final consonants of a folded syllable (the longest spelling wins: "ngh" before "ng"). */
const ONSET = /^(ngh|ng|nh|ch|tr|gi|gh|kh|ph|th|qu|[bcdghklmnpqrstvx])/;
const CODA = /(ng|nh|ch|[cmnpt])$/;

function soundAlikes(word: string): string[] {
  const out = new Set<string>();
  const onset = ONSET.exec(word)?.[0];
  const coda = CODA.exec(word)?.[0];
  if (onset !== undefined && onset.length < word.length) {
    for (const [a, b] of ALIKE_ONSETS) {
      if (onset === a) out.add(b + word.slice(a.length));
      if (onset === b) out.add(a + word.slice(b.length));
    }
  }
  if (coda !== undefined && coda.length < word.length) {
    for (const [a, b] of ALIKE_CODAS) {
      if (coda === a) out.add(word.slice(0, -a.length) + b);
      if (coda === b) out.add(word.slice(0, -b.length) + a);
    }
  }
  out.delete(word);
  return [...out];
}

export function createVocabularyMatcher(entries: readonly VocabularyEntry[]): VocabularyMatcher {
  const sorted = [...entries].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const terms = sorted.map((e) => e.term);
  const known = new Set(terms);
  // Made for the first word that may be a typo: a start (and a first key of one or two letters) does without it.
  let fuse: Fuse<string> | null = null;
  const fuzzy = () => (fuse ??= new Fuse(terms, { includeScore: true, threshold: FUSE_THRESHOLD, ignoreLocation: true }));
  const memo = new Map<string, readonly WordMatch[]>();

  function completions(word: string): WordMatch[] {
    // Binary search for the first term >= word; completions follow it in sorted order.
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    const found: VocabularyEntry[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.term.startsWith(word); i += 1) {
      if (sorted[i]!.term !== word) found.push(sorted[i]!);
    }
    found.sort((a, b) => b.frequency - a.frequency);
    return found.slice(0, MAX_COMPLETIONS).map((e) => ({
      term: e.term,
      weight: PREFIX_WEIGHT * (0.5 + (0.5 * word.length) / e.term.length),
      how: 'prefix' as const,
    }));
  }

  function corrections(word: string): WordMatch[] {
    const maxEdits = word.length <= 4 ? 1 : 2;
    const scored: { term: string; distance: number }[] = [];
    for (const r of fuzzy().search(word)) {
      const distance = typoDistance(word, r.item);
      if (distance <= maxEdits) scored.push({ term: r.item, distance });
    }
    scored.sort((a, b) => a.distance - b.distance);
    return scored.slice(0, MAX_CORRECTIONS).map((s) => ({
      term: s.term,
      weight: FUZZY_WEIGHT * (1 - s.distance / (word.length + 1)),
      how: 'fuzzy' as const,
    }));
  }

  function compute(word: string, typing: boolean): WordMatch[] {
    const out: WordMatch[] = [];
    const isKnown = known.has(word);
    if (isKnown) out.push({ term: word, weight: 1, how: 'exact' });
    if (typing) out.push(...completions(word));
    const alikeWeight = isKnown ? ALIKE_OF_KNOWN_WEIGHT : ALIKE_OF_UNKNOWN_WEIGHT;
    const alike = soundAlikes(word).filter((w) => known.has(w));
    // Only a word the catalog does not know (and cannot complete) is taken for a typo.
    const typo = out.length === 0 && alike.length === 0 && word.length >= MIN_FUZZY_LENGTH;
    out.push(...alike.map((term) => ({ term, weight: alikeWeight, how: 'fuzzy' as const })));
    if (typo) out.push(...corrections(word));
    return out;
  }

  return {
    lookup(word, typing) {
      const key = typing ? `+${word}` : word;
      let found = memo.get(key);
      if (!found) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        found = compute(word, typing);
        memo.set(key, found);
      }
      return found;
    },
  };
}
