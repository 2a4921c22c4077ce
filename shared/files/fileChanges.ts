/**
 * What happens to a file after its registration besides its status: a correction of what was
 * registered, a new due date, the fee paid. Each is stamped (who, when, where); a correction and a
 * new due date need a written reason. The counter checks a change with these functions before it
 * saves it, the server checks it again before applying it, so both refuse for the same reason.
 */
import { z } from 'zod';
import { FILE_TIME_RULES } from './fileChecks.ts';
import { err, ok, type Result } from '../result.ts';
import { fileRecordSchema, type FileStatus } from './fileRecord.ts';
import { isFinalStatus, statusStampSchema } from './lifecycle.ts';

/** Who made the change, when and where (the lifecycle's stamp without its note). */
export const changeStampSchema = statusStampSchema.pick({ who: true, when: true, where: true });
export type ChangeStamp = z.infer<typeof changeStampSchema>;

/** A written reason; emptiness is checked by the functions below so it is refused with its own code. */
const reasonSchema = z.string().max(500);

/** The parts of a registration staff may correct; the number, reception and scans never change. */
export const correctableSchema = fileRecordSchema.pick({
  procedureCode: true,
  procedureName: true,
  channel: true,
  citizen: true,
  documents: true,
  notes: true,
});
export type Correctable = z.infer<typeof correctableSchema>;

/** `file.update`: the corrected parts, as a whole, and why. The server keeps the version it replaces. */
export const fileCorrectionPayloadSchema = z.object({
  fileId: z.uuid(),
  changes: correctableSchema,
  reason: reasonSchema,
  stamp: changeStampSchema,
});
export type FileCorrectionPayload = z.infer<typeof fileCorrectionPayloadSchema>;

/** `file.due`: a new due date (an apology slip moves it too) and why. */
export const fileDuePayloadSchema = z.object({
  fileId: z.uuid(),
  dueAt: z.iso.datetime({ offset: true }),
  /** The date it replaces, as the device saw it (kept in the audit; null: there was none). */
  previousDueAt: z.iso.datetime({ offset: true }).nullable(),
  reason: reasonSchema,
  stamp: changeStampSchema,
});
export type FileDuePayload = z.infer<typeof fileDuePayloadSchema>;

/** The fee (phí, lệ phí) paid for a file: amount in đồng and the number of the receipt handed out. */
export const feePaymentSchema = z.object({
  amount: z.number().int().positive().max(1_000_000_000),
  receiptNo: z.string().trim().min(1).max(40),
  paidAt: z.iso.datetime({ offset: true }),
});
export type FeePayment = z.infer<typeof feePaymentSchema>;

/** `file.fee`: the fee was paid. Recorded once per file. */
export const fileFeePayloadSchema = z.object({
  fileId: z.uuid(),
  fee: feePaymentSchema,
  stamp: changeStampSchema,
});
export type FileFeePayload = z.infer<typeof fileFeePayloadSchema>;

export type FileChangeErrorCode =
  | 'fileChange.error.reasonRequired'
  | 'fileChange.error.closed'
  | 'fileChange.error.resultReady'
  | 'fileChange.error.dueNotAfterReception'
  | 'fileChange.error.sameDue'
  | 'fileChange.error.dueTooFar'
  | 'fileChange.error.badTime'
  | 'fileChange.error.feeAlreadyPaid'
  | 'fileChange.error.feeBeforeReception';

export interface FileChangeError {
  /** An i18n key the screen translates (and the server sends as the rejection's code). */
  reason: FileChangeErrorCode;
  /** The same in plain English, for logs and tests. */
  message: string;
}

/** What the checks need to know of the file as it stands. */
export interface FileFacts {
  status: FileStatus;
  receivedAt: string;
  dueAt: string | null;
  /** Whether a fee payment is already recorded. */
  feePaid: boolean;
}

const refuse = (reason: FileChangeErrorCode, message: string) => err<FileChangeError>({ reason, message });

function requiredReason(reason: string): Result<string, FileChangeError> {
  const trimmed = reason.trim();
  return trimmed.length === 0 ? refuse('fileChange.error.reasonRequired', 'the change needs a written reason') : ok(trimmed);
}

/** A correction: any file not closed yet (returned, rejected, withdrawn), with a reason. Gives the trimmed reason. */
export function checkCorrection(file: FileFacts, reason: string): Result<string, FileChangeError> {
  if (isFinalStatus(file.status)) return refuse('fileChange.error.closed', `a ${file.status} file cannot be corrected`);
  return requiredReason(reason);
}

/**
 * A new due date: only while the result is still owed (not done, not closed), strictly after the
 * reception, different from the current one, with a reason. Gives the date as ISO and the trimmed reason.
 */
export function checkDueChange(file: FileFacts, dueAt: string, reason: string): Result<{ dueAt: string; reason: string }, FileChangeError> {
  if (isFinalStatus(file.status)) return refuse('fileChange.error.closed', `a ${file.status} file has no due date to move`);
  if (file.status === 'done') return refuse('fileChange.error.resultReady', 'the result is ready: the due date no longer moves');
  const dueMs = Date.parse(dueAt);
  const receivedMs = Date.parse(file.receivedAt);
  if (Number.isNaN(dueMs) || Number.isNaN(receivedMs)) return refuse('fileChange.error.badTime', `"${dueAt}" is not a time`);
  if (dueMs <= receivedMs) return refuse('fileChange.error.dueNotAfterReception', 'the new due date must be after the file was received');
  // The bound a registration's due date has too (shared/files/fileChecks.ts): a year like 2099 is a typo.
  if (dueMs - receivedMs > FILE_TIME_RULES.maxDueAfterMs) return refuse('fileChange.error.dueTooFar', 'the new due date is more than 3 years after the file was received');
  if (file.dueAt !== null && Date.parse(file.dueAt) === dueMs) return refuse('fileChange.error.sameDue', 'the file is already due then');
  const why = requiredReason(reason);
  if (!why.ok) return why;
  return ok({ dueAt, reason: why.value });
}

/** A fee payment: once per file, not for a refused or withdrawn file, not before the reception. */
export function checkFee(file: FileFacts, fee: FeePayment): Result<FeePayment, FileChangeError> {
  if (file.status === 'rejected' || file.status === 'withdrawn') return refuse('fileChange.error.closed', `a ${file.status} file takes no fee`);
  if (file.feePaid) return refuse('fileChange.error.feeAlreadyPaid', 'a fee payment is already recorded for this file');
  const paidMs = Date.parse(fee.paidAt);
  if (Number.isNaN(paidMs)) return refuse('fileChange.error.badTime', `"${fee.paidAt}" is not a time`);
  if (paidMs < Date.parse(file.receivedAt)) return refuse('fileChange.error.feeBeforeReception', 'the fee cannot be paid before the file was received');
  return ok(fee);
}
