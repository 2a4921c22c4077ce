/**
 * The rules a citizen's name, date of birth and address must meet, on the device and on the server
 * alike (citizenSchema in shared/files/fileRecord.ts runs them on every pushed file). They refuse
 * what no person is called or born on: a name of control characters, emoji or a QR separator, a
 * date of birth like 2025-99-99 or in 2999. Each refusal is a stable code plus an English reason.
 */
import { dayNumberFromIso, dayNumberOf, isoFromDayNumber, type IsoDate } from '../calendar/civilDay.ts';
import { err, ok, type Result } from '../result.ts';

export const FULL_NAME_MIN = 2;
/** The longest name the counter takes: longer than any real Vietnamese name, short enough for a receipt line. */
export const FULL_NAME_MAX = 100;
export const ADDRESS_MAX = 300;
/** Nobody registering a file today was born before this year. */
export const BIRTH_YEAR_MIN = 1900;

export type TextProblemCode =
  | 'empty'
  | 'tooShort'
  | 'tooLong'
  | 'separator' // "|": the căn cước QR's field separator, so a half-recognised scan
  | 'control' // control or invisible formatting characters (incl. bidi overrides)
  | 'emoji'
  | 'symbol' // other symbols (currency, maths, ^ `) that no name contains
  | 'noLetter';

export type BirthDateProblemCode = 'format' | 'notADate' | 'future' | 'tooOld';

export interface FieldProblem<C extends string> {
  problem: C;
  /** English, for logs, the server's per-item rejection and people reading them. */
  reason: string;
  /** Limits the message needs (max length, earliest year). */
  params?: Record<string, number | string>;
}

const CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2028\u2029]/u;
// Variation selector 16 and the keycap mark turn digits and symbols into emoji; regional indicators make flags.
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\u{FE0F}\u{20E3}]/u;
const SYMBOL = /\p{S}/u;
const LETTER = /\p{L}/u;

/** NFC (scanners and camera decoders may hand over decomposed marks) and single spaces. */
export function tidyText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const fail = <C extends string>(problem: C, reason: string, params?: FieldProblem<C>['params']) =>
  err<FieldProblem<C>>(params ? { problem, reason, params } : { problem, reason });

/** What both names and addresses refuse: the QR separator, control characters, emoji. */
function checkCharacters(text: string, what: string): FieldProblem<TextProblemCode> | null {
  if (text.includes('|')) return { problem: 'separator', reason: `the ${what} contains "|", the separator of a căn cước QR code` };
  if (CONTROL.test(text)) return { problem: 'control', reason: `the ${what} contains control or invisible characters` };
  if (EMOJI.test(text)) return { problem: 'emoji', reason: `the ${what} contains an emoji` };
  return null;
}

/** A full name, tidied (NFC, single spaces). */
export function checkFullName(raw: string): Result<string, FieldProblem<TextProblemCode>> {
  const name = tidyText(raw);
  if (name === '') return fail('empty', 'the full name is empty');
  const bad = checkCharacters(name, 'full name');
  if (bad) return err(bad);
  if (SYMBOL.test(name)) return fail('symbol', 'the full name contains a symbol');
  if (!LETTER.test(name)) return fail('noLetter', 'the full name has no letter');
  const length = [...name].length;
  if (length < FULL_NAME_MIN) return fail('tooShort', `the full name must be at least ${FULL_NAME_MIN} characters`, { min: FULL_NAME_MIN });
  if (length > FULL_NAME_MAX) return fail('tooLong', `the full name must be at most ${FULL_NAME_MAX} characters; got ${length}`, { max: FULL_NAME_MAX });
  return ok(name);
}

/** An address, tidied; empty is allowed (null) because a walk-in file may go without one. */
export function checkAddress(raw: string): Result<string | null, FieldProblem<TextProblemCode>> {
  const address = tidyText(raw);
  if (address === '') return ok(null);
  const bad = checkCharacters(address, 'address');
  if (bad) return err(bad);
  const length = [...address].length;
  if (length > ADDRESS_MAX) return fail('tooLong', `the address must be at most ${ADDRESS_MAX} characters; got ${length}`, { max: ADDRESS_MAX });
  return ok(address);
}

/** Today's date in Vietnam, the day a birth date may not come after. */
export function vietnamToday(now: Date = new Date()): IsoDate {
  return isoFromDayNumber(dayNumberOf(now));
}

/**
 * A date of birth as YYYY-MM-DD: a real calendar day, not after `latest` (today at the counter,
 * tomorrow on the server to allow for a device clock a little ahead), not before BIRTH_YEAR_MIN.
 */
export function checkBirthDate(date: string, latest: IsoDate): Result<IsoDate, FieldProblem<BirthDateProblemCode>> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return fail('format', `the date of birth must be YYYY-MM-DD; got ${JSON.stringify(date.slice(0, 20))}`);
  if (dayNumberFromIso(date) === null) return fail('notADate', `the date of birth ${date} is not a real calendar day`);
  // ISO dates compare as strings.
  if (date > latest) return fail('future', `the date of birth ${date} is after ${latest}`, { latest });
  if (date < `${BIRTH_YEAR_MIN}-01-01`) return fail('tooOld', `the date of birth ${date} is before ${BIRTH_YEAR_MIN}`, { year: BIRTH_YEAR_MIN });
  return ok(date);
}
