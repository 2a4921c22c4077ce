import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { dayNumberFromIso, isoFromDayNumber } from '../../shared/calendar/civilDay.ts';
import { computeDueDate, type DueDateOptions, type ProcessingTime } from '../../shared/calendar/dueDate.ts';
import { buildWorkCalendar, parseHolidayTable, type HolidayTable, type WorkCalendar } from '../../shared/calendar/holidayTable.ts';
import { statutoryDaysOff } from '../../shared/calendar/statutoryHolidays.ts';

const raw = JSON.parse(readFileSync(join(sharedDataDir(), 'calendar/vn_holidays_2025_2027.json'), 'utf8')) as {
  days: Array<{ date: string; kind: string }>;
};
const parsed = parseHolidayTable(raw);
if (!parsed.ok) throw new Error(parsed.error);
const table: HolidayTable = parsed.value;
const calendar = buildWorkCalendar(table);
const statutoryOnly = buildWorkCalendar(null);

const day = (iso: string) => dayNumberFromIso(iso)!;
const working = (cal: WorkCalendar, iso: string) => cal.isWorkingDay(day(iso));
/** Vietnam wall-clock time → instant. */
const vn = (local: string) => new Date(`${local}+07:00`);
/** An instant shown as Vietnam wall-clock time. */
const local = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const due = (received: string, time: ProcessingTime, options?: DueDateOptions, cal = calendar) => {
  const r = computeDueDate(vn(received), time, cal, options);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const wd = (value: number): ProcessingTime => ({ value, unit: 'working_day' });

describe('holiday table', () => {
  it('reads the checked 2025–2027 file', () => {
    expect(table.years).toEqual([2025, 2026, 2027]);
    expect(table.days).toHaveLength(52);
    expect(table.version).toBe('vn-public-sector-holidays-2025-2027');
  });

  it('refuses a date listed twice and a make-up working day that is not a weekend', () => {
    const twice = parseHolidayTable({ version: '1', years: [2026], days: [
      { date: '2026-01-01', name: 'Tết Dương lịch', kind: 'statutory_holiday', status: 'official' },
      { date: '2026-01-01', name: 'again', kind: 'statutory_holiday', status: 'official' },
    ] });
    expect(twice.ok).toBe(false);
    const weekdayMakeUp = parseHolidayTable({ version: '1', years: [2026], days: [
      { date: '2026-01-09', name: 'Làm bù', kind: 'make_up_working_day', status: 'official' },
    ] });
    expect(weekdayMakeUp).toMatchObject({ ok: false, error: expect.stringContaining('not a weekend day') });
    expect(parseHolidayTable({ version: '1', years: [2026], days: [{ date: '2026-02-30', name: 'x', kind: 'statutory_holiday', status: 'official' }] }).ok).toBe(false);
  });

  it('survives a JSON round trip, as it travels from the sync server', () => {
    const again = parseHolidayTable(JSON.parse(JSON.stringify(table)));
    expect(again).toEqual({ ok: true, value: table });
  });
});

describe('working calendar', () => {
  it('rests on Saturdays and Sundays and works on weekdays', () => {
    expect(working(calendar, '2025-07-12')).toBe(false);
    expect(working(calendar, '2025-07-13')).toBe(false);
    expect(working(calendar, '2025-07-14')).toBe(true);
  });

  it('works on the make-up Saturdays 26/4/2025 and 10/1/2026', () => {
    expect(calendar.describeDay(day('2025-04-26'))).toMatchObject({ working: true, reason: 'make_up_working_day', source: 'table' });
    expect(working(calendar, '2026-01-10')).toBe(true);
  });

  it('rests on swapped and compensatory days off', () => {
    expect(calendar.describeDay(day('2025-05-02'))).toMatchObject({ working: false, reason: 'swapped_day_off' });
    expect(working(calendar, '2026-01-02')).toBe(false);
    expect(working(calendar, '2026-08-31')).toBe(false);
    expect(working(calendar, '2026-04-27')).toBe(false);
  });

  it('rests through Tết 2026 (14–22/02) and works again on 23/02', () => {
    for (let d = day('2026-02-14'); d <= day('2026-02-22'); d += 1) expect(calendar.isWorkingDay(d), isoFromDayNumber(d)).toBe(false);
    expect(working(calendar, '2026-02-13')).toBe(true);
    expect(working(calendar, '2026-02-23')).toBe(true);
  });

  it('treats the proposed 24/11 holiday as a working day unless opted in', () => {
    expect(working(calendar, '2026-11-24')).toBe(true);
    expect(working(buildWorkCalendar(table, { includeProposed: true }), '2026-11-24')).toBe(false);
  });

  it('follows the statutory rules for years the table does not cover', () => {
    expect(calendar.describeDay(day('2028-01-26'))).toMatchObject({ working: false, source: 'statutory_rule', reason: 'statutory_holiday' });
    // Tết Mậu Thân 2028: 29 Chạp Tue 25/1, mùng 1–4 Wed 26 – Sat 29/1, mùng 4 on a Saturday → nghỉ bù Mon 31/1.
    const off = statutoryDaysOff(2028).filter((d) => d.date < '2028-03-01').map((d) => `${d.date} ${d.kind}`);
    expect(off).toEqual([
      '2028-01-01 statutory_holiday',
      '2028-01-03 compensatory_day_off',
      '2028-01-25 statutory_holiday',
      '2028-01-26 statutory_holiday',
      '2028-01-27 statutory_holiday',
      '2028-01-28 statutory_holiday',
      '2028-01-29 statutory_holiday',
      '2028-01-31 compensatory_day_off',
    ]);
  });

  it('reproduces the table\'s estimated 2027 exactly from the statutory rules', () => {
    const fromTable = raw.days.filter((d) => d.date.startsWith('2027') && d.kind !== 'proposed_holiday').map((d) => `${d.date} ${d.kind}`);
    expect(statutoryDaysOff(2027).map((d) => `${d.date} ${d.kind}`)).toEqual(fromTable);
    for (let d = day('2027-01-01'); d <= day('2027-12-31'); d += 1) {
      expect(statutoryOnly.isWorkingDay(d), isoFromDayNumber(d)).toBe(calendar.isWorkingDay(d));
    }
  });

  it('differs from the statutory guess where the Government decided otherwise (Tết 2025 started on 28 Chạp)', () => {
    expect(working(calendar, '2025-01-27')).toBe(false);
    expect(working(statutoryOnly, '2025-01-27')).toBe(true);
  });
});

describe('due date', () => {
  it('counts working days from the day after receipt, across Tết 2026', () => {
    // Thu 12/02: Fri 13 is day 1, the break 14–22/02 is skipped, then Mon 23 … Thu 26 are days 2–5.
    const r = due('2026-02-12T10:00', wd(5));
    expect(local(r.due)).toBe('2026-02-26 17:00');
    expect(local(r.countedFrom)).toBe('2026-02-12 10:00');
    expect(r.explanation).toMatchObject({ rule: 'working_days', restDaysSkipped: 9, startDate: '2026-02-12', dueDate: '2026-02-26' });
  });

  it('counts working days across Tết 2027, with its compensatory days, from table and statutory rules alike', () => {
    // Wed 03/02: Thu 04 (1); 05–11/02 off (29 Chạp, mùng 1–4, nghỉ bù 10 and 11); Fri 12 (2); Mon 15 (3).
    expect(local(due('2027-02-03T09:00', wd(3)).due)).toBe('2027-02-15 17:00');
    expect(local(due('2027-02-03T09:00', wd(3), {}, statutoryOnly).due)).toBe('2027-02-15 17:00');
  });

  it('counts a make-up Saturday as a working day and skips swapped days off', () => {
    expect(local(due('2025-04-25T10:00', wd(2)).due)).toBe('2025-04-28 17:00'); // Sat 26/04 is day 1
    expect(local(due('2025-04-29T10:00', wd(1)).due)).toBe('2025-05-05 17:00'); // 30/4, 1/5, swapped 2/5, weekend
    expect(local(due('2025-12-31T10:00', wd(2)).due)).toBe('2026-01-06 17:00'); // 1/1 and swapped 2/1/2026
    expect(local(due('2026-01-09T10:00', wd(1)).due)).toBe('2026-01-10 17:00'); // make-up Saturday 10/01/2026
  });

  it('counts a file received at or after the 16:00 cut-off from the next working day', () => {
    expect(local(due('2025-07-14T15:59', wd(3)).due)).toBe('2025-07-17 17:00');
    const late = due('2025-07-14T16:00', wd(3));
    expect(local(late.due)).toBe('2025-07-18 17:00');
    expect(local(late.countedFrom)).toBe('2025-07-15 07:30');
    expect(late.explanation).toMatchObject({ receivedAfterCutoff: true, startDate: '2025-07-15' });
    expect(local(due('2025-07-14T16:00', wd(3), { cutoff: '16:30' }).due)).toBe('2025-07-17 17:00');
  });

  it('counts a file received on a rest day from the next working day, and one received before opening from opening', () => {
    const weekend = due('2025-07-12T09:00', wd(1));
    expect(local(weekend.countedFrom)).toBe('2025-07-14 07:30');
    expect(local(weekend.due)).toBe('2025-07-15 17:00');
    expect(weekend.explanation.receivedOnRestDay).toBe(true);
    const tetOnline = due('2026-02-17T20:00', wd(1)); // mùng 1 Tết, online
    expect(local(tetOnline.countedFrom)).toBe('2026-02-23 07:30');
    expect(local(tetOnline.due)).toBe('2026-02-24 17:00');
    expect(local(due('2025-07-14T06:00', wd(1)).countedFrom)).toBe('2025-07-14 07:30');
  });

  it('counts hours as clock hours and moves a deadline that falls while the office is shut', () => {
    expect(local(due('2025-07-14T08:00', { value: 8, unit: 'hour' }).due)).toBe('2025-07-14 16:00');
    const evening = due('2025-07-14T15:30', { value: 2, unit: 'hour' });
    expect(local(evening.due)).toBe('2025-07-15 17:00');
    expect(evening.explanation.movedFrom).toBe('2025-07-14');
    expect(local(due('2025-07-14T16:10', { value: 1, unit: 'hour' }).due)).toBe('2025-07-15 08:30'); // after cut-off
    expect(local(due('2025-07-18T10:00', { value: 24, unit: 'hour' }).due)).toBe('2025-07-21 17:00'); // lands on Saturday
    expect(local(due('2025-07-14T10:00', { value: 0.5, unit: 'hour' }).due)).toBe('2025-07-14 10:30');
  });

  it('counts calendar days as such and moves a last day that is a rest day to the next working day', () => {
    expect(local(due('2025-07-14T10:00', { value: 15, unit: 'day' }).due)).toBe('2025-07-29 17:00');
    const weekend = due('2025-07-11T10:00', { value: 15, unit: 'day' });
    expect(local(weekend.due)).toBe('2025-07-28 17:00');
    expect(weekend.explanation.movedFrom).toBe('2025-07-26');
    expect(local(due('2026-02-12T10:00', { value: 7, unit: 'day' }).due)).toBe('2026-02-23 17:00'); // 19/02 is Tết
  });

  it('adds calendar months, clamping to the month\'s end and skipping rest days', () => {
    expect(local(due('2024-01-31T10:00', { value: 1, unit: 'month' }).due)).toBe('2024-02-29 17:00');
    // 31/01/2025 was mùng 3 Tết: the count starts on Mon 03/02.
    expect(local(due('2025-01-31T10:00', { value: 1, unit: 'month' }).due)).toBe('2025-03-03 17:00');
    // 31/08/2025 is a Sunday, 01–02/09 are Quốc khánh → Wed 03/09.
    expect(local(due('2025-07-31T10:00', { value: 1, unit: 'month' }).due)).toBe('2025-09-03 17:00');
  });

  it('handles zero and fractional day counts', () => {
    expect(local(due('2025-07-14T10:00', wd(0)).due)).toBe('2025-07-14 17:00');
    const half = due('2025-07-14T10:00', wd(1.5));
    expect(local(half.due)).toBe('2025-07-16 17:00');
    expect(half.explanation).toMatchObject({ counted: 2, roundedUp: true });
  });

  it('refuses to invent a deadline for an unknown time', () => {
    const at = vn('2025-07-14T10:00');
    expect(computeDueDate(at, { value: null, unit: 'working_day' }, calendar)).toEqual({ ok: false, error: 'unknownTime' });
    expect(computeDueDate(at, { value: 5, unit: null }, calendar)).toEqual({ ok: false, error: 'unknownTime' });
    expect(computeDueDate(at, { value: -1, unit: 'day' }, calendar)).toEqual({ ok: false, error: 'unknownTime' });
  });

  it('gives the same answer whatever the machine\'s time zone, because it works in Vietnam time', () => {
    const r = due('2025-07-14T23:30', wd(1)); // 16:30 UTC: still Monday evening in Vietnam, after the cut-off
    expect(r.explanation.receivedDate).toBe('2025-07-14');
    expect(local(r.due)).toBe('2025-07-16 17:00');
  });
});
