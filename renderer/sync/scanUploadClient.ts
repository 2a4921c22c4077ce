/**
 * The HTTP side of scan uploads (shared/sync/scanUpload.ts), with the same conventions as the
 * sync client: a timeout on every request (longer for bigger chunks), every answer checked
 * against its schema, every outcome a timed value.
 */
import { SCAN_PATHS, scanUploadStateSchema, type ScanUploadStart, type ScanUploadState } from '../../shared/sync/scanUpload.ts';
import { MIN_UPLOAD_BYTES_PER_SECOND, request, type Timed } from './syncClient.ts';

export interface ScanUploadClient {
  /** Starts the upload or asks where it stands (how a device resumes after anything went wrong). */
  start(scanId: string, start: ScanUploadStart): Promise<Timed<ScanUploadState>>;
  /** Sends `chunk` to be appended at `offset`. */
  sendChunk(scanId: string, offset: number, chunk: Blob): Promise<Timed<ScanUploadState>>;
}

export interface ScanUploadClientOptions {
  serverUrl: string;
  token: string;
  timeoutMs?: number;
  fetchFn?: typeof fetch;
  clock?: () => number;
}

export function createScanUploadClient(options: ScanUploadClientOptions): ScanUploadClient {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const fetchFn = options.fetchFn ?? ((...args) => globalThis.fetch(...args));
  const clock = options.clock ?? (() => performance.now());
  const url = (path: string) => new URL(path, options.serverUrl).href;
  const authorization = `Bearer ${options.token}`;
  return {
    start(scanId, start) {
      return request(
        {
          url: url(SCAN_PATHS.scan(scanId)),
          init: { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(start) },
          timeoutMs,
          schema: scanUploadStateSchema,
        },
        fetchFn,
        clock,
      );
    },
    sendChunk(scanId, offset, chunk) {
      return request(
        {
          url: url(SCAN_PATHS.chunks(scanId, offset)),
          init: { method: 'POST', headers: { authorization, 'content-type': 'application/octet-stream' }, body: chunk },
          timeoutMs: timeoutMs + Math.ceil((chunk.size / MIN_UPLOAD_BYTES_PER_SECOND) * 1000),
          schema: scanUploadStateSchema,
        },
        fetchFn,
        clock,
      );
    },
  };
}
