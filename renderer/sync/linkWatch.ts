/**
 * Waits for the link to come back by asking the platform's network probe every so often (a tiny
 * /api/health request), so work held back by a dead link goes as soon as the server answers again
 * instead of at the end of a long backoff, or at the next `online` event a LAN cable never sends.
 */
import type { NetworkProbe } from '../../shared/ipc/contract.ts';

export interface LinkWatchOptions {
  probe: () => Promise<NetworkProbe>;
  everyMs: number;
  /** Schedules `fn` after `ms`; returns a cancel function. */
  setTimer: (fn: () => void, ms: number) => () => void;
  /** Each probe's answer (the status bar can follow it). */
  onProbe?: (answer: NetworkProbe) => void;
  /** The server answered: called once, and the watch ends. */
  onBack: () => void;
}

export interface LinkWatch {
  stop(): void;
  readonly watching: boolean;
}

export function watchLink(options: LinkWatchOptions): LinkWatch {
  let cancel: (() => void) | null = null;
  let stopped = false;
  const next = () => {
    cancel = options.setTimer(() => {
      cancel = null;
      void options.probe().then((answer) => {
        if (stopped) return;
        options.onProbe?.(answer);
        if (answer.state === 'offline') return next();
        stopped = true;
        options.onBack();
      });
    }, options.everyMs);
  };
  next();
  return {
    stop() {
      stopped = true;
      cancel?.();
      cancel = null;
    },
    get watching() {
      return !stopped;
    },
  };
}

/** Schedules with the browser's timer (what watchLink's callers use outside tests). */
export const browserTimer = (fn: () => void, ms: number): (() => void) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

export interface KeepDrainingOptions {
  /** Sends what waits; answers whether something still waits for the link. */
  drain: () => Promise<boolean>;
  probe: () => Promise<NetworkProbe>;
  everyMs: number;
  setTimer?: LinkWatchOptions['setTimer'];
}

/**
 * Drains now, and again whenever the probe finds the server while something still waits (the
 * kiosk's ratings and pre-registrations alike); `drain` runs one more now.
 */
export function keepDraining(options: KeepDrainingOptions): { stop(): void; drain(): Promise<void> } {
  let watch: LinkWatch | null = null;
  let stopped = false;
  const drain = async () => {
    watch?.stop();
    watch = null;
    const waiting = await options.drain();
    if (stopped || !waiting) return;
    watch = watchLink({ probe: options.probe, everyMs: options.everyMs, setTimer: options.setTimer ?? browserTimer, onBack: () => void drain() });
  };
  void drain();
  return {
    stop() {
      stopped = true;
      watch?.stop();
    },
    drain,
  };
}
