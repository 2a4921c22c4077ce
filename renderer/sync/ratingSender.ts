/**
 * Sends the kiosk's pending ratings: on start, when the link comes back (the browser's `online`
 * event, or the platform's probe while ratings wait), and right after a rating is given. One drain
 * at a time; a rating leaves the pending state only when the server has it.
 */
import { useEffect } from 'react';
import type { MotcuaDb } from '../data/db.ts';
import { loadDevice } from '../data/deviceRepository.ts';
import type { TokenVault } from '../security/dataKey.ts';
import { markRatingSent, noteRatingAttempt, pendingRatings } from '../data/ratingQueue.ts';
import type { NetworkCapability } from '../platform/platform.ts';
import { keepDraining, type KeepDrainingOptions } from './linkWatch.ts';
import { sendRating } from './publicClient.ts';

/** A drain in progress per database, so overlapping triggers do not send the same rating twice at once. */
const draining = new WeakMap<MotcuaDb, Promise<number>>();

/** Sends what is pending; answers how many ratings the server now has from this drain. */
export function drainRatings(db: MotcuaDb, serverUrl: string, tokens: TokenVault): Promise<number> {
  const running = draining.get(db);
  if (running) return running.then(() => drainRatings(db, serverUrl, tokens));
  const work = (async () => {
    let sent = 0;
    try {
      // An enrolled kiosk sends with its token: its ratings then count for its own center.
      const device = await loadDevice(db, tokens);
      const sender = device.ok && device.value ? { token: device.value.token } : { centerCode: null };
      for (const rating of await pendingRatings(db)) {
        const outcome = await sendRating({ serverUrl }, rating, sender);
        if (outcome === 'retry') break;
        // A refused rating is kept as it was given (never dropped), but it stops blocking the queue.
        if (outcome === 'sent') {
          await markRatingSent(db, rating.id);
          sent += 1;
        } else await noteRatingAttempt(db, rating.id);
      }
    } catch {
      // The local store failed; the ratings stay pending for the next trigger.
    }
    return sent;
  })();
  draining.set(db, work);
  return work.finally(() => draining.delete(db));
}

/** How often a kiosk with ratings waiting asks whether the server is back. */
const PROBE_EVERY_MS = 30_000;

/** Drains now and whenever the probe finds the server again while ratings wait; `drain` runs one more now. */
export function keepSendingRatings(
  db: MotcuaDb,
  serverUrl: string,
  tokens: TokenVault,
  network: NetworkCapability,
  options: { everyMs?: number; setTimer?: KeepDrainingOptions['setTimer'] } = {},
): { stop(): void; drain(): Promise<void> } {
  return keepDraining({
    drain: async () => {
      await drainRatings(db, serverUrl, tokens);
      // Ratings still waiting: the link is down (or the server failed); probe for it rather than wait for an event.
      return (await pendingRatings(db).catch(() => [])).length > 0;
    },
    probe: network.probe,
    everyMs: options.everyMs ?? PROBE_EVERY_MS,
    ...(options.setTimer ? { setTimer: options.setTimer } : {}),
  });
}

/** Drains on mount, on every `online` event, and when the probe finds the server again. */
export function useRatingSender(db: MotcuaDb, serverUrl: string, tokens: TokenVault, network: NetworkCapability): void {
  useEffect(() => {
    const sender = keepSendingRatings(db, serverUrl, tokens, network);
    const drain = () => void sender.drain();
    window.addEventListener('online', drain);
    return () => {
      window.removeEventListener('online', drain);
      sender.stop();
    };
  }, [db, serverUrl, tokens, network]);
}
