import { describe, expect, it } from 'vitest';
import { computeQueueFigures } from '../../shared/queue/queueFigures.ts';
import { demoSettings, queueEvents } from '../support/queueEvents.ts';

/** Minute `m` after 08:00 Vietnam time on `day`, as an ISO instant. */
const at = (day: string, m: number) => new Date(Date.parse(`${day}T08:00:00+07:00`) + m * 60_000).toISOString();

describe('queue figures', () => {
  const d1 = '2027-03-01';
  const d2 = '2027-03-02';
  const a = queueEvents(d1);
  const b = queueEvents(d2);
  const events = [
    // Day 1: A001 waits 10 min, served 6 min at counter 1; A002 waits 20 min, absent at counter 2; B001 (09:30) waits 5, served 12 at counter 3.
    a.issue('A001', { at: at(d1, 0) }),
    a.issue('A002', { at: at(d1, 0) }),
    a.call('A001', 1, at(d1, 10)),
    a.start('A001', 1, at(d1, 11)),
    a.finish('A001', 1, at(d1, 17)),
    a.call('A002', 2, at(d1, 20)),
    a.noShow('A002', 2),
    a.issue('B001', { serviceId: 'dat-dai', at: at(d1, 90) }),
    a.call('B001', 3, at(d1, 95)),
    a.start('B001', 3, at(d1, 95)),
    a.finish('B001', 3, at(d1, 107)),
    // Day 2: one waiting ticket, one voided.
    b.issue('A001', { at: at(d2, 0) }),
    b.issue('A002', { at: at(d2, 1), id: '6f1b0d4e-1f7e-4a52-9d35-0a3b8f0c2a11' }),
    b.voidIssue('6f1b0d4e-1f7e-4a52-9d35-0a3b8f0c2a11'),
  ];

  it('counts tickets, no-shows, waits and desk times in total and per day', () => {
    const f = computeQueueFigures(events, demoSettings(), { from: d1, to: '2027-03-03' });
    expect(f.total).toMatchObject({ tickets: 5, called: 3, served: 2, noShows: 1, cancelled: 1, waitMinutesMax: 20 });
    expect(f.total.waitMinutesAvg).toBeCloseTo((10 + 20 + 5) / 3, 1);
    expect(f.total.serveMinutesAvg).toBe(9);
    expect(f.byDay.map((g) => [g.key, g.tickets, g.served])).toEqual([
      [d1, 3, 2],
      [d2, 2, 0],
    ]);
  });

  it('splits by service, by the counter that called last, and by the hour of issue', () => {
    const f = computeQueueFigures(events, demoSettings(), { from: d1, to: d2 });
    expect(f.byService.map((g) => [g.label, g.tickets, g.waitMinutesAvg, g.serveMinutesAvg])).toEqual([
      ['A – Hộ tịch – Chứng thực', 2, 15, 6],
      ['B – Đất đai – Xây dựng', 1, 5, 12],
    ]);
    expect(f.byCounter.map((g) => [g.label, g.served, g.noShows])).toEqual([
      ['Quầy 1', 1, 0],
      ['Quầy 2', 0, 1],
      ['Quầy 3', 1, 0],
    ]);
    expect(f.byHour.map((g) => [g.label, g.tickets])).toEqual([
      ['08:00', 2],
      ['09:00', 1],
    ]);
  });

  it('leaves out days outside the period', () => {
    expect(computeQueueFigures(events, demoSettings(), { from: d2, to: '2027-03-03' }).total.tickets).toBe(2);
  });
});
