/**
 * The counter's side of the queue: its copy of today's queue, which counter (desk) this PC is, and
 * the clerk's actions. "Call next" asks the server (it alone picks, so two desks never call the same
 * person); every other action is written on this PC first and sent when it can be, so a desk keeps
 * working, calling numbers by hand, while the server is down.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { PauseReason, QueueEvent } from '../../../../shared/queue/queueEvents.ts';
import type { QueueRefusal } from '../../../../shared/queue/reduceQueue.ts';
import { normaliseTypedNumber, parseTicketNumber } from '../../../../shared/queue/ticketNumber.ts';
import { serviceByPrefix } from '../../../../shared/queue/queueSettings.ts';
import { err, ok, type Result } from '../../../../shared/result.ts';
import type { DeviceIdentity, MotcuaDb } from '../../../data/db.ts';
import type { StorageError } from '../../../data/storageError.ts';
import { createQueueReplica, type QueueReplica, type QueueView } from '../../../queue/queueReplica.ts';
import type { QueueClientError } from '../../../queue/queueClient.ts';

export const COUNTER_STORAGE_KEY = 'motcua.queue.counter';

/** Why an action did not happen, for the bar to say. */
export type CounterProblem =
  | { kind: 'refused'; code: string; reason: string }
  | { kind: 'offline' }
  | { kind: 'nobody' }
  | { kind: 'badNumber' }
  | { kind: 'storage'; reason: string };

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
  const n = Number(window.localStorage.getItem(COUNTER_STORAGE_KEY));
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : null;
}

const fromLocal = (e: QueueRefusal | StorageError): CounterProblem => ('code' in e ? { kind: 'refused', code: e.code, reason: e.reason } : { kind: 'storage', reason: e.reason });
const fromServer = (e: QueueClientError): CounterProblem =>
  e.kind === 'refused' ? { kind: 'refused', code: e.code, reason: e.reason } : e.kind === 'offline' || e.kind === 'server' ? { kind: 'offline' } : { kind: 'storage', reason: e.reason };

export function useCounterQueue(db: MotcuaDb, device: DeviceIdentity): CounterQueue {
  const replica = useMemo(() => createQueueReplica(db, device), [db, device]);
  useEffect(() => {
    replica.start();
    return () => replica.stop();
  }, [replica]);
  const view = useSyncExternalStore(replica.subscribe, replica.view);
  const [counter, setCounter] = useState<number | null>(readCounter);
  // A "call next" left without an answer may have called someone on the server: asking again with
  // the same id gets that same person back instead of a second one (the server answers it as a resend).
  const unanswered = useRef<{ counter: number; id: string } | null>(null);

  const chooseCounter = useCallback((n: number | null) => {
    if (n === null) window.localStorage.removeItem(COUNTER_STORAGE_KEY);
    else window.localStorage.setItem(COUNTER_STORAGE_KEY, String(n));
    setCounter(n);
  }, []);

  const base = () => ({ id: crypto.randomUUID(), at: new Date().toISOString(), day: replica.view().day });
  const current = () => {
    const number = counter === null ? null : replica.view().state.counters.get(counter)?.current;
    return number ?? null;
  };
  async function act(event: QueueEvent): Promise<Result<void, CounterProblem>> {
    const done = await replica.act(event);
    return done.ok ? ok(undefined) : err(fromLocal(done.error));
  }
  async function onCurrent(kind: 'recall' | 'no_show' | 'start' | 'finish'): Promise<Result<void, CounterProblem>> {
    const number = current();
    if (counter === null || !number) return err({ kind: 'refused', code: 'queue.error.notCalled', reason: 'no current number' });
    return act({ ...base(), kind, number, counter });
  }

  return {
    replica,
    view,
    counter,
    chooseCounter,
    async callNext() {
      if (counter === null) return err({ kind: 'badNumber' });
      // The desk's last "finish" or "absent" must reach the server first, or it still sees the desk busy.
      await replica.sender.kick();
      const id = unanswered.current?.counter === counter ? unanswered.current.id : crypto.randomUUID();
      const called = await replica.client.next(counter, id);
      unanswered.current = !called.ok && (called.error.kind === 'offline' || called.error.kind === 'server') ? { counter, id } : null;
      if (!called.ok) return err(fromServer(called.error));
      if (!called.value) return err({ kind: 'nobody' });
      replica.learn(called.value);
      return ok(called.value.kind === 'call' ? called.value.number : '');
    },
    async callByHand(typed) {
      const number = normaliseTypedNumber(typed);
      if (counter === null || !number) return err({ kind: 'badNumber' });
      const settings = replica.view().settings?.settings;
      const prefix = parseTicketNumber(number)?.prefix ?? '';
      const serviceId = settings ? (serviceByPrefix(settings, prefix)?.id ?? null) : null;
      const done = await act({ ...base(), kind: 'manual_call', number, counter, serviceId });
      return done.ok ? ok(number) : done;
    },
    recall: () => onCurrent('recall'),
    noShow: () => onCurrent('no_show'),
    start: () => onCurrent('start'),
    finish: () => onCurrent('finish'),
    async transfer(to) {
      const number = current();
      if (counter === null || !number) return err({ kind: 'refused', code: 'queue.error.notCalled', reason: 'no current number' });
      return act({ ...base(), kind: 'transfer', number, counter, toService: to.service, toCounter: to.counter });
    },
    async pause(reason, note) {
      if (counter === null) return err({ kind: 'badNumber' });
      return act({ ...base(), kind: 'pause', counter, reason, note });
    },
    async resume() {
      if (counter === null) return err({ kind: 'badNumber' });
      return act({ ...base(), kind: 'resume', counter });
    },
  };
}
