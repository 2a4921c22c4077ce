/**
 * Reads a folded query as the things a person asked for ("concepts"): single words, and citizen
 * phrases ("sổ đỏ") that may be answered in the person's own words or in the catalog's wording.
 * Filler words ("tôi muốn làm ... cho con") are kept for scoring but a procedure need not have them.
 */
import { foldVietnamese } from './foldVietnamese.ts';
import type { SynonymMatcher } from './synonyms.ts';

export interface WordRef {
  word: string;
  /** The last word of a query still being typed: completions count. */
  typing: boolean;
}

export interface Alternative {
  words: WordRef[];
  /** Typed words over alternative words, so a long catalog wording weighs what the person typed. */
  scale: number;
}

/** One thing the person asked for; the first alternative is what they typed. */
export interface Concept {
  alternatives: Alternative[];
  /** false for filler words: a procedure answers the query without them. */
  required: boolean;
}

export interface ParsedQuery {
  concepts: Concept[];
  /**
   * The query as the rare-variant rules should read it: a citizen phrase counts by its catalog
   * wording, so "lấy chồng" (folded "lai chong") does not ask for "đăng ký lại".
   */
  asked: string;
}

/** Words people put around what they need. */
const FILLER_WORDS = new Set(
  [
    'tôi', 'em', 'anh', 'chị', 'mình', 'muốn', 'cần', 'xin', 'làm', 'cho', 'của', 'và', 'với', 'để', 'về',
    'thủ', 'tục', 'như', 'thế', 'nào', 'gì', 'ở', 'đâu', 'khi', 'bị', 'được', 'là', 'có', 'không', 'các',
    'những', 'một', 'này', 'ạ', 'ơi', 'giúp', 'hỏi', 'sao', 'phải', 'ra', 'đi', 'nhé', 'thì', 'mà', 'trong',
  ].map(foldVietnamese),
);

/**
 * Whom the procedure is for, after "cho"/"của"/"giúp" ("khai sinh cho con", "căn cước của mẹ"):
 * names rarely say it, so such a word is not required either.
 */
const BENEFICIARY_CUES = new Set(['cho', 'cua', 'giup', 'ho']);
const PERSON_WORDS = new Set(
  ['con', 'bé', 'cháu', 'mẹ', 'bố', 'cha', 'ông', 'bà', 'vợ', 'chồng', 'em', 'anh', 'chị', 'tôi', 'mình', 'nhà', 'gia', 'đình'].map(foldVietnamese),
);

/** Phrase variants tried when synonyms offer several wordings. */
const MAX_PHRASES = 12;

export function parseQuery(words: readonly string[], typing: boolean, synonyms: SynonymMatcher): ParsedQuery {
  const concepts: Concept[] = [];
  const asked: string[] = [];
  const last = words.length - 1;
  let i = 0;
  while (i < words.length) {
    const found = synonyms.matchAt(words, i);
    if (found) {
      const typed = words.slice(i, i + found.length);
      for (const m of found.meanings) asked.push(...m);
      // The person's own words stay an alternative; if the phrase ends the query its last word
      // may still be growing, so it keeps completing.
      const own: Alternative = { words: typed.map((word, k) => ({ word, typing: typing && i + k === last })), scale: 1 };
      const catalog = found.meanings.map((m) => ({ words: m.map((word) => ({ word, typing: false })), scale: typed.length / m.length }));
      concepts.push({ required: true, alternatives: [own, ...catalog] });
      i += found.length;
    } else {
      const word = words[i]!;
      asked.push(word);
      const forSomeone = PERSON_WORDS.has(word) && i > 0 && (BENEFICIARY_CUES.has(words[i - 1]!) || !concepts.at(-1)!.required);
      concepts.push({ required: !FILLER_WORDS.has(word) && !forSomeone, alternatives: [{ words: [{ word, typing: typing && i === last }], scale: 1 }] });
      i += 1;
    }
  }
  // Only filler typed ("cho", "làm"): then the filler is what was asked.
  if (!concepts.some((c) => c.required)) for (const c of concepts) c.required = true;
  return { concepts, asked: asked.join(' ') };
}

/**
 * The query read as phrases, each word at its best catalog form (`spell`), padded for a whole-word
 * test against " name ". One phrase per combination of wordings, capped; a half-typed last word is
 * left open so "khai si" still reads in "khai sinh".
 */
export function queryPhrases(concepts: readonly Concept[], spell: (ref: WordRef) => string): string[] {
  const typedWords = concepts.reduce((s, c) => s + (c.alternatives[0]?.words.length ?? 0), 0);
  if (typedWords < 2) return [];
  let phrases: { text: string; open: boolean }[] = [{ text: '', open: false }];
  for (const c of concepts) {
    const next: { text: string; open: boolean }[] = [];
    for (const p of phrases) {
      for (const alt of c.alternatives) {
        if (next.length >= MAX_PHRASES) break;
        next.push({ text: `${p.text} ${alt.words.map(spell).join(' ')}`, open: alt.words.at(-1)?.typing ?? false });
      }
    }
    phrases = next;
  }
  return phrases.map((p) => (p.open ? p.text : `${p.text} `));
}
