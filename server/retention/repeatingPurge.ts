/**
 * A purge of what the server keeps only for a while (expired pre-registrations, old kiosk searches):
 * run when the server starts, then on a timer, one at a time so a slow disk never stacks them up,
 * its outcome told to the server's log.
 */
import type { Result } from '../../shared/result.ts';

export interface RepeatingPurge {
  /** One purge now (also what the timer runs); answers how many records went. */
  purgeNow(): Promise<number>;
  stop(): void;
}

export interface RepeatingPurgeOptions {
  purge: () => Promise<Result<number, { reason: string }>>;
  everyMs: number;
  /** Told how many records went, or why the purge failed. */
  report(outcome: { purged: number } | { failed: string }): void;
}

export function startRepeatingPurge(options: RepeatingPurgeOptions): RepeatingPurge {
  let running: Promise<number> | null = null;
  const purgeNow = (): Promise<number> => {
    running ??= (async () => {
      try {
        const purged = await options.purge();
        if (!purged.ok) {
          options.report({ failed: purged.error.reason });
          return 0;
        }
        if (purged.value > 0) options.report({ purged: purged.value });
        return purged.value;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  void purgeNow();
  const timer = setInterval(() => void purgeNow(), options.everyMs);
  // The timer alone must not keep a CLI or a test process alive.
  timer.unref();
  return { purgeNow, stop: () => clearInterval(timer) };
}
