/**
 * The rules of a scan upload (shared/sync/scanUpload.ts), apart from HTTP and SQL: who may start or
 * continue one, what a chunk must be, and the check a finished scan must pass (declared size,
 * sha256 and magic bytes) before it counts as stored. Every refusal is a value with a code and a
 * reason; the routes only map codes to statuses.
 */
import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../shared/result.ts';
import { SNIFF_BYTES, sniffScanType } from '../../shared/files/scan.ts';
import type { ScanUploadStart, ScanUploadState } from '../../shared/sync/scanUpload.ts';
import type { ScanStore, ScanUpload } from '../store/scanStore.ts';
import type { Device } from '../store/store.ts';

export type UploadRefusal =
  | { code: 'scan_conflict' | 'wrong_center' | 'type_mismatch' | 'checksum_mismatch' | 'not_found' | 'storage'; reason: string }
  | { code: 'offset_mismatch'; reason: string; committed: number };

const stateOf = (upload: ScanUpload): ScanUploadState => ({ scanId: upload.scanId, committed: upload.committed, complete: upload.complete });

const sameScan = (upload: ScanUpload, start: ScanUploadStart): boolean =>
  upload.fileId === start.fileId && upload.type === start.type && upload.size === start.size && upload.sha256 === start.sha256;

/** Starts an upload, or says where an existing one stands (asking again is how a device resumes). */
export async function startScanUpload(
  store: ScanStore,
  device: Device,
  scanId: string,
  start: ScanUploadStart,
): Promise<Result<ScanUploadState, UploadRefusal>> {
  const fileCenter = await store.fileCenter(start.fileId);
  if (!fileCenter.ok) return err({ code: 'storage', reason: fileCenter.error.reason });
  if (fileCenter.value !== null && fileCenter.value !== device.centerCode) {
    return err({ code: 'wrong_center', reason: `file ${start.fileId} belongs to another center, not to ${device.centerCode}` });
  }
  const created = await store.createScanUpload({ scanId, centerCode: device.centerCode, deviceId: device.id, ...start });
  if (!created.ok) return err({ code: 'storage', reason: created.error.reason });
  const upload = created.value;
  if (upload.centerCode !== device.centerCode || !sameScan(upload, start)) {
    return err({ code: 'scan_conflict', reason: `scan ${scanId} is already on the server with other content` });
  }
  return ok(stateOf(upload));
}

/** The check a whole scan must pass before it is stored: the size and sha256 it was announced with, and bytes of its type. */
export function verifyScan(upload: ScanUpload, whole: Buffer): { code: string; reason: string } | null {
  if (whole.length !== upload.size) {
    return { code: 'checksum_mismatch', reason: `scan ${upload.scanId} was announced as ${upload.size} bytes but ${whole.length} arrived` };
  }
  const sha256 = createHash('sha256').update(whole).digest('hex');
  if (sha256 !== upload.sha256) return { code: 'checksum_mismatch', reason: `scan ${upload.scanId} arrived damaged (sha256 ${sha256}, expected ${upload.sha256})` };
  const sniffed = sniffScanType(whole.subarray(0, SNIFF_BYTES));
  if (sniffed !== upload.type) return { code: 'type_mismatch', reason: `scan ${upload.scanId} is not a ${upload.type} (its bytes say ${sniffed ?? 'neither an image nor a PDF'})` };
  return null;
}

/** Appends one chunk at `offset`; the chunk that completes the scan is verified in the same step. */
export async function receiveScanChunk(
  store: ScanStore,
  device: Device,
  scanId: string,
  offset: number,
  chunk: Buffer,
): Promise<Result<ScanUploadState, UploadRefusal>> {
  const found = await store.findScanUpload(scanId);
  if (!found.ok) return err({ code: 'storage', reason: found.error.reason });
  const upload = found.value;
  if (!upload || upload.centerCode !== device.centerCode) return err({ code: 'not_found', reason: `no upload ${scanId} in center ${device.centerCode}: start it first` });
  // The first bytes say what the scan is: refuse a wrong type before the rest is sent.
  if (offset === 0 && upload.committed === 0 && chunk.length >= SNIFF_BYTES && sniffScanType(chunk.subarray(0, SNIFF_BYTES)) !== upload.type) {
    return err({ code: 'type_mismatch', reason: `scan ${scanId} does not start like a ${upload.type}` });
  }
  const appended = await store.appendScanChunk(scanId, offset, chunk, verifyScan);
  if (appended.ok) return ok(stateOf(appended.value));
  const failure = appended.error;
  switch (failure.kind) {
    case 'offset_mismatch':
      return err({ code: 'offset_mismatch', committed: failure.committed, reason: `the server holds ${failure.committed} bytes of scan ${scanId}: send from there` });
    case 'not_found':
      return err({ code: 'not_found', reason: `no upload ${scanId}: start it first` });
    case 'refused':
      return err({ code: failure.code === 'type_mismatch' ? 'type_mismatch' : 'checksum_mismatch', reason: failure.reason });
    default:
      return err({ code: 'storage', reason: failure.reason });
  }
}
