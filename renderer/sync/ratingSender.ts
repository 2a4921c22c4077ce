/**
 * Sends the kiosk's pending ratings: on start, when the link comes back, and right after a rating
 * is given. One drain at a time; a rating leaves the pending state only when the server has it.
 */
import { useEffect } from 'react';
import type { MotcuaDb } from '../data/db.ts';
import { loadDevice } from '../data/deviceRepository.ts';
import type { TokenVault } from '../security/dataKey.ts';
import { markRatingSent, noteRatingAttempt, pendingRatings } from '../data/ratingQueue.ts';
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

/** Drains on mount and on every `online` event. */
export function useRatingSender(db: MotcuaDb, serverUrl: string, tokens: TokenVault): void {
  useEffect(() => {
    const drain = () => void drainRatings(db, serverUrl, tokens);
    drain();
    window.addEventListener('online', drain);
    return () => window.removeEventListener('online', drain);
  }, [db, serverUrl, tokens]);
}
