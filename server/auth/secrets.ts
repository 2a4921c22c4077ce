/**
 * The server's secrets and how they are kept: device tokens (random, stored as sha256; they carry
 * enough entropy that a fast hash is safe) and center enrolment codes (chosen by people, so stored
 * with salted scrypt and compared in constant time).
 */
import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Easy to read aloud and type at a counter: three groups of four lowercase letters and digits, no
 * look-alikes. 12 random symbols of 31: about 59 bits, beyond any online guessing.
 */
export function newEnrolmentCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  // Rejection sampling keeps every symbol equally likely (256 is not a multiple of 31).
  const ceiling = 256 - (256 % alphabet.length);
  const chars: string[] = [];
  while (chars.length < 12) {
    for (const b of randomBytes(24)) if (b < ceiling && chars.length < 12) chars.push(alphabet[b % alphabet.length]!);
  }
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}

export function hashEnrolmentCode(code: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(code, salt, 32).toString('hex')}`;
}

/** A hash no code matches: an unknown center's code is checked against it, so it costs the same as a wrong one. */
export const UNUSABLE_CODE_HASH = hashEnrolmentCode(randomBytes(32).toString('hex'));

/** Async so that a stream of guesses does not hold the event loop (scrypt is slow on purpose). */
export async function enrolmentCodeMatches(code: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  if (expected.length === 0) return false;
  const actual = await scryptAsync(code, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}
