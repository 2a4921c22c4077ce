import { describe, expect, it } from 'vitest';
import { checkAddress, checkBirthDate, checkFullName } from '../../shared/citizen/citizenFields.ts';
import { checkCitizenId, isCalendarDate } from '../../shared/citizen/citizenId.ts';
import { citizenSchema } from '../../shared/files/fileRecord.ts';
import { PROVINCE_CODES, provinceNameForCode } from '../../shared/citizen/provinceCodes.ts';

describe('birth-province codes', () => {
  it('lists the 63 pre-2025 provinces under 3-digit codes', () => {
    expect(PROVINCE_CODES.size).toBe(63);
    for (const code of PROVINCE_CODES.keys()) expect(code).toMatch(/^0[0-9]{2}$/);
    expect(provinceNameForCode('001')).toBe('Hà Nội');
    expect(provinceNameForCode('002')).toBe('Hà Giang');
    expect(provinceNameForCode('004')).toBe('Cao Bằng');
    expect(provinceNameForCode('079')).toBe('Hồ Chí Minh');
    expect(provinceNameForCode('096')).toBe('Cà Mau');
  });

  it('has no province for the gaps between codes', () => {
    for (const code of ['000', '003', '005', '097', '100', '999']) expect(provinceNameForCode(code)).toBeNull();
  });
});

describe('checkCitizenId', () => {
  it('accepts a man born in Hà Nội in 1990 and reads what the number says', () => {
    const result = checkCitizenId('001090012345', '1990-05-12', 'male');
    expect(result).toEqual({
      ok: true,
      value: {
        provinceCode: '001',
        provinceName: 'Hà Nội',
        sex: 'male',
        century: 1900,
        birthYearDigits: '90',
        birthYear: 1990,
      },
    });
  });

  it('accepts a woman born in Hồ Chí Minh City in 2005', () => {
    const result = checkCitizenId('079305001234', '2005-11-30', 'female');
    expect(result.ok && result.value).toMatchObject({ provinceName: 'Hồ Chí Minh', sex: 'female', century: 2000, birthYear: 2005 });
  });

  it('checks the structure alone when no date of birth or sex is given', () => {
    expect(checkCitizenId('001090012345').ok).toBe(true);
    expect(checkCitizenId('001090012345', undefined, null).ok).toBe(true);
  });

  it('reads every century/sex digit', () => {
    const expected: [string, number, 'male' | 'female'][] = [
      ['0', 1900, 'male'], ['1', 1900, 'female'], ['2', 2000, 'male'], ['3', 2000, 'female'],
      ['4', 2100, 'male'], ['5', 2100, 'female'], ['6', 2200, 'male'], ['7', 2200, 'female'],
      ['8', 1800, 'male'], ['9', 1800, 'female'],
    ];
    for (const [digit, century, sex] of expected) {
      const result = checkCitizenId(`001${digit}99123456`);
      expect(result.ok && result.value).toMatchObject({ century, sex, birthYear: century + 99 });
    }
  });

  it('rejects anything but exactly 12 ASCII digits', () => {
    for (const id of ['00109001234', '0010900123456', '', '00109001234a', ' 001090012345', '001 090 012 345', '００１０９００１２３４５']) {
      const result = checkCitizenId(id);
      expect(result.ok ? null : result.error.problem).toBe('format');
    }
    const eleven = checkCitizenId('00109001234');
    expect(eleven.ok ? '' : eleven.error.reason).toContain('11 digits');
  });

  it('rejects an unknown birth-province code', () => {
    const result = checkCitizenId('000090012345');
    expect(result).toEqual({ ok: false, error: { problem: 'province', reason: expect.stringContaining('000') } });
    expect(checkCitizenId('003090012345').ok).toBe(false);
  });

  it('catches a century digit that disagrees with the date of birth', () => {
    const result = checkCitizenId('001090012345', '2090-01-01');
    expect(result.ok ? null : result.error.problem).toBe('centuryMismatch');
    // Born 2005 but digit 4 says 1900s (a common slip: 0 typed for 2).
    const slip = checkCitizenId('079105001234', '2005-11-30', 'female');
    expect(slip.ok ? null : slip.error.problem).toBe('centuryMismatch');
  });

  it('catches year digits that disagree with the date of birth', () => {
    const result = checkCitizenId('001090012345', '1991-05-12', 'male');
    expect(result).toEqual({ ok: false, error: { problem: 'yearMismatch', reason: expect.stringContaining('91') } });
    expect(checkCitizenId('001200012345', '2000-01-01').ok).toBe(true);
  });

  it('catches a sex that disagrees with digit 4', () => {
    const man = checkCitizenId('001090012345', '1990-05-12', 'female');
    expect(man.ok ? null : man.error.problem).toBe('sexMismatch');
    const woman = checkCitizenId('079305001234', undefined, 'male');
    expect(woman.ok ? null : woman.error.problem).toBe('sexMismatch');
  });

  it('reports a date of birth that is no real date instead of ignoring it', () => {
    for (const date of ['1990-02-30', '12/05/1990', '1990-13-01', '']) {
      const result = checkCitizenId('001090012345', date);
      expect(result.ok ? null : result.error.problem).toBe('birthDate');
    }
  });
});

describe('isCalendarDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2023, 2, 29)).toBe(false);
    expect(isCalendarDate(2023, 4, 31)).toBe(false);
    expect(isCalendarDate(2023, 12, 31)).toBe(true);
    expect(isCalendarDate(2023, 0, 1)).toBe(false);
    expect(isCalendarDate(2023, 1, 0)).toBe(false);
  });
});

describe('citizen names, dates of birth and addresses (shared with the server)', () => {
  const problem = <C>(r: { ok: true } | { ok: false; error: { problem: C } }) => (r.ok ? 'accepted' : r.error.problem);

  it('tidies a real name and accepts ethnic-minority names with apostrophes and hyphens', () => {
    expect(checkFullName('  Nguyễn   Văn\tAn ')).toEqual({ ok: true, value: 'Nguyễn Văn An' });
    expect(checkFullName('Nguyễn Văn An'.normalize('NFD'))).toEqual({ ok: true, value: 'Nguyễn Văn An' });
    expect(problem(checkFullName("H'Hen Niê"))).toBe('accepted');
    expect(problem(checkFullName('Lò Thị Mai-Anh'))).toBe('accepted');
  });

  it('refuses names of control characters, emoji, a QR separator or symbols, each with its own reason', () => {
    expect(problem(checkFullName('\u0001\u0002\u0003'))).toBe('control');
    expect(problem(checkFullName('Nguyễn\u202EnA'))).toBe('control'); // right-to-left override
    expect(problem(checkFullName('Nguyễn Văn\u200B An'))).toBe('control'); // zero-width space
    expect(problem(checkFullName('Nguyễn Văn An 😀'))).toBe('emoji');
    expect(problem(checkFullName('Lan 🇻🇳'))).toBe('emoji');
    expect(problem(checkFullName('001090012345|Nguyễn Văn An'))).toBe('separator');
    expect(problem(checkFullName('An $$$'))).toBe('symbol');
    expect(problem(checkFullName('12 34'))).toBe('noLetter');
    expect(problem(checkFullName('   '))).toBe('empty');
    expect(problem(checkFullName('A'))).toBe('tooShort');
    const bad = checkFullName('\u0001\u0002');
    expect(!bad.ok && bad.error.reason).toMatch(/control/);
  });

  it('takes names up to 100 characters and names the limit when longer', () => {
    expect(problem(checkFullName('Ă'.repeat(100)))).toBe('accepted');
    const long = checkFullName('Ă'.repeat(101));
    expect(long).toEqual({ ok: false, error: { problem: 'tooLong', reason: expect.stringContaining('100'), params: { max: 100 } } });
  });

  it('refuses birth dates that are no real day, in the future or before 1900', () => {
    const today = '2026-11-22';
    expect(checkBirthDate('1990-05-04', today)).toEqual({ ok: true, value: '1990-05-04' });
    expect(problem(checkBirthDate('2026-11-22', today))).toBe('accepted');
    expect(problem(checkBirthDate('2025-99-99', today))).toBe('notADate');
    expect(problem(checkBirthDate('1990-02-30', today))).toBe('notADate');
    expect(problem(checkBirthDate('2999-01-01', today))).toBe('future');
    expect(problem(checkBirthDate('2026-11-23', today))).toBe('future');
    expect(problem(checkBirthDate('1899-12-31', today))).toBe('tooOld');
    expect(problem(checkBirthDate('04/05/1990', today))).toBe('format');
    expect(problem(checkBirthDate('+021990-05-04', today))).toBe('format');
  });

  it('accepts an empty address as none and refuses control characters and emoji in it', () => {
    expect(checkAddress('   ')).toEqual({ ok: true, value: null });
    expect(checkAddress(' Thôn 3,  xã Vĩnh Bảo ')).toEqual({ ok: true, value: 'Thôn 3, xã Vĩnh Bảo' });
    expect(problem(checkAddress('Thôn 3\u0007'))).toBe('control');
    expect(problem(checkAddress('Thôn 3 🏠'))).toBe('emoji');
    expect(problem(checkAddress('x'.repeat(301)))).toBe('tooLong');
  });

  it('makes the shared file schema refuse the same nonsense, with the reason on the field', () => {
    const good = { fullName: 'Nguyễn Văn An', birthDate: '1990-05-17', idNumber: '001090012345', sex: 'male', phone: null, address: 'Thôn 3' };
    expect(citizenSchema.safeParse(good).success).toBe(true);
    const issues = (citizen: object) => {
      const parsed = citizenSchema.safeParse(citizen);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ ...good, birthDate: '2025-99-99' })).toEqual(['birthDate: the date of birth 2025-99-99 is not a real calendar day']);
    expect(issues({ ...good, birthDate: '2999-01-01' })).toEqual([expect.stringMatching(/^birthDate: the date of birth 2999-01-01 is after/)]);
    expect(issues({ ...good, fullName: '\u0001\u0002' })).toEqual(['fullName: the full name contains control or invisible characters']);
    expect(issues({ ...good, idNumber: '000000000000' })).toEqual(['idNumber: the first 3 digits (000) are not a birth-province code']);
    expect(issues({ ...good, birthDate: '1991-05-17' })).toEqual([expect.stringMatching(/^idNumber: digits 5-6 \(90\) should be 91/)]);
    expect(issues({ ...good, sex: 'female' })).toEqual([expect.stringMatching(/^idNumber: digit 4 \(0\) means male/)]);
  });
});
