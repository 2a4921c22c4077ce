/**
 * Checks a 12-digit căn cước (CCCD) number against its structure, so a mistyped number is caught at the
 * counter, not weeks later by the ministry's system. The number is not checksummed: only the birth
 * province, the century/sex digit and the two birth-year digits can be checked, the last six are random.
 */
import { dayNumberFromIso, isoFromYmd } from '../calendar/civilDay.ts';
import { err, ok, type Result } from '../result.ts';
import { provinceNameForCode } from './provinceCodes.ts';

export type Sex = 'male' | 'female';

/** What a well-formed number tells about its holder. */
export interface CitizenIdFacts {
  /** Digits 1-3: where the birth was registered. */
  provinceCode: string;
  provinceName: string;
  /** From digit 4 (even: male, odd: female). */
  sex: Sex;
  /** First year of the birth century from digit 4, e.g. 1900 or 2000. */
  century: number;
  /** Digits 5-6: the last two digits of the birth year. */
  birthYearDigits: string;
  /** century + birthYearDigits. */
  birthYear: number;
}

/** Stable codes the UI translates; `reason` is English for logs and for people reading them. */
export type CitizenIdProblemCode =
  | 'format' // not exactly 12 ASCII digits
  | 'province' // digits 1-3 are no birth-province code
  | 'birthDate' // the date of birth to compare with is not a real YYYY-MM-DD date
  | 'centuryMismatch' // digit 4 puts the birth in another century than the date of birth
  | 'yearMismatch' // digits 5-6 differ from the birth year's last two digits
  | 'sexMismatch'; // digit 4 says the other sex

export interface CitizenIdProblem {
  problem: CitizenIdProblemCode;
  reason: string;
}

/**
 * Digit 4 -> first year of the birth century (Thông tư 07/2016/TT-BCA): 0/1 for 1900s, 2/3 for 2000s,
 * 4/5 for 2100s, 6/7 for 2200s, 8/9 for 1800s; even digits are men, odd digits women.
 */
const CENTURY_BY_DIGIT = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800] as const;

/** True when year-month-day exists in the proleptic Gregorian calendar (no 31 February). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return dayNumberFromIso(isoFromYmd(year, month, day)) !== null;
}

/** Year of a real 'YYYY-MM-DD' date, or null for anything else. */
function yearOfIsoDate(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? year : null;
}

const problem = (code: CitizenIdProblemCode, reason: string) => err<CitizenIdProblem>({ problem: code, reason });

/**
 * Checks a căn cước number's structure and, when given, that it agrees with the date of birth
 * (YYYY-MM-DD) and the sex entered. `sex: null` means "not known" and is not compared.
 * The number must already be trimmed: this does not guess at what a person meant.
 */
export function checkCitizenId(
  id: string,
  birthDate?: string,
  sex?: Sex | null,
): Result<CitizenIdFacts, CitizenIdProblem> {
  if (!/^[0-9]{12}$/.test(id)) {
    return problem('format', `a citizen ID has exactly 12 digits; got ${describeInput(id)}`);
  }
  const provinceCode = id.slice(0, 3);
  const provinceName = provinceNameForCode(provinceCode);
  if (provinceName === null) {
    return problem('province', `the first 3 digits (${provinceCode}) are not a birth-province code`);
  }
  const centuryDigit = Number(id[3]);
  const century = CENTURY_BY_DIGIT[centuryDigit] ?? 1900; // 0-9 always indexes the table
  const idSex: Sex = centuryDigit % 2 === 0 ? 'male' : 'female';
  const birthYearDigits = id.slice(4, 6);
  const facts: CitizenIdFacts = {
    provinceCode,
    provinceName,
    sex: idSex,
    century,
    birthYearDigits,
    birthYear: century + Number(birthYearDigits),
  };

  if (birthDate !== undefined) {
    const year = yearOfIsoDate(birthDate);
    if (year === null) {
      return problem('birthDate', `the date of birth "${birthDate}" is not a real YYYY-MM-DD date`);
    }
    const birthCentury = Math.floor(year / 100) * 100;
    if (birthCentury !== century) {
      return problem(
        'centuryMismatch',
        `digit 4 (${centuryDigit}) means born ${century}-${century + 99}, but the date of birth is in ${year}`,
      );
    }
    const yearDigits = String(year % 100).padStart(2, '0');
    if (yearDigits !== birthYearDigits) {
      return problem('yearMismatch', `digits 5-6 (${birthYearDigits}) should be ${yearDigits}, the last two digits of ${year}`);
    }
  }

  if (sex != null && sex !== idSex) {
    return problem('sexMismatch', `digit 4 (${centuryDigit}) means ${idSex}, but the sex entered is ${sex}`);
  }
  return ok(facts);
}

/** Short description of bad input for a reason: its length, not a copy of a possibly long paste. */
function describeInput(id: string): string {
  if (id.length === 0) return 'nothing';
  if (/^[0-9]+$/.test(id)) return `${id.length} digits`;
  return `${id.length} characters, not all digits`;
}
