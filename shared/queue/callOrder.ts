/**
 * Who is called next, and how long the rest will wait. One order for everyone: numbers sent back
 * by a transfer first (they have waited once already), then the priority rule, then time of issue.
 * The server's "call next" uses pickNextTicket; the kiosk's "N people before you", the display's
 * "next numbers" and the estimate use waitingLine, the same order without any counter's streak.
 */
import type { PriorityRule, QueueSettings } from './queueSettings.ts';
import type { QueueState, Ticket } from './reduceQueue.ts';

const byPlace = (a: Ticket, b: Ticket) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.order - b.order);

function firstOf(tickets: readonly Ticket[], test: (t: Ticket) => boolean): Ticket | null {
  let best: Ticket | null = null;
  for (const t of tickets) if (test(t) && (best === null || byPlace(t, best) < 0)) best = t;
  return best;
}

/** The waiting ticket that `counter` should call now under the center's rule, or null when nobody waits for it. */
export function pickNextTicket(state: QueueState, settings: QueueSettings, counterNumber: number): Ticket | null {
  const counter = settings.counters.find((c) => c.number === counterNumber);
  const serves = new Set(counter?.services ?? []);
  const waiting = [...state.tickets.values()].filter((t) => t.status === 'waiting');
  // Sent to this very desk: before anyone else.
  const sentHere = firstOf(waiting, (t) => t.forCounter === counterNumber);
  if (sentHere) return sentHere;
  const mine = waiting.filter((t) => t.forCounter === null && t.serviceId !== null && serves.has(t.serviceId));
  const back = firstOf(mine, (t) => t.transferred);
  if (back) return back;
  const priority = firstOf(mine, (t) => t.priority !== null);
  const ordinary = firstOf(mine, (t) => t.priority === null);
  if (!priority || !ordinary) return priority ?? ordinary;
  return priorityTurn(settings.priority, state.counters.get(counterNumber)?.ordinaryStreak ?? 0) ? priority : ordinary;
}

function priorityTurn(rule: PriorityRule, ordinaryStreak: number): boolean {
  return rule.mode === 'first' || ordinaryStreak >= rule.every;
}

/**
 * A service's waiting numbers in the order they should be called. Under `every`, one priority
 * number is slotted after each `every` ordinary ones (what a single counter would do).
 */
export function waitingLine(state: QueueState, settings: QueueSettings, serviceId: string): Ticket[] {
  const waiting = [...state.tickets.values()].filter((t) => t.status === 'waiting' && t.serviceId === serviceId && t.forCounter === null).sort(byPlace);
  const back = waiting.filter((t) => t.transferred);
  const priority = waiting.filter((t) => !t.transferred && t.priority !== null);
  const ordinary = waiting.filter((t) => !t.transferred && t.priority === null);
  if (settings.priority.mode === 'first') return [...back, ...priority, ...ordinary];
  const line: Ticket[] = [...back];
  const every = settings.priority.every;
  let streak = 0;
  while (priority.length > 0 || ordinary.length > 0) {
    if (priority.length > 0 && (streak >= every || ordinary.length === 0)) {
      line.push(priority.shift()!);
      streak = 0;
    } else {
      line.push(ordinary.shift()!);
      streak += 1;
    }
  }
  return line;
}

/** How many are before `number` in its service's line (0 when it is next; null when it is not waiting). */
export function peopleAhead(state: QueueState, settings: QueueSettings, number: string): number | null {
  const ticket = state.tickets.get(number);
  if (!ticket || ticket.status !== 'waiting' || ticket.serviceId === null) return null;
  if (ticket.forCounter !== null) return 0;
  const at = waitingLine(state, settings, ticket.serviceId).findIndex((t) => t.number === number);
  return at < 0 ? null : at;
}

/** Last finished tickets of a service that the estimate averages (today's pace, not the morning's). */
const PACE_SAMPLE = 20;

/**
 * Minutes until a person with `ahead` people before them is called: the service's minutes per
 * person today (its last finished tickets; the admin's figure before any) times the people ahead,
 * shared among the open counters that serve it (0: next). Null when no open counter serves it.
 */
export function estimateWaitMinutes(state: QueueState, settings: QueueSettings, serviceId: string, ahead: number): number | null {
  const service = settings.services.find((s) => s.id === serviceId);
  if (!service) return null;
  const open = settings.counters.filter((c) => c.services.includes(serviceId) && !state.counters.get(c.number)?.paused).length;
  if (open === 0) return null;
  const served = [...state.tickets.values()]
    .filter((t) => t.serviceId === serviceId && t.status === 'done' && t.startedAt && t.finishedAt)
    .sort((a, b) => (a.finishedAt! < b.finishedAt! ? 1 : -1))
    .slice(0, PACE_SAMPLE);
  const minutes = served.map((t) => (Date.parse(t.finishedAt!) - Date.parse(t.startedAt!)) / 60_000).filter((m) => m >= 0);
  const pace = minutes.length > 0 ? minutes.reduce((a, b) => a + b, 0) / minutes.length : service.averageServeMinutes;
  return Math.round((ahead * pace) / open);
}
