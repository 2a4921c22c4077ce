/**
 * Sends the kiosk's pre-registrations: right after confirmation, on start, when the link comes back
 * (the browser's `online` event, or the platform's probe while drafts wait). The draft's id makes a
 * resend harmless (the server stores each id once), so a lost answer is simply sent again: exactly
 * once on the server. Expired drafts are deleted on every drain, sent or not.
 */
import type { MotcuaDb } from '../data/db.ts';
import { loadDevice } from '../data/deviceRepository.ts';
import { noteDraftAttempt, pendingDrafts, purgeExpiredDrafts, settleDraft } from '../data/preregDrafts.ts';
import type { NetworkCapability } from '../platform/platform.ts';
import type { TokenVault } from '../security/dataKey.ts';
import { mayRetry } from './apiClient.ts';
import { keepDraining, type KeepDrainingOptions } from './linkWatch.ts';
import { sendDraft } from './preregClient.ts';

export type DraftDrainOutcome = 'done' | 'not_enrolled' | 'waiting' | 'failed';

/** A drain in progress per database, so overlapping triggers never send one draft twice at once. */
const draining = new WeakMap<MotcuaDb, Promise<{ outcome: DraftDrainOutcome; sent: number }>>();

export function drainDrafts(db: MotcuaDb, tokens: TokenVault, options: { fetchFn?: typeof fetch; now?: () => Date } = {}): Promise<{ outcome: DraftDrainOutcome; sent: number }> {
  const running = draining.get(db);
  if (running) return running.then(() => drainDrafts(db, tokens, options));
  const now = options.now ?? (() => new Date());
  const work = (async (): Promise<{ outcome: DraftDrainOutcome; sent: number }> => {
    let sent = 0;
    try {
      await purgeExpiredDrafts(db, now());
      const loaded = await loadDevice(db, tokens);
      if (!loaded.ok) return { outcome: 'failed', sent };
      const device = loaded.value;
      if (!device) return { outcome: 'not_enrolled', sent };
      const link = { serverUrl: device.serverUrl, token: device.token, ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}) };
      for (const draft of await pendingDrafts(db, now())) {
        const answer = await sendDraft(link, draft);
        if (answer.ok) {
          await settleDraft(db, draft.id, 'sent');
          sent += 1;
        } else if (mayRetry(answer.error) || (answer.error.kind === 'refused' && answer.error.status === 401)) {
          // No answer, a failing server or a refused token: the draft waits, and so do those after it.
          await noteDraftAttempt(db, draft.id, answer.error.reason);
          return { outcome: 'waiting', sent };
        } else {
          // Refused for good (expired, invalid, a code taken): the clerk asks the citizen instead.
          await settleDraft(db, draft.id, { refused: answer.error.kind === 'refused' ? answer.error.code : answer.error.reason });
        }
      }
      return { outcome: 'done', sent };
    } catch {
      // IndexedDB failed; the drafts stay where they are for the next trigger.
      return { outcome: 'failed', sent };
    }
  })();
  draining.set(db, work);
  return work.finally(() => draining.delete(db));
}

/** How often a kiosk with drafts waiting asks whether the server is back. */
const PROBE_EVERY_MS = 15_000;

/** Drains now, and again whenever the probe finds the server while drafts wait; `drain` runs one more now. */
export function keepSendingDrafts(
  db: MotcuaDb,
  tokens: TokenVault,
  network: NetworkCapability,
  options: { everyMs?: number; setTimer?: KeepDrainingOptions['setTimer']; fetchFn?: typeof fetch } = {},
): { stop(): void; drain(): Promise<void> } {
  return keepDraining({
    drain: async () => (await drainDrafts(db, tokens, options.fetchFn ? { fetchFn: options.fetchFn } : {})).outcome === 'waiting',
    probe: network.probe,
    everyMs: options.everyMs ?? PROBE_EVERY_MS,
    ...(options.setTimer ? { setTimer: options.setTimer } : {}),
  });
}
