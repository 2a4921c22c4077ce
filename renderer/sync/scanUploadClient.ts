/**
 * The HTTP side of scan uploads (shared/sync/scanUpload.ts) through the one API client: a chunk
 * gets time for its bytes, every answer is checked against its schema, every outcome is timed.
 */
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { offsetMismatchSchema, scanUploadStateSchema, type ScanUploadStart, type ScanUploadState } from '../../shared/sync/scanUpload.ts';
import { createApiClient, type Answer, type ApiFailure } from './apiClient.ts';
import { timeoutsFrom } from './syncClient.ts';

export interface ScanUploadClient {
  /** Starts the upload or asks where it stands (how a device resumes after anything went wrong). */
  start(scanId: string, start: ScanUploadStart): Promise<Answer<ScanUploadState>>;
  /** Sends `chunk` to be appended at `offset`. */
  sendChunk(scanId: string, offset: number, chunk: Blob): Promise<Answer<ScanUploadState>>;
}

export interface ScanUploadClientOptions {
  serverUrl: string;
  token: string;
  timeoutMs?: number;
  fetchFn?: typeof fetch;
  clock?: () => number;
}

/** Where the server stands when it refused a chunk sent at the wrong offset (409 `offset_mismatch`); else null. */
export function committedOf(failure: ApiFailure): number | null {
  if (failure.kind !== 'refused' || failure.code !== 'offset_mismatch') return null;
  const mismatch = offsetMismatchSchema.safeParse(failure.body);
  return mismatch.success ? mismatch.data.committed : null;
}

export function createScanUploadClient(options: ScanUploadClientOptions): ScanUploadClient {
  const timeouts = timeoutsFrom(options.timeoutMs);
  const api = createApiClient({
    serverUrl: options.serverUrl,
    token: options.token,
    ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(timeouts ? { timeouts } : {}),
  });
  return {
    start: (scanId, start) => api.send({ method: 'POST', path: API_PATHS.scans.scan.at(scanId), json: start, schema: scanUploadStateSchema }),
    sendChunk: (scanId, offset, chunk) =>
      api.send({ method: 'POST', path: API_PATHS.scans.chunks.at(scanId), query: { offset }, bytes: chunk, schema: scanUploadStateSchema }),
  };
}
