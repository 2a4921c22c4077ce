/**
 * Kiosk searches are kept 90 days: deleted when the server starts and then on a timer (every six
 * hours by default), by the time the search happened. The clock is injected so tests can move it.
 */
import { RETENTION_DAYS } from '../../shared/learning/searchSession.ts';
import { startRepeatingPurge, type RepeatingPurge } from '../retention/repeatingPurge.ts';
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

export type SearchRetention = RepeatingPurge;

export function startSearchRetention(options: SearchRetentionOptions): SearchRetention {
  return startRepeatingPurge({
    purge: () => options.store.purgeSearchSessions(retentionStart(options.now()).toISOString()),
    everyMs: options.everyMs ?? PURGE_EVERY_MS,
    report: options.report,
  });
}
