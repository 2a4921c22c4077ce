/**
 * Turns what IndexedDB throws into a value the UI can act on. A full disk (QuotaExceededError,
 * often wrapped by Dexie as an AbortError with `inner`) is its own kind, so the app can say so
 * plainly while everything already saved stays where it is.
 */

export type StorageError =
  | { kind: 'quota'; reason: string }
  | { kind: 'unavailable'; reason: string }
  /**
   * The record did not pass fileRecordSchema or the file checks; `fields` are the dotted paths at
   * fault, `code` (with `params`) an i18n key for the first problem when there is one.
   */
  | { kind: 'invalid'; reason: string; fields: string[]; code?: string; params?: Record<string, string> }
  | { kind: 'not_found'; reason: string }
  /** The file is not in a state that allows this (e.g. resending a file that was not rejected). */
  | { kind: 'wrong_state'; reason: string }
  /** The citizen's data of a file cannot be opened: removed by retention, or it does not decrypt. */
  | { kind: 'unreadable'; reason: string }
  /** The platform's key store (OS keystore in the shell) refused to keep or give a secret. */
  | { kind: 'keystore'; reason: string };

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** True when the error, or any error it wraps, is the browser saying the disk or quota is full. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 5 || error == null || typeof error !== 'object') return false;
  const e = error as ErrorLike;
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  // Dexie's BulkError carries one error per failed row.
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

export function storageErrorFrom(error: unknown): StorageError {
  if (isQuotaError(error)) {
    return { kind: 'quota', reason: 'the device storage is full; nothing new was saved, earlier files are safe' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unavailable', reason: `local storage failed: ${message}` };
}
