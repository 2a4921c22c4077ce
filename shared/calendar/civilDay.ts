/**
 * Vietnam civil days as plain integers, so calendars, deadlines and the figures can count days
 * without time-zone libraries. Vietnam has kept UTC+7 without daylight saving since 1975, so a
 * fixed offset is exact for every date motcua handles (and much cheaper than Intl per file).
 */

/** A calendar date written YYYY-MM-DD (Vietnam civil date). */
export type IsoDate = string;

/** Days since 1970-01-01 in Vietnam's civil calendar (1970-01-01 is 0, a Thursday). */
export type DayNumber = number;

/** Minutes after midnight, Vietnam time. */
export type MinuteOfDay = number;

export const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The Vietnam civil day an instant falls on. */
export function dayNumberOf(instant: Date | number): DayNumber {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor((ms + VIETNAM_UTC_OFFSET_MS) / DAY_MS);
}

/** Minutes after Vietnam midnight of an instant. */
export function minuteOfDay(instant: Date | number): MinuteOfDay {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor((((ms + VIETNAM_UTC_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS / 60_000);
}

/** The instant at `minute` minutes after Vietnam midnight of `day`. */
export function instantAt(day: DayNumber, minute: MinuteOfDay = 0): Date {
  return new Date(day * DAY_MS - VIETNAM_UTC_OFFSET_MS + minute * 60_000);
}

export function dayNumberFromYmd(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD; null when it is not a real date (2026-02-30). */
export function dayNumberFromIso(iso: IsoDate): DayNumber | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayNumberFromYmd(y, mo, d);
  return isoFromDayNumber(n) === iso ? n : null;
}

export function ymdOf(day: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoFromDayNumber(day: DayNumber): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Parses "HH:MM" (24-hour) into minutes after midnight; null when malformed. */
export function parseClockTime(text: string): MinuteOfDay | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The same day-of-month `months` later, clamped to the month's last day (Civil Code 2015 Art. 148). */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { year, month, day: dom } = ymdOf(day);
  const target = month - 1 + months;
  const y = year + Math.floor(target / 12);
  const m = ((target % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dayNumberFromYmd(y, m + 1, Math.min(dom, lastDay));
}

/** 'YYYY-MM-DD' written from a year, month and day as given, unchecked: pass it to dayNumberFromIso to check it. */
export function isoFromYmd(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
