/**
 * Reads Vietnamese text as words that keep what folding throws away: the tone the person typed.
 * Search compares folded words ("lao"), but a citizen who typed "Lào" meant the country, not
 * "lao động"; so each word carries its tone and whether the person typed any mark at all.
 * Also undoes what an unfinished Telex or VNI input leaves in a word ("giaays" → giấy, "ky1" → ký),
 * which the caller tries only on words the catalog does not know. Pure: runs in the browser too.
 */
import { foldVietnamese } from '../foldVietnamese.ts';

/** 0 ngang (none), 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

export interface TextWord {
  /** Folded spelling, the one search compares ("lao"). */
  folded: string;
  tone: Tone;
  /** The person typed a tone, a vowel mark (â ă ê ô ơ ư) or đ on this word. */
  marked: boolean;
  /** As written, lower case, for showing why a result matched. */
  text: string;
}

const TONE_OF_MARK: Readonly<Record<number, Tone>> = { 0x301: 1, 0x300: 2, 0x309: 3, 0x303: 4, 0x323: 5 };
/** Circumflex, breve and horn: vowel shapes, typed on purpose like a tone. */
const SHAPE_MARKS = new Set([0x302, 0x306, 0x31b]);
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Tone and marks of one written word, read from its canonical decomposition. */
function marksOf(word: string): { tone: Tone; marked: boolean } {
  let tone: Tone = 0;
  let marked = false;
  for (const ch of word.normalize('NFD')) {
    const c = ch.charCodeAt(0);
    const t = TONE_OF_MARK[c];
    if (t !== undefined) {
      tone = t;
      marked = true;
    } else if (SHAPE_MARKS.has(c) || c === 0x111 || c === 0x110) marked = true;
  }
  return { tone, marked };
}

/** The words of a text with their tones; a written word that folds to several (rare symbols) shares its marks. */
export function readWords(text: string): TextWord[] {
  const out: TextWord[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const written = match[0];
    const folded = foldVietnamese(written);
    if (folded === '') continue;
    const { tone, marked } = marksOf(written);
    const parts = folded.split(' ');
    for (const part of parts) out.push({ folded: part, tone: parts.length === 1 ? tone : 0, marked: parts.length === 1 && marked, text: parts.length === 1 ? written.normalize('NFC') : part });
  }
  return out;
}

/** Tone of a written word (for catalog words at index time). */
export function toneOf(word: string): Tone {
  return marksOf(word).tone;
}

/**
 * How much a catalog word with tone `found` stands for a query word typed with tone `typed`.
 * Hỏi and ngã are the tones people confuse most when they write (in most of the country they
 * sound alike), so that swap costs little; any other difference is another word (Lào, lao).
 */
export function toneAgreement(typed: Tone, found: Tone): number {
  if (typed === found) return 1;
  if ((typed === 3 && found === 4) || (typed === 4 && found === 3)) return HOI_NGA_SWAP;
  return OTHER_TONE;
}
export const HOI_NGA_SWAP = 0.85;
export const OTHER_TONE = 0.3;

const TELEX_TONES: Readonly<Record<string, Tone>> = { s: 1, f: 2, r: 3, x: 4, j: 5 };
const VNI_TONES: Readonly<Record<string, Tone>> = { '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };

/**
 * What a word left half-converted by Telex or VNI typing was meant to be: "giaays" → giay + sắc,
 * "chuwng" → chung, "nha65n" → nhan + nặng, "ky1" → ki + sắc. Returns null when the word shows no
 * trace of either. The caller keeps the reading only if the catalog knows the result, because
 * "xs" or "papers" look like Telex too.
 */
export function undoTyping(word: string): { folded: string; tone: Tone } | null {
  if (!/^[a-z0-9]+$/.test(word) || !/[a-z]/.test(word)) return null;
  if (/[0-9]/.test(word)) {
    // VNI: 1-5 tones, 6 circumflex, 7 horn, 8 breve, 9 đ; only inside or after letters.
    if (!/^[a-z]/.test(word) || /[0]/.test(word)) return null;
    let tone: Tone = 0;
    let letters = '';
    for (const ch of word) {
      const t = VNI_TONES[ch];
      if (t !== undefined) tone = t;
      else if (ch >= 'a' && ch <= 'z') letters += ch;
    }
    return letters === word ? null : { folded: foldVietnamese(letters), tone };
  }
  let tone: Tone = 0;
  let rest = word;
  const last = rest[rest.length - 1]!;
  // Vietnamese syllables never end in s, f, r, x or j: there it is a Telex tone key.
  if (rest.length > 1 && TELEX_TONES[last] !== undefined) {
    tone = TELEX_TONES[last]!;
    rest = rest.slice(0, -1);
  }
  // w after a vowel shapes it (uw ư, ow ơ, aw ă); a lone w is ư.
  rest = rest.replace(/([aeiouy])w/g, '$1').replace(/w/g, 'u');
  // Doubled vowels and dd are circumflex and đ.
  rest = rest.replace(/aa/g, 'a').replace(/ee/g, 'e').replace(/oo/g, 'o').replace(/dd/g, 'd');
  if (rest === word) return null;
  return /[aeiouy]/.test(rest) ? { folded: foldVietnamese(rest), tone } : null;
}
