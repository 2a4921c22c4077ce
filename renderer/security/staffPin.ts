/**
 * Staff PINs are never stored: only a PBKDF2-SHA-256 hash with a per-person salt (WebCrypto,
 * the same in Chromium and Electron). A PIN is 4 to 8 digits, typed on the counter's PIN pad.
 */
const ITERATIONS = 100_000;

export const isValidPin = (pin: string) => /^\d{4,8}$/.test(pin);

const toHex = (bytes: ArrayBuffer | Uint8Array) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

export function newSalt(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}

export async function hashPin(pin: string, salt: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new TextEncoder().encode(salt), iterations: ITERATIONS },
    key,
    256,
  );
  return toHex(bits);
}

export async function verifyPin(pin: string, salt: string, expectedHash: string): Promise<boolean> {
  return (await hashPin(pin, salt)) === expectedHash;
}
