/**
 * What a clerk does at a counter, over the desk's copy of the queue. "Call next" asks the server (it
 * alone picks, so two desks never call the same person), after sending the desk's own unsent events
 * (its last "finish" must arrive first, or the server still sees the desk busy) and, when an earlier
 * call got no answer, under that call's id (the server may have called someone: it answers with the
 * same person instead of a second one). Every other action is written on the device first and sent
 * when it can be, so a desk keeps working, calling numbers by hand, while the server is down.
 */
import type { PauseReason, QueueEvent } from '../../shared/queue/queueEvents.ts';
import { serviceByPrefix } from '../../shared/queue/queueSettings.ts';
import type { QueueRefusal } from '../../shared/queue/reduceQueue.ts';
import { normaliseTypedNumber, parseTicketNumber } from '../../shared/queue/ticketNumber.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { StorageError } from '../data/storageError.ts';
import { mayRetry, noAnswer, type ApiFailure } from '../sync/apiClient.ts';
import type { QueueReplica } from './queueReplica.ts';

/** Why an action did not happen, for the calling bar to say. */
export type CounterProblem =
  | { kind: 'refused'; code: string; reason: string }
  /** The server did not answer or could not: call by hand meanwhile. */
  | { kind: 'offline' }
  /** The server's answer is not what this build understands (a server or app out of date). */
  | { kind: 'invalid' }
  | { kind: 'nobody' }
  | { kind: 'badNumber' }
  | { kind: 'storage'; reason: string };

export interface CounterDesk {
  /** The number called. */
  callNext(counter: number): Promise<Result<string, CounterProblem>>;
  callByHand(counter: number, typed: string): Promise<Result<string, CounterProblem>>;
  /** An action on the number the desk holds now. */
  onCurrent(counter: number, kind: 'recall' | 'no_show' | 'start' | 'finish'): Promise<Result<void, CounterProblem>>;
  transfer(counter: number, to: { service: string | null; counter: number | null }): Promise<Result<void, CounterProblem>>;
  pause(counter: number, reason: PauseReason, note: string | null): Promise<Result<void, CounterProblem>>;
  resume(counter: number): Promise<Result<void, CounterProblem>>;
}

/** A storage error has a `kind`; the reducer's refusal has none. */
const fromLocal = (e: QueueRefusal | StorageError): CounterProblem => ('kind' in e ? { kind: 'storage', reason: e.reason } : { kind: 'refused', code: e.code, reason: e.reason });
const fromServer = (e: ApiFailure): CounterProblem =>
  e.kind === 'refused' ? { kind: 'refused', code: e.code, reason: e.reason } : e.kind === 'invalid' ? { kind: 'invalid' } : { kind: 'offline' };
const notHeld: CounterProblem = { kind: 'refused', code: 'queue.error.notCalled', reason: 'the desk holds no number' };

export function createCounterDesk(replica: QueueReplica, now: () => Date = () => new Date()): CounterDesk {
  let unanswered: { counter: number; id: string } | null = null;
  const base = () => ({ id: crypto.randomUUID(), at: now().toISOString(), day: replica.view().day });
  const held = (counter: number) => replica.view().state.counters.get(counter)?.current ?? null;
  async function act(event: QueueEvent): Promise<Result<void, CounterProblem>> {
    const done = await replica.act(event);
    return done.ok ? ok(undefined) : err(fromLocal(done.error));
  }

  return {
    async callNext(counter) {
      // Nothing unanswered: no need to wait for a send (the view's count is kept after each change and each send).
      if (replica.view().pending > 0) await replica.sender.kick();
      const id = unanswered?.counter === counter ? unanswered.id : crypto.randomUUID();
      const called = await replica.client.next(counter, id);
      // No answer, or one that may have come after the server called someone: ask again under the same id.
      unanswered = !called.ok && (noAnswer(called.error) || mayRetry(called.error) || called.error.kind === 'invalid') ? { counter, id } : null;
      if (!called.ok) return err(fromServer(called.error));
      if (!called.value || called.value.kind !== 'call') return err({ kind: 'nobody' });
      replica.learn(called.value);
      return ok(called.value.number);
    },
    async callByHand(counter, typed) {
      const number = normaliseTypedNumber(typed);
      if (!number) return err({ kind: 'badNumber' });
      const settings = replica.view().settings?.settings;
      const prefix = parseTicketNumber(number)?.prefix ?? '';
      const serviceId = settings ? (serviceByPrefix(settings, prefix)?.id ?? null) : null;
      const done = await act({ ...base(), kind: 'manual_call', number, counter, serviceId });
      return done.ok ? ok(number) : done;
    },
    async onCurrent(counter, kind) {
      const number = held(counter);
      return number ? act({ ...base(), kind, number, counter }) : err(notHeld);
    },
    async transfer(counter, to) {
      const number = held(counter);
      return number ? act({ ...base(), kind: 'transfer', number, counter, toService: to.service, toCounter: to.counter }) : err(notHeld);
    },
    pause: (counter, reason, note) => act({ ...base(), kind: 'pause', counter, reason, note }),
    resume: (counter) => act({ ...base(), kind: 'resume', counter }),
  };
}
