/**
 * The life of a file: which status may follow which, and the stamp (who, when, where) every change
 * carries into the audit log. Pure; the counter turns an accepted change into an outbox mutation.
 *
 *   received → processing ⇄ needs_supplement
 *   processing → done → returned
 *   received | processing | needs_supplement → rejected | withdrawn
 *
 * Rejecting a file or asking for more documents needs a written reason (the one-stop rules require
 * a "phiếu từ chối" / "phiếu yêu cầu bổ sung" that says why), so those changes need a `note`.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result.ts';
import { fileStatusSchema, type FileStatus } from './fileRecord.ts';

const NEXT: Record<FileStatus, readonly FileStatus[]> = {
  received: ['processing', 'rejected', 'withdrawn'],
  processing: ['needs_supplement', 'done', 'rejected', 'withdrawn'],
  needs_supplement: ['processing', 'rejected', 'withdrawn'],
  done: ['returned'],
  returned: [],
  rejected: [],
  withdrawn: [],
};

const NEEDS_REASON: ReadonlySet<FileStatus> = new Set(['rejected', 'needs_supplement']);

/** The statuses a file may move to next, in the order a worklist should offer them. */
export function allowedNext(status: FileStatus): readonly FileStatus[] {
  return NEXT[status];
}

/** Returned, rejected and withdrawn files never change again. */
export function isFinalStatus(status: FileStatus): boolean {
  return NEXT[status].length === 0;
}

export const statusStampSchema = z.object({
  who: z.object({ staffId: z.string().min(1), staffName: z.string().min(1) }),
  when: z.iso.datetime({ offset: true }),
  where: z.object({ centerCode: z.string().min(1).max(20), locationCode: z.string().max(40).nullable(), deviceId: z.string().min(1) }),
  /** Why: required when rejecting or asking for supplements, free otherwise. */
  note: z.string().trim().max(2000).nullable(),
});
/** Who changed a file's status, when and where: one line of the audit log. */
export type StatusStamp = z.infer<typeof statusStampSchema>;

/** A status change as it travels (outbox, audit log, status pull). */
export const statusChangeSchema = z.object({
  from: fileStatusSchema,
  to: fileStatusSchema,
  stamp: statusStampSchema,
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export type TransitionErrorCode =
  | 'fileStatus.error.sameStatus'
  | 'fileStatus.error.finalStatus'
  | 'fileStatus.error.notAllowed'
  | 'fileStatus.error.reasonRequired'
  | 'fileStatus.error.badStamp';

export interface TransitionError {
  /** An i18n key the screen translates. */
  reason: TransitionErrorCode;
  /** The same in plain English, for logs and tests. */
  message: string;
}

export interface StampInput {
  who: StatusStamp['who'];
  when: Date | string;
  where: StatusStamp['where'];
  note?: string | null;
}

const refuse = (reason: TransitionErrorCode, message: string) => err<TransitionError>({ reason, message });

/** Checks a status change and stamps it; an illegal one comes back with a reason, never thrown. */
export function transition(
  file: { status: FileStatus },
  to: FileStatus,
  input: StampInput,
): Result<{ status: FileStatus; change: StatusChange }, TransitionError> {
  const from = file.status;
  if (from === to) return refuse('fileStatus.error.sameStatus', `the file is already ${from}`);
  if (isFinalStatus(from)) return refuse('fileStatus.error.finalStatus', `a ${from} file cannot change status`);
  if (!NEXT[from].includes(to)) return refuse('fileStatus.error.notAllowed', `a ${from} file cannot become ${to}`);

  const note = input.note?.trim() || null;
  if (NEEDS_REASON.has(to) && note === null) return refuse('fileStatus.error.reasonRequired', `moving a file to ${to} needs a written reason`);

  const when = input.when instanceof Date ? (Number.isNaN(input.when.getTime()) ? '' : input.when.toISOString()) : input.when;
  const stamp = statusStampSchema.safeParse({ who: input.who, when, where: input.where, note });
  if (!stamp.success) {
    const detail = stamp.error.issues.slice(0, 2).map((x) => `${x.path.join('.')}: ${x.message}`).join('; ');
    return refuse('fileStatus.error.badStamp', `the change is not properly stamped (${detail})`);
  }
  return ok({ status: to, change: { from, to, stamp: stamp.data } });
}
