/**
 * The front desk's figures, read from the same events as the queue itself (each day's log folded by
 * reduceQueue): tickets per day, the wait (issue → first call) and the time at the desk (start →
 * finish) by service, counter and hour of issue, and the people who did not come when called.
 *
 * What counts: a ticket belongs to the day in its events; a wait is counted only when both times are
 * known (a number called by hand whose issue never arrived has none) and not negative (clocks); a
 * ticket's counter is the one that called it last; its hour is the Vietnam hour it was issued.
 */
import { minuteOfDay } from '../calendar/civilDay.ts';
import type { QueueEvent } from './queueEvents.ts';
import type { QueueSettings } from './queueSettings.ts';
import { reduceQueue, type Ticket } from './reduceQueue.ts';

export interface QueueFigureGroup {
  key: string;
  label: string;
  /** Numbers given (or called by hand) in the group. */
  tickets: number;
  /** Called at least once. */
  called: number;
  /** Served to the end. */
  served: number;
  noShows: number;
  /** Voided by the kiosk that asked for them (never handed out). */
  cancelled: number;
  waitMinutesAvg: number | null;
  waitMinutesMax: number | null;
  serveMinutesAvg: number | null;
}

export interface QueueFigures {
  from: string;
  /** The day after the last day counted. */
  to: string;
  total: QueueFigureGroup;
  byService: QueueFigureGroup[];
  byCounter: QueueFigureGroup[];
  byHour: QueueFigureGroup[];
  byDay: QueueFigureGroup[];
}

class Tally {
  tickets = 0;
  called = 0;
  served = 0;
  noShows = 0;
  cancelled = 0;
  waits = 0;
  waitSum = 0;
  waitMax: number | null = null;
  serves = 0;
  serveSum = 0;
  constructor(
    readonly key: string,
    readonly label: string,
  ) {}

  add(t: Ticket): void {
    this.tickets += 1;
    if (t.firstCalledAt) this.called += 1;
    if (t.status === 'done') this.served += 1;
    if (t.status === 'no_show') this.noShows += 1;
    if (t.status === 'cancelled') this.cancelled += 1;
    const wait = minutesBetween(t.issuedAt, t.firstCalledAt);
    if (wait !== null) {
      this.waits += 1;
      this.waitSum += wait;
      this.waitMax = Math.max(this.waitMax ?? 0, wait);
    }
    const serve = t.status === 'done' ? minutesBetween(t.startedAt, t.finishedAt) : null;
    if (serve !== null) {
      this.serves += 1;
      this.serveSum += serve;
    }
  }

  figures(): QueueFigureGroup {
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      key: this.key,
      label: this.label,
      tickets: this.tickets,
      called: this.called,
      served: this.served,
      noShows: this.noShows,
      cancelled: this.cancelled,
      waitMinutesAvg: this.waits === 0 ? null : round(this.waitSum / this.waits),
      waitMinutesMax: this.waitMax === null ? null : round(this.waitMax),
      serveMinutesAvg: this.serves === 0 ? null : round(this.serveSum / this.serves),
    };
  }
}

function minutesBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms / 60_000 : null;
}

function tallyIn(groups: Map<string, Tally>, key: string, label: string): Tally {
  let t = groups.get(key);
  if (!t) groups.set(key, (t = new Tally(key, label)));
  return t;
}

/**
 * The figures for days in [from, to) (Vietnam dates, YYYY-MM-DD) from a center's events in log
 * order; `settings` only names services and counters (numbers of a service since removed keep its id).
 */
export function computeQueueFigures(events: Iterable<QueueEvent>, settings: QueueSettings | null, period: { from: string; to: string }): QueueFigures {
  const byDayEvents = new Map<string, QueueEvent[]>();
  for (const e of events) {
    if (e.day < period.from || e.day >= period.to) continue;
    let list = byDayEvents.get(e.day);
    if (!list) byDayEvents.set(e.day, (list = []));
    list.push(e);
  }
  const serviceName = new Map(settings?.services.map((s) => [s.id, `${s.prefix} – ${s.name}`]) ?? []);
  const counterName = new Map(settings?.counters.map((c) => [c.number, c.name]) ?? []);
  const total = new Tally('total', '');
  const services = new Map<string, Tally>();
  const counters = new Map<string, Tally>();
  const hours = new Map<string, Tally>();
  const days = new Map<string, Tally>();
  for (const day of [...byDayEvents.keys()].sort()) {
    const { state } = reduceQueue(day, byDayEvents.get(day)!);
    for (const t of state.tickets.values()) {
      total.add(t);
      tallyIn(days, day, day).add(t);
      const service = t.serviceId ?? '';
      tallyIn(services, service, serviceName.get(service) ?? service).add(t);
      if (t.counter !== null) tallyIn(counters, String(t.counter).padStart(2, '0'), counterName.get(t.counter) ?? String(t.counter)).add(t);
      if (t.issuedAt) {
        const hour = String(Math.floor(minuteOfDay(Date.parse(t.issuedAt)) / 60)).padStart(2, '0');
        tallyIn(hours, hour, `${hour}:00`).add(t);
      }
    }
  }
  const sorted = (groups: Map<string, Tally>, by: 'key' | 'label' = 'key') => [...groups.values()].sort((a, b) => a[by].localeCompare(b[by])).map((t) => t.figures());
  // Services read in the order of their letters (the label starts with it).
  return { from: period.from, to: period.to, total: total.figures(), byService: sorted(services, 'label'), byCounter: sorted(counters), byHour: sorted(hours), byDay: sorted(days) };
}
