/**
 * Dates and times on the counter's screens, always in Vietnam time and always written day first
 * with slashes (24/11, 24/11/2026, 17:00 24/11): the way staff and citizens read dates, whatever
 * the language or the machine's own zone. Built from Intl's parts, not its locale pattern, which
 * writes 24-11 for vi-VN without a year.
 */
import { VIETNAM_TIME } from '../../../shared/files/vietnamTime.ts';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

function parts(value: string | Date): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const out = { day: '', month: '', year: '', hour: '', minute: '' };
  for (const p of PARTS.formatToParts(date)) if (p.type in out) out[p.type as keyof typeof out] = p.value;
  // Some engines write midnight as 24:00 with hour12 off.
  if (out.hour === '24') out.hour = '00';
  return out;
}

/** "24/11" */
export function dayMonth(value: string | Date): string {
  const p = parts(value);
  return p ? `${p.day}/${p.month}` : '';
}

/** "24/11/2026" */
export function fullDay(value: string | Date): string {
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** "17:00 24/11" */
export function timeDayMonth(value: string | Date): string {
  const p = parts(value);
  return p ? `${p.hour}:${p.minute} ${p.day}/${p.month}` : '';
}

/** "17:00 24/11/2026" */
export function timeFullDay(value: string | Date): string {
  const p = parts(value);
  return p ? `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}` : '';
}

/** The Vietnam civil date and time of an instant as the values of date and time inputs ("2026-11-24", "17:00"). */
export function inputValues(value: string | Date): { date: string; time: string } {
  const p = parts(value);
  return p ? { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` } : { date: '', time: '' };
}

/** The instant of a Vietnam civil date and time typed in inputs (UTC+7 all year), or null when they do not form one. */
export function instantFromInputs(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const ms = Date.parse(`${date}T${time}:00+07:00`);
  if (Number.isNaN(ms)) return null;
  // Date.parse accepts 31/02 as 03/03: a date must read back as itself.
  return inputValues(new Date(ms)).date === date ? new Date(ms).toISOString() : null;
}

/** A date typed day first ("9/3/2027", "09-03-2027", "09.03.2027") as YYYY-MM-DD, or null when it is not a real date. */
export function parseDayMonthYear(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
