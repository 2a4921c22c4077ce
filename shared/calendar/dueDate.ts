/**
 * The due date printed on the receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả): a procedure's
 * processing time counted from the moment a file is received, on a WorkCalendar, in Vietnam time.
 *
 * Rules (Civil Code 2015 Art. 147–148 plus one-stop practice; tested in tests/unit/workingDays.test.ts):
 * 1. Start. A file received on a working day before the cut-off (default 16:00) is counted from
 *    its receipt (from opening time if it came in earlier, e.g. online at night). Received at or
 *    after the cut-off, or on a rest day, it counts from the next working day's opening.
 * 2. Days do not include the start day (Art. 147): N working days end at closing time of the N-th
 *    working day after it, skipping weekends, holidays and swapped days off and working make-up
 *    Saturdays. 0 means the start day itself. A fraction of a day is rounded up to a whole day.
 * 3. Calendar days ("Ngày") and months count as such; a month ends on the same day of the month
 *    (or the month's last day). If the last day is a rest day, the deadline moves to the end of
 *    the next working day (Art. 148(5)).
 * 4. Hours are clock hours from the start (the portal says "Giờ", not "giờ làm việc"). If they run
 *    out while the office is shut (after closing, or on a rest day), the deadline is the close of
 *    the next working day, as in rule 3; before opening on a working day, that day's close;
 *    otherwise it is that exact minute.
 * 5. An unknown value or unit gives `unknownTime`: the receipt then says so, never a guess.
 * 6. Same day ("trong ngày", from the center's list): counted like 0 working days with the
 *    procedure's own cut-off instead of the general one. Received on a working day before it, the
 *    file is due at that day's closing time; at or after it, or on a rest day, at the close of the
 *    next working day.
 */
import type { TimeUnit } from '../catalog/procedure.ts';
import { err, ok, type Result } from '../result.ts';
import {
  addMonths,
  dayNumberOf,
  instantAt,
  isoFromDayNumber,
  minuteOfDay,
  parseClockTime,
  type DayNumber,
  type IsoDate,
} from './civilDay.ts';
import type { WorkCalendar } from './holidayTable.ts';

export interface ProcessingTime {
  value: number | null;
  /** A catalog unit, or `same_day` from the center's list (shared/centerList). */
  unit: TimeUnit | 'same_day' | null;
  /** "HH:MM", same day only: received at or after it, the file is done on the next working day. */
  cutoff?: string;
}

export interface DueDateOptions {
  /** "HH:MM": files received at or after it count from the next working day. Default "16:00". */
  cutoff?: string;
  /** "HH:MM": office opening; the clock starts here for files received earlier. Default "07:30". */
  opening?: string;
  /** "HH:MM": office closing; day-based deadlines end here. Default "17:00". */
  closing?: string;
}

export const DEFAULT_DUE_DATE_OPTIONS = { cutoff: '16:00', opening: '07:30', closing: '17:00' } as const;

export type DueDateRule = 'working_days' | 'calendar_days' | 'months' | 'hours' | 'same_day';

/** Everything a receipt or a tooltip needs to say how the due date came about (texts via i18n). */
export interface DueDateExplanation {
  rule: DueDateRule;
  /** The amount counted, after rounding a fraction of a day up. */
  counted: number;
  roundedUp: boolean;
  receivedDate: IsoDate;
  receivedAfterCutoff: boolean;
  receivedOnRestDay: boolean;
  /** The day the count starts from (receipt day, or the next working day). */
  startDate: IsoDate;
  /** Rest days stepped over while counting working days. */
  restDaysSkipped: number;
  /** When the deadline fell on a rest day or after hours: the day it would have been. */
  movedFrom: IsoDate | null;
  dueDate: IsoDate;
}

export interface DueDate {
  /** The deadline: closing time of the due day, or the exact minute for hour-based times. */
  due: Date;
  /** When the processing period started running. */
  countedFrom: Date;
  explanation: DueDateExplanation;
}

const RULES: Record<TimeUnit | 'same_day', DueDateRule> = {
  working_day: 'working_days',
  day: 'calendar_days',
  month: 'months',
  hour: 'hours',
  same_day: 'same_day',
};

function clock(text: string, name: string): number {
  const minutes = parseClockTime(text);
  if (minutes === null) throw new Error(`computeDueDate: ${name} must be HH:MM, got "${text}"`);
  return minutes;
}

export function computeDueDate(
  receivedAt: Date,
  time: ProcessingTime,
  calendar: WorkCalendar,
  options: DueDateOptions = {},
): Result<DueDate, 'unknownTime'> {
  const { unit } = time;
  // Same day is 0 working days whatever value came with it (rule 6).
  const value = unit === 'same_day' ? 0 : time.value;
  if (unit === null || value === null || !Number.isFinite(value) || value < 0) return err('unknownTime');
  const opening = clock(options.opening ?? DEFAULT_DUE_DATE_OPTIONS.opening, 'opening');
  const generalCutoff = options.cutoff ?? DEFAULT_DUE_DATE_OPTIONS.cutoff;
  const cutoff = clock(unit === 'same_day' ? (time.cutoff ?? generalCutoff) : generalCutoff, 'cutoff');
  const closing = clock(options.closing ?? DEFAULT_DUE_DATE_OPTIONS.closing, 'closing');
  if (!(opening < cutoff && cutoff <= closing)) throw new Error('computeDueDate: expected opening < cutoff <= closing');
  if (Number.isNaN(receivedAt.getTime())) throw new Error('computeDueDate: receivedAt is not a valid date');

  // 1. Where the count starts.
  const receivedDay = dayNumberOf(receivedAt);
  const receivedMinute = minuteOfDay(receivedAt);
  const receivedOnRestDay = !calendar.isWorkingDay(receivedDay);
  const receivedAfterCutoff = !receivedOnRestDay && receivedMinute >= cutoff;
  const startDay = receivedOnRestDay || receivedAfterCutoff ? calendar.nextWorkingDay(receivedDay) : receivedDay;
  const countedFrom = startDay === receivedDay && receivedMinute >= opening ? new Date(receivedAt.getTime()) : instantAt(startDay, opening);

  const rule = RULES[unit];
  const counted = unit === 'hour' ? value : Math.ceil(value);
  let restDaysSkipped = 0;
  let movedFrom: DayNumber | null = null;
  let due: Date;

  /** Art. 148(5): a deadline on a rest day ends at the close of the next working day. */
  const closeOfWorkingDay = (day: DayNumber): Date => {
    if (calendar.isWorkingDay(day)) return instantAt(day, closing);
    movedFrom = day;
    return instantAt(calendar.nextWorkingDay(day), closing);
  };

  if (unit === 'working_day' || unit === 'same_day') {
    let day = startDay;
    for (let i = 0; i < counted; i += 1) {
      day += 1;
      while (!calendar.isWorkingDay(day)) {
        restDaysSkipped += 1;
        day += 1;
      }
    }
    due = instantAt(day, closing);
  } else if (unit === 'day') {
    due = closeOfWorkingDay(startDay + counted);
  } else if (unit === 'month') {
    due = closeOfWorkingDay(addMonths(startDay, counted));
  } else {
    const end = countedFrom.getTime() + value * 3_600_000;
    const endDay = dayNumberOf(end);
    const endMinute = minuteOfDay(end);
    if (!calendar.isWorkingDay(endDay)) {
      due = closeOfWorkingDay(endDay);
    } else if (endMinute > closing) {
      movedFrom = endDay;
      due = instantAt(calendar.nextWorkingDay(endDay), closing);
    } else if (endMinute < opening) {
      movedFrom = endDay;
      due = instantAt(endDay, closing);
    } else {
      due = new Date(end);
    }
  }

  const dueDay = dayNumberOf(due);
  return ok({
    due,
    countedFrom,
    explanation: {
      rule,
      counted,
      roundedUp: counted !== value,
      receivedDate: isoFromDayNumber(receivedDay),
      receivedAfterCutoff,
      receivedOnRestDay,
      startDate: isoFromDayNumber(startDay),
      restDaysSkipped,
      movedFrom: movedFrom === null ? null : isoFromDayNumber(movedFrom as DayNumber),
      dueDate: isoFromDayNumber(dueDay),
    },
  });
}
