/**
 * Where a new file's due date comes from. Normally it is counted from the procedure's processing
 * time (shared/calendar/dueDate.ts). When that time is unknown (no value, or a bare number without a
 * unit, as in 446 of the portal's commune-level methods), staff must give the date themselves:
 * a working day after the reception, within a year, kept as dueAt with dueAtSetByStaff.
 */
import { dayNumberFromIso, dayNumberOf, instantAt, isoFromDayNumber, parseClockTime, type IsoDate } from '../../../../shared/calendar/civilDay.ts';
import { formatDayMonthYear, parseDayMonthYear } from '../../../../shared/calendar/dayMonthYear.ts';
import { computeDueDate, DEFAULT_DUE_DATE_OPTIONS, type DueDate, type ProcessingTime } from '../../../../shared/calendar/dueDate.ts';
import type { WorkCalendar } from '../../../../shared/calendar/holidayTable.ts';
import { err, ok, type Result } from '../../../../shared/result.ts';

/** A date further off than this is a typo (2099), not an appointment. */
export const STAFF_DUE_MAX_DAYS = 366;

export type DuePlan = { kind: 'computed'; due: DueDate } | { kind: 'staff' };

/** Counted from the time when there is one the calendar can count; otherwise staff set it. */
export function planDueDate(time: ProcessingTime | null, receivedAt: Date, calendar: WorkCalendar): DuePlan {
  const due = time ? computeDueDate(receivedAt, time, calendar) : err('unknownTime' as const);
  return due.ok ? { kind: 'computed', due: due.value } : { kind: 'staff' };
}

export type StaffDueProblem = 'empty' | 'format' | 'notADate' | 'notAfterReception' | 'restDay' | 'tooFar';

export interface StaffDueDate {
  date: IsoDate;
  /** Closing time of that day, Vietnam time: the file is due by the end of it. */
  dueAt: Date;
}

/** The first and last days staff may choose, for the picker's range. */
export function staffDueRange(receivedAt: Date): { first: IsoDate; last: IsoDate } {
  const received = dayNumberOf(receivedAt);
  return { first: isoFromDayNumber(received + 1), last: isoFromDayNumber(received + STAFF_DUE_MAX_DAYS) };
}

/**
 * Checks the date staff typed or picked (dd/mm/yyyy). Rest days are refused with the day's name
 * (a holiday, a weekend), so the citizen is never asked to come back when the center is shut.
 */
export function checkStaffDueDate(
  text: string,
  receivedAt: Date,
  calendar: WorkCalendar,
): Result<StaffDueDate, { problem: StaffDueProblem; params?: Record<string, string> }> {
  const parsed = parseDayMonthYear(text);
  if (!parsed.ok) return err({ problem: parsed.error });
  const day = dayNumberFromIso(parsed.value)!; // parseDayMonthYear only returns real dates
  const received = dayNumberOf(receivedAt);
  if (day <= received) return err({ problem: 'notAfterReception', params: { received: formatDayMonthYear(isoFromDayNumber(received)) } });
  if (day > received + STAFF_DUE_MAX_DAYS) return err({ problem: 'tooFar', params: { days: String(STAFF_DUE_MAX_DAYS) } });
  if (!calendar.isWorkingDay(day)) {
    const info = calendar.describeDay(day);
    const params: Record<string, string> = info.name ? { reason: info.reason, name: info.name } : { reason: info.reason };
    return err({ problem: 'restDay', params });
  }
  const closing = parseClockTime(DEFAULT_DUE_DATE_OPTIONS.closing)!;
  return ok({ date: parsed.value, dueAt: instantAt(day, closing) });
}
