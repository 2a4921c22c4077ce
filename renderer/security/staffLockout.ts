/**
 * Guessing a 4-digit PIN must not be a matter of patience: five wrong PINs in a row lock that
 * person's account for a while. The count and the lock are kept on the staff row in IndexedDB,
 * so reloading the page or restarting the PC does not reset them. Pure rules, tested without a clock.
 */
export const MAX_WRONG_PINS = 5;
export const LOCK_MINUTES = 5;

export interface LockState {
  /** Wrong PINs since the last right one or the last lock. */
  failedPins?: number;
  /** ISO time until which the account refuses every PIN; null or absent when not locked. */
  lockedUntil?: string | null;
}

/** The end of the lock, or null when the account may try a PIN now. */
export function lockedUntil(state: LockState, now: Date): Date | null {
  if (!state.lockedUntil) return null;
  const until = new Date(state.lockedUntil);
  return Number.isNaN(until.getTime()) || until <= now ? null : until;
}

/** The state after a wrong PIN: one more failure, or a fresh lock at the fifth. */
export function afterWrongPin(state: LockState, now: Date): Required<LockState> {
  // A lock starts the count again from zero, so after it ends there are five fresh tries.
  const failed = (state.failedPins ?? 0) + 1;
  if (failed >= MAX_WRONG_PINS) return { failedPins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() };
  return { failedPins: failed, lockedUntil: null };
}

/** The state after the right PIN (or an admin's reset): a clean slate. */
export const cleared = (): Required<LockState> => ({ failedPins: 0, lockedUntil: null });
