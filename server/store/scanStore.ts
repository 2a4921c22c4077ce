/**
 * What the server keeps of scans uploaded beside the push (shared/sync/scanUpload.ts): one upload
 * per scan id, its committed bytes, and the checked scan once the last chunk is in. The checks
 * themselves (size, sha256, magic bytes) are server/uploads/'s; the store runs them inside the
 * transaction that would commit the scan, so a scan is either stored checked or not at all.
 */
import type { Result } from '../../shared/result.ts';
import type { ScanType } from '../../shared/files/scan.ts';
import type { StorageFailure } from './store.ts';

export interface ScanUpload {
  scanId: string;
  centerCode: string;
  deviceId: string;
  fileId: string;
  name: string;
  type: ScanType;
  size: number;
  sha256: string;
  committed: number;
  complete: boolean;
}

export type NewScanUpload = Omit<ScanUpload, 'committed' | 'complete'>;

export type ChunkFailure =
  /** The chunk does not start where the upload stands (a resend, or a lost answer): resume from `committed`. */
  | { kind: 'offset_mismatch'; committed: number }
  | { kind: 'not_found' }
  /** The finished bytes failed `verify`: they were discarded and the upload starts again from 0. */
  | { kind: 'refused'; reason: string; code: string }
  | StorageFailure;

export interface ScanStore {
  /** The upload under this id, whatever its center (the caller checks), or null. */
  findScanUpload(scanId: string): Promise<Result<ScanUpload | null, StorageFailure>>;
  /** Creates the upload, unless one with this id exists: then that one is returned unchanged. */
  createScanUpload(upload: NewScanUpload): Promise<Result<ScanUpload, StorageFailure>>;
  /**
   * Appends `bytes` at `offset` (which must be the committed offset). When that completes the
   * scan, `verify` sees the whole of it in the same transaction: null stores it as complete, a
   * refusal discards every byte of it.
   */
  appendScanChunk(
    scanId: string,
    offset: number,
    bytes: Buffer,
    verify: (upload: ScanUpload, whole: Buffer) => { reason: string; code: string } | null,
  ): Promise<Result<ScanUpload, ChunkFailure>>;
  /** A complete scan's bytes, only within the center. */
  readScan(centerCode: string, scanId: string): Promise<Result<{ upload: ScanUpload; data: Buffer } | null, StorageFailure>>;
  /** The center a file belongs to, or null when the server does not have the file (yet). */
  fileCenter(fileId: string): Promise<Result<string | null, StorageFailure>>;
}
