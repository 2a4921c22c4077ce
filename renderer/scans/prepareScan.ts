/**
 * Turns a picked file into a scan ready to store (renderer/data/scanStore.ts PreparedScan): only
 * images and PDFs, recognised by their first bytes, not by name; images made smaller first
 * (shrinkImage), PDFs kept as they are; the reference computed from the bytes that will be stored.
 * Every refusal is an i18n key with the file's name, shown next to the file input.
 */
import { MAX_SCAN_BYTES, SNIFF_BYTES, sniffScanType, type ScanRef, type ScanType } from '../../shared/files/scan.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { PreparedScan } from '../data/scanStore.ts';
import { shrinkImage, type ShrunkImage } from './shrinkImage.ts';

/**
 * A photo straight from a phone can be far larger than the scan it becomes; past this, decoding it
 * could exhaust an old PC's memory (a 40 MB JPEG is around 50 megapixels).
 */
export const MAX_IMAGE_INPUT_BYTES = 40 * 1024 * 1024;

export type ScanProblemKey = 'scans.problem.notScan' | 'scans.problem.tooLarge' | 'scans.problem.unreadable';

export interface ScanProblem {
  key: ScanProblemKey;
  name: string;
  /** The limit that applies, in MB, for the message. */
  maxMb: number;
}

export interface PreparedPick extends PreparedScan {
  /** Bytes of the file as picked, before it was made smaller. */
  originalSize: number;
}

export interface PrepareOptions {
  shrink?: (image: Blob) => Promise<ShrunkImage>;
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const baseName = (name: string) => name.replace(/\.[^./\\]{1,8}$/, '');

function scanName(picked: string, type: ScanType): string {
  const base = baseName(picked).trim() || 'scan';
  const extension = type === 'application/pdf' ? 'pdf' : type === 'image/jpeg' ? 'jpg' : type.slice('image/'.length);
  return `${base.slice(0, 240)}.${extension}`;
}

export async function prepareScan(file: Blob & { name: string }, options: PrepareOptions = {}): Promise<Result<PreparedPick, ScanProblem>> {
  const refuse = (key: ScanProblemKey, maxMb = MAX_SCAN_BYTES / (1024 * 1024)) => err({ key, name: file.name, maxMb });
  let sniffed: ScanType | null;
  try {
    sniffed = sniffScanType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  } catch {
    return refuse('scans.problem.unreadable');
  }
  if (!sniffed) return refuse('scans.problem.notScan');

  let blob: Blob = file;
  let type: ScanType = sniffed;
  if (sniffed === 'application/pdf') {
    if (file.size > MAX_SCAN_BYTES) return refuse('scans.problem.tooLarge');
  } else {
    if (file.size > MAX_IMAGE_INPUT_BYTES) return refuse('scans.problem.tooLarge', MAX_IMAGE_INPUT_BYTES / (1024 * 1024));
    try {
      const shrunk = await (options.shrink ?? shrinkImage)(file);
      // A small image that was already compact stays as it was.
      if (shrunk.blob.size < file.size || file.size > MAX_SCAN_BYTES) {
        blob = shrunk.blob;
        type = 'image/jpeg';
      }
    } catch {
      return refuse('scans.problem.unreadable');
    }
    if (blob.size > MAX_SCAN_BYTES) return refuse('scans.problem.tooLarge');
  }
  if (blob.size === 0) return refuse('scans.problem.unreadable');
  // Stored with the type the bytes are, whatever the browser guessed from the name.
  const stored = blob.type === type ? blob : new Blob([blob], { type });
  const ref: ScanRef = { id: crypto.randomUUID(), name: scanName(file.name, type), type, size: stored.size, sha256: await sha256Hex(stored) };
  return ok({ ref, blob: stored, originalSize: file.size });
}
