/**
 * Reads the QR code printed on a căn cước card, so one scan fills the citizen's ID number, name, date of
 * birth, sex and address. The payload is `ID|old ID|full name|ddmmyyyy|sex|address|issue date ddmmyyyy`.
 * All or nothing: a malformed or cut-off scan is a problem, never half-filled data.
 */
import { err, ok, type Result } from '../result.ts';
import type { IsoDate } from '../calendar/civilDay.ts';
import { checkAddress, checkBirthDate, checkFullName, vietnamToday, type BirthDateProblemCode, type TextProblemCode } from './citizenFields.ts';
import { checkCitizenId, isCalendarDate, type CitizenIdProblemCode, type Sex } from './citizenId.ts';

export interface CccdData {
  /** 12-digit căn cước number, checked against the birth date and sex on the same card. */
  idNumber: string;
  /** The old 9-digit CMND (or earlier 12-digit) number, null when the card leaves it empty. */
  oldIdNumber: string | null;
  fullName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
  address: string;
  /** YYYY-MM-DD */
  issueDate: string;
}

/** Stable codes the UI translates; which field of the payload is wrong (or that it is no card at all). */
export type CccdQrProblemCode =
  | 'empty'
  | 'notCccd' // some other QR or text: a URL, a bank code, a sentence
  | 'fieldCount' // looks like a card but not 7 "|"-separated fields: cut off or merged scan
  | 'idNumber'
  | 'oldIdNumber'
  | 'fullName'
  | 'birthDate'
  | 'sex'
  | 'address'
  | 'issueDate';

export interface CccdQrProblem {
  problem: CccdQrProblemCode;
  /** English, for logs and people reading them. */
  reason: string;
  /** When problem is 'idNumber': what checkCitizenId found, so the UI can say more. */
  idProblem?: CitizenIdProblemCode;
  /** When problem is 'fullName' or 'address': which rule of shared/citizen/citizenFields.ts failed. */
  textProblem?: TextProblemCode;
  /** When problem is 'birthDate': which rule failed. */
  dateProblem?: BirthDateProblemCode;
}

/** Fields on the card; some readers append one more (often empty) after the issue date. */
const CARD_FIELDS = 7;
const MAX_FIELDS = CARD_FIELDS + 1;

/**
 * Cheap test for "this text is a card scan": 12 digits then "|". A USB scanner types the payload like a
 * keyboard into whatever field has focus; the UI uses this to catch that burst and parse it instead.
 */
export function looksLikeCccdQr(text: string): boolean {
  return /^\s*[0-9]{12}\|/.test(text);
}

/**
 * A whole card payload inside other text (a field that held "Trần" before the payload was typed or
 * dropped into it): where it starts and the card, or null when there is no complete, valid card.
 */
export function findCccdQrIn(text: string, options: { today?: IsoDate } = {}): { start: number; card: CccdData } | null {
  const start = text.search(/[0-9]{12}\|/);
  if (start < 0) return null;
  const parsed = parseCccdQr(text.slice(start), options);
  return parsed.ok ? { start, card: parsed.value } : null;
}

const problem = (code: CccdQrProblemCode, reason: string, detail: Partial<CccdQrProblem> = {}) => err<CccdQrProblem>({ ...detail, problem: code, reason });

/**
 * Parses a card's QR payload; surrounding whitespace and a trailing CR/LF from a scanner are ignored.
 * The name, date of birth and address must pass the same rules as typed ones (citizenFields.ts),
 * so a parsed card always saves; `today` (Vietnam date) bounds the date of birth.
 */
export function parseCccdQr(text: string, options: { today?: IsoDate } = {}): Result<CccdData, CccdQrProblem> {
  const payload = text.trim();
  if (payload === '') return problem('empty', 'the scan is empty');

  const fields = payload.split('|').map((field) => field.trim());
  const [id = '', oldId = '', name = '', birth = '', sexText = '', addressText = '', issue = ''] = fields;
  if (fields.length < 2 || !/^[0-9]+$/.test(id)) {
    return problem('notCccd', 'this is not a căn cước QR code: it does not start with the ID number and "|"');
  }
  if (fields.length < CARD_FIELDS || fields.length > MAX_FIELDS) {
    return problem('fieldCount', `a căn cước QR code has ${CARD_FIELDS} fields separated by "|"; got ${fields.length}`);
  }

  const idShape = checkCitizenId(id);
  if (!idShape.ok) return problem('idNumber', `ID number: ${idShape.error.reason}`, { idProblem: idShape.error.problem });

  if (oldId !== '' && !/^(?:[0-9]{9}|[0-9]{12})$/.test(oldId)) {
    return problem('oldIdNumber', 'the old ID number must be empty, 9 or 12 digits');
  }

  const fullName = checkFullName(name);
  if (!fullName.ok) return problem('fullName', fullName.error.reason, { textProblem: fullName.error.problem });

  const birthIso = isoFromDdmmyyyy(birth);
  if (birthIso === null) return problem('birthDate', `the date of birth "${birth}" is not a real ddmmyyyy date`, { dateProblem: 'notADate' });
  const today = options.today ?? vietnamToday();
  const birthChecked = checkBirthDate(birthIso, today);
  if (!birthChecked.ok) return problem('birthDate', birthChecked.error.reason, { dateProblem: birthChecked.error.problem });
  const birthDate = birthChecked.value;

  const sex = sexFromCard(sexText);
  if (sex === null) return problem('sex', `the sex must be "Nam" or "Nữ"; got "${sexText}"`);

  const address = checkAddress(addressText);
  if (!address.ok) return problem('address', address.error.reason, { textProblem: address.error.problem });
  if (address.value === null) return problem('address', 'the address is empty', { textProblem: 'empty' });

  const issueDate = isoFromDdmmyyyy(issue);
  if (issueDate === null) return problem('issueDate', `the issue date "${issue}" is not a real ddmmyyyy date`);
  // ISO dates compare as strings.
  if (issueDate < birthDate) return problem('issueDate', `the issue date ${issueDate} is before the date of birth ${birthDate}`);
  if (issueDate > today) return problem('issueDate', `the issue date ${issueDate} is after today (${today})`);

  // The card's own fields must agree with each other, or the scan was garbled somewhere.
  const idAgrees = checkCitizenId(id, birthDate, sex);
  if (!idAgrees.ok) return problem('idNumber', `ID number: ${idAgrees.error.reason}`, { idProblem: idAgrees.error.problem });

  return ok({ idNumber: id, oldIdNumber: oldId === '' ? null : oldId, fullName: fullName.value, birthDate, sex, address: address.value, issueDate });
}

/** 'ddmmyyyy' -> 'YYYY-MM-DD' when it is a real calendar date, else null. */
function isoFromDdmmyyyy(text: string): string | null {
  const match = /^([0-9]{2})([0-9]{2})([0-9]{4})$/.exec(text);
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return null;
  return `${year}-${month}-${day}`;
}

function sexFromCard(text: string): Sex | null {
  const word = text.normalize('NFC').toLocaleLowerCase('vi');
  if (word === 'nam') return 'male';
  if (word === 'nữ') return 'female';
  return null;
}
