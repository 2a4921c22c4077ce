/**
 * Sends the kiosk's recorded searches to its server in batches: on start, when the link comes
 * back, every few minutes and after each search. Only a device enrolled as a kiosk sends (the
 * server takes searches from kiosks only); until then they wait on the device, bounded.
 */
import { useEffect } from 'react';
import { SESSION_BATCH } from '../../shared/learning/searchSession.ts';
import type { MotcuaDb } from '../data/db.ts';
import { loadDevice } from '../data/deviceRepository.ts';
import { pendingSearches, pruneSearches, settleSearches } from '../data/searchLog.ts';
import type { TokenVault } from '../security/dataKey.ts';
import { noAnswer } from './apiClient.ts';
import { sendSearchSessions } from './learningClient.ts';

export type DrainOutcome = 'done' | 'not_enrolled' | 'not_kiosk' | 'offline' | 'failed';

const SEND_EVERY_MS = 5 * 60_000;
/** A drain in progress per database, so overlapping triggers never send one batch twice at once. */
const draining = new WeakMap<MotcuaDb, Promise<{ outcome: DrainOutcome; sent: number }>>();

export function drainSearches(db: MotcuaDb, tokens: TokenVault, fetchFn?: typeof fetch): Promise<{ outcome: DrainOutcome; sent: number }> {
  const running = draining.get(db);
  if (running) return running;
  const work = (async (): Promise<{ outcome: DrainOutcome; sent: number }> => {
    let sent = 0;
    try {
      await pruneSearches(db);
      const loaded = await loadDevice(db, tokens);
      if (!loaded.ok) return { outcome: 'failed', sent };
      const device = loaded.value;
      if (!device) return { outcome: 'not_enrolled', sent };
      if (device.role !== 'kiosk') return { outcome: 'not_kiosk', sent };
      const link = { serverUrl: device.serverUrl, token: device.token, ...(fetchFn ? { fetchFn } : {}) };
      for (;;) {
        const batch = await pendingSearches(db, SESSION_BATCH);
        if (batch.length === 0) return { outcome: 'done', sent };
        const answer = await sendSearchSessions(link, batch);
        if (!answer.ok) return { outcome: noAnswer(answer.error) ? 'offline' : 'failed', sent };
        await settleSearches(db, answer.value.results);
        sent += answer.value.results.filter((r) => r.status === 'stored' || r.status === 'duplicate').length;
        // The server answered none of this batch's ids: stop rather than send it again and again.
        if (!answer.value.results.some((r) => batch.some((s) => s.id === r.id))) return { outcome: 'failed', sent };
      }
    } catch {
      // IndexedDB failed; the searches stay where they are for the next trigger.
      return { outcome: 'failed', sent };
    }
  })();
  draining.set(db, work);
  return work.finally(() => draining.delete(db));
}

/** Drains on mount, on every `online` event and every few minutes. */
export function useSearchLogSender(db: MotcuaDb, tokens: TokenVault, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const drain = () => void drainSearches(db, tokens);
    drain();
    const timer = window.setInterval(drain, SEND_EVERY_MS);
    window.addEventListener('online', drain);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', drain);
    };
  }, [db, tokens, enabled]);
}
