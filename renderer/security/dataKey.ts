/**
 * The key that encrypts citizens' personal data on this device (AES-GCM, 256 bits). Every key in
 * use is non-extractable: script on the page can encrypt and decrypt with it, never read it out.
 * A key carries an id that every sealed value records, so a later rotation can tell keys apart.
 */
import { err, ok, type Result } from '../../shared/result.ts';

export interface DataKey {
  /** Short random id written next to every value sealed with this key. */
  readonly id: string;
  readonly key: CryptoKey;
}

/** Where a platform keeps its data key: opened once at start-up, before the database. */
export interface DataKeySource {
  open(): Promise<Result<DataKey, string>>;
}

/**
 * Where the device token lives: the OS keystore in the shell, IndexedDB (sealed with the data key)
 * in a browser. `null` when the device has never been enrolled.
 */
export interface TokenVault {
  read(): Promise<Result<string | null, string>>;
  write(token: string): Promise<Result<null, string>>;
}

export const DATA_KEY_BYTES = 32;
const ALGORITHM = { name: 'AES-GCM', length: 256 } as const;
const USAGES: KeyUsage[] = ['encrypt', 'decrypt'];

export function newKeyId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}

/** A fresh key made inside WebCrypto: its bytes never exist in script. */
export async function generateDataKey(): Promise<DataKey> {
  const key = await crypto.subtle.generateKey(ALGORITHM, false, USAGES);
  return { id: newKeyId(), key };
}

/** Imports raw key bytes (from the OS keystore) as a non-extractable key, then wipes the bytes. */
export async function importDataKey(raw: Uint8Array<ArrayBuffer>, id: string): Promise<Result<DataKey, string>> {
  if (raw.byteLength !== DATA_KEY_BYTES) return err(`the stored data key has ${raw.byteLength} bytes instead of ${DATA_KEY_BYTES}`);
  try {
    const key = await crypto.subtle.importKey('raw', raw, ALGORITHM, false, USAGES);
    return ok({ id, key });
  } catch (e) {
    return err(`the stored data key cannot be used: ${(e as Error).message}`);
  } finally {
    raw.fill(0);
  }
}

/** True for a key this module could have made: AES-GCM, 256 bits, encrypt and decrypt, not extractable. */
export function isUsableDataKey(value: unknown): value is CryptoKey {
  if (typeof CryptoKey === 'undefined' || !(value instanceof CryptoKey)) return false;
  const algorithm = value.algorithm as AesKeyAlgorithm;
  return algorithm.name === 'AES-GCM' && algorithm.length === 256 && !value.extractable && USAGES.every((u) => value.usages.includes(u));
}
