/**
 * Puts a Vietnamese tone mark on the right vowel of the last syllable, for the on-screen
 * keyboard's tone row: a citizen types "khai sinh", then taps "sắc" to get "khai sính".
 * Tapping the same tone again removes it; another tone replaces it.
 */
export type Tone = 'sac' | 'huyen' | 'hoi' | 'nga' | 'nang';

const TONE_MARKS: Record<Tone, string> = {
  sac: '\u0301',
  huyen: '\u0300',
  hoi: '\u0309',
  nga: '\u0303',
  nang: '\u0323',
};
const ALL_TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Vowel-shape marks (â ă ê ô ơ ư) stay: they are letters, not tones. */
const SHAPE_MARKS = /[\u0302\u0306\u031b]/;
const VOWELS = 'aeiouy';

interface Letter {
  base: string;
  shape: string;
  tone: string;
}

function toLetters(syllable: string): Letter[] {
  const letters: Letter[] = [];
  for (const ch of syllable.normalize('NFD')) {
    const last = letters[letters.length - 1];
    if (last && SHAPE_MARKS.test(ch)) last.shape += ch;
    else if (last && ALL_TONES.test(ch)) {
      ALL_TONES.lastIndex = 0;
      last.tone = ch;
    } else letters.push({ base: ch, shape: '', tone: '' });
    ALL_TONES.lastIndex = 0;
  }
  return letters;
}

const isVowel = (l: Letter) => VOWELS.includes(l.base.toLowerCase());

/** Index of the letter that carries the tone, or -1 when the syllable has no vowel. */
function toneIndex(letters: Letter[]): number {
  let start = letters.findIndex(isVowel);
  if (start < 0) return -1;
  let end = start;
  while (end + 1 < letters.length && isVowel(letters[end + 1]!)) end += 1;
  const head = letters.map((l) => l.base.toLowerCase()).join('');
  // "qu" and "gi" are consonants: their u/i never carries the tone when another vowel follows.
  if (end > start && ((head.startsWith('qu') && start === 1) || (head.startsWith('gi') && start === 1))) start += 1;
  const cluster = letters.slice(start, end + 1);
  const shaped = cluster.findIndex((l) => l.shape !== '');
  if (shaped >= 0) {
    // In ươ the tone sits on ơ.
    const lastShaped = cluster.length - 1 - [...cluster].reverse().findIndex((l) => l.shape !== '');
    return start + (cluster[shaped]?.base.toLowerCase() === 'u' && lastShaped > shaped ? lastShaped : shaped);
  }
  if (cluster.length === 1) return start;
  const closed = end < letters.length - 1;
  if (closed) return end;
  // Open syllable: the tone goes on the vowel before the last ("hoà" is also seen; either folds the same).
  return end - 1;
}

/** Applies `tone` to the last syllable of `text`; returns the text unchanged when there is no vowel to mark. */
export function applyTone(text: string, tone: Tone): string {
  const match = /(\S+)$/.exec(text);
  if (!match) return text;
  const letters = toLetters(match[1]!);
  const at = toneIndex(letters);
  if (at < 0) return text;
  const mark = TONE_MARKS[tone];
  const target = letters[at]!;
  const existing = letters.map((l) => l.tone).find(Boolean);
  for (const l of letters) l.tone = '';
  if (existing !== mark) target.tone = mark;
  const syllable = letters.map((l) => l.base + l.shape + l.tone).join('').normalize('NFC');
  return text.slice(0, match.index) + syllable;
}
