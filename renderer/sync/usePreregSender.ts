/**
 * The kiosk's pre-registration sender as a hook (the sending itself is preregSender.ts): loaded
 * with the kiosk, while the sender, its client and the sync protocol's schemas are loaded at the
 * first quiet moment after the first screen, not on the start's path.
 */
import { useCallback, useEffect, useRef } from 'react';
import { whenIdle } from '../app/idleWork.ts';
import type { MotcuaDb } from '../data/db.ts';
import type { NetworkCapability } from '../platform/platform.ts';
import type { TokenVault } from '../security/dataKey.ts';

/** How often expired drafts are looked for. */
const PURGE_EVERY_MS = 10 * 60_000;

/** The kiosk's sender: drains on mount, on `online`, when the probe finds the server, and purges expired drafts every few minutes; `drain` runs one now (after a confirmation). */
export function usePreregSender(db: MotcuaDb, tokens: TokenVault, network: NetworkCapability, enabled: boolean): () => void {
  const sender = useRef<{ drain(): Promise<void> } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let running: { stop(): void; drain(): Promise<void> } | null = null;
    let gone = false;
    const drain = () => void running?.drain();
    // At the first quiet moment after the first screen (a draft confirmed sooner is sent by `drain` below).
    const cancel = whenIdle(async () => {
      const { keepSendingDrafts } = await import('./preregSender.ts');
      if (gone) return;
      running = keepSendingDrafts(db, tokens, network);
      sender.current = running;
    });
    const purge = window.setInterval(drain, PURGE_EVERY_MS);
    window.addEventListener('online', drain);
    return () => {
      gone = true;
      cancel();
      window.clearInterval(purge);
      window.removeEventListener('online', drain);
      running?.stop();
      sender.current = null;
    };
  }, [db, tokens, network, enabled]);
  // After a confirmation: now, whether or not the sender has started yet.
  return useCallback(() => {
    if (sender.current) void sender.current.drain();
    else void import('./preregSender.ts').then(({ drainDrafts }) => drainDrafts(db, tokens));
  }, [db, tokens]);
}
