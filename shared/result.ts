/**
 * Results across boundaries: a failure is a value with a reason a person can read,
 * never an exception (exceptions are kept for programmer errors).
 */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
