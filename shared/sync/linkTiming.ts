/**
 * How long a device waits for the server, and when it calls the link slow: one policy for every
 * request of the renderer's API client and for the shell's network probe, so the status bar, the
 * probe and every screen agree on what "slow" and "no answer" mean.
 */
import type { NetworkProbe } from '../ipc/contract.ts';

/**
 * An answer slower than this marks the link slow. One value for the sync engine (which times its
 * real requests) and the probe (which times /api/health): staff see "slow" when sending will keep
 * them waiting, whatever measured it. 3 s is past what feels instant even for a push of 50 files
 * on a loaded server, and well under the request timeouts below.
 */
export const SLOW_ANSWER_MS = 3_000;

/** How long the probe waits for /api/health before it says offline (a small request, below). */
export const PROBE_TIMEOUT_MS = 5_000;

/**
 * Request timeouts by how a request is used. `glance`: a citizen stands at the kiosk waiting (the
 * last known answer is shown instead); `normal`: every other request (sync steps, an admin's
 * save); `bulk`: a download of megabytes (the whole catalog, the administrative units).
 */
export const REQUEST_TIMEOUTS = {
  glance: 8_000,
  normal: 20_000,
  bulk: 80_000,
} as const;
export type RequestWeight = keyof typeof REQUEST_TIMEOUTS;

/** A slow link still gets this many bytes through per second before an upload (push, scan chunk) times out. */
export const MIN_UPLOAD_BYTES_PER_SECOND = 32 * 1024;

/** The time an upload of `bytes` gets: the request's own time plus the bytes at the slowest rate we still serve. */
export function uploadTimeoutMs(baseMs: number, bytes: number): number {
  return baseMs + Math.ceil((bytes / MIN_UPLOAD_BYTES_PER_SECOND) * 1000);
}

/** A probe's answer: offline without an answer, else online or slow by the one threshold. */
export function classifyProbe(answered: boolean, elapsedMs: number, slowMs = SLOW_ANSWER_MS): NetworkProbe {
  if (!answered) return { state: 'offline', elapsedMs: null };
  return { state: elapsedMs > slowMs ? 'slow' : 'online', elapsedMs };
}
