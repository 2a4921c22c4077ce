/**
 * The periods the statistics screen offers, as Vietnam civil dates: this month, last month, or a
 * chosen first and last day. `to` is always the day after the last day, as shared/stats counts.
 */
import { addMonths, dayNumberFromIso, dayNumberFromYmd, dayNumberOf, isoFromDayNumber, ymdOf, type IsoDate } from '../../../shared/calendar/civilDay.ts';

export type PeriodChoice = { kind: 'thisMonth' } | { kind: 'lastMonth' } | { kind: 'custom'; first: IsoDate; last: IsoDate };

export interface Period {
  /** First day counted. */
  from: IsoDate;
  /** Day after the last day counted. */
  to: IsoDate;
  /** Last day counted, for display. */
  last: IsoDate;
}

/** The period a choice means on `now`; null when a chosen range is empty or malformed. */
export function periodOf(choice: PeriodChoice, now: Date | number): Period | null {
  if (choice.kind === 'custom') {
    const first = dayNumberFromIso(choice.first);
    const last = dayNumberFromIso(choice.last);
    if (first === null || last === null || last < first) return null;
    return { from: isoFromDayNumber(first), to: isoFromDayNumber(last + 1), last: isoFromDayNumber(last) };
  }
  const { year, month } = ymdOf(dayNumberOf(now));
  const thisMonth = dayNumberFromYmd(year, month, 1);
  const start = choice.kind === 'thisMonth' ? thisMonth : addMonths(thisMonth, -1);
  const end = addMonths(start, 1);
  return { from: isoFromDayNumber(start), to: isoFromDayNumber(end), last: isoFromDayNumber(end - 1) };
}

/** 2025-07-31 → 31/07/2025, as Vietnamese documents write dates. */
export function vietnameseDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
