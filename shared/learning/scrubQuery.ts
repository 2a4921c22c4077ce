/**
 * What a kiosk may keep of a search: the words that say what the person needs, never who they are.
 * Runs on the kiosk before a search is stored and again on the server before it is kept, so an old
 * or altered kiosk cannot leave an ID number on the server.
 *
 * Removed:
 *  - digit runs of 6 or more, also when typed in groups ("0912 345 678", "12/05/1990", "0 0 1 2 0 3"):
 *    ID, phone and document numbers, dates of birth; a short number ("80 tuổi", "lần 2") stays;
 *  - e-mail addresses (anything with @);
 *  - names, by four rules (names are data, see nameParts.vi.json):
 *    1. a surname followed by a middle name, and the given name after them, whatever the capitals
 *       and tones: "nguyen van an", "Giàng A Sử", "Lò Thị Mai" (a tone the person typed must agree:
 *       "hộ thị" is no "Hồ Thị"; a bare "ho thi" is taken as a name, erring on the side of privacy);
 *    2. capitalised words after a title: "bé Bống", "ông Thắng";
 *    3. the words after a phrase that introduces a name: "tên là Bống" (the first word always, more
 *       while they are capitalised or, on the kiosk, not words of the catalog or lexicon);
 *    4. on the kiosk only (it knows the vocabulary): a capitalised word, not the first of the query,
 *       that is no word of the catalog or the lexicon, with its capitalised neighbours that are not
 *       either, unless the whole query is written In Title Case (then capitals say nothing).
 * Kept: everything else as typed, with its tones, so an admin reads what citizens really wrote.
 */
import { foldVietnamese } from '../catalog/foldVietnamese.ts';
import { bundledNameParts, type CompiledNameParts, type WordSet } from './nameParts.ts';

/** The longest query kept; a kiosk search box never needs more. */
export const MAX_QUERY_LENGTH = 200;

export interface ScrubOptions {
  names?: CompiledNameParts;
  /**
   * Whether a folded word is a word of the catalog or the lexicon. Given on the kiosk (it holds both),
   * it enables rule 4 and lets rule 3 stop at the first ordinary word.
   */
  knownWord?: (folded: string) => boolean;
}

export interface ScrubbedQuery {
  /** The query as kept: removed parts dropped, spaces collapsed; '' when nothing is left. */
  text: string;
  /** How many digit runs and how many name words were removed (for tests and logs, never the values). */
  removed: { digits: number; names: number; emails: number };
}

/** 6+ digits, each optionally after one space, dot, dash or slash: "0912.345.678", "12/05/1990". */
const DIGIT_RUN = /\p{Nd}(?:[ .\-/]?\p{Nd}){5,}/gu;
/** Control and format characters (zero-width, bidi) never belong in a query. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const MARKS = /[\u0300-\u036f]/u;

interface Token {
  raw: string;
  /** Lower case, NFC, without leading or trailing punctuation. */
  lower: string;
  folded: string;
  /** Typed with a tone or vowel mark (or đ): then a list word must match its exact spelling. */
  marked: boolean;
  /** Starts with a capital and is not all capitals (so CCCD, UBND are not names); a lone capital letter counts. */
  capitalised: boolean;
  /** Starts with a lower-case letter. */
  lowerInitial: boolean;
}

function tokenOf(raw: string): Token {
  const core = raw.replace(EDGE_PUNCTUATION, '').normalize('NFC');
  const lower = core.toLowerCase();
  const first = core.charAt(0);
  const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
  const letters = [...core].filter((c) => c.toLowerCase() !== c.toUpperCase());
  const capitalised = first !== '' && isUpper(first) && (letters.length === 1 || letters.some((c) => !isUpper(c)));
  return {
    raw,
    lower,
    folded: foldVietnamese(core),
    marked: MARKS.test(core.normalize('NFD')) || /[đĐ]/u.test(core),
    capitalised,
    lowerInitial: first !== '' && first !== first.toUpperCase(),
  };
}

function inList(token: Token | undefined, list: WordSet): boolean {
  if (!token || token.folded === '') return false;
  const spellings = list.get(token.folded);
  if (!spellings) return false;
  return !token.marked || spellings.has(token.lower);
}

export function scrubQuery(input: string, options: ScrubOptions = {}): ScrubbedQuery {
  const names = options.names ?? bundledNameParts();
  const removed = { digits: 0, names: 0, emails: 0 };
  const withoutDigits = input
    .normalize('NFC')
    .replace(INVISIBLE, ' ')
    .replace(DIGIT_RUN, () => {
      removed.digits += 1;
      return ' ';
    });
  const tokens = withoutDigits.split(/\s+/u).filter((t) => t !== '').map(tokenOf);
  const drop = new Array<boolean>(tokens.length).fill(false);
  const known = options.knownWord;
  const nameWord = (t: Token | undefined) => inList(t, names.surnames) || inList(t, names.middleNames);

  tokens.forEach((t, i) => {
    if (t.raw.includes('@')) {
      drop[i] = true;
      removed.emails += 1;
    }
  });

  for (let i = 0; i < tokens.length; i += 1) {
    // Rule 1: surname + middle name + given name (+ a second given name written with a capital).
    if (inList(tokens[i], names.surnames) && inList(tokens[i + 1], names.middleNames) && tokens[i + 2]) {
      let end = i + 2;
      if (tokens[i + 2]!.capitalised && tokens[i + 3]?.capitalised) end = i + 3;
      for (let k = i; k <= end; k += 1) drop[k] = true;
      i = end;
      continue;
    }
    // Rule 2: a title, then capitalised words.
    if (inList(tokens[i], names.titles)) {
      for (let k = i + 1; k < Math.min(tokens.length, i + 5) && tokens[k]!.capitalised; k += 1) drop[k] = true;
    }
    // Rule 3: "tên là" and the name after it.
    for (const phrase of names.introducers) {
      const matches = phrase.every((w, k) => {
        const token = tokens[i + k];
        if (!token) return false;
        const folded = foldVietnamese(w);
        return token.folded === folded && (!token.marked || token.lower === w.toLowerCase());
      });
      if (!matches) continue;
      const start = i + phrase.length;
      for (let k = start; k < Math.min(tokens.length, start + 4); k += 1) {
        const t = tokens[k]!;
        const more = k === start || t.capitalised || (known !== undefined && !known(t.folded));
        if (!more) break;
        drop[k] = true;
      }
      break;
    }
  }

  // Rule 4: capitalised words the catalog and lexicon do not know, unless everything is In Title Case.
  if (known && tokens.some((t) => t.lowerInitial)) {
    const unknownCapital = (t: Token | undefined) => t !== undefined && t.capitalised && t.folded !== '' && (!known(t.folded) || nameWord(t));
    tokens.forEach((t, i) => {
      if (i === 0 || !t.capitalised || t.folded === '' || known(t.folded)) return;
      drop[i] = true;
      for (let k = i - 1; k >= 0 && unknownCapital(tokens[k]); k -= 1) drop[k] = true;
      for (let k = i + 1; k < tokens.length && unknownCapital(tokens[k]); k += 1) drop[k] = true;
    });
  }

  const kept: string[] = [];
  tokens.forEach((t, i) => {
    if (!drop[i]) kept.push(t.raw);
    else if (!t.raw.includes('@')) removed.names += 1;
  });
  let text = kept.join(' ').trim();
  // Punctuation left alone at the edges by a removal ("cho ,") says nothing.
  text = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (text.length > MAX_QUERY_LENGTH) text = text.slice(0, MAX_QUERY_LENGTH).replace(/\s+\S*$/u, '');
  return { text, removed };
}

/**
 * The key searches are counted under: folded (no tones, no case, no punctuation), so "Còn son",
 * "con son" and "còn  son!" are one line on the admin's list.
 */
export function queryKey(text: string): string {
  return foldVietnamese(text);
}
