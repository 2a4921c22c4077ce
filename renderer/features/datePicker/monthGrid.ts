/**
 * The days a date picker shows for one month: whole weeks from Monday (as Vietnamese calendars
 * print them), each day marked selectable or not, rest days (weekends, holidays, swapped days)
 * from the device's work calendar. Pure, so the rules are tested without a browser.
 */
import { dayNumberFromIso, dayNumberFromYmd, isoFromDayNumber, weekdayOf, ymdOf, type IsoDate } from '../../../shared/calendar/civilDay.ts';
import type { WorkCalendar } from '../../../shared/calendar/holidayTable.ts';

export interface GridDay {
  date: IsoDate;
  day: number;
  inMonth: boolean;
  /** A weekend, holiday or swapped day off by the work calendar (false when there is none). */
  rest: boolean;
  /** The holiday's name, for the tooltip and the screen reader. */
  restName: string | null;
  selectable: boolean;
  selected: boolean;
  today: boolean;
}

export interface MonthGridOptions {
  min?: IsoDate;
  max?: IsoDate;
  /** With a calendar, rest days are marked and, when `restDaysSelectable` is false, not selectable. */
  calendar?: WorkCalendar;
  restDaysSelectable?: boolean;
  selected?: IsoDate | null;
  today: IsoDate;
}

/** Year and month (1-12) a step of `months` away. */
export function shiftMonth(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthGrid(year: number, month: number, options: MonthGridOptions): GridDay[][] {
  const first = dayNumberFromYmd(year, month, 1);
  const next = shiftMonth(year, month, 1);
  const last = dayNumberFromYmd(next.year, next.month, 1) - 1;
  // Monday = 0 ... Sunday = 6.
  const start = first - ((weekdayOf(first) + 6) % 7);
  const end = last + (6 - ((weekdayOf(last) + 6) % 7));
  const min = options.min ? dayNumberFromIso(options.min) : null;
  const max = options.max ? dayNumberFromIso(options.max) : null;
  const weeks: GridDay[][] = [];
  for (let day = start; day <= end; day += 1) {
    const info = options.calendar?.describeDay(day);
    const rest = info ? !info.working : false;
    const inRange = (min === null || day >= min) && (max === null || day <= max);
    const date = isoFromDayNumber(day);
    const cell: GridDay = {
      date,
      day: ymdOf(day).day,
      inMonth: day >= first && day <= last,
      rest,
      restName: rest ? (info?.name ?? null) : null,
      selectable: inRange && (!rest || options.restDaysSelectable === true),
      selected: options.selected === date,
      today: options.today === date,
    };
    if ((day - start) % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1]!.push(cell);
  }
  return weeks;
}
