/**
 * The counter's side of the queue for the calling bar: the desk's copy of today's queue, which
 * counter (desk) this PC is (a device setting), and the clerk's actions (queue/counterDesk.ts).
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { PauseReason } from '../../../../shared/queue/queueEvents.ts';
import { err, type Result } from '../../../../shared/result.ts';
import type { DeviceIdentity, MotcuaDb } from '../../../data/db.ts';
import { readDeviceSetting, writeDeviceSetting } from '../../../data/deviceSettings.ts';
import { createCounterDesk, type CounterProblem } from '../../../queue/counterDesk.ts';
import { createQueueReplica, type QueueReplica, type QueueView } from '../../../queue/queueReplica.ts';

export type { CounterProblem } from '../../../queue/counterDesk.ts';

export interface CounterQueue {
  replica: QueueReplica;
  view: QueueView;
  counter: number | null;
  chooseCounter(n: number | null): void;
  callNext(): Promise<Result<string, CounterProblem>>;
  callByHand(typed: string): Promise<Result<string, CounterProblem>>;
  recall(): Promise<Result<void, CounterProblem>>;
  noShow(): Promise<Result<void, CounterProblem>>;
  start(): Promise<Result<void, CounterProblem>>;
  finish(): Promise<Result<void, CounterProblem>>;
  transfer(to: { service: string | null; counter: number | null }): Promise<Result<void, CounterProblem>>;
  pause(reason: PauseReason, note: string | null): Promise<Result<void, CounterProblem>>;
  resume(): Promise<Result<void, CounterProblem>>;
}

function readCounter(): number | null {
  const kept = readDeviceSetting('queueCounter');
  const n = kept ? Number(kept) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : null;
}

const noDesk: CounterProblem = { kind: 'badNumber' };

export function useCounterQueue(db: MotcuaDb, device: DeviceIdentity): CounterQueue {
  const replica = useMemo(() => createQueueReplica(db, device), [db, device]);
  const desk = useMemo(() => createCounterDesk(replica), [replica]);
  useEffect(() => {
    replica.start();
    return () => replica.stop();
  }, [replica]);
  const view = useSyncExternalStore(replica.subscribe, replica.view);
  const [counter, setCounter] = useState<number | null>(readCounter);

  const chooseCounter = useCallback((n: number | null) => {
    // A setting that cannot be kept only means choosing the desk again after a restart.
    writeDeviceSetting('queueCounter', n === null ? '' : String(n));
    setCounter(n);
  }, []);

  /** Runs an action for this desk, or says no desk is chosen. */
  const at = <T>(work: (n: number) => Promise<Result<T, CounterProblem>>) => (counter === null ? Promise.resolve(err(noDesk)) : work(counter));
  return {
    replica,
    view,
    counter,
    chooseCounter,
    callNext: () => at((n) => desk.callNext(n)),
    callByHand: (typed) => at((n) => desk.callByHand(n, typed)),
    recall: () => at((n) => desk.onCurrent(n, 'recall')),
    noShow: () => at((n) => desk.onCurrent(n, 'no_show')),
    start: () => at((n) => desk.onCurrent(n, 'start')),
    finish: () => at((n) => desk.onCurrent(n, 'finish')),
    transfer: (to) => at((n) => desk.transfer(n, to)),
    pause: (reason, note) => at((n) => desk.pause(n, reason, note)),
    resume: () => at((n) => desk.resume(n)),
  };
}
