import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { dayNumberFromIso, isoFromDayNumber } from '../../shared/calendar/civilDay.ts';
import { hungKingsDay, lastDayOfLunarYearBefore, lunarToDayNumber, solarToLunar, tetDay } from '../../shared/calendar/lunar.ts';

interface LunarKeyDates {
  lunar_year: number;
  tet_nguyen_dan: string;
  giao_thua_day: string;
  last_day_of_previous_lunar_year: string;
  gio_to_hung_vuong: string;
  tet_doan_ngo: string;
  trung_thu: string;
  vu_lan: string;
}

const holidayFile = JSON.parse(readFileSync(join(sharedDataDir(), 'calendar/vn_holidays_2025_2027.json'), 'utf8')) as {
  lunar_key_dates_2024_2035: LunarKeyDates[];
  days: Array<{ date: string; lunar_date: string }>;
};
const keyDates = holidayFile.lunar_key_dates_2024_2035;

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it('covers the twelve lunar years 2024–2035 of the holiday file', () => {
    expect(keyDates.map((k) => k.lunar_year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
  });

  it.each(keyDates)('puts Tết $lunar_year on $tet_nguyen_dan', (k) => {
    expect(isoFromDayNumber(tetDay(k.lunar_year))).toBe(k.tet_nguyen_dan);
  });

  it.each(keyDates)('puts giao thừa $lunar_year on $giao_thua_day, the last day of the lunar year', (k) => {
    const day = lastDayOfLunarYearBefore(k.lunar_year);
    expect(isoFromDayNumber(day)).toBe(k.giao_thua_day);
    const lunar = solarToLunar(day);
    const [dd, mm, yyyy] = k.last_day_of_previous_lunar_year.split('/').map(Number);
    expect(lunar).toEqual({ year: yyyy, month: mm, day: dd, leap: false });
  });

  it.each(keyDates)('puts Giỗ Tổ Hùng Vương $lunar_year on $gio_to_hung_vuong', (k) => {
    expect(isoFromDayNumber(hungKingsDay(k.lunar_year))).toBe(k.gio_to_hung_vuong);
  });

  it.each(keyDates)('agrees on Đoan Ngọ, Vu Lan and Trung Thu $lunar_year', (k) => {
    expect(isoFromDayNumber(lunarToDayNumber(k.lunar_year, 5, 5))).toBe(k.tet_doan_ngo);
    expect(isoFromDayNumber(lunarToDayNumber(k.lunar_year, 7, 15))).toBe(k.vu_lan);
    expect(isoFromDayNumber(lunarToDayNumber(k.lunar_year, 8, 15))).toBe(k.trung_thu);
  });

  it('reads back the lunar date of every day listed in the 2025–2027 holiday table', () => {
    for (const d of holidayFile.days) {
      const lunar = solarToLunar(dayNumberFromIso(d.date)!);
      const text = `${String(lunar.day).padStart(2, '0')}/${String(lunar.month).padStart(2, '0')}/${lunar.year}${lunar.leap ? 'L' : ''}`;
      expect(text, d.date).toBe(d.lunar_date);
    }
  });

  it('differs from the Chinese (UTC+8) calendar where they part: Tết 2007 and Tết 1985', () => {
    // Vietnam celebrated Tết Đinh Hợi on 17/02/2007 (China: 18/02) and Tết Ất Sửu on 21/01/1985 (China: 20/02).
    expect(isoFromDayNumber(tetDay(2007))).toBe('2007-02-17');
    expect(isoFromDayNumber(tetDay(1985))).toBe('1985-01-21');
  });
});
