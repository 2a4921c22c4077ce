/** The enrolment guard on a fake clock: when checks happen, and that the right code always gets one. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEnrolmentGuard, type EnrolmentGuardOptions } from '../../server/auth/enrolmentGuard.ts';

const OPTIONS: EnrolmentGuardOptions = { perAddress: 3, perCenter: 5, windowMs: 60_000, lockedIntervalMs: 1_000, maxWaitMs: 5_000, concurrentChecks: 2 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('enrolment guard', () => {
  it('checks freely until the limit, then one check per interval for the locked address', async () => {
    const guard = createEnrolmentGuard({ ...OPTIONS, now: () => Date.now() });
    const checkedAt: number[] = [];
    const wrong = async () => {
      checkedAt.push(Date.now());
      return false;
    };
    for (let i = 0; i < 3; i += 1) await guard.attempt('10.0.0.1', 'XA', wrong);
    expect(guard.failures('10.0.0.1', 'XA')).toEqual({ address: 3, center: 3 });
    const start = Date.now();
    const pending = [1, 2, 3].map(() => guard.attempt('10.0.0.1', 'XA', wrong));
    await vi.advanceTimersByTimeAsync(2_500);
    await Promise.all(pending);
    expect(checkedAt.slice(3).map((t) => t - start)).toEqual([0, 1_000, 2_000]);
  });

  it('never refuses the right code because of earlier failures: it waits its turn and is checked', async () => {
    const guard = createEnrolmentGuard({ ...OPTIONS, now: () => Date.now() });
    for (let i = 0; i < 20; i += 1) {
      const attempt = guard.attempt('10.0.0.1', 'XA', async () => false);
      await vi.advanceTimersByTimeAsync(1_000);
      await attempt;
    }
    const right = guard.attempt('10.0.0.1', 'XA', async () => true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await right).toEqual({ right: true });
  });

  it('locks a center guessed from many addresses, and leaves other centers alone', async () => {
    const guard = createEnrolmentGuard({ ...OPTIONS, now: () => Date.now() });
    for (let i = 0; i < 5; i += 1) await guard.attempt(`10.0.1.${i}`, 'XA', async () => false);
    const outcomes = Array.from({ length: 10 }, (_, i) => guard.attempt(`10.0.2.${i}`, 'XA', async () => false));
    const other = await guard.attempt('10.0.2.0', 'XB', async () => true);
    expect(other).toEqual({ right: true });
    await vi.advanceTimersByTimeAsync(10_000);
    const answers = await Promise.all(outcomes);
    // 5 s of waiting at one check a second holds six (now, +1 s ... +5 s); the other four are busy.
    expect(answers.filter((a) => 'busy' in a)).toHaveLength(4);
    expect(answers.filter((a) => 'right' in a)).toHaveLength(6);
  });
});
