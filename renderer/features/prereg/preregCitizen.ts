/**
 * Who the citizen is, for a pre-registration: read from the căn cước QR (the better source) or typed
 * on the kiosk's keyboard. Typed details pass the counter's own checks (shared/citizen/*) and its
 * messages (counter.errors.*), so what the kiosk sends the server and the counter accept. Pure.
 */
import { parseDayMonthYear } from '../../../shared/calendar/dayMonthYear.ts';
import type { CccdData } from '../../../shared/citizen/cccdQr.ts';
import { checkBirthDate, checkFullName, type FieldProblem } from '../../../shared/citizen/citizenFields.ts';
import { checkCitizenId } from '../../../shared/citizen/citizenId.ts';
import type { Citizen } from '../../../shared/files/fileRecord.ts';
import { err, ok, type Result } from '../../../shared/result.ts';

export interface TypedCitizen {
  fullName: string;
  idNumber: string;
  /** dd/mm/yyyy as typed. */
  birthDate: string;
  sex: 'male' | 'female' | '';
}

export type TypedField = keyof TypedCitizen;
export const TYPED_FIELDS: readonly TypedField[] = ['fullName', 'idNumber', 'birthDate', 'sex'];

export interface FieldMessage {
  key: string;
  params?: Record<string, string | number>;
}
export type TypedErrors = Partial<Record<TypedField, FieldMessage>>;

export const emptyTyped = (): TypedCitizen => ({ fullName: '', idNumber: '', birthDate: '', sex: '' });

/** The on-screen keyboard types lower case: each word of a name starts with a capital, as on the card. */
export function capitaliseName(name: string): string {
  return name
    .split(' ')
    .map((word) => (word ? word[0]!.toLocaleUpperCase('vi') + word.slice(1) : word))
    .join(' ');
}

const message = <C extends string>(prefix: string, problem: FieldProblem<C>): FieldMessage =>
  problem.params ? { key: `${prefix}.${problem.problem}`, params: problem.params } : { key: `${prefix}.${problem.problem}` };

/** The citizen as typed, checked like the counter's form; the messages are its keys. */
export function checkTypedCitizen(typed: TypedCitizen, today: string): Result<Citizen, TypedErrors> {
  const errors: TypedErrors = {};
  const fullName = checkFullName(capitaliseName(typed.fullName.trim()));
  if (!fullName.ok) errors.fullName = message('counter.errors.text', fullName.error);
  let birthDate: string | undefined;
  const birthText = parseDayMonthYear(typed.birthDate);
  if (!birthText.ok) errors.birthDate = { key: `counter.errors.birth.${birthText.error}` };
  else {
    const checked = checkBirthDate(birthText.value, today);
    if (checked.ok) birthDate = checked.value;
    else errors.birthDate = message('counter.errors.birth', checked.error);
  }
  if (typed.sex === '') errors.sex = { key: 'prereg.who.sexMissing' };
  const id = typed.idNumber.replace(/\D/g, '');
  const idCheck = checkCitizenId(id, birthDate, typed.sex || null);
  if (!idCheck.ok) errors.idNumber = { key: `counter.errors.id.${idCheck.error.problem}` };
  if (!fullName.ok || birthDate === undefined || typed.sex === '' || Object.keys(errors).length > 0) return err(errors);
  return ok({ fullName: fullName.value, birthDate, idNumber: id, sex: typed.sex, phone: null, address: null });
}

/** The citizen from a card the scanner read (already checked by parseCccdQr). */
export function citizenFromCard(card: CccdData): Citizen {
  return { fullName: card.fullName, birthDate: card.birthDate, idNumber: card.idNumber, sex: card.sex, phone: null, address: card.address };
}

/** The ID number as the confirmation shows it: the last four digits only, so a passer-by does not read it. */
export function maskedId(idNumber: string): string {
  return `•••• •••• ${idNumber.slice(-4)}`;
}
