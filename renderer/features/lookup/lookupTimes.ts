/** Dates on the kiosk's lookup screen, in Vietnam time whatever zone the machine is set to. */
import { VIETNAM_TIME as ZONE } from '../../../shared/files/vietnamTime.ts';

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'vi-VN';
}

// Made once per language: a formatter with a time zone is costly to make, cheap to use.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'day' | 'time', language: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale(language)}`;
  let format = formats.get(key);
  if (!format) {
    format =
      kind === 'day'
        ? new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' })
        : new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
    formats.set(key, format);
  }
  return format;
}

/** "25/11/2026" */
export function formatDay(iso: string, language: string): string {
  return formatter('day', language).format(new Date(iso));
}

/** "14:05 25/11/2026" */
export function formatMoment(iso: string, language: string): string {
  return `${formatter('time', language).format(new Date(iso))} ${formatDay(iso, language)}`;
}
