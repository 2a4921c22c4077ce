/**
 * The Vietnamese lunar dates that decide public holidays: Tết Nguyên đán (1/1), the last day of the
 * lunar year (giao thừa day, 29 or 30 tháng Chạp) and Giỗ Tổ Hùng Vương (10/3).
 *
 * Conversion comes from `date-chinese` (MIT, by the author of `date-holidays`, whose VN holidays it
 * computes): its CalendarVietnamese uses UTC+7 from 1968, which is what separates the Vietnamese
 * calendar from the Chinese (UTC+8) one. Checked in tests/unit/lunarCalendar.test.ts against every
 * Tết, giao thừa and Hùng Vương date of 2024–2035 in the shared holiday file, and, while choosing it,
 * against Hồ Ngọc Đức's algorithm for every Tết and 10/3 of 1970–2099 (identical).
 * Known limit: in a few years it places the leap month differently from Hồ Ngọc Đức (e.g. leap 8
 * instead of leap 11 in 2033), so `solarToLunar` can mislabel a month late in those years; holidays
 * fall in months 1, 3 and the day before Tết and are not affected. `@dqcai/vn-lunar` ships an
 * obfuscated build, `amlich` carries a non-commercial licence and returns day 0 in 2054, and
 * `vietnamese-lunar-calendar` is off by a day for Tết 2024, 2033 and 2034.
 */
import { CalendarVietnamese } from 'date-chinese';
import { dayNumberFromYmd, ymdOf, type DayNumber } from './civilDay.ts';

export interface LunarDate {
  /** The lunar year, named by the Gregorian year its Tết falls in. */
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

const calendar = new CalendarVietnamese();
const tetCache = new Map<number, DayNumber>();

/** The day of a lunar date in a regular (non-leap) month. */
export function lunarToDayNumber(lunarYear: number, month: number, day: number): DayNumber {
  calendar.set(0, 0, month, 0, day);
  const g = calendar.toGregorian(lunarYear);
  return dayNumberFromYmd(g.year, g.month, g.day);
}

/** Tết Nguyên đán: 1 tháng Giêng of the lunar year that starts in Gregorian `year`. */
export function tetDay(year: number): DayNumber {
  let day = tetCache.get(year);
  if (day === undefined) {
    day = lunarToDayNumber(year, 1, 1);
    tetCache.set(year, day);
  }
  return day;
}

/** The last day of the previous lunar year (29 or 30 tháng Chạp), the day of giao thừa. */
export function lastDayOfLunarYearBefore(year: number): DayNumber {
  return tetDay(year) - 1;
}

/** Giỗ Tổ Hùng Vương: 10 tháng 3 of the lunar year that starts in Gregorian `year`. */
export function hungKingsDay(year: number): DayNumber {
  return lunarToDayNumber(year, 3, 10);
}

/** The lunar date of a civil day, for display (see the leap-month limit in the header). */
export function solarToLunar(day: DayNumber): LunarDate {
  const g = ymdOf(day);
  calendar.fromGregorian(g.year, g.month, g.day);
  const [, , month, leap, lunarDay] = calendar.get() as [number, number, number, number | boolean, number];
  return { year: calendar.yearFromEpochCycle(), month, day: lunarDay, leap: Boolean(leap) };
}
