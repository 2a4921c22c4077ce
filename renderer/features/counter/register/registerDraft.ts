/**
 * The registration form's state and its checks. Pure: every message is an i18n key (with
 * params) shown next to its field, so the same rules run in tests without a browser.
 */
import type { Procedure } from '../../../../shared/catalog/procedure.ts';
import { checkCitizenId } from '../../../../shared/citizen/citizenId.ts';
import type { CccdData } from '../../../../shared/citizen/cccdQr.ts';
import type { FileChannel, ReceivedDocument } from '../../../../shared/files/fileRecord.ts';
import type { ScanRef } from '../../../../shared/files/scan.ts';
import type { PreparedScan } from '../../../data/scanStore.ts';
import { err, ok, type Result } from '../../../../shared/result.ts';

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
  birthDate: string;
  idNumber: string;
  sex: 'male' | 'female' | '';
  phone: string;
  address: string;
  channel: FileChannel;
  documents: ReceivedDocument[];
  attachments: DraftScan[];
  notes: string;
}

export type DraftField = 'procedure' | 'fullName' | 'birthDate' | 'idNumber' | 'sex' | 'phone' | 'address' | 'documents' | 'notes';
export interface FieldMessage {
  key: string;
  params?: Record<string, string | number>;
}
export type FieldErrors = Partial<Record<DraftField, FieldMessage>>;

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
  };
  documents: ReceivedDocument[];
  /** The record's references to its scans. */
  attachments: ScanRef[];
  /** The bytes of the scans picked on this form, stored with the record. */
  scans: PreparedScan[];
  notes: string | null;
}

export const emptyDraft = (): RegisterDraft => ({
  procedureCode: null,
  fullName: '',
  birthDate: '',
  idNumber: '',
  sex: '',
  phone: '',
  address: '',
  channel: 'in_person',
  documents: [],
  attachments: [],
  notes: '',
});

/** The checklist for a procedure: the documents to bring, nothing received yet. */
export function checklistFor(procedure: Procedure): ReceivedDocument[] {
  return procedure.documents
    .filter((d) => d.originals + d.copies > 0)
    .map((d) => ({
      name: d.name,
      originalsExpected: d.originals,
      copiesExpected: d.copies,
      originalsReceived: 0,
      copiesReceived: 0,
    }));
}

/** Fills the citizen from a scanned card, replacing what was typed: the card is the better source. */
export function applyCard(draft: RegisterDraft, card: CccdData): RegisterDraft {
  return { ...draft, idNumber: card.idNumber, fullName: card.fullName, birthDate: card.birthDate, sex: card.sex, address: card.address };
}

const PHONE = /^(\+84|0)\d{9,10}$/;

export function normalisePhone(phone: string): string {
  return phone.replace(/[\s.-]/g, '');
}

export function validateDraft(draft: RegisterDraft, procedure: Procedure | undefined, today: string): Result<ValidDraft, FieldErrors> {
  const errors: FieldErrors = {};
  if (!procedure) errors.procedure = { key: 'counter.errors.procedure' };
  const fullName = draft.fullName.trim().replace(/\s+/g, ' ');
  if (fullName.length < 2) errors.fullName = { key: 'counter.errors.fullName' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.birthDate) || Number.isNaN(Date.parse(draft.birthDate))) {
    errors.birthDate = { key: 'counter.errors.birthDate' };
  } else if (draft.birthDate > today) {
    errors.birthDate = { key: 'counter.errors.birthDateFuture' };
  }
  const id = draft.idNumber.trim();
  const idCheck = checkCitizenId(id, errors.birthDate ? undefined : draft.birthDate, draft.sex || null);
  if (!idCheck.ok) errors.idNumber = { key: `counter.errors.id.${idCheck.error.problem}` };
  const phone = normalisePhone(draft.phone);
  if (phone !== '' && !PHONE.test(phone)) errors.phone = { key: 'counter.errors.phone' };
  if (draft.address.length > 300) errors.address = { key: 'counter.errors.tooLong', params: { max: 300 } };
  if (draft.notes.length > 2000) errors.notes = { key: 'counter.errors.tooLong', params: { max: 2000 } };
  if (Object.keys(errors).length > 0 || !procedure) return err(errors);
  return ok({
    procedureCode: procedure.code,
    procedureName: procedure.name,
    channel: draft.channel,
    citizen: {
      fullName,
      birthDate: draft.birthDate,
      idNumber: id,
      sex: draft.sex || null,
      phone: phone || null,
      address: draft.address.trim() || null,
    },
    documents: draft.documents,
    attachments: draft.attachments.map((a) => a.ref),
    scans: draft.attachments.flatMap((a) => (a.blob ? [{ ref: a.ref, blob: a.blob }] : [])),
    notes: draft.notes.trim() || null,
  });
}

/** Documents still missing (fewer originals or copies received than the procedure asks for). */
export function missingDocuments(documents: ReceivedDocument[]): ReceivedDocument[] {
  return documents.filter((d) => d.originalsReceived < d.originalsExpected || d.copiesReceived < d.copiesExpected);
}
