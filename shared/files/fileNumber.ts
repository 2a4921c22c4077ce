/**
 * Human-readable file numbers (số hồ sơ) that no two devices can both hand out, made without asking the
 * server: CENTER-DEVICE-YYYYMMDD-NNNN. The center and device codes keep devices apart, the device's own
 * sequence keeps its files apart, and the date is the Vietnam calendar day the file was received.
 */
import { dayNumberFromIso, dayNumberOf, isoFromDayNumber } from '../calendar/civilDay.ts';
import { err, ok, type Result } from '../result.ts';

/** The parts of fileRecordSchema.number's pattern, kept here so enrolment can check codes up front. */
export const CENTER_CODE_PATTERN = /^[A-Z0-9]{2,10}$/;
export const DEVICE_CODE_PATTERN = /^[A-Z0-9]{1,6}$/;
const FILE_NUMBER_PATTERN = /^([A-Z0-9]{2,10})-([A-Z0-9]{1,6})-([0-9]{8})-([0-9]{4,})$/;
const SEQUENCE_DIGITS = 4;

export interface FileNumberParts {
  centerCode: string;
  deviceCode: string;
  /** An instant (its Vietnam calendar day is used) or a Vietnam calendar day as 'YYYY-MM-DD'. */
  date: Date | string;
  /** The device's sequence number; zero-padded to 4 digits, longer when it outgrows them. */
  sequence: number;
}

export interface ParsedFileNumber {
  centerCode: string;
  deviceCode: string;
  /** 'YYYYMMDD' as in the number. */
  dateKey: string;
  /** The same day as 'YYYY-MM-DD'. */
  date: string;
  sequence: number;
}

export interface FileNumberProblem {
  problem: 'shape' | 'date' | 'sequence';
  reason: string;
}

/**
 * The Vietnam (UTC+7) calendar day of an instant as 'YYYYMMDD', whatever time zone the machine is set to:
 * a counter PC with a wrong zone must not number a 23:30 file with tomorrow's or yesterday's date.
 */
export function vietnamDateKey(instant: Date): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('vietnamDateKey needs a valid Date');
  // Vietnam keeps UTC+7 all year (no daylight saving), so civilDay.ts's fixed offset is exact.
  return isoFromDayNumber(dayNumberOf(time)).replaceAll('-', '');
}

/**
 * Builds the file number. Codes are upper-cased. Bad codes, a bad date or a negative or fractional
 * sequence are programmer errors (codes are checked at enrolment), so they throw a RangeError.
 */
export function formatFileNumber(parts: FileNumberParts): string {
  const centerCode = parts.centerCode.toUpperCase();
  const deviceCode = parts.deviceCode.toUpperCase();
  if (!CENTER_CODE_PATTERN.test(centerCode)) {
    throw new RangeError(`center code must be 2-10 letters or digits; got "${parts.centerCode}"`);
  }
  if (!DEVICE_CODE_PATTERN.test(deviceCode)) {
    throw new RangeError(`device code must be 1-6 letters or digits; got "${parts.deviceCode}"`);
  }
  if (!Number.isSafeInteger(parts.sequence) || parts.sequence < 0) {
    throw new RangeError(`sequence must be a non-negative integer; got ${parts.sequence}`);
  }
  const dateKey = typeof parts.date === 'string' ? dateKeyFromIso(parts.date) : vietnamDateKey(parts.date);
  if (dateKey === null) throw new RangeError(`date must be a real YYYY-MM-DD date; got "${String(parts.date)}"`);
  return `${centerCode}-${deviceCode}-${dateKey}-${String(parts.sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/**
 * Reads a file number back into its parts. Case and surrounding spaces are forgiven, since staff type
 * numbers read off a receipt; the date must be a real day.
 */
export function parseFileNumber(text: string): Result<ParsedFileNumber, FileNumberProblem> {
  const match = FILE_NUMBER_PATTERN.exec(text.trim().toUpperCase());
  if (!match) {
    return err({ problem: 'shape', reason: 'a file number looks like CENTER-DEVICE-YYYYMMDD-NNNN, e.g. XA01-K2-20250315-0042' });
  }
  const [, centerCode = '', deviceCode = '', dateKey = '', sequenceText = ''] = match;
  const date = `${dateKey.slice(0, 4)}-${dateKey.slice(4, 6)}-${dateKey.slice(6, 8)}`;
  if (dateKeyFromIso(date) === null) {
    return err({ problem: 'date', reason: `${dateKey} in the file number is not a real date` });
  }
  const sequence = Number(sequenceText);
  if (!Number.isSafeInteger(sequence)) {
    return err({ problem: 'sequence', reason: `the sequence ${sequenceText} is too large` });
  }
  return ok({ centerCode, deviceCode, dateKey, date, sequence });
}

/** 'YYYY-MM-DD' -> 'YYYYMMDD' when it is a real calendar day, else null. */
function dateKeyFromIso(date: string): string | null {
  return dayNumberFromIso(date) === null ? null : date.replaceAll('-', '');
}
