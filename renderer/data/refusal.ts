/**
 * A transaction that refuses (invalid input, wrong state) throws a Refusal to abort, so nothing is
 * written; outside, the refusal becomes the Result's error, and anything else IndexedDB threw is
 * turned into an error by `otherwise`. Dexie may wrap what was thrown in `inner`.
 */
import { err, ok, type Result } from '../../shared/result.ts';

export class Refusal<E> extends Error {
  constructor(readonly error: E) {
    super('refused');
  }
}

function refusalIn(e: unknown): Refusal<unknown> | null {
  if (e instanceof Refusal) return e;
  const inner = (e as { inner?: unknown } | null)?.inner;
  return inner instanceof Refusal ? inner : null;
}

export async function runRefusable<T, E>(work: () => Promise<T>, otherwise: (e: unknown) => E): Promise<Result<T, E>> {
  try {
    return ok(await work());
  } catch (e) {
    const refusal = refusalIn(e);
    return err(refusal ? (refusal.error as E) : otherwise(e));
  }
}
