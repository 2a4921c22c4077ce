/**
 * Dates as Vietnamese people write them, dd/mm/yyyy, whatever the language of the PC or browser:
 * typed text in, ISO (YYYY-MM-DD) out, and back. The counter never uses <input type=date>, whose
 * format follows the operating system (mm/dd/yyyy on an English Windows).
 */
import { err, ok, type Result } from '../result.ts';
import { dayNumberFromIso, type IsoDate } from './civilDay.ts';

export type DayMonthYearProblem = 'empty' | 'format' | 'notADate';

/**
 * Reads "04/05/1990", "4/5/1990", "04.05.1990", "04-05-1990", "04051990" (8 digits) or an ISO
 * "1990-05-04" (pasted from elsewhere). Day first, always; a 2-digit year is refused, not guessed.
 */
export function parseDayMonthYear(text: string): Result<IsoDate, DayMonthYearProblem> {
  const trimmed = text.trim();
  if (trimmed === '') return err('empty');
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const parts = iso ? [iso[3], iso[2], iso[1]] : (/^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(trimmed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed))?.slice(1, 4);
  if (!parts) return err('format');
  const [day = '', month = '', year = ''] = parts;
  const candidate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return dayNumberFromIso(candidate) === null ? err('notADate') : ok(candidate);
}

/** "1990-05-04" -> "04/05/1990"; anything that is not an ISO date comes back unchanged. */
export function formatDayMonthYear(iso: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * Keeps typing easy on a numeric pad: digits get their slashes as they come ("0405" -> "04/05",
 * "04/051990" -> "04/05/1990"). Text with slashes elsewhere ("4/5/1990") or other characters is
 * left as typed, for parseDayMonthYear or the validation to deal with.
 */
export function maskDayMonthYear(typed: string): string {
  const text = typed.replace(/[.-]/g, '/');
  if (!/^[\d/]*$/.test(text)) return text;
  const slashesAtMaskPlaces = [...text].every((c, i) => c !== '/' || i === 2 || i === 5);
  const digits = text.replace(/\//g, '');
  if (!slashesAtMaskPlaces || digits.length > 8) return text;
  if (digits.length <= 2) return digits;
  if (digits.length <= 4) return `${digits.slice(0, 2)}/${digits.slice(2)}`;
  return `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`;
}
