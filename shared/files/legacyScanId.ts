/**
 * Scans used to travel inline (base64) in the file record. When a device and the server each move
 * those into their own scan stores, both must give a scan the same id, or a record resent after
 * the upgrade would no longer match the one the server keeps: the id is derived from the file id
 * and the scan's own SHA-256 (a name-based UUID, version 5 layout), so the same bytes get the same
 * id in every version of the record and different bytes never share one.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

export function legacyScanId(fileId: string, scanSha256: string): string {
  const digest = sha256(new TextEncoder().encode(`motcua-legacy-scan:${fileId}:${scanSha256}`)).slice(0, 16);
  digest[6] = (digest[6]! & 0x0f) | 0x50;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = bytesToHex(digest);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** SHA-256 of bytes as lowercase hex, synchronously (an IndexedDB upgrade cannot wait for WebCrypto). */
export function sha256HexSync(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}
