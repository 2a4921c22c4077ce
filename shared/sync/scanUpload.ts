/**
 * Resumable scan uploads, beside (not inside) the numbered push: a file record refers to its scans
 * by id + sha256 + size + type, and each scan travels on its own, so a record never waits for its
 * scans and a bad scan never holds up anything else.
 *
 *   POST /api/scans/:scanId          { fileId, name, type, size, sha256 } -> { committed, complete }
 *        Creates the upload, or answers where an existing one stands (idempotent: the same scan
 *        again is not an error; other metadata under a known id is a 409 `scan_conflict`).
 *   POST /api/scans/:scanId/chunks?offset=N   (application/octet-stream, at most SCAN_CHUNK_MAX_BYTES)
 *        Appends the bytes if N is what the server has committed, else 409 `offset_mismatch` with
 *        the committed offset, from which the device resumes. The chunk that completes the scan
 *        is checked (size, sha256, magic bytes) before the scan counts as stored; a mismatch
 *        discards the bytes (422) so the next attempt starts clean.
 *   GET  /api/scans/:scanId          the stored bytes (same center only).
 *
 * A lost answer is harmless: asking again (POST /api/scans/:scanId) tells the device where to go on.
 */
import { z } from 'zod';
import { MAX_SCAN_BYTES, scanTypeSchema, sha256HexSchema } from '../files/scan.ts';

/** What a device sends in one chunk request; 256 KiB takes about 2 s at 1 Mbit/s, so a drop costs little. */
export const SCAN_CHUNK_BYTES = 256 * 1024;
/** The largest chunk the server takes (room for a device that sends bigger ones on a good link). */
export const SCAN_CHUNK_MAX_BYTES = 1024 * 1024;

export const scanUploadStartSchema = z.object({
  fileId: z.uuid(),
  name: z.string().min(1).max(255),
  type: scanTypeSchema,
  size: z.number().int().positive().max(MAX_SCAN_BYTES),
  sha256: sha256HexSchema,
});
export type ScanUploadStart = z.infer<typeof scanUploadStartSchema>;

export const scanUploadStateSchema = z.object({
  scanId: z.uuid(),
  /** Bytes the server holds for good; the next chunk starts here. */
  committed: z.number().int().nonnegative(),
  /** The whole scan is stored and checked. */
  complete: z.boolean(),
});
export type ScanUploadState = z.infer<typeof scanUploadStateSchema>;

export const chunkQuerySchema = z.object({ offset: z.coerce.number().int().nonnegative().max(MAX_SCAN_BYTES) });

/** 409 body when a chunk does not start where the server is: resend from `committed`. */
export const offsetMismatchSchema = z.object({ error: z.literal('offset_mismatch'), reason: z.string(), committed: z.number().int().nonnegative() });

/**
 * Why the server refuses a scan for good (the device stops trying and shows the reason):
 * `scan_conflict` other metadata under a known scan id; `wrong_center` the file belongs to
 * another center; `type_mismatch` the bytes are not the declared image/PDF; `too_large`; `invalid_request`.
 * `checksum_mismatch` is not final by itself: the bytes were discarded and may be sent again.
 */
export const SCAN_REFUSALS = ['scan_conflict', 'wrong_center', 'type_mismatch', 'too_large', 'invalid_request'] as const;
