/**
 * Vietnamese alphabetical order (a ă â b c d đ e ê … o ô ơ … u ư …; tones after letters: none,
 * huyền, hỏi, ngã, sắc, nặng; lower case before upper), as `localeCompare(x, 'vi')` orders the
 * catalog's names and fields, without Intl: the first Intl collator a page makes loads ICU's
 * collation data, ~30 ms of an old PC's start at 4x throttle (the home screen sorts its fields).
 * A unit test holds it to Intl.Collator('vi') over every name and field of the national catalog.
 */

const LETTERS = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
// Combining marks that make a letter of its own (ă â ê ô ơ ư) and the five tones, in the order ICU gives them.
const BREVE = '\u0306';
const CIRCUMFLEX = '\u0302';
const HORN = '\u031b';
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

interface Keys {
  primary: number[];
  secondary: number[];
  tertiary: number[];
}

const cache = new Map<string, Keys>();
const CACHE_LIMIT = 5_000;

// What comes before the letters, in the root collation's order: spaces, ASCII punctuation and
// symbols in this order, any other sign by code point, then digits.
const SIGNS = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
function otherRank(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (/\s/.test(ch)) return 1;
  if (ch >= '0' && ch <= '9') return 100_000 + code;
  const sign = SIGNS.indexOf(ch);
  return sign >= 0 ? 10 + sign : 1_000 + code;
}
const LETTER_BASE = 200_000;

function keysOf(text: string): Keys {
  const hit = cache.get(text);
  if (hit) return hit;
  const primary: number[] = [];
  const secondary: number[] = [];
  const tertiary: number[] = [];
  const chars = [...text.normalize('NFD')];
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    let letter = lower;
    let tone = 0;
    // The marks that follow a base letter: those that make another letter, and the tone.
    while (i + 1 < chars.length && /\p{M}/u.test(chars[i + 1]!)) {
      const mark = chars[i + 1]!;
      i += 1;
      if (mark === BREVE && letter === 'a') letter = 'ă';
      else if (mark === CIRCUMFLEX && (letter === 'a' || letter === 'e' || letter === 'o')) letter = letter === 'a' ? 'â' : letter === 'e' ? 'ê' : 'ô';
      else if (mark === HORN && (letter === 'o' || letter === 'u')) letter = letter === 'o' ? 'ơ' : 'ư';
      else tone = TONES.indexOf(mark) + 1 || tone;
    }
    const rank = LETTERS.indexOf(letter);
    primary.push(rank >= 0 ? LETTER_BASE + rank : otherRank(letter));
    secondary.push(tone);
    tertiary.push(ch === lower ? 0 : 1);
  }
  const keys = { primary, secondary, tertiary };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, keys);
  return keys;
}

function compareArrays(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Orders two texts as Vietnamese is ordered: negative when `a` comes first, 0 when they are the same. */
export function compareVietnamese(a: string, b: string): number {
  if (a === b) return 0;
  const ka = keysOf(a);
  const kb = keysOf(b);
  return Math.sign(compareArrays(ka.primary, kb.primary) || compareArrays(ka.secondary, kb.secondary) || compareArrays(ka.tertiary, kb.tertiary));
}

/** Strings of ASCII digits (procedure codes' digits) in the order localeCompare gives them: by code point. */
export function compareDigits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
