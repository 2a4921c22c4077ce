/**
 * The queue of one center on one day, read from its events: a pure step `(state, event) → state`
 * that refuses an illegal move with a translatable code (`queue.error.*`) and changes nothing then.
 * The server checks every event with it before storing it; devices fold the same log to show the
 * same state; replaying a stored log gives the state the server had.
 *
 *   issue ─→ waiting ─call / manual_call─→ called ─start─→ serving ─finish─→ done
 *                ↑                            │  ↑recall           │
 *                └──────── transfer ──────────┴────────────────────┘
 *   called ─no_show─→ no_show ─manual_call─→ called        waiting ─void_issue─→ cancelled
 *
 * A counter holds at most one called or serving ticket, and a paused counter calls nobody.
 */
import { err, ok, type Result } from '../result.ts';
import type { QueueEvent, QueueEventOf } from './queueEvents.ts';
import type { PriorityCategory } from './queueSettings.ts';
import { parseTicketNumber } from './ticketNumber.ts';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';

export interface Ticket {
  number: string;
  /** Null for a number called by hand whose issue has not reached this log (yet). */
  serviceId: string | null;
  priority: PriorityCategory | null;
  procedureCode: string | null;
  draftId: string | null;
  origin: 'server' | 'offline' | 'manual';
  /** The issue event, null until it is known. */
  issueId: string | null;
  issuedAt: string | null;
  status: TicketStatus;
  /** The counter that called or serves it (the last one), null while waiting. */
  counter: number | null;
  /** A transfer to one counter: only that counter's "next" takes it. */
  forCounter: number | null;
  /** Sent back to wait by a transfer: it goes before numbers that have not been served yet. */
  transferred: boolean;
  /** The place in line: the issue time, or the time of the transfer. */
  queuedAt: string;
  /** Order of arrival in this log, to break ties. */
  order: number;
  firstCalledAt: string | null;
  lastCalledAt: string | null;
  recalls: number;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface CounterState {
  number: number;
  /** The ticket it has called or is serving. */
  current: string | null;
  paused: { reason: string; note: string | null; at: string } | null;
  /** Ordinary numbers called in a row since the last priority one (the `every` rule). */
  ordinaryStreak: number;
}

export interface QueueState {
  day: string;
  tickets: ReadonlyMap<string, Ticket>;
  counters: ReadonlyMap<number, CounterState>;
  /** Tickets in this log so far. */
  size: number;
}

export type QueueErrorCode =
  | 'queue.error.wrongDay'
  | 'queue.error.numberTaken'
  | 'queue.error.unknownTicket'
  | 'queue.error.notWaiting'
  | 'queue.error.notCalled'
  | 'queue.error.calledElsewhere'
  | 'queue.error.notServing'
  | 'queue.error.counterBusy'
  | 'queue.error.counterPaused'
  | 'queue.error.notPaused';

export interface QueueRefusal {
  code: QueueErrorCode;
  /** The same in English words for logs and support. */
  reason: string;
}

export function emptyQueue(day: string): QueueState {
  return { day, tickets: new Map(), counters: new Map(), size: 0 };
}

const refuse = (code: QueueErrorCode, reason: string): Result<never, QueueRefusal> => err({ code, reason });

function counterOf(state: QueueState, number: number): CounterState {
  return state.counters.get(number) ?? { number, current: null, paused: null, ordinaryStreak: 0 };
}

function withTicket(state: QueueState, ticket: Ticket, counters: CounterState[] = []): QueueState {
  const tickets = new Map(state.tickets).set(ticket.number, ticket);
  const grew = state.tickets.has(ticket.number) ? 0 : 1;
  return { ...state, tickets, counters: counters.length === 0 ? state.counters : withCounters(state, counters), size: state.size + grew };
}

function withCounters(state: QueueState, counters: CounterState[]): ReadonlyMap<number, CounterState> {
  const map = new Map(state.counters);
  for (const c of counters) map.set(c.number, c);
  return map;
}

/** The ticket this counter holds, when it holds `number` in one of `statuses`. */
function heldTicket(state: QueueState, e: { number: string; counter: number }, statuses: readonly TicketStatus[], missing: QueueErrorCode): Result<Ticket, QueueRefusal> {
  const ticket = state.tickets.get(e.number);
  if (!ticket) return refuse('queue.error.unknownTicket', `no number ${e.number} today`);
  if (ticket.counter !== e.counter && (ticket.status === 'called' || ticket.status === 'serving')) {
    return refuse('queue.error.calledElsewhere', `${e.number} is at counter ${ticket.counter}, not ${e.counter}`);
  }
  if (!statuses.includes(ticket.status) || ticket.counter !== e.counter) return refuse(missing, `${e.number} is ${ticket.status}`);
  return ok(ticket);
}

/** May this counter call someone now? */
function counterFree(state: QueueState, counter: number): Result<CounterState, QueueRefusal> {
  const c = counterOf(state, counter);
  if (c.paused) return refuse('queue.error.counterPaused', `counter ${counter} is paused`);
  if (c.current) return refuse('queue.error.counterBusy', `counter ${counter} still has ${c.current}: finish it, mark it absent or transfer it first`);
  return ok(c);
}

function called(state: QueueState, ticket: Ticket, counter: CounterState, at: string): QueueState {
  const streak = ticket.priority ? 0 : counter.ordinaryStreak + 1;
  return withTicket(
    state,
    { ...ticket, status: 'called', counter: counter.number, forCounter: null, firstCalledAt: ticket.firstCalledAt ?? at, lastCalledAt: at },
    [{ ...counter, current: ticket.number, ordinaryStreak: streak }],
  );
}

function issue(state: QueueState, e: QueueEventOf<'issue'>): Result<QueueState, QueueRefusal> {
  const existing = state.tickets.get(e.number);
  const facts = { serviceId: e.serviceId, priority: e.priority, procedureCode: e.procedureCode, draftId: e.draftId, issueId: e.id, issuedAt: e.at };
  if (existing) {
    // A number called by hand before its kiosk's offline issue arrived: the issue fills it in.
    if (existing.issueId !== null || e.origin !== 'offline') return refuse('queue.error.numberTaken', `${e.number} was already given today`);
    return ok(withTicket(state, { ...existing, ...facts, origin: e.origin }));
  }
  return ok(
    withTicket(state, {
      number: e.number,
      ...facts,
      origin: e.origin,
      status: 'waiting',
      counter: null,
      forCounter: null,
      transferred: false,
      queuedAt: e.at,
      order: state.size,
      firstCalledAt: null,
      lastCalledAt: null,
      recalls: 0,
      startedAt: null,
      finishedAt: null,
    }),
  );
}

function call(state: QueueState, e: QueueEventOf<'call'>): Result<QueueState, QueueRefusal> {
  const ticket = state.tickets.get(e.number);
  if (!ticket) return refuse('queue.error.unknownTicket', `no number ${e.number} today`);
  if (ticket.status !== 'waiting') return refuse('queue.error.notWaiting', `${e.number} is ${ticket.status}`);
  const counter = counterFree(state, e.counter);
  return counter.ok ? ok(called(state, ticket, counter.value, e.at)) : counter;
}

function manualCall(state: QueueState, e: QueueEventOf<'manual_call'>): Result<QueueState, QueueRefusal> {
  const counter = counterFree(state, e.counter);
  if (!counter.ok) return counter;
  const ticket = state.tickets.get(e.number);
  if (ticket) {
    // Someone marked absent who turns up later is called again by hand.
    if (ticket.status !== 'waiting' && ticket.status !== 'no_show') return refuse('queue.error.notWaiting', `${e.number} is ${ticket.status}`);
    return ok(called(state, ticket, counter.value, e.at));
  }
  // Only a kiosk's offline number can be ahead of its issue; a server number unknown here was never given.
  if (parseTicketNumber(e.number)?.kiosk == null) return refuse('queue.error.unknownTicket', `no number ${e.number} today`);
  const unknown: Ticket = {
    number: e.number,
    serviceId: e.serviceId,
    priority: null,
    procedureCode: null,
    draftId: null,
    origin: 'manual',
    issueId: null,
    issuedAt: null,
    status: 'waiting',
    counter: null,
    forCounter: null,
    transferred: false,
    queuedAt: e.at,
    order: state.size,
    firstCalledAt: null,
    lastCalledAt: null,
    recalls: 0,
    startedAt: null,
    finishedAt: null,
  };
  return ok(called(withTicket(state, unknown), unknown, counter.value, e.at));
}

function recall(state: QueueState, e: QueueEventOf<'recall'>): Result<QueueState, QueueRefusal> {
  const held = heldTicket(state, e, ['called'], 'queue.error.notCalled');
  return held.ok ? ok(withTicket(state, { ...held.value, recalls: held.value.recalls + 1, lastCalledAt: e.at })) : held;
}

function noShow(state: QueueState, e: QueueEventOf<'no_show'>): Result<QueueState, QueueRefusal> {
  const held = heldTicket(state, e, ['called'], 'queue.error.notCalled');
  if (!held.ok) return held;
  const counter = counterOf(state, e.counter);
  return ok(withTicket(state, { ...held.value, status: 'no_show', finishedAt: e.at }, [{ ...counter, current: null }]));
}

function start(state: QueueState, e: QueueEventOf<'start'>): Result<QueueState, QueueRefusal> {
  const held = heldTicket(state, e, ['called'], 'queue.error.notCalled');
  return held.ok ? ok(withTicket(state, { ...held.value, status: 'serving', startedAt: e.at })) : held;
}

function finish(state: QueueState, e: QueueEventOf<'finish'>): Result<QueueState, QueueRefusal> {
  const held = heldTicket(state, e, ['serving'], 'queue.error.notServing');
  if (!held.ok) return held;
  const counter = counterOf(state, e.counter);
  return ok(withTicket(state, { ...held.value, status: 'done', finishedAt: e.at }, [{ ...counter, current: null }]));
}

function transfer(state: QueueState, e: QueueEventOf<'transfer'>): Result<QueueState, QueueRefusal> {
  const held = heldTicket(state, e, ['called', 'serving'], 'queue.error.notCalled');
  if (!held.ok) return held;
  const counter = counterOf(state, e.counter);
  const ticket: Ticket = {
    ...held.value,
    serviceId: e.toService ?? held.value.serviceId,
    status: 'waiting',
    counter: null,
    forCounter: e.toCounter,
    transferred: true,
    queuedAt: e.at,
  };
  return ok(withTicket(state, ticket, [{ ...counter, current: null }]));
}

function pause(state: QueueState, e: QueueEventOf<'pause'>): Result<QueueState, QueueRefusal> {
  const counter = counterOf(state, e.counter);
  if (counter.paused) return refuse('queue.error.counterPaused', `counter ${e.counter} is already paused`);
  if (counter.current) return refuse('queue.error.counterBusy', `counter ${e.counter} still has ${counter.current}`);
  return ok({ ...state, counters: withCounters(state, [{ ...counter, paused: { reason: e.reason, note: e.note, at: e.at } }]) });
}

function resume(state: QueueState, e: QueueEventOf<'resume'>): Result<QueueState, QueueRefusal> {
  const counter = counterOf(state, e.counter);
  if (!counter.paused) return refuse('queue.error.notPaused', `counter ${e.counter} is not paused`);
  return ok({ ...state, counters: withCounters(state, [{ ...counter, paused: null }]) });
}

function voidIssue(state: QueueState, e: QueueEventOf<'void_issue'>): Result<QueueState, QueueRefusal> {
  // Nothing to void (the request never reached the server) or too late (already called): no change.
  const ticket = [...state.tickets.values()].find((t) => t.issueId === e.issueId);
  if (!ticket || ticket.status !== 'waiting') return ok(state);
  return ok(withTicket(state, { ...ticket, status: 'cancelled', finishedAt: e.at }));
}

/** One step: the state after `event`, or why it may not happen (the state is then unchanged). */
export function applyQueueEvent(state: QueueState, event: QueueEvent): Result<QueueState, QueueRefusal> {
  if (event.day !== state.day) return refuse('queue.error.wrongDay', `event of ${event.day} on the queue of ${state.day}`);
  switch (event.kind) {
    case 'issue':
      return issue(state, event);
    case 'call':
      return call(state, event);
    case 'manual_call':
      return manualCall(state, event);
    case 'recall':
      return recall(state, event);
    case 'no_show':
      return noShow(state, event);
    case 'start':
      return start(state, event);
    case 'finish':
      return finish(state, event);
    case 'transfer':
      return transfer(state, event);
    case 'pause':
      return pause(state, event);
    case 'resume':
      return resume(state, event);
    case 'void_issue':
      return voidIssue(state, event);
  }
}

/**
 * Folds a log into the state. Events that do not apply are skipped and listed: a stored log has
 * none; a device folding its own unsent events over the server's log may (someone else acted first).
 */
export function reduceQueue(day: string, events: Iterable<QueueEvent>, from: QueueState = emptyQueue(day)): { state: QueueState; refused: { event: QueueEvent; refusal: QueueRefusal }[] } {
  let state = from;
  const refused: { event: QueueEvent; refusal: QueueRefusal }[] = [];
  for (const event of events) {
    const next = applyQueueEvent(state, event);
    if (next.ok) state = next.value;
    else refused.push({ event, refusal: next.error });
  }
  return { state, refused };
}

/** Done, absent and cancelled tickets never come back by themselves (only a call by hand revives an absent one). */
export const isClosed = (t: Ticket): boolean => t.status === 'done' || t.status === 'cancelled';
