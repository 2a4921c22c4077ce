import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes, peopleAhead, pickNextTicket, waitingLine } from '../../shared/queue/callOrder.ts';
import type { QueueEvent } from '../../shared/queue/queueEvents.ts';
import { queueSettingsSchema, serviceForProcedure, settingsIssueCode, type QueueSettings } from '../../shared/queue/queueSettings.ts';
import { reduceQueue, type QueueState } from '../../shared/queue/reduceQueue.ts';
import { formatTicketNumber, normaliseTypedNumber, parseTicketNumber } from '../../shared/queue/ticketNumber.ts';
import { demoSettings, queueEvents, TEST_DAY } from '../support/queueEvents.ts';

const q = queueEvents();
const state = (...events: QueueEvent[]): QueueState => reduceQueue(TEST_DAY, events).state;
const withRule = (priority: QueueSettings['priority']): QueueSettings => ({ ...demoSettings(), priority });
const next = (s: QueueState, settings: QueueSettings, counter: number) => pickNextTicket(s, settings, counter)?.number ?? null;

describe('call order', () => {
  it('calls the oldest number of the services this counter serves', () => {
    const s = state(q.issue('B001', { serviceId: 'dat-dai' }), q.issue('A001'), q.issue('A002'));
    expect(next(s, demoSettings(), 1)).toBe('A001');
    expect(next(s, demoSettings(), 3)).toBe('B001');
    // Counter 4 serves xa-hoi and khac: nobody waits for it.
    expect(next(s, demoSettings(), 4)).toBeNull();
  });

  it('"first": a waiting priority number goes before every ordinary one', () => {
    const s = state(q.issue('A001'), q.issue('A002'), q.issue('A003', { priority: 'elderly' }));
    expect(next(s, withRule({ mode: 'first' }), 1)).toBe('A003');
    expect(waitingLine(s, withRule({ mode: 'first' }), 'ho-tich').map((t) => t.number)).toEqual(['A003', 'A001', 'A002']);
  });

  it('"every 2": a counter calls one priority number after two ordinary ones', () => {
    const rule = withRule({ mode: 'every', every: 2 });
    const events = [q.issue('A001'), q.issue('A002'), q.issue('A003'), q.issue('A004', { priority: 'pregnant' })];
    const calls: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const s = state(...events);
      const n = next(s, rule, 1)!;
      calls.push(n);
      events.push(q.call(n, 1), q.start(n, 1), q.finish(n, 1));
    }
    expect(calls).toEqual(['A001', 'A002', 'A004', 'A003']);
    expect(waitingLine(state(q.issue('A001'), q.issue('A002'), q.issue('A003'), q.issue('A004', { priority: 'pregnant' })), rule, 'ho-tich').map((t) => t.number)).toEqual([
      'A001',
      'A002',
      'A004',
      'A003',
    ]);
  });

  it('"every N": a priority number is called when no ordinary one waits', () => {
    const s = state(q.issue('A001', { priority: 'disability' }));
    expect(next(s, withRule({ mode: 'every', every: 5 }), 1)).toBe('A001');
  });

  it('a number transferred to a service goes before numbers not yet served; one sent to a counter only to that counter', () => {
    const s = state(
      q.issue('A001'),
      q.issue('A002'),
      q.issue('B001', { serviceId: 'dat-dai' }),
      q.call('B001', 3),
      q.transfer('B001', 3, { service: 'ho-tich' }),
      q.issue('A003'),
      q.call('A003', 2),
      q.transfer('A003', 2, { counter: 4 }),
    );
    expect(next(s, demoSettings(), 1)).toBe('B001');
    expect(next(s, demoSettings(), 4)).toBe('A003');
    expect(waitingLine(s, demoSettings(), 'ho-tich').map((t) => t.number)).toEqual(['B001', 'A001', 'A002']);
  });

  it('counts the people ahead and estimates the wait from today’s pace among open counters', () => {
    const settings = demoSettings();
    const s = state(q.issue('A001'), q.issue('A002'), q.issue('A003'));
    expect(peopleAhead(s, settings, 'A001')).toBe(0);
    expect(peopleAhead(s, settings, 'A003')).toBe(2);
    expect(peopleAhead(s, settings, 'Z999')).toBeNull();
    // 8 minutes a person (the admin's figure), 2 open counters serve ho-tich: 2 ahead → 8 minutes.
    expect(estimateWaitMinutes(s, settings, 'ho-tich', 2)).toBe(8);
    // Counter 2 paused: 16 minutes.
    expect(estimateWaitMinutes(state(q.pause(2), q.issue('A001')), settings, 'ho-tich', 2)).toBe(16);
    // Today's pace: one person served in 20 minutes → 2 ahead at 2 counters = 20 minutes.
    const t0 = Date.parse(`${TEST_DAY}T08:00:00+07:00`);
    const iso = (m: number) => new Date(t0 + m * 60_000).toISOString();
    const paced = state(q.issue('A001', { at: iso(0) }), q.call('A001', 1, iso(1)), q.start('A001', 1, iso(1)), q.finish('A001', 1, iso(21)), q.issue('A002'));
    expect(estimateWaitMinutes(paced, settings, 'ho-tich', 2)).toBe(20);
    // Nobody serves it: no estimate.
    expect(estimateWaitMinutes(state(q.pause(1), q.pause(2)), settings, 'ho-tich', 0)).toBeNull();
  });
});

describe('ticket numbers', () => {
  it('formats server and offline numbers that can never be equal', () => {
    expect(formatTicketNumber('A', 23)).toBe('A023');
    expect(formatTicketNumber('A', 1234)).toBe('A1234');
    expect(formatTicketNumber('A', 5, 'D03')).toBe('D03-A005');
    expect(parseTicketNumber('D03-A005')).toEqual({ kiosk: 'D03', prefix: 'A', sequence: 5 });
    expect(parseTicketNumber('A023')).toEqual({ kiosk: null, prefix: 'A', sequence: 23 });
    expect(parseTicketNumber('A000')).toBeNull();
    expect(parseTicketNumber('a023')).toBeNull();
  });

  it('reads numbers typed by hand leniently', () => {
    expect(normaliseTypedNumber(' a 23 ')).toBe('A023');
    expect(normaliseTypedNumber('d03-a5')).toBe('D03-A005');
    expect(normaliseTypedNumber('A0')).toBeNull();
    expect(normaliseTypedNumber('23')).toBeNull();
  });
});

describe('queue settings', () => {
  it('accepts the demo center and finds the service of a procedure by code, field, then catch-all', () => {
    const s = demoSettings();
    expect(serviceForProcedure(s, { code: 'x', field: 'Hộ tịch' })?.prefix).toBe('A');
    expect(serviceForProcedure(s, { code: 'x', field: 'Thuế' })?.prefix).toBe('D');
    const byCode = { ...s, services: s.services.map((sv) => (sv.id === 'dat-dai' ? { ...sv, procedureCodes: ['1.001193'] } : sv)) };
    expect(serviceForProcedure(byCode, { code: '1.001193', field: 'Hộ tịch' })?.prefix).toBe('B');
  });

  it('refuses duplicate letters, unknown or unserved services, a field in two services, with codes', () => {
    const s = demoSettings();
    const codes = (input: unknown) => {
      const r = queueSettingsSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => settingsIssueCode(i.message));
    };
    expect(codes({ ...s, services: s.services.map((sv) => ({ ...sv, prefix: 'A' })) })).toContain('queue.settings.error.duplicatePrefix');
    expect(codes({ ...s, counters: [...s.counters, { number: 9, name: 'Quầy 9', services: ['nope'] }] })).toContain('queue.settings.error.unknownService');
    expect(codes({ ...s, counters: s.counters.filter((c) => c.number !== 3) })).toContain('queue.settings.error.unservedService');
    expect(codes({ ...s, services: s.services.map((sv) => (sv.id === 'khac' ? { ...sv, fields: ['Hộ tịch'] } : sv)) })).toContain('queue.settings.error.fieldTwice');
    expect(codes({ ...s, counters: [...s.counters, { ...s.counters[0]! }] })).toContain('queue.settings.error.duplicateCounter');
    expect(codes({ ...s, services: [{ ...s.services[0]!, prefix: 'a' }, ...s.services.slice(1)] })).toContain('queue.settings.error.prefix');
  });
});
