/**
 * The file-level sense checks that a schema cannot make: times within a sane range and not ahead of
 * the checker's clock by more than a bounded skew, a due date after the reception, a file number
 * dated the Vietnam day of the reception. The counter runs them before it saves (its own clock),
 * the server again on every push (its clock). Each problem has a stable code, an i18n key under
 * `fileChecks.` with its values, and an English reason for logs and the push answer.
 */
import { DAY_MS } from '../calendar/civilDay.ts';
import { parseFileNumber, vietnamDateKey } from './fileNumber.ts';

export const FILE_TIME_RULES = {
  /** No file or change in motcua is older than this: a clock reset to 1970 (or a typed 0000) is caught. */
  earliest: '2020-01-01T00:00:00+07:00',
  /**
   * How far a device clock may run ahead of the checker's. Enough for a PC that drifts for weeks
   * without a time server; far too little for a PC whose time zone is wrong (7 hours) or a year typo.
   */
  maxClockSkewMs: 15 * 60_000,
  /** The latest a result may be due after reception (the longest procedures take months, not years). */
  maxDueAfterMs: 3 * 366 * DAY_MS,
} as const;

export type FileCheckCode =
  | 'receivedTooEarly'
  | 'receivedInFuture'
  | 'dueBeforeReceived'
  | 'dueTooFar'
  | 'numberUnreadable'
  | 'numberDateMismatch'
  | 'timeTooEarly'
  | 'timeInFuture'
  | 'timeBeforeReceived';

export interface FileCheckProblem {
  code: FileCheckCode;
  /** The record field at fault, as in the schema's paths ('receivedAt', 'dueAt', 'number', ...). */
  field: string;
  /** Values for the translated message, e.g. { time, now }. */
  params: Record<string, string>;
  /** English, for logs and the push answer. */
  reason: string;
}

/** The i18n key of a problem: `fileChecks.<code>`, with `params` as its values. */
export const fileCheckKey = (code: FileCheckCode): `fileChecks.${FileCheckCode}` => `fileChecks.${code}`;

const earliestMs = Date.parse(FILE_TIME_RULES.earliest);

function problem(code: FileCheckCode, field: string, params: Record<string, string>, reason: string): FileCheckProblem {
  return { code, field, params, reason };
}

/**
 * A moment someone claims (a reception, a change of status): after the earliest date and not ahead
 * of `now` by more than the allowed skew. `tooEarly` / `inFuture` name the codes for the field.
 */
function checkMoment(
  field: string,
  iso: string,
  now: Date,
  codes: { tooEarly: FileCheckCode; inFuture: FileCheckCode },
): FileCheckProblem[] {
  const at = Date.parse(iso);
  if (Number.isNaN(at) || at < earliestMs) {
    return [problem(codes.tooEarly, field, { time: iso, earliest: FILE_TIME_RULES.earliest }, `${field} ${iso} is before ${FILE_TIME_RULES.earliest}: check the device's clock`)];
  }
  const ahead = at - now.getTime();
  if (ahead > FILE_TIME_RULES.maxClockSkewMs) {
    const minutes = String(Math.round(ahead / 60_000));
    return [
      problem(
        codes.inFuture,
        field,
        { time: iso, now: now.toISOString(), minutes },
        `${field} ${iso} is ${minutes} minutes ahead of the server's clock (${now.toISOString()}): check the device's clock and time zone`,
      ),
    ];
  }
  return [];
}

/** The checks of a file's own times and number; `now` is the checker's clock. Empty when all is well. */
export function checkFileTimes(file: { number: string; receivedAt: string; dueAt?: string | null | undefined }, now: Date): FileCheckProblem[] {
  const problems = checkMoment('receivedAt', file.receivedAt, now, { tooEarly: 'receivedTooEarly', inFuture: 'receivedInFuture' });
  const received = Date.parse(file.receivedAt);
  if (file.dueAt) {
    const due = Date.parse(file.dueAt);
    if (due < received) {
      problems.push(problem('dueBeforeReceived', 'dueAt', { due: file.dueAt, received: file.receivedAt }, `due ${file.dueAt} is before the file was received (${file.receivedAt})`));
    } else if (due - received > FILE_TIME_RULES.maxDueAfterMs) {
      problems.push(problem('dueTooFar', 'dueAt', { due: file.dueAt, received: file.receivedAt }, `due ${file.dueAt} is more than 3 years after the file was received (${file.receivedAt})`));
    }
  }
  const parsed = parseFileNumber(file.number);
  if (!parsed.ok) {
    problems.push(problem('numberUnreadable', 'number', { number: file.number }, parsed.error.reason));
  } else if (!Number.isNaN(received) && parsed.value.dateKey !== vietnamDateKey(new Date(received))) {
    const day = vietnamDateKey(new Date(received));
    problems.push(
      problem(
        'numberDateMismatch',
        'number',
        { number: file.number, day },
        `file number ${file.number} is dated ${parsed.value.dateKey} but the file was received on ${day} (Vietnam time)`,
      ),
    );
  }
  return problems;
}

/**
 * The check of a moment a device stamps on a change (a status change, a withdrawal): in range, and,
 * when the file's reception is known, not before it (a clock that went back).
 */
export function checkChangeTime(field: string, iso: string, now: Date, receivedAt?: string): FileCheckProblem[] {
  const problems = checkMoment(field, iso, now, { tooEarly: 'timeTooEarly', inFuture: 'timeInFuture' });
  if (problems.length === 0 && receivedAt !== undefined && Date.parse(iso) < Date.parse(receivedAt)) {
    problems.push(problem('timeBeforeReceived', field, { time: iso, received: receivedAt }, `${field} ${iso} is before the file was received (${receivedAt})`));
  }
  return problems;
}

/** Problems as one line for logs and the push answer. */
export function describeFileProblems(problems: readonly FileCheckProblem[]): string {
  return problems.map((p) => p.reason).join('; ');
}
