/**
 * The registration form's state and its checks. Pure: every message is an i18n key (with
 * params) shown next to its field, so the same rules run in tests without a browser. The citizen
 * rules are the server's own (shared/citizen/*), so what the counter saves the server accepts.
 */
import { checkAddressUnit, type AddressUnit, type CommuneDirectory } from '../../../../shared/address/addressUnit.ts';
import type { IsoDate } from '../../../../shared/calendar/civilDay.ts';
import { formatDayMonthYear, parseDayMonthYear } from '../../../../shared/calendar/dayMonthYear.ts';
import type { WorkCalendar } from '../../../../shared/calendar/holidayTable.ts';
import { isConditionalDocument } from '../../../../shared/catalog/documentCondition.ts';
import type { Procedure } from '../../../../shared/catalog/procedure.ts';
import type { CccdData } from '../../../../shared/citizen/cccdQr.ts';
import { checkAddress, checkBirthDate, checkFullName, vietnamToday } from '../../../../shared/citizen/citizenFields.ts';
import { checkCitizenId } from '../../../../shared/citizen/citizenId.ts';
import type { FileChannel, FileRecord, ReceivedDocument } from '../../../../shared/files/fileRecord.ts';
import type { ScanRef } from '../../../../shared/files/scan.ts';
import type { PreparedScan } from '../../../data/scanStore.ts';
import { err, ok, type Result } from '../../../../shared/result.ts';
import { checkStaffDueDate, type DuePlan } from './dueDatePlan.ts';

/** A scan on the form: one picked now (with its bytes, to store on save) or one the file already has (blob null). */
export interface DraftScan {
  ref: ScanRef;
  blob: Blob | null;
  /** Bytes of the picture as picked, when it was made smaller. */
  originalSize?: number;
}

export interface RegisterDraft {
  procedureCode: string | null;
  fullName: string;
  /** As typed or picked: dd/mm/yyyy. */
  birthDate: string;
  idNumber: string;
  sex: 'male' | 'female' | '';
  phone: string;
  address: string;
  /** The new commune picked for the address (shared/address/addressUnit.ts); null: the text alone is kept. */
  addressUnit: AddressUnit | null;
  channel: FileChannel;
  documents: ReceivedDocument[];
  attachments: DraftScan[];
  notes: string;
  /** dd/mm/yyyy chosen by staff; used only when the procedure's time is unknown. */
  dueDate: string;
}

/** The form's fields in screen order: the first one in error gets the focus. */
export const DRAFT_FIELDS = ['procedure', 'dueDate', 'documents', 'idNumber', 'fullName', 'birthDate', 'sex', 'phone', 'address', 'attachments', 'notes'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];
export interface FieldMessage {
  key: string;
  params?: Record<string, string | number>;
}
export type FieldErrors = Partial<Record<DraftField, FieldMessage>>;

/** The longest note staff may write (fileRecordSchema's limit). */
export const NOTES_MAX = 2000;

/** What registerFile() needs beyond the device and staff context. */
export interface ValidDraft {
  procedureCode: string;
  procedureName: string;
  channel: FileChannel;
  citizen: {
    fullName: string;
    birthDate: string;
    idNumber: string;
    sex: 'male' | 'female' | null;
    phone: string | null;
    address: string | null;
    /** Present only when a commune was picked. */
    addressUnit?: AddressUnit;
  };
  documents: ReceivedDocument[];
  /** The record's references to its scans. */
  attachments: ScanRef[];
  /** The bytes of the scans picked on this form, stored with the record. */
  scans: PreparedScan[];
  notes: string | null;
  dueAt: string | null;
  /** Present (true) only when staff chose the date. */
  dueAtSetByStaff?: true;
}

/** What the checks need to know besides the draft. */
export interface DraftContext {
  /** Vietnam date: no one is born after it. */
  today: IsoDate;
  /** Where the due date comes from (planDueDate); `unchanged` when the form does not set it (a correction: file.due moves it). */
  due: DuePlan | { kind: 'unchanged' };
  /** The file's reception: the staff-chosen due date must come after it. */
  receivedAt: Date;
  calendar: WorkCalendar;
  /** The new communes, once this device has opened its table: a picked unit is checked against it. */
  communes?: CommuneDirectory | null;
}

export const emptyDraft = (): RegisterDraft => ({
  procedureCode: null,
  fullName: '',
  birthDate: '',
  idNumber: '',
  sex: '',
  phone: '',
  address: '',
  addressUnit: null,
  channel: 'in_person',
  documents: [],
  attachments: [],
  notes: '',
  dueDate: '',
});

/** The checklist for a procedure: the documents to bring, nothing received yet, the "if it applies" ones marked. */
export function checklistFor(procedure: Procedure): ReceivedDocument[] {
  return procedure.documents
    .filter((d) => d.originals + d.copies > 0)
    .map((d) => ({
      name: d.name,
      originalsExpected: d.originals,
      copiesExpected: d.copies,
      originalsReceived: 0,
      copiesReceived: 0,
      conditional: isConditionalDocument(d),
    }));
}

/**
 * A saved file back in the form, to fix and resend it. Documents saved before the checklist knew
 * which ones are "only if it applies" get that from the procedure (or their name).
 */
export function draftFromRecord(file: FileRecord, procedure: Procedure | undefined): RegisterDraft {
  const conditional = (d: ReceivedDocument) =>
    d.conditional ?? isConditionalDocument(procedure?.documents.find((p) => p.name === d.name) ?? { name: d.name, group: null });
  return {
    procedureCode: file.procedureCode,
    fullName: file.citizen.fullName,
    birthDate: formatDayMonthYear(file.citizen.birthDate),
    idNumber: file.citizen.idNumber,
    sex: file.citizen.sex ?? '',
    phone: file.citizen.phone ?? '',
    address: file.citizen.address ?? '',
    addressUnit: file.citizen.addressUnit ?? null,
    channel: file.channel,
    documents: file.documents.map((d) => ({ ...d, conditional: conditional(d) })),
    // The file's scans are on the device already: only their references come back to the form.
    attachments: file.attachments.map((ref) => ({ ref, blob: null })),
    notes: file.notes ?? '',
    dueDate: file.dueAtSetByStaff && file.dueAt ? formatDayMonthYear(vietnamToday(new Date(file.dueAt))) : '',
  };
}

/** Fills the citizen from a scanned card, replacing what was typed: the card is the better source. */
export function applyCard(draft: RegisterDraft, card: CccdData): RegisterDraft {
  return {
    ...draft,
    idNumber: card.idNumber,
    fullName: card.fullName,
    birthDate: formatDayMonthYear(card.birthDate),
    sex: card.sex,
    address: card.address,
    // The unit was picked for the text it replaces.
    addressUnit: null,
  };
}

const PHONE = /^(\+84|0)\d{9,10}$/;

export function normalisePhone(phone: string): string {
  return phone.replace(/[\s.-]/g, '');
}

/**
 * What goes into the ID field: digits only, whatever the paste held around them ("001 090 012 345",
 * "001-090-012345"). Nothing is cut off, so a wrong length is shown, never silently shortened.
 */
export function idDigits(typed: string): string {
  return typed.replace(/\D/g, '');
}

/** A message, with params only when there are some (so equal messages compare equal). */
const message = (key: string, params?: FieldMessage['params']): FieldMessage => (params ? { key, params } : { key });

export function validateDraft(draft: RegisterDraft, procedure: Procedure | undefined, context: DraftContext): Result<ValidDraft, FieldErrors> {
  const errors: FieldErrors = {};
  if (!procedure) errors.procedure = { key: 'counter.errors.procedure' };

  let due: { dueAt: string | null; setByStaff: boolean } = { dueAt: null, setByStaff: false };
  if (procedure && context.due.kind === 'computed') due = { dueAt: context.due.due.due.toISOString(), setByStaff: false };
  else if (procedure && context.due.kind === 'staff') {
    const chosen = checkStaffDueDate(draft.dueDate, context.receivedAt, context.calendar);
    if (chosen.ok) due = { dueAt: chosen.value.dueAt.toISOString(), setByStaff: true };
    // A named holiday gets the message that names it (i18next context "named").
    else errors.dueDate = message(`counter.errors.due.${chosen.error.problem}`, chosen.error.params?.name ? { ...chosen.error.params, context: 'named' } : chosen.error.params);
  }

  const fullName = checkFullName(draft.fullName);
  if (!fullName.ok) errors.fullName = message(`counter.errors.text.${fullName.error.problem}`, fullName.error.params);

  let birthDate: string | undefined;
  const birthText = parseDayMonthYear(draft.birthDate);
  if (!birthText.ok) errors.birthDate = { key: `counter.errors.birth.${birthText.error}` };
  else {
    const checked = checkBirthDate(birthText.value, context.today);
    if (checked.ok) birthDate = checked.value;
    else errors.birthDate = message(`counter.errors.birth.${checked.error.problem}`, checked.error.params);
  }

  const id = draft.idNumber.trim();
  const idCheck = checkCitizenId(id, birthDate, draft.sex || null);
  if (!idCheck.ok) errors.idNumber = { key: `counter.errors.id.${idCheck.error.problem}` };
  const phone = normalisePhone(draft.phone);
  if (phone !== '' && !PHONE.test(phone)) errors.phone = { key: 'counter.errors.phone' };
  const address = checkAddress(draft.address);
  if (!address.ok) errors.address = message(`counter.errors.text.${address.error.problem}`, address.error.params);
  else if (draft.addressUnit && context.communes) {
    const unit = checkAddressUnit(draft.addressUnit, context.communes);
    if (!unit.ok) errors.address = message(`addressField.errors.${unit.error.problem}`, unit.error.params);
  }
  if (draft.notes.length > NOTES_MAX) errors.notes = { key: 'counter.errors.text.tooLong', params: { max: NOTES_MAX } };

  if (Object.keys(errors).length > 0 || !procedure || !fullName.ok || !address.ok || birthDate === undefined) return err(errors);
  return ok({
    procedureCode: procedure.code,
    procedureName: procedure.name,
    channel: draft.channel,
    citizen: {
      fullName: fullName.value,
      birthDate,
      idNumber: id,
      sex: draft.sex || null,
      phone: phone || null,
      address: address.value,
      ...(draft.addressUnit ? { addressUnit: draft.addressUnit } : {}),
    },
    documents: draft.documents,
    attachments: draft.attachments.map((a) => a.ref),
    scans: draft.attachments.flatMap((a) => (a.blob ? [{ ref: a.ref, blob: a.blob }] : [])),
    notes: draft.notes.trim() || null,
    dueAt: due.dueAt,
    ...(due.setByStaff ? { dueAtSetByStaff: true as const } : {}),
  });
}

/** The first field in screen order that has a message, for focusing and scrolling to it. */
export function firstInvalidField(errors: FieldErrors): DraftField | null {
  return DRAFT_FIELDS.find((f) => errors[f] !== undefined) ?? null;
}

const isMissing = (d: ReceivedDocument) => d.originalsReceived < d.originalsExpected || d.copiesReceived < d.copiesExpected;

/** Required documents still missing (fewer originals or copies than asked); "if it applies" ones never count. */
export function missingDocuments(documents: ReceivedDocument[]): ReceivedDocument[] {
  return documents.filter((d) => !d.conditional && isMissing(d));
}

/** True when the checklist has documents and not one of them was ticked: saving then asks first. */
export function nothingReceived(documents: ReceivedDocument[]): boolean {
  return documents.length > 0 && documents.every((d) => d.originalsReceived === 0 && d.copiesReceived === 0);
}

/** Where each part of the stored record is entered on the form (by path prefix: "procedure" covers procedureCode and procedureName). */
const STORED_PATHS: [prefix: string, field: DraftField][] = [
  ['citizen.fullName', 'fullName'],
  ['citizen.birthDate', 'birthDate'],
  ['citizen.idNumber', 'idNumber'],
  ['citizen.sex', 'sex'],
  ['citizen.phone', 'phone'],
  // Also covers citizen.addressUnit: the unit is picked in the address field.
  ['citizen.address', 'address'],
  ['procedure', 'procedure'],
  ['documents', 'documents'],
  ['attachments', 'attachments'],
  ['notes', 'notes'],
  ['dueAt', 'dueDate'],
];

/**
 * The form fields behind the record paths storage refused ("citizen.fullName", "attachments.2.name"),
 * so the message can name them instead of saying only "invalid data". Unknown paths give none.
 */
export function fieldsOfStoredPaths(paths: string[]): DraftField[] {
  const fields = paths.flatMap((path) => STORED_PATHS.filter(([prefix]) => path.startsWith(prefix)).map(([, f]) => f));
  return DRAFT_FIELDS.filter((f) => fields.includes(f));
}

/** The i18n key of each field's label, for messages that name fields. */
export const FIELD_LABEL_KEYS: Record<DraftField, string> = {
  procedure: 'counter.register.procedure',
  dueDate: 'counter.register.dueDate',
  documents: 'counter.register.documents',
  idNumber: 'counter.register.idNumber',
  fullName: 'counter.register.fullName',
  birthDate: 'counter.register.birthDate',
  sex: 'counter.register.sex',
  phone: 'counter.register.phone',
  address: 'counter.register.address',
  attachments: 'scans.field',
  notes: 'counter.register.notes',
};
