/**
 * Slows down guessing of enrolment codes without ever turning the right code away because of
 * earlier wrong ones. Wrong codes are counted per address and per center (a guesser spread over
 * many addresses still hits the center's count). Past a limit, codes for that address or center are
 * still checked, but one at a time, at most one per `lockedIntervalMs`: the right code gets through
 * after a short wait, while a guesser gets a few tries a minute. Only when more requests wait than
 * `maxWaitMs` can cover (a flood, not mere failures) is a request answered "busy" unchecked.
 * All checks also share a small concurrency limit, since each costs a slow scrypt (CPU and memory).
 */

export interface EnrolmentGuardOptions {
  /** Wrong codes from one address within the window before its checks are spaced out. */
  perAddress: number;
  /** Wrong codes for one center (from anywhere) within the window before its checks are spaced out. */
  perCenter: number;
  windowMs: number;
  /** While locked, one check per this long (per address and per center). */
  lockedIntervalMs: number;
  /** A request that would wait longer than this for its turn is answered "busy" without a check. */
  maxWaitMs: number;
  /** Checks running at once, whatever their key (each is a scrypt of ~16 MB). */
  concurrentChecks: number;
  now?: () => number;
}

export const ENROLMENT_GUARD: EnrolmentGuardOptions = {
  perAddress: 10,
  perCenter: 30,
  windowMs: 15 * 60_000,
  lockedIntervalMs: 2_000,
  maxWaitMs: 20_000,
  concurrentChecks: 2,
};

export type Admission = { ok: true; waitMs: number } | { ok: false; retryAfterS: number };

export interface EnrolmentGuard {
  /**
   * Runs `check` (the code comparison) when it is this request's turn and answers what it said;
   * `busy` when the guard would not queue it (a flood). Wrong codes are counted here.
   */
  attempt(address: string, centerCode: string, check: () => Promise<boolean>): Promise<{ right: boolean } | { busy: true; retryAfterS: number }>;
  /** Wrong codes in the window for an address and a center (support and tests). */
  failures(address: string, centerCode: string): { address: number; center: number };
}

export function createEnrolmentGuard(options: EnrolmentGuardOptions = ENROLMENT_GUARD): EnrolmentGuard {
  const now = options.now ?? (() => Date.now());
  const failed = new Map<string, number[]>();
  const nextSlot = new Map<string, number>();
  let running = 0;
  const waiting: (() => void)[] = [];

  const recent = (key: string): number[] => {
    const cutoff = now() - options.windowMs;
    const times = (failed.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length === 0) failed.delete(key);
    else failed.set(key, times);
    return times;
  };
  const keys = (address: string, centerCode: string) => [
    { key: `address:${address}`, limit: options.perAddress },
    { key: `center:${centerCode.trim().toUpperCase()}`, limit: options.perCenter },
  ];

  /** The moment this request may be checked, reserving it; null when that is too far away. */
  function admit(address: string, centerCode: string): number | null {
    const t = now();
    const locked = keys(address, centerCode).filter(({ key, limit }) => recent(key).length >= limit);
    if (locked.length === 0) return t;
    const slot = Math.max(t, ...locked.map(({ key }) => nextSlot.get(key) ?? t));
    if (slot - t > options.maxWaitMs) return null;
    for (const { key } of locked) nextSlot.set(key, slot + options.lockedIntervalMs);
    return slot;
  }

  function forgetOld(): void {
    for (const key of [...failed.keys()]) recent(key);
    const t = now();
    for (const [key, slot] of [...nextSlot]) if (slot < t) nextSlot.delete(key);
  }

  async function withCheckSlot<T>(work: () => Promise<T>): Promise<T> {
    if (running >= options.concurrentChecks) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  }

  return {
    async attempt(address, centerCode, check) {
      // Many addresses each guessing once must not grow the maps for ever.
      if (failed.size + nextSlot.size > 10_000) forgetOld();
      const slot = admit(address, centerCode);
      if (slot === null) return { busy: true, retryAfterS: Math.ceil(options.maxWaitMs / 1000) };
      const wait = slot - now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const right = await withCheckSlot(check);
      if (!right) {
        for (const { key } of keys(address, centerCode)) failed.set(key, [...recent(key), now()]);
      }
      return { right };
    },
    failures(address, centerCode) {
      const [a, c] = keys(address, centerCode);
      return { address: recent(a!.key).length, center: recent(c!.key).length };
    },
  };
}
