/**
 * Encrypts and decrypts personal data kept on the device (WebCrypto AES-GCM, a fresh 96-bit IV per
 * value). Each sealed value names the key that sealed it and is bound to a context string (e.g. the
 * file id) as additional data, so a value copied onto another record does not decrypt there.
 * Used for file records and outbox payloads, and by whoever stores scans (`encryptBlob`).
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result.ts';
import type { DataKey } from './dataKey.ts';

export const SEALED_VERSION = 1;
const IV_BYTES = 12;

/** A JSON value or bytes, encrypted: what IndexedDB holds instead of the plaintext. */
export interface Sealed {
  v: typeof SEALED_VERSION;
  keyId: string;
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

/** A blob (a scan), encrypted; the ciphertext stays a Blob so IndexedDB can keep it out of line. */
export interface SealedBlob {
  v: typeof SEALED_VERSION;
  keyId: string;
  iv: Uint8Array<ArrayBuffer>;
  /** The original MIME type, restored on decryption. */
  type: string;
  data: Blob;
}

const bytes = z.custom<Uint8Array<ArrayBuffer>>((v) => v instanceof Uint8Array, 'expected bytes');
const envelope = { v: z.literal(SEALED_VERSION), keyId: z.string().min(1).max(64), iv: bytes.refine((iv) => iv.byteLength === IV_BYTES, 'the IV must be 12 bytes') };
export const sealedSchema = z.object({ ...envelope, data: bytes });
export const sealedBlobSchema = z.object({ ...envelope, type: z.string().max(200), data: z.custom<Blob>((v) => typeof Blob !== 'undefined' && v instanceof Blob, 'expected a blob') });

export function isSealed(value: unknown): value is Sealed {
  return sealedSchema.safeParse(value).success;
}

export interface DataCipher {
  /** The id of the key new values are sealed with. */
  readonly keyId: string;
  /** Encrypts a JSON value bound to `context` (the same context must be given to open it). */
  seal(value: unknown, context: string): Promise<Sealed>;
  /** Decrypts a value sealed by `seal` under `context`; a reason a person can read when it cannot. */
  open(sealed: unknown, context: string): Promise<Result<unknown, string>>;
  encryptBlob(blob: Blob, context: string): Promise<SealedBlob>;
  decryptBlob(sealed: unknown, context: string): Promise<Result<Blob, string>>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A cipher over one key ring: `current` seals, any of them opens (values sealed before a rotation
 * still read while the old key is kept).
 */
export function createDataCipher(current: DataKey, older: readonly DataKey[] = []): DataCipher {
  const ring = new Map([...older, current].map((k) => [k.id, k.key]));

  async function encrypt(plain: Uint8Array<ArrayBuffer>, context: string): Promise<{ iv: Uint8Array<ArrayBuffer>; data: Uint8Array<ArrayBuffer> }> {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, current.key, plain);
    return { iv, data: new Uint8Array(data) };
  }

  async function decrypt(keyId: string, iv: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>, context: string): Promise<Result<ArrayBuffer, string>> {
    const key = ring.get(keyId);
    if (!key) return err(`sealed with key ${keyId}, which this device does not hold`);
    try {
      return ok(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, data));
    } catch {
      // AES-GCM says no more than "does not authenticate": damaged, or sealed for another record.
      return err('the stored data does not decrypt with this device key (damaged, or copied from another record)');
    }
  }

  return {
    keyId: current.id,
    async seal(value, context) {
      const { iv, data } = await encrypt(encoder.encode(JSON.stringify(value)), context);
      return { v: SEALED_VERSION, keyId: current.id, iv, data };
    },
    async open(sealed, context) {
      const parsed = sealedSchema.safeParse(sealed);
      if (!parsed.success) return err('the stored data is not in the sealed format');
      const plain = await decrypt(parsed.data.keyId, parsed.data.iv, parsed.data.data, context);
      if (!plain.ok) return plain;
      try {
        return ok(JSON.parse(decoder.decode(plain.value)) as unknown);
      } catch {
        return err('the decrypted data is not readable');
      }
    },
    async encryptBlob(blob, context) {
      const { iv, data } = await encrypt(new Uint8Array(await blob.arrayBuffer()), context);
      return { v: SEALED_VERSION, keyId: current.id, iv, type: blob.type, data: new Blob([data], { type: 'application/octet-stream' }) };
    },
    async decryptBlob(sealed, context) {
      const parsed = sealedBlobSchema.safeParse(sealed);
      if (!parsed.success) return err('the stored scan is not in the sealed format');
      const cipherBytes = new Uint8Array(await parsed.data.data.arrayBuffer());
      const plain = await decrypt(parsed.data.keyId, parsed.data.iv, cipherBytes, context);
      return plain.ok ? ok(new Blob([plain.value], { type: parsed.data.type })) : plain;
    },
  };
}
