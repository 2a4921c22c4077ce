/**
 * Encrypts and decrypts personal data kept on the device (WebCrypto AES-GCM, a fresh 96-bit IV per
 * value). Each sealed value names the key that sealed it and is bound to a context string (e.g. the
 * file id) as additional data, so a value copied onto another record does not decrypt there.
 * Used for file records and outbox payloads, and by whoever stores scans (`encryptBlob`).
 */
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

/*
 * The envelopes are checked by hand, not with a schema library: their fields are bytes and blobs
 * (instanceof checks a schema would only wrap), and the kiosk opens its database before any
 * schema is needed.
 */
function isEnvelope(value: unknown): value is { v: typeof SEALED_VERSION; keyId: string; iv: Uint8Array<ArrayBuffer>; data: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const { v, keyId, iv } = value as Record<string, unknown>;
  return v === SEALED_VERSION && typeof keyId === 'string' && keyId.length >= 1 && keyId.length <= 64 && iv instanceof Uint8Array && iv.byteLength === IV_BYTES;
}

export function isSealed(value: unknown): value is Sealed {
  return isEnvelope(value) && value.data instanceof Uint8Array;
}

export function isSealedBlob(value: unknown): value is SealedBlob {
  if (!isEnvelope(value)) return false;
  const { type, data } = value as unknown as Record<string, unknown>;
  return typeof type === 'string' && type.length <= 200 && typeof Blob !== 'undefined' && data instanceof Blob;
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
      if (!isSealed(sealed)) return err('the stored data is not in the sealed format');
      const plain = await decrypt(sealed.keyId, sealed.iv, sealed.data, context);
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
      if (!isSealedBlob(sealed)) return err('the stored scan is not in the sealed format');
      const cipherBytes = new Uint8Array(await sealed.data.arrayBuffer());
      const plain = await decrypt(sealed.keyId, sealed.iv, cipherBytes, context);
      return plain.ok ? ok(new Blob([plain.value], { type: sealed.type })) : plain;
    },
  };
}
