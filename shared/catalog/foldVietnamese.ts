/**
 * Folds Vietnamese text into the one spelling search compares: citizens type with or without tones,
 * with old or new tone placement (thuỷ/thủy), in NFC or NFD, and write kí or ký, quí or quý. All of
 * those must meet, so tones and marks go, đ becomes d and every y becomes i. Pure: runs in the browser too.
 */

/** Combining marks left after NFD: the five tones plus the breve, circumflex and horn. */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** đ/Đ do not decompose under NFD; ð/Ð (eth) is a common look-alike typed by mistake. */
const D_WITH_STROKE = /[đĐðÐ]/g;
/** Anything that is not a folded letter or digit separates words. */
const SEPARATORS = /[^a-z0-9]+/g;

/**
 * Folds text and returns its words joined by single spaces, e.g. "Thủ tục Đăng ký khai sinh!" ->
 * "thu tuc dang ki khai sinh". y becomes i everywhere, not only at the end of a syllable, so that a
 * half-typed "quy" still is a prefix of "quyết" ("qui" / "quiet").
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_WITH_STROKE, 'd')
    .toLowerCase()
    .replace(/y/g, 'i')
    .replace(SEPARATORS, ' ')
    .trim();
}

/** The folded words of a text, in order. */
export function foldedWords(text: string): string[] {
  const folded = foldVietnamese(text);
  return folded === '' ? [] : folded.split(' ');
}
