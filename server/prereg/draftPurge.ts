/**
 * Pre-registrations are kept only for the day they were made on: deleted when the server starts and
 * then on a timer (every ten minutes by default, so a draft is gone within minutes of Vietnam
 * midnight). Reads refuse an expired draft before this runs. The clock is injected so tests can move it.
 */
import type { PreregStore } from './preregStore.ts';

export const DRAFT_PURGE_EVERY_MS = 10 * 60 * 1000;

export interface DraftPurgeOptions {
  store: Pick<PreregStore, 'purgeDrafts'>;
  now: () => Date;
  everyMs?: number;
  /** Told how many drafts went, or why the purge failed (the server's log). */
  report(outcome: { purged: number } | { failed: string }): void;
}

export interface DraftPurge {
  /** One purge now (also what the timer runs); answers how many drafts went. */
  purgeNow(): Promise<number>;
  stop(): void;
}

export function startDraftPurge(options: DraftPurgeOptions): DraftPurge {
  let running: Promise<number> | null = null;
  const purgeNow = (): Promise<number> => {
    // One purge at a time: a slow disk must not stack them up.
    running ??= (async () => {
      try {
        const purged = await options.store.purgeDrafts(options.now().toISOString());
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
  const timer = setInterval(() => void purgeNow(), options.everyMs ?? DRAFT_PURGE_EVERY_MS);
  // The timer alone must not keep a CLI or a test process alive.
  timer.unref();
  return { purgeNow, stop: () => clearInterval(timer) };
}
