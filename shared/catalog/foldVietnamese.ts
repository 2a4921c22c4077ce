/**
 * Folds Vietnamese text into the one spelling search compares: citizens type with or without tones,
 * with old or new tone placement (thuỷ/thủy), in NFC or NFD, and write kí or ký, quí or quý. All of
 * those must meet, so tones and marks go, đ becomes d and every y becomes i. Pure: runs in the browser too.
 */

/** Marker in the table for a combining mark (a tone or vowel mark typed as NFD): dropped. */
const MARK = 1;
/** Marker for anything that is not a folded letter or digit: it separates words. */
const SEPARATOR = 0;

/**
 * Code point -> folded ASCII letter or digit, for Basic Latin, Latin-1, Latin Extended-A/B and the
 * Vietnamese block (U+1E00-U+1EFF). Built once from Unicode's own decompositions, so every
 * precomposed letter folds like its NFD spelling without normalising each string at search time.
 */
const TABLE = buildTable();

function buildTable(): Uint8Array {
  const table = new Uint8Array(0x1f00);
  const fill = (from: number, to: number): void => {
    for (let c = from; c <= to; c += 1) table[c] = foldCodePoint(c);
  };
  fill(0x0000, 0x024f);
  fill(0x1e00, 0x1eff);
  for (let c = 0x0300; c <= 0x036f; c += 1) table[c] = MARK;
  return table;
}

function foldCodePoint(c: number): number {
  // đ/Đ do not decompose under NFD; ð/Ð (eth) is a common look-alike typed by mistake.
  if (c === 0x0111 || c === 0x0110 || c === 0x00f0 || c === 0x00d0) return 100; // d
  const base = String.fromCharCode(c).normalize('NFD').toLowerCase().charCodeAt(0);
  if (base === 121) return 105; // y -> i
  if ((base >= 97 && base <= 122) || (base >= 48 && base <= 57)) return base;
  return SEPARATOR;
}

/**
 * Folds text and returns its words joined by single spaces, e.g. "Thủ tục Đăng ký khai sinh!" ->
 * "thu tuc dang ki khai sinh". y becomes i everywhere, not only at the end of a syllable, so that a
 * half-typed "quy" still is a prefix of "quyết" ("qui" / "quiet").
 */
export function foldVietnamese(text: string): string {
  const out: number[] = [];
  let gap = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const folded = c < 0x1f00 ? TABLE[c]! : SEPARATOR;
    if (folded === MARK) continue;
    if (folded === SEPARATOR) {
      gap = true;
      continue;
    }
    if (gap && out.length > 0) out.push(32);
    gap = false;
    out.push(folded);
  }
  return fromCodes(out);
}

/** String.fromCharCode in chunks: spreading a long array would overflow the call stack. */
function fromCodes(codes: number[]): string {
  const CHUNK = 8192;
  if (codes.length <= CHUNK) return String.fromCharCode(...codes);
  let s = '';
  for (let i = 0; i < codes.length; i += CHUNK) s += String.fromCharCode(...codes.slice(i, i + CHUNK));
  return s;
}

/** The folded words of a text, in order. */
export function foldedWords(text: string): string[] {
  const folded = foldVietnamese(text);
  return folded === '' ? [] : folded.split(' ');
}
