/**
 * Sends the device's pending queue events to the server, oldest first, in batches: on a kick (a new
 * event, the stream back), and every few seconds while some wait. One send at a time; a lost answer
 * is simply sent again (the server answers a known event id as a duplicate).
 */
import { MAX_EVENTS_PER_PUSH } from '../../shared/queue/queueApi.ts';
import type { MotcuaDb } from '../data/db.ts';
import { markQueueResults, noteQueueAttempt, pendingQueueEvents } from '../data/queueOutbox.ts';
import type { QueueClient } from '../sync/queueClient.ts';

export interface QueueSender {
  /** Sends what is pending now; resolves when this round is over. */
  kick(): Promise<void>;
  stop(): void;
  /** Told after each round (the screens recount what waits). */
  subscribe(listener: () => void): () => void;
}

export function createQueueSender(db: MotcuaDb, client: QueueClient, options: { retryMs?: number } = {}): QueueSender {
  const retryMs = options.retryMs ?? 5000;
  const listeners = new Set<() => void>();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function round(): Promise<void> {
    for (;;) {
      const batch = await pendingQueueEvents(db, MAX_EVENTS_PER_PUSH);
      if (batch.length === 0) return;
      const answer = await client.pushEvents(batch.map((r) => r.event));
      if (!answer.ok) {
        await noteQueueAttempt(db, batch);
        // No answer or a server failure: try again later. A refusal of the whole batch (a revoked
        // device) would repeat the same way, so it waits as well, with the events kept.
        if (!stopped) timer = setTimeout(() => void kick(), retryMs);
        return;
      }
      await markQueueResults(db, answer.value);
      if (batch.length < MAX_EVENTS_PER_PUSH) return;
    }
  }

  function kick(): Promise<void> {
    clearTimeout(timer);
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await round();
        } while (again && !stopped);
      } catch {
        // The local store failed; the events stay pending for the next kick.
        if (!stopped) timer = setTimeout(() => void kick(), retryMs);
      } finally {
        running = null;
        for (const l of listeners) l();
      }
    })();
    return running;
  }

  return {
    kick,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
