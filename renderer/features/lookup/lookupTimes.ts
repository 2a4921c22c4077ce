/** Dates on the kiosk's lookup screen, in Vietnam time whatever zone the machine is set to. */
import { VIETNAM_TIME as ZONE } from '../../../shared/files/vietnamTime.ts';

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'vi-VN';
}

/** "25/11/2026" */
export function formatDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}

/** "14:05 25/11/2026" */
export function formatMoment(iso: string, language: string): string {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
  return `${time} ${formatDay(iso, language)}`;
}
