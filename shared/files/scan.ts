/**
 * Scans (bản chụp) of the papers a citizen hands in: which kinds are accepted, how large they may
 * be, and how a file record refers to one. The bytes never travel inside the record: a record
 * lists its scans by id + sha256 + size + type, and each scan is uploaded on its own
 * (shared/sync/scanUpload.ts), so a record is never held up by its scans.
 */
import { z } from 'zod';

/** The advertised limit: a scan as stored and uploaded (images are made smaller on the device first). */
export const MAX_SCAN_BYTES = 5 * 1024 * 1024;
export const MAX_SCANS_PER_FILE = 10;

/** Only images and PDFs are scans; everything else is refused on the device and on the server. */
export const SCAN_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const scanTypeSchema = z.enum(SCAN_TYPES);
export type ScanType = z.infer<typeof scanTypeSchema>;

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits');

/** How a file record refers to one of its scans. */
export const scanRefSchema = z.object({
  /** Client-made UUID: the scan's identity on the device, in the upload and on the server. */
  id: z.uuid(),
  name: z.string().min(1).max(255),
  type: scanTypeSchema,
  size: z.number().int().positive().max(MAX_SCAN_BYTES),
  sha256: sha256HexSchema,
});
export type ScanRef = z.infer<typeof scanRefSchema>;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

/**
 * What the bytes really are, from their first bytes (the name and the browser's type can lie):
 * JPEG FF D8 FF, PNG's 8-byte signature, WebP "RIFF....WEBP", PDF "%PDF-". Null for anything else.
 */
export function sniffScanType(head: Uint8Array): ScanType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** Bytes sniffScanType needs to decide. */
export const SNIFF_BYTES = 12;
