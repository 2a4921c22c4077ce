/**
 * Kiosk searches are kept 90 days: deleted when the server starts and then on a timer (every six
 * hours by default), by the time the search happened. The clock is injected so tests can move it.
 */
import { RETENTION_DAYS } from '../../shared/learning/searchSession.ts';
import type { LearningStore } from './learningStore.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;

/** The oldest search time still kept at `now`. */
export const retentionStart = (now: Date): Date => new Date(now.getTime() - RETENTION_DAYS * DAY_MS);

export interface SearchRetentionOptions {
  store: Pick<LearningStore, 'purgeSearchSessions'>;
  now: () => Date;
  everyMs?: number;
  /** Told how many searches went, or why the purge failed (the server's log). */
  report(outcome: { purged: number } | { failed: string }): void;
}

export interface SearchRetention {
  /** One purge now (also what the timer runs); answers how many searches went. */
  purgeNow(): Promise<number>;
  stop(): void;
}

export function startSearchRetention(options: SearchRetentionOptions): SearchRetention {
  let running: Promise<number> | null = null;
  const purgeNow = (): Promise<number> => {
    // One purge at a time: a slow disk must not stack them up.
    running ??= (async () => {
      try {
        const purged = await options.store.purgeSearchSessions(retentionStart(options.now()).toISOString());
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
  const timer = setInterval(() => void purgeNow(), options.everyMs ?? PURGE_EVERY_MS);
  // The timer alone must not keep a CLI or a test process alive.
  timer.unref();
  return { purgeNow, stop: () => clearInterval(timer) };
}
