/**
 * The holiday table (Government-announced days off, swaps and make-up Saturdays) and the working
 * calendar built from it. The table is plain JSON with a version, so admins can push a new one from
 * the sync server; years it does not cover follow the statutory rules in statutoryHolidays.ts.
 */
import { dayNumberFromIso, isoFromDayNumber, weekdayOf, ymdOf, type DayNumber, type IsoDate } from './civilDay.ts';
import { statutoryDaysOff } from './statutoryHolidays.ts';
import type { HolidayKind, HolidayTable } from './holidayTableSchema.ts';

export { holidayDaySchema, holidayKindSchema, holidayStatusSchema, holidayTableSchema, parseHolidayTable } from './holidayTableSchema.ts';
export type { HolidayDay, HolidayKind, HolidayStatus, HolidayTable } from './holidayTableSchema.ts';
export interface WorkCalendarOptions {
  /** Count `proposed_holiday` days (announced policy, not yet law) as days off. Default false. */
  includeProposed?: boolean;
}

export type DayReason = 'working_day' | 'weekly_rest_day' | HolidayKind;

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  /** Why the day is (not) worked: a weekday, a weekend, or the table's / the law's kind. */
  reason: DayReason;
  name: string | null;
  /** Where the answer comes from: the admins' table, the statutory fallback, or plain weekdays. */
  source: 'table' | 'statutory_rule' | 'week';
}

/** Answers "is this a working day?" for any Vietnam civil day. */
export interface WorkCalendar {
  readonly version: string;
  /** Years taken from the table; every other year follows the statutory rules. */
  readonly tableYears: readonly number[];
  isWorkingDay(day: DayNumber): boolean;
  describeDay(day: DayNumber): DayInfo;
  /** The first working day strictly after `day`. */
  nextWorkingDay(day: DayNumber): DayNumber;
}

const DAYS_OFF: ReadonlySet<HolidayKind> = new Set(['statutory_holiday', 'weekly_rest_day', 'compensatory_day_off', 'swapped_day_off']);

interface Entry {
  kind: HolidayKind;
  name: string;
  source: 'table' | 'statutory_rule';
}

/**
 * Builds the working calendar. In a table year: Saturdays and Sundays are rest days unless listed
 * as make_up_working_day; statutory, compensatory and swapped days off (and weekly rest days inside
 * a break) are rest days; proposed holidays only with `includeProposed`. Any other year: weekends
 * plus statutoryDaysOff(year). `table` null means statutory rules everywhere.
 */
export function buildWorkCalendar(table: HolidayTable | null, options: WorkCalendarOptions = {}): WorkCalendar {
  const includeProposed = options.includeProposed ?? false;
  const tableYears = new Set(table?.years ?? []);
  const tableDays = new Map<DayNumber, Entry>();
  for (const d of table?.days ?? []) tableDays.set(dayNumberFromIso(d.date)!, { kind: d.kind, name: d.name, source: 'table' });

  const statutoryYears = new Map<number, Map<DayNumber, Entry>>();
  const statutoryFor = (year: number) => {
    let days = statutoryYears.get(year);
    if (!days) {
      days = new Map(statutoryDaysOff(year).map((d) => [d.day, { kind: d.kind, name: d.name, source: 'statutory_rule' as const }]));
      statutoryYears.set(year, days);
    }
    return days;
  };
  const entryOf = (day: DayNumber): Entry | undefined => {
    const year = ymdOf(day).year;
    return tableYears.has(year) ? tableDays.get(day) : statutoryFor(year).get(day);
  };

  const isWeekend = (day: DayNumber) => {
    const weekday = weekdayOf(day);
    return weekday === 0 || weekday === 6;
  };
  const worked = (entry: Entry, weekend: boolean) =>
    entry.kind === 'make_up_working_day' || (!weekend && !DAYS_OFF.has(entry.kind) && !(entry.kind === 'proposed_holiday' && includeProposed));

  // Called for every day a deadline counts through, so it builds no strings or objects.
  const isWorkingDay = (day: DayNumber) => {
    const entry = entryOf(day);
    return entry ? worked(entry, isWeekend(day)) : !isWeekend(day);
  };

  const describeDay = (day: DayNumber): DayInfo => {
    const date = isoFromDayNumber(day);
    const weekend = isWeekend(day);
    const entry = entryOf(day);
    if (entry) return { date, working: worked(entry, weekend), reason: entry.kind, name: entry.name, source: entry.source };
    return { date, working: !weekend, reason: weekend ? 'weekly_rest_day' : 'working_day', name: null, source: 'week' };
  };

  return {
    version: table?.version ?? 'statutory',
    tableYears: [...tableYears].sort((a, b) => a - b),
    isWorkingDay,
    describeDay,
    nextWorkingDay(day) {
      let next = day + 1;
      // Real breaks last days, not months; the bound only stops a malformed table from looping.
      for (let i = 0; i < 400 && !isWorkingDay(next); i += 1) next += 1;
      return next;
    },
  };
}
