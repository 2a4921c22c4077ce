/**
 * The center's front desk on the server: gives numbers, picks who a counter calls next, takes the
 * events devices made (offline ones too) and tells the live streams. Every change of a center runs
 * one at a time (a promise chain per center), is checked by the shared reducer against the day's
 * state (kept in memory, rebuilt from the log after a restart) and stored before anyone hears of it.
 */
import { dayNumberOf, isoFromDayNumber, dayNumberFromIso } from '../../shared/calendar/civilDay.ts';
import { estimateWaitMinutes, peopleAhead, pickNextTicket } from '../../shared/queue/callOrder.ts';
import type { IssueRequest, IssuedTicket, EventResult } from '../../shared/queue/queueApi.ts';
import { buildBoard, type QueueBoard } from '../../shared/queue/queueBoard.ts';
import { canonicalJson, COUNTER_EVENT_KINDS, KIOSK_EVENT_KINDS, queueEventSchema, type QueueEvent, type StoredQueueEvent } from '../../shared/queue/queueEvents.ts';
import { computeQueueFigures, type QueueFigures } from '../../shared/queue/queueFigures.ts';
import { counterByNumber, serviceById, type QueueSettings, type StoredQueueSettings } from '../../shared/queue/queueSettings.ts';
import { applyQueueEvent, reduceQueue, type QueueState } from '../../shared/queue/reduceQueue.ts';
import { parseTicketNumber } from '../../shared/queue/ticketNumber.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { QueueStore, SettingsConflict } from '../store/queueStore.ts';
import type { Device, DeviceStore, StorageFailure } from '../store/store.ts';
import { describeIssues } from '../http/apiError.ts';

/** A refusal the device can translate: `code` is a `queue.error.*` key. */
export type DeskRefusal = { kind: 'refused'; status: 400 | 403 | 404 | 409; code: string; reason: string };
export type DeskFailure = DeskRefusal | StorageFailure;

/** What a live stream hears after each change of a center. */
export interface DeskUpdate {
  events: StoredQueueEvent[];
}

/** How far from the server's clock a device's event may be: its day within a week back, a day ahead. */
const DAYS_BACK = 7;
const FUTURE_SLACK_MS = 5 * 60_000;

const refused = (status: DeskRefusal['status'], code: string, reason: string): Result<never, DeskRefusal> => err({ kind: 'refused', status, code, reason });

export interface QueueDesk {
  today(): string;
  settings(centerCode: string): Promise<Result<StoredQueueSettings | null, StorageFailure>>;
  saveSettings(device: Device, settings: QueueSettings, baseRevision: number | null): Promise<Result<StoredQueueSettings, SettingsConflict | StorageFailure>>;
  issue(device: Device, request: IssueRequest): Promise<Result<{ ticket: IssuedTicket; cursor: number }, DeskFailure>>;
  callNext(device: Device, counter: number, id: string): Promise<Result<StoredQueueEvent | null, DeskFailure>>;
  /** Device events in the order sent, each answered on its own. */
  takeEvents(device: Device, items: unknown[]): Promise<Result<EventResult[], StorageFailure>>;
  eventsOfDay(centerCode: string, day: string, since: number, limit: number): Promise<Result<StoredQueueEvent[], StorageFailure>>;
  /** The waiting-room board of today, or null when the center has no settings (or does not exist). */
  board(centerCode: string): Promise<Result<QueueBoard | null, StorageFailure>>;
  figures(centerCode: string, from: string, to: string): Promise<Result<QueueFigures, StorageFailure>>;
  subscribe(centerCode: string, listener: (update: DeskUpdate) => void): () => void;
}

export function createQueueDesk(store: QueueStore & DeviceStore, now: () => Date = () => new Date()): QueueDesk {
  const today = () => isoFromDayNumber(dayNumberOf(now()));
  /** Today's state per center, with the cursor of the last event folded in. */
  const states = new Map<string, { state: QueueState; cursor: number }>();
  const chains = new Map<string, Promise<unknown>>();
  const listeners = new Map<string, Set<(update: DeskUpdate) => void>>();

  /** Runs `work` after every earlier change of this center has finished. */
  function serially<T>(centerCode: string, work: () => Promise<T>): Promise<T> {
    const previous = chains.get(centerCode) ?? Promise.resolve();
    const run = previous.then(work, work);
    chains.set(centerCode, run.catch(() => undefined));
    return run;
  }

  function publish(centerCode: string, events: StoredQueueEvent[]): void {
    if (events.length === 0) return;
    for (const listener of listeners.get(centerCode) ?? []) listener({ events });
  }

  async function stateOf(centerCode: string, day: string): Promise<Result<{ state: QueueState; cursor: number }, StorageFailure>> {
    const cached = states.get(centerCode);
    if (cached && cached.state.day === day) return ok(cached);
    const events: StoredQueueEvent[] = [];
    for (let since = 0; ; ) {
      const page = await store.queueEventsOfDay(centerCode, day, since, 5000);
      if (!page.ok) return page;
      events.push(...page.value);
      if (page.value.length < 5000) break;
      since = page.value[page.value.length - 1]!.cursor;
    }
    const { state, refused: skipped } = reduceQueue(day, events);
    // A stored log replays without refusals; one would mean the rules changed under stored data.
    if (skipped.length > 0) console.error(`queue ${centerCode} ${day}: ${skipped.length} stored events no longer apply (first: ${skipped[0]!.refusal.reason})`);
    const loaded = { state, cursor: events.length > 0 ? events[events.length - 1]!.cursor : 0 };
    if (day === today()) states.set(centerCode, loaded);
    return ok(loaded);
  }

  function remember(centerCode: string, state: QueueState, stored: StoredQueueEvent): void {
    if (state.day === today()) states.set(centerCode, { state, cursor: stored.cursor });
  }

  async function requireSettings(centerCode: string): Promise<Result<QueueSettings, DeskFailure>> {
    const found = await store.queueSettings(centerCode);
    if (!found.ok) return found;
    if (!found.value) return refused(409, 'queue.error.noSettings', 'this center has no queue settings yet: an admin sets up services and counters first');
    return ok(found.value.settings);
  }

  function ticketView(state: QueueState, settings: QueueSettings, number: string): IssuedTicket {
    const t = state.tickets.get(number)!;
    const ahead = peopleAhead(state, settings, number) ?? 0;
    return {
      number,
      day: state.day,
      serviceId: t.serviceId ?? '',
      priority: t.priority,
      procedureCode: t.procedureCode,
      draftId: t.draftId,
      issuedAt: t.issuedAt ?? '',
      origin: t.origin === 'offline' ? 'offline' : 'server',
      ahead,
      estimateMinutes: t.serviceId ? estimateWaitMinutes(state, settings, t.serviceId, ahead) : null,
    };
  }

  /** Is this device allowed to have made this event, and is its time believable? */
  function checkSender(device: Device, event: QueueEvent): Result<void, DeskRefusal> {
    const kinds = device.role === 'kiosk' ? KIOSK_EVENT_KINDS : COUNTER_EVENT_KINDS;
    if (!kinds.has(event.kind)) return refused(403, 'queue.error.notAllowed', `a ${device.role} device may not send ${event.kind} events`);
    if (event.kind === 'issue') {
      const parts = parseTicketNumber(event.number);
      if (event.origin !== 'offline' || parts?.kiosk !== device.code) {
        return refused(403, 'queue.error.notYourNumber', `a kiosk sends only the offline numbers it gave itself (${device.code}-…), not ${event.number}`);
      }
    }
    const day = dayNumberFromIso(event.day)!;
    const current = dayNumberOf(now());
    if (day < current - DAYS_BACK || day > current + 1) return refused(400, 'queue.error.wrongDay', `${event.day} is too far from today (${today()})`);
    if (Date.parse(event.at) > now().getTime() + FUTURE_SLACK_MS) return refused(400, 'queue.error.clock', `${event.at} is in the future by the server's clock: check the device's clock`);
    return ok(undefined);
  }

  async function checkAgainstSettings(centerCode: string, event: QueueEvent): Promise<Result<void, DeskFailure>> {
    if (event.kind !== 'transfer') return ok(undefined);
    const settings = await requireSettings(centerCode);
    if (!settings.ok) return settings;
    if (event.toService !== null && !serviceById(settings.value, event.toService)) return refused(400, 'queue.error.unknownService', `no service "${event.toService}"`);
    if (event.toCounter !== null && !counterByNumber(settings.value, event.toCounter)) return refused(400, 'queue.error.unknownCounter', `no counter ${event.toCounter}`);
    return ok(undefined);
  }

  /** One device event, already under the center's turn. */
  async function takeOne(device: Device, raw: unknown): Promise<Result<EventResult, StorageFailure>> {
    const rawId = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id.slice(0, 64) : '?';
    const parsed = queueEventSchema.safeParse(raw);
    if (!parsed.success) return ok({ id: rawId, status: 'rejected', code: 'queue.error.invalid', reason: describeIssues(parsed.error) });
    const event = parsed.data;
    const answer = (status: EventResult['status'], code: string | null = null, reason: string | null = null): Result<EventResult, never> => ok({ id: event.id, status, code, reason });

    const stored = await store.findQueueEvent(event.id);
    if (!stored.ok) return stored;
    if (stored.value) {
      const same = stored.value.centerCode === device.centerCode && canonicalJson(stored.value.event) === canonicalJson(event);
      return same ? answer('duplicate') : answer('rejected', 'queue.error.idConflict', `another event with id ${event.id} is already stored`);
    }
    const before = await store.findQueueRefusal(event.id);
    if (!before.ok) return before;
    if (before.value) return answer('rejected', before.value.code, before.value.reason);

    const refuse = async (code: string, reason: string): Promise<Result<EventResult, StorageFailure>> => {
      const recorded = await store.recordQueueRefusal({ id: event.id, centerCode: device.centerCode, code, reason, event: canonicalJson(event) }, device.id, now().toISOString());
      return recorded.ok ? answer('rejected', code, reason) : recorded;
    };
    const sender = checkSender(device, event);
    if (!sender.ok) return refuse(sender.error.code, sender.error.reason);
    const known = await checkAgainstSettings(device.centerCode, event);
    if (!known.ok) return known.error.kind === 'storage' ? err(known.error) : refuse(known.error.code, known.error.reason);

    const current = await stateOf(device.centerCode, event.day);
    if (!current.ok) return current;
    const next = applyQueueEvent(current.value.state, event);
    if (!next.ok) return refuse(next.error.code, next.error.reason);
    const appended = await store.appendQueueEvent(device.centerCode, device.id, event);
    if (!appended.ok) {
      if (appended.error.kind === 'storage') return err(appended.error);
      return refuse(appended.error.kind === 'number_taken' ? 'queue.error.numberTaken' : 'queue.error.idConflict', appended.error.reason);
    }
    remember(device.centerCode, next.value, appended.value);
    publish(device.centerCode, [appended.value]);
    return answer('applied');
  }

  return {
    today,
    settings: (centerCode) => store.queueSettings(centerCode),
    saveSettings: (device, settings, baseRevision) => store.saveQueueSettings(device.centerCode, settings, baseRevision, device.id),

    issue: (device, request) =>
      serially(device.centerCode, async (): Promise<Result<{ ticket: IssuedTicket; cursor: number }, DeskFailure>> => {
        const settings = await requireSettings(device.centerCode);
        if (!settings.ok) return settings;
        const service = serviceById(settings.value, request.serviceId);
        if (!service) return refused(400, 'queue.error.unknownService', `no service "${request.serviceId}" in this center`);

        const earlier = await store.findQueueEvent(request.id);
        if (!earlier.ok) return earlier;
        if (earlier.value) {
          // The same request again (its answer was lost): the same number, with today's figures.
          const e = earlier.value.event;
          if (earlier.value.centerCode !== device.centerCode || e.kind !== 'issue') return refused(409, 'queue.error.idConflict', `event ${request.id} is not an issue of this center`);
          const day = await stateOf(device.centerCode, e.day);
          if (!day.ok) return day;
          return ok({ ticket: ticketView(day.value.state, settings.value, e.number), cursor: e.cursor });
        }

        const day = today();
        const current = await stateOf(device.centerCode, day);
        if (!current.ok) return current;
        let after: QueueState = current.value.state;
        const issued = await store.issueQueueNumber(device.centerCode, day, service.prefix, device.id, (number) => {
          const event: QueueEvent = {
            id: request.id,
            kind: 'issue',
            at: now().toISOString(),
            day,
            number,
            serviceId: service.id,
            priority: request.priority,
            procedureCode: request.procedureCode,
            draftId: request.draftId,
            origin: 'server',
          };
          const next = applyQueueEvent(current.value.state, event);
          if (!next.ok) return err(next.error);
          after = next.value;
          return ok(event);
        });
        if (!issued.ok) return issued.error.kind === 'storage' ? err(issued.error) : refused(409, issued.error.code, issued.error.reason);
        remember(device.centerCode, after, issued.value);
        publish(device.centerCode, [issued.value]);
        if (issued.value.kind !== 'issue') throw new Error('the store returned another kind of event for an issue');
        return ok({ ticket: ticketView(after, settings.value, issued.value.number), cursor: issued.value.cursor });
      }),

    callNext: (device, counter, id) =>
      serially(device.centerCode, async (): Promise<Result<StoredQueueEvent | null, DeskFailure>> => {
        const settings = await requireSettings(device.centerCode);
        if (!settings.ok) return settings;
        if (!counterByNumber(settings.value, counter)) return refused(404, 'queue.error.unknownCounter', `this center has no counter ${counter}`);
        const earlier = await store.findQueueEvent(id);
        if (!earlier.ok) return earlier;
        if (earlier.value) {
          const e = earlier.value.event;
          if (earlier.value.centerCode !== device.centerCode || e.kind !== 'call' || e.counter !== counter) return refused(409, 'queue.error.idConflict', `event ${id} is not a call of counter ${counter}`);
          return ok(e);
        }
        const current = await stateOf(device.centerCode, today());
        if (!current.ok) return current;
        const ticket = pickNextTicket(current.value.state, settings.value, counter);
        if (!ticket) return ok(null);
        const event: QueueEvent = { id, kind: 'call', at: now().toISOString(), day: current.value.state.day, number: ticket.number, counter };
        const next = applyQueueEvent(current.value.state, event);
        if (!next.ok) return refused(409, next.error.code, next.error.reason);
        const appended = await store.appendQueueEvent(device.centerCode, device.id, event);
        if (!appended.ok) return appended.error.kind === 'storage' ? err(appended.error) : refused(409, 'queue.error.idConflict', appended.error.reason);
        remember(device.centerCode, next.value, appended.value);
        publish(device.centerCode, [appended.value]);
        return ok(appended.value);
      }),

    takeEvents: (device, items) =>
      serially(device.centerCode, async () => {
        const results: EventResult[] = [];
        for (const raw of items) {
          const one = await takeOne(device, raw);
          if (!one.ok) return one;
          results.push(one.value);
        }
        return ok(results);
      }),

    eventsOfDay: (centerCode, day, since, limit) => store.queueEventsOfDay(centerCode, day, since, limit),

    board: async (centerCode) => {
      const center = await store.findCenter(centerCode);
      if (!center.ok) return center;
      const settings = await store.queueSettings(centerCode);
      if (!settings.ok) return settings;
      if (!center.value || !settings.value) return ok(null);
      const current = await stateOf(centerCode, today());
      if (!current.ok) return current;
      return ok(buildBoard(current.value.state, settings.value.settings, { code: center.value.code, name: center.value.name }, current.value.cursor));
    },

    figures: async (centerCode, from, to) => {
      const events = await store.queueEventsBetween(centerCode, from, to);
      if (!events.ok) return events;
      const settings = await store.queueSettings(centerCode);
      if (!settings.ok) return settings;
      return ok(computeQueueFigures(events.value, settings.value?.settings ?? null, { from, to }));
    },

    subscribe: (centerCode, listener) => {
      let set = listeners.get(centerCode);
      if (!set) listeners.set(centerCode, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
