/**
 * Queue numbers as people read them. The server gives "A023" (service letter, then the day's count
 * for that service, 3 digits or more); a kiosk that cannot reach it gives "D03-A005", led by its own
 * device code, so the two can never be the same number. Typed numbers are read leniently ("a23").
 */

const DIGITS = 3;
const NUMBER_PATTERN = /^(?:([A-Z0-9]{1,6})-)?([A-Z])(\d{3,5})$/;

export interface TicketNumberParts {
  /** The kiosk's device code for a number given without the server, else null. */
  kiosk: string | null;
  prefix: string;
  sequence: number;
}

/** "A" and 23 → "A023". */
export function formatTicketNumber(prefix: string, sequence: number, kiosk: string | null = null): string {
  const n = `${prefix}${String(sequence).padStart(DIGITS, '0')}`;
  return kiosk ? `${kiosk}-${n}` : n;
}

/** The parts of a well-formed number, or null. */
export function parseTicketNumber(number: string): TicketNumberParts | null {
  const m = NUMBER_PATTERN.exec(number);
  if (!m) return null;
  const sequence = Number(m[3]);
  if (sequence < 1) return null;
  return { kiosk: m[1] ?? null, prefix: m[2]!, sequence };
}

export const isTicketNumber = (number: string): boolean => parseTicketNumber(number) !== null;

/**
 * A number typed at a counter, as the ticket prints it: case, spaces and missing zeros forgiven
 * ("a 23" → "A023", "d03-a5" → "D03-A005"); null when it cannot be a number.
 */
export function normaliseTypedNumber(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/\s+/g, '');
  const m = /^(?:([A-Z0-9]{1,6})-)?([A-Z])0*(\d{1,5})$/.exec(compact);
  if (!m) return null;
  const sequence = Number(m[3]);
  if (sequence < 1) return null;
  return formatTicketNumber(m[2]!, sequence, m[1] ?? null);
}
