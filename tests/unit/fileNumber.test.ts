import { afterEach, describe, expect, it } from 'vitest';
import { fileRecordSchema } from '../../shared/files/fileRecord.ts';
import { formatFileNumber, parseFileNumber, vietnamDateKey } from '../../shared/files/fileNumber.ts';

const numberSchema = fileRecordSchema.shape.number;

describe('vietnamDateKey', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    // Assigning undefined would store the string "undefined".
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('turns over at midnight in Vietnam, which is 17:00 UTC', () => {
    expect(vietnamDateKey(new Date('2024-12-31T16:59:59.999Z'))).toBe('20241231');
    expect(vietnamDateKey(new Date('2024-12-31T17:00:00.000Z'))).toBe('20250101');
    expect(vietnamDateKey(new Date('2024-02-28T17:00:00Z'))).toBe('20240229');
    expect(vietnamDateKey(new Date('2025-03-15T23:30:00+07:00'))).toBe('20250315');
  });

  it('gives the same day whatever time zone the machine is set to', () => {
    const lateEvening = new Date('2025-03-15T23:30:00+07:00');
    const earlyMorning = new Date('2025-03-16T00:30:00+07:00');
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh']) {
      process.env.TZ = tz;
      expect(vietnamDateKey(lateEvening)).toBe('20250315');
      expect(vietnamDateKey(earlyMorning)).toBe('20250316');
    }
  });

  it('throws for an invalid Date (a programmer error)', () => {
    expect(() => vietnamDateKey(new Date('nope'))).toThrow(RangeError);
  });
});

describe('formatFileNumber', () => {
  it('builds CENTER-DEVICE-YYYYMMDD-NNNN that fileRecordSchema accepts', () => {
    const number = formatFileNumber({ centerCode: 'xa01', deviceCode: 'k2', date: '2025-03-15', sequence: 42 });
    expect(number).toBe('XA01-K2-20250315-0042');
    expect(numberSchema.safeParse(number).success).toBe(true);
  });

  it('dates an instant by its Vietnam calendar day', () => {
    const number = formatFileNumber({ centerCode: 'XA01', deviceCode: 'K2', date: new Date('2024-12-31T17:30:00Z'), sequence: 1 });
    expect(number).toBe('XA01-K2-20250101-0001');
  });

  it('grows past 4 digits instead of wrapping', () => {
    const number = formatFileNumber({ centerCode: 'XA01', deviceCode: 'K2', date: '2025-03-15', sequence: 123456 });
    expect(number).toBe('XA01-K2-20250315-123456');
    expect(numberSchema.safeParse(number).success).toBe(true);
  });

  it('throws on codes, dates or sequences that could not make a valid number', () => {
    const base = { centerCode: 'XA01', deviceCode: 'K2', date: '2025-03-15', sequence: 1 };
    expect(() => formatFileNumber({ ...base, centerCode: 'X' })).toThrow(RangeError);
    expect(() => formatFileNumber({ ...base, centerCode: 'XA-01' })).toThrow(RangeError);
    expect(() => formatFileNumber({ ...base, deviceCode: 'KIOSK01' })).toThrow(RangeError);
    expect(() => formatFileNumber({ ...base, deviceCode: 'máy' })).toThrow(RangeError);
    expect(() => formatFileNumber({ ...base, date: '2025-02-29' })).toThrow(RangeError);
    expect(() => formatFileNumber({ ...base, date: '15/03/2025' })).toThrow(RangeError);
    expect(() => formatFileNumber({ ...base, date: new Date(Number.NaN) })).toThrow(RangeError);
    expect(() => formatFileNumber({ ...base, sequence: -1 })).toThrow(RangeError);
    expect(() => formatFileNumber({ ...base, sequence: 1.5 })).toThrow(RangeError);
  });
});

describe('parseFileNumber', () => {
  it('reads back what formatFileNumber made', () => {
    const number = formatFileNumber({ centerCode: 'XA01', deviceCode: 'K2', date: '2024-02-29', sequence: 7 });
    expect(parseFileNumber(number)).toEqual({
      ok: true,
      value: { centerCode: 'XA01', deviceCode: 'K2', dateKey: '20240229', date: '2024-02-29', sequence: 7 },
    });
    expect(parseFileNumber('XA01-K2-20250315-123456')).toMatchObject({ ok: true, value: { sequence: 123456 } });
  });

  it('forgives case and spaces typed by staff', () => {
    expect(parseFileNumber('  xa01-k2-20250315-0042 \n')).toMatchObject({ ok: true, value: { centerCode: 'XA01', deviceCode: 'K2', sequence: 42 } });
  });

  it('rejects the wrong shape, an impossible date and an oversized sequence', () => {
    for (const text of ['', 'XA01-K2-2025031-0042', 'XA01-K2-20250315-042', 'XA01K2202503150042', 'XA01-K2-20250315', 'X-K2-20250315-0042']) {
      const result = parseFileNumber(text);
      expect(result.ok ? null : result.error.problem).toBe('shape');
    }
    const badDate = parseFileNumber('XA01-K2-20250230-0001');
    expect(badDate.ok ? null : badDate.error.problem).toBe('date');
    const huge = parseFileNumber('XA01-K2-20250315-99999999999999999999');
    expect(huge.ok ? null : huge.error.problem).toBe('sequence');
  });
});
