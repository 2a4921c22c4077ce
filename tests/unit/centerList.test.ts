import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../server/catalog/readCatalogSource.ts';
import { demoCenterList } from '../../server/centers/demoCenterList.ts';
import { computeDueDate, type ProcessingTime } from '../../shared/calendar/dueDate.ts';
import { buildWorkCalendar, parseHolidayTable } from '../../shared/calendar/holidayTable.ts';
import {
  centerEntryValuesSchema,
  centerListWriteSchema,
  centerTimeSchema,
  sameValues,
  type CenterEntryValues,
} from '../../shared/centerList/centerList.ts';
import { effectiveFacts, effectiveProcessingTime } from '../../shared/centerList/effectiveFacts.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { importPortalRecords } from '../../shared/catalog/importPortalRecords.ts';
import type { Procedure } from '../../shared/catalog/procedure.ts';

const national = (() => {
  const raw = JSON.parse(readFileSync(join(sharedDataDir(), 'tthc/procedures_commune.json'), 'utf8')) as unknown;
  const imported = importPortalRecords(raw);
  return new Map(imported.procedures.map((p) => [p.code, p]));
})();
const KHAI_SINH = national.get('1.001193')!;
const CHUNG_THUC = national.get('2.000815')!;

const holidays = parseHolidayTable(JSON.parse(readFileSync(join(sharedDataDir(), 'calendar/vn_holidays_2025_2027.json'), 'utf8')));
if (!holidays.ok) throw new Error(holidays.error);
const calendar = buildWorkCalendar(holidays.value);
const vn = (local: string) => new Date(`${local}+07:00`);
const local = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const dueOf = (received: string, time: ProcessingTime) => {
  const r = computeDueDate(vn(received), time, calendar);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

const entry = (values: Partial<CenterEntryValues>): CenterEntryValues => ({ time: null, fee: null, place: null, note: null, ...values });

describe('the center list model', () => {
  it('takes every kind of time, fee and place a center posts', () => {
    const parsed = centerEntryValuesSchema.safeParse({
      time: { unit: 'same_day', cutoff: '15:00' },
      fee: { kind: 'text', text: '2.000 đồng/trang' },
      place: { location: 'Điểm tiếp nhận số 1', counter: 'Quầy 3' },
      note: 'Mang theo bản chính',
    });
    expect(parsed.success).toBe(true);
    expect(centerTimeSchema.safeParse({ unit: 'working_day', value: 3 }).success).toBe(true);
    expect(centerTimeSchema.safeParse({ unit: 'hour', value: 4 }).success).toBe(true);
    expect(centerTimeSchema.safeParse({ unit: 'day', value: 0.5 }).success).toBe(true);
  });

  it('refuses values no center could mean', () => {
    const bad = [
      { unit: 'same_day', cutoff: '25:00' },
      { unit: 'same_day', cutoff: '19:00' },
      { unit: 'same_day', cutoff: '07:00' },
      { unit: 'same_day' },
      { unit: 'working_day', value: 0 },
      { unit: 'working_day', value: -1 },
      { unit: 'working_day', value: 1.3 },
      { unit: 'month', value: 120 },
      { unit: 'week', value: 1 },
      { unit: 'day', value: Number.POSITIVE_INFINITY },
    ];
    for (const time of bad) expect(centerTimeSchema.safeParse(time).success, JSON.stringify(time)).toBe(false);
    expect(centerEntryValuesSchema.safeParse(entry({ fee: { kind: 'amount', amount: 1500.5 } })).success).toBe(false);
    expect(centerEntryValuesSchema.safeParse(entry({ fee: { kind: 'amount', amount: 0 } })).success).toBe(false);
    expect(centerEntryValuesSchema.safeParse(entry({ fee: { kind: 'text', text: '   ' } })).success).toBe(false);
    expect(centerEntryValuesSchema.safeParse(entry({ note: 'hai\ndòng' })).success).toBe(false);
    expect(centerEntryValuesSchema.safeParse(entry({ note: 'x'.repeat(301) })).success).toBe(false);
    expect(centerEntryValuesSchema.safeParse(entry({ place: { location: '', counter: 'Quầy 1' } })).success).toBe(false);
  });

  it('trims what a person typed', () => {
    const parsed = centerEntryValuesSchema.parse(entry({ note: '  Mang bản chính  ', place: { location: ' Điểm 1 ', counter: null } }));
    expect(parsed.note).toBe('Mang bản chính');
    expect(parsed.place).toEqual({ location: 'Điểm 1', counter: null });
  });

  it('refuses a save that sets and removes the same procedure, or saves nothing', () => {
    expect(centerListWriteSchema.safeParse({ baseVersion: 0, upserts: { '1.001193': entry({}) }, deletions: ['1.001193'], by: null }).success).toBe(false);
    expect(centerListWriteSchema.safeParse({ baseVersion: 0, upserts: {}, deletions: [], by: null }).success).toBe(false);
    expect(centerListWriteSchema.safeParse({ baseVersion: 0, upserts: { 'khai sinh': entry({}) }, deletions: [], by: null }).success).toBe(false);
  });

  it('tells equal values apart from changed ones', () => {
    const a = entry({ time: { unit: 'working_day', value: 3 } });
    expect(sameValues(a, { ...a })).toBe(true);
    expect(sameValues(a, entry({ time: { unit: 'working_day', value: 4 } }))).toBe(false);
  });

  it('ships a demo list marked as demo values, for procedures the catalogs have', () => {
    expect(demoCenterList.source).toMatch(/DEMO VALUES/);
    const codes = Object.keys(demoCenterList.entries);
    expect(codes.length).toBeGreaterThanOrEqual(5);
    const demoCodes = new Set(demoCatalog.procedures.map((p) => p.code));
    for (const code of codes) {
      expect(national.has(code), code).toBe(true);
      expect(demoCodes.has(code), code).toBe(true);
    }
  });
});

describe('the effective facts of a procedure', () => {
  it('uses the center time where the national one is unusable, and says where it came from', () => {
    expect(KHAI_SINH.methods[0]!.time).toEqual({ value: 1, unit: null });
    expect(effectiveProcessingTime(KHAI_SINH, undefined)).toEqual({ known: false, national: { value: 1, unit: null } });
    expect(effectiveProcessingTime(KHAI_SINH, entry({ time: { unit: 'same_day', cutoff: '15:00' } }))).toEqual({
      known: true,
      source: 'center',
      unit: 'same_day',
      value: 0,
      cutoff: '15:00',
    });
  });

  it('keeps the national value where the center sets none, and unknown stays unknown', () => {
    const p: Procedure = { ...KHAI_SINH, methods: KHAI_SINH.methods.map((m) => ({ ...m, time: { value: 5, unit: 'working_day' as const } })) };
    expect(effectiveProcessingTime(p, entry({ note: 'x' }))).toEqual({ known: true, source: 'national', unit: 'working_day', value: 5 });
    expect(effectiveProcessingTime(CHUNG_THUC, undefined)).toEqual({ known: false, national: { value: null, unit: null } });
    expect(effectiveProcessingTime(undefined, undefined)).toEqual({ known: false, national: null });
  });

  it('overrides the center time on every channel', () => {
    const center = entry({ time: { unit: 'working_day', value: 2 } });
    for (const channel of ['in_person', 'online', 'postal'] as const) {
      expect(effectiveProcessingTime(KHAI_SINH, center, channel)).toMatchObject({ known: true, source: 'center', value: 2 });
    }
  });

  it('gives fee, place and note from the center, else the catalog', () => {
    const facts = effectiveFacts(CHUNG_THUC, entry({ fee: { kind: 'amount', amount: 2000 }, place: { location: 'Điểm 1', counter: 'Quầy 3' }, note: 'Mang bản chính' }));
    expect(facts.fee).toEqual({ source: 'center', fee: { kind: 'amount', amount: 2000 } });
    expect(facts.place).toEqual({ source: 'center', location: 'Điểm 1', counter: 'Quầy 3' });
    expect(facts.note).toBe('Mang bản chính');
    const plain = effectiveFacts(CHUNG_THUC, undefined);
    expect(plain.fee).toMatchObject({ source: 'national', fee: { amount: 2000, currency: 'VND' } });
    expect(plain.place.source).toBe('national');
    expect(plain.note).toBeNull();
    expect(effectiveFacts(undefined, undefined)).toEqual({ time: { known: false, national: null }, fee: { source: 'unknown' }, place: { source: 'unknown' }, note: null });
  });
});

describe('same-day due dates', () => {
  const sameDay = (cutoff: string): ProcessingTime => ({ value: 0, unit: 'same_day', cutoff });

  it('is due at closing time the same day when received before the cut-off', () => {
    const due = dueOf('2026-03-10 14:59', sameDay('15:00'));
    expect(local(due.due)).toBe('2026-03-10 17:00');
    expect(due.explanation).toMatchObject({ rule: 'same_day', receivedAfterCutoff: false, counted: 0 });
  });

  it('moves to the next working day at or after the cut-off', () => {
    expect(local(dueOf('2026-03-10 15:00', sameDay('15:00')).due)).toBe('2026-03-11 17:00');
    // The center's cut-off, not the general 16:00: 15:30 is already late for a 15:00 procedure.
    expect(dueOf('2026-03-10 15:30', sameDay('15:00')).explanation.receivedAfterCutoff).toBe(true);
    expect(local(dueOf('2026-03-10 15:30', sameDay('16:30')).due)).toBe('2026-03-10 17:00');
  });

  it('counts a file received before opening on that day', () => {
    expect(local(dueOf('2026-03-10 06:10', sameDay('15:00')).due)).toBe('2026-03-10 17:00');
  });

  it('skips a weekend: Friday after the cut-off is due on Monday, Saturday and Sunday too', () => {
    expect(local(dueOf('2026-03-13 15:45', sameDay('15:00')).due)).toBe('2026-03-16 17:00');
    const saturday = dueOf('2026-03-14 09:00', sameDay('15:00'));
    expect(local(saturday.due)).toBe('2026-03-16 17:00');
    expect(saturday.explanation.receivedOnRestDay).toBe(true);
    expect(local(dueOf('2026-03-15 10:00', sameDay('15:00')).due)).toBe('2026-03-16 17:00');
  });

  it('skips Tết 2026 (14–22 February): the Friday before, late, is due on the Monday after', () => {
    expect(local(dueOf('2026-02-13 10:00', sameDay('15:00')).due)).toBe('2026-02-13 17:00');
    expect(local(dueOf('2026-02-13 15:10', sameDay('15:00')).due)).toBe('2026-02-23 17:00');
    expect(local(dueOf('2026-02-18 09:00', sameDay('15:00')).due)).toBe('2026-02-23 17:00');
  });

  it('follows the swapped day off and the make-up Saturday of New Year 2026', () => {
    // 2 January 2026 (Friday) is a day off swapped with Saturday 10 January, a working day.
    expect(local(dueOf('2026-01-02 09:00', sameDay('15:00')).due)).toBe('2026-01-05 17:00');
    expect(local(dueOf('2026-01-10 10:00', sameDay('15:00')).due)).toBe('2026-01-10 17:00');
    expect(local(dueOf('2026-01-09 16:30', sameDay('16:00')).due)).toBe('2026-01-10 17:00');
  });

  it('uses the general 16:00 cut-off when a same-day time names none', () => {
    expect(local(dueOf('2026-03-10 15:30', { value: 0, unit: 'same_day' }).due)).toBe('2026-03-10 17:00');
    expect(local(dueOf('2026-03-10 16:00', { value: 0, unit: 'same_day' }).due)).toBe('2026-03-11 17:00');
  });

  it('gives a due date for khai sinh once the center posts its time, and none before', () => {
    const before = effectiveProcessingTime(KHAI_SINH, undefined);
    expect(before.known).toBe(false);
    const after = effectiveProcessingTime(KHAI_SINH, entry({ time: { unit: 'same_day', cutoff: '15:00' } }));
    expect(after.known).toBe(true);
    expect(local(dueOf('2026-03-10 09:00', after as ProcessingTime).due)).toBe('2026-03-10 17:00');
  });
});
