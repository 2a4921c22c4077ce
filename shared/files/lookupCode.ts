/**
 * The lookup code printed on a receipt (and in its QR code) beside the file number: file numbers
 * are sequential, so the public status route needs this short secret as well. Made at the counter
 * from the platform's cryptographic random source; easy for a villager to read and type.
 *
 * 8 characters from 20 symbols: 20^8 ≈ 2.6 × 10^10 codes (34.6 bits). At the public route's limit
 * of 120 requests a minute per address, one address needs ~200 years on average to hit one code of
 * one file; 1,000 addresses together ~2.4 months, for one file, with every wrong try logged.
 */
import { z } from 'zod';

/**
 * Digits and capitals that cannot be mistaken for one another on paper or a touch keyboard: none of
 * 0 O Q D, 1 I L J, U V; of 2/Z, 5/S, 6/G, 8/B only the digit; no F, W (not in the Vietnamese alphabet).
 */
export const LOOKUP_CODE_ALPHABET = '23456789ACEHKMNPRTXY';
export const LOOKUP_CODE_LENGTH = 8;

/** A lookup code as stored and sent: exactly LOOKUP_CODE_LENGTH symbols of the alphabet, capitals. */
export const lookupCodeSchema = z
  .string()
  .regex(new RegExp(`^[${LOOKUP_CODE_ALPHABET}]{${LOOKUP_CODE_LENGTH}}$`), 'a lookup code is 8 letters and digits from the receipt');

/** A fresh code; `random` fills a byte array (default: crypto.getRandomValues, in Node and the browser). */
export function newLookupCode(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const n = LOOKUP_CODE_ALPHABET.length;
  // Rejection sampling: bytes at or above the largest multiple of n would favour the first symbols.
  const ceiling = 256 - (256 % n);
  let code = '';
  while (code.length < LOOKUP_CODE_LENGTH) {
    for (const byte of random(new Uint8Array(LOOKUP_CODE_LENGTH * 2))) {
      if (byte < ceiling && code.length < LOOKUP_CODE_LENGTH) code += LOOKUP_CODE_ALPHABET[byte % n];
    }
  }
  return code;
}

/**
 * What a person typed, as a code: capitals, spaces and dashes dropped (the receipt prints it as
 * "K7QX-3MPA"). Null when it is not a code of the alphabet and length.
 */
export function normaliseLookupCode(text: string): string | null {
  const code = text.toUpperCase().replace(/[\s-]+/g, '');
  return lookupCodeSchema.safeParse(code).success ? code : null;
}

/** The code as the receipt prints it, in two groups of four. */
export function formatLookupCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Compares without an early exit, so the time taken does not tell how many characters were right. */
export function sameLookupCode(stored: string, given: string): boolean {
  const a = normaliseLookupCode(stored);
  const b = normaliseLookupCode(given);
  if (a === null || b === null) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** What the receipt's QR code holds: the file number and the lookup code, separated by a space. */
export function receiptQrText(number: string, lookupCode: string): string {
  return `${number} ${lookupCode}`;
}

/**
 * Reads a receipt QR (or a typed "NUMBER CODE"): the number as written, and the code when one
 * follows. Older receipts hold only the number.
 */
export function readReceiptText(text: string): { number: string; code: string | null } {
  const [number = '', ...rest] = text.trim().split(/\s+/);
  const code = rest.length > 0 ? normaliseLookupCode(rest.join('')) : null;
  return { number: number.toUpperCase(), code };
}
