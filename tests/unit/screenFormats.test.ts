/**
 * Dates and money written on screens come from formatters made once and from instants already read
 * (the worklist and the result cards write them at every render): what they write must not depend on
 * what was written before.
 */
import { describe, expect, it } from 'vitest';
import { fullDay, timeDayMonth, timeFullDay } from '../../renderer/features/counter/counterDates.ts';
import { formatDay, formatMoment } from '../../renderer/features/lookup/lookupTimes.ts';
import { formatMoney } from '../../renderer/features/procedure/moneyText.ts';

describe('formatters made once', () => {
  it('write money in the language asked, whichever was asked first', () => {
    const first = [formatMoney(50_000, 'vi', 'VND'), formatMoney(50_000, 'en', 'VND'), formatMoney(12, 'en', 'USD')];
    expect(first.map((s) => s.replace(/\s/g, ' '))).toEqual(['50.000 ₫', '₫50,000', '$12']);
    expect([formatMoney(50_000, 'vi', 'VND'), formatMoney(50_000, 'en', 'VND'), formatMoney(12, 'en', 'USD')]).toEqual(first);
  });

  it('write đồng exactly as Intl does, without making an Intl format', () => {
    const amounts = [0, 1, 999, 1_000, 12_345, 50_000, 999_999, 1_000_000, 1_234_567_890, 2.5, 1_499.5, -3_500, -0.4, -0];
    for (const language of ['vi', 'en']) {
      const intl = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
      for (const amount of amounts) expect(formatMoney(amount, language, 'VND'), `${language} ${amount}`).toBe(intl.format(amount));
    }
  });

  it('write lookup times in Vietnam time in both languages', () => {
    expect(formatDay('2026-11-24T17:30:00Z', 'vi')).toBe('25/11/2026');
    expect(formatDay('2026-11-24T17:30:00Z', 'en')).toBe('25/11/2026');
    expect(formatMoment('2026-11-24T10:05:00Z', 'vi')).toBe('17:05 24/11/2026');
    expect(formatMoment('2026-11-24T10:05:00Z', 'en')).toBe('17:05 24/11/2026');
  });

  it('read each instant of the counter right, however many were read before', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    // More instants than are kept, twice over: each read again after the store was emptied.
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 6_000; i += 1) {
        const iso = new Date(start + i * 3_600_000).toISOString();
        const vn = new Date(start + i * 3_600_000 + 7 * 3_600_000);
        const pad = (n: number) => String(n).padStart(2, '0');
        expect(timeDayMonth(iso)).toBe(`${pad(vn.getUTCHours())}:${pad(vn.getUTCMinutes())} ${pad(vn.getUTCDate())}/${pad(vn.getUTCMonth() + 1)}`);
      }
    }
    expect(fullDay('not a date')).toBe('');
    expect(timeFullDay(new Date('2026-11-24T10:05:00Z'))).toBe('17:05 24/11/2026');
  });
});
