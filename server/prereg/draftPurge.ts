/**
 * Pre-registrations are kept only for the day they were made on: deleted when the server starts and
 * then on a timer (every ten minutes by default, so a draft is gone within minutes of Vietnam
 * midnight). Reads refuse an expired draft before this runs. The clock is injected so tests can move it.
 */
import { startRepeatingPurge, type RepeatingPurge } from '../retention/repeatingPurge.ts';
import type { PreregStore } from './preregStore.ts';

export const DRAFT_PURGE_EVERY_MS = 10 * 60 * 1000;

export interface DraftPurgeOptions {
  store: Pick<PreregStore, 'purgeDrafts'>;
  now: () => Date;
  everyMs?: number;
  /** Told how many drafts went, or why the purge failed (the server's log). */
  report(outcome: { purged: number } | { failed: string }): void;
}

export type DraftPurge = RepeatingPurge;

export function startDraftPurge(options: DraftPurgeOptions): DraftPurge {
  return startRepeatingPurge({
    purge: () => options.store.purgeDrafts(options.now().toISOString()),
    everyMs: options.everyMs ?? DRAFT_PURGE_EVERY_MS,
    report: options.report,
  });
}
