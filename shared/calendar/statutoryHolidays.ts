/**
 * Public-sector days off that the law fixes, for years the holiday table does not cover yet
 * (the Government announces each year's actual schedule, usually in Q4 of the year before).
 *
 * Labour Code 2019:
 * - Art. 112(1): Tết Dương lịch 1/1; Tết Âm lịch 5 days; 30/4; 1/5; Quốc khánh 2/9 plus one day
 *   before or after; Giỗ Tổ Hùng Vương 10/3 lunar.
 * - Art. 112(3): the Prime Minister picks the actual Tết days and the 2/9 adjacent day. Until he
 *   does, motcua assumes: Tết = the last day of the lunar year (29 or 30 tháng Chạp) + mùng 1–4;
 *   the 2/9 adjacent day = 3/9 when 2/9 is a Monday or Thursday (joining a weekend, as in 2021 and
 *   2024), otherwise 1/9 (as in 2022, 2023, 2025 and 2026).
 * - Art. 111(3): a holiday that falls on a weekly rest day (Sat/Sun for state agencies) gives a
 *   compensatory day off (nghỉ bù) on the next working day, after the break it belongs to.
 * These rules reproduce the shared table's estimated 2027 exactly (see tests/unit/workingDays.test.ts).
 * Swapped days off and make-up Saturdays are decided case by case: only the table carries them.
 */
import { dayNumberFromYmd, isoFromDayNumber, weekdayOf, type DayNumber } from './civilDay.ts';
import { hungKingsDay, lastDayOfLunarYearBefore, tetDay } from './lunar.ts';

export interface StatutoryDayOff {
  day: DayNumber;
  date: string;
  name: string;
  kind: 'statutory_holiday' | 'compensatory_day_off';
}

const isWeekend = (day: DayNumber) => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

/** The statutory holidays and compensatory days off of a Gregorian year, sorted by day. */
export function statutoryDaysOff(year: number): StatutoryDayOff[] {
  const ymd = (m: number, d: number) => dayNumberFromYmd(year, m, d);
  const nationalDay = ymd(9, 2);
  const nationalWeekday = weekdayOf(nationalDay);
  const tet = tetDay(year);
  const holidays: Array<[DayNumber, string]> = [
    [ymd(1, 1), 'Tết Dương lịch'],
    [lastDayOfLunarYearBefore(year), 'Tết Nguyên đán (ngày cuối năm âm lịch)'],
    [tet, 'Tết Nguyên đán (mùng 1)'],
    [tet + 1, 'Tết Nguyên đán (mùng 2)'],
    [tet + 2, 'Tết Nguyên đán (mùng 3)'],
    [tet + 3, 'Tết Nguyên đán (mùng 4)'],
    [hungKingsDay(year), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    [ymd(4, 30), 'Ngày Chiến thắng'],
    [ymd(5, 1), 'Ngày Quốc tế Lao động'],
    [nationalWeekday === 1 || nationalWeekday === 4 ? ymd(9, 3) : ymd(9, 1), 'Quốc khánh (ngày liền kề)'],
    [nationalDay, 'Quốc khánh'],
  ];
  holidays.sort((a, b) => a[0] - b[0]);

  const taken = new Set<DayNumber>();
  // Two holidays on one day (never seen, but lunar and solar dates drift) give one day off.
  const distinct = holidays.filter(([day]) => !taken.has(day) && taken.add(day));
  const result: StatutoryDayOff[] = distinct.map(([day, name]) => ({ day, date: isoFromDayNumber(day), name, kind: 'statutory_holiday' }));
  for (const [day, name] of distinct) {
    if (!isWeekend(day)) continue;
    let compensatory = day + 1;
    while (isWeekend(compensatory) || taken.has(compensatory)) compensatory += 1;
    taken.add(compensatory);
    result.push({ day: compensatory, date: isoFromDayNumber(compensatory), name: `Nghỉ bù ${name}`, kind: 'compensatory_day_off' });
  }
  return result.sort((a, b) => a.day - b.day);
}
