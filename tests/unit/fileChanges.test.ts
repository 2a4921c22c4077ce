/**
 * The rules for changing a file after its registration (shared/files/fileChanges.ts), which the
 * counter applies before saving and the server again before applying, and their payload schemas.
 */
import { describe, expect, it } from 'vitest';
import { checkCorrection, checkDueChange, checkFee, fileDuePayloadSchema, fileFeePayloadSchema, type FileFacts } from '../../shared/files/fileChanges.ts';
import { isRejectionCode, SERVER_REJECTION_CODES } from '../../shared/sync/rejectionCodes.ts';
import { mutationKindSchema, mutationPayloadSchemas } from '../../shared/sync/protocol.ts';

const file: FileFacts = { status: 'processing', receivedAt: '2027-03-01T08:00:00+07:00', dueAt: '2027-03-04T17:00:00+07:00', feePaid: false };
const code = (r: { ok: boolean; error?: { reason: string } }) => (r.ok ? 'ok' : r.error!.reason);
const stamp = { who: { staffId: 's1', staffName: 'Lan' }, when: '2027-03-02T09:00:00+07:00', where: { centerCode: 'C', locationCode: null, deviceId: 'd' } };

describe('changing a file after registration', () => {
  it('moves a due date only forward of the reception, to a new date, with a reason, while the result is owed', () => {
    expect(checkDueChange(file, '2027-03-09T17:00:00+07:00', '  Chờ xác minh  ')).toEqual({ ok: true, value: { dueAt: '2027-03-09T17:00:00+07:00', reason: 'Chờ xác minh' } });
    expect(code(checkDueChange(file, '2027-03-01T08:00:00+07:00', 'x'))).toBe('fileChange.error.dueNotAfterReception');
    expect(code(checkDueChange(file, '2027-03-04T10:00:00Z', 'x'))).toBe('fileChange.error.sameDue');
    expect(code(checkDueChange(file, '2027-03-09T17:00:00+07:00', ' \n '))).toBe('fileChange.error.reasonRequired');
    // A year like 2099 is a typo: the same 3-year bound as a registration's due date.
    expect(code(checkDueChange(file, '2099-12-15T17:00:00+07:00', 'x'))).toBe('fileChange.error.dueTooFar');
    expect(code(checkDueChange(file, 'next week', 'x'))).toBe('fileChange.error.badTime');
    expect(code(checkDueChange({ ...file, status: 'done' }, '2027-03-09T17:00:00+07:00', 'x'))).toBe('fileChange.error.resultReady');
    expect(code(checkDueChange({ ...file, status: 'returned' }, '2027-03-09T17:00:00+07:00', 'x'))).toBe('fileChange.error.closed');
    expect(code(checkDueChange({ ...file, dueAt: null }, '2027-03-09T17:00:00+07:00', 'x'))).toBe('ok');
  });

  it('corrects any file not yet closed, with a reason', () => {
    expect(checkCorrection(file, ' Sai tên ')).toEqual({ ok: true, value: 'Sai tên' });
    expect(code(checkCorrection({ ...file, status: 'done' }, 'Sai tên'))).toBe('ok');
    expect(code(checkCorrection(file, ''))).toBe('fileChange.error.reasonRequired');
    for (const status of ['returned', 'rejected', 'withdrawn'] as const) expect(code(checkCorrection({ ...file, status }, 'x'))).toBe('fileChange.error.closed');
  });

  it('records a fee once, not before the reception, not for a refused file', () => {
    const fee = { amount: 8000, receiptNo: 'BL-1', paidAt: '2027-03-01T08:05:00+07:00' };
    expect(code(checkFee(file, fee))).toBe('ok');
    expect(code(checkFee({ ...file, status: 'returned' }, fee))).toBe('ok');
    expect(code(checkFee({ ...file, feePaid: true }, fee))).toBe('fileChange.error.feeAlreadyPaid');
    expect(code(checkFee(file, { ...fee, paidAt: '2027-03-01T07:59:00+07:00' }))).toBe('fileChange.error.feeBeforeReception');
    expect(code(checkFee({ ...file, status: 'rejected' }, fee))).toBe('fileChange.error.closed');
  });

  it('has a payload schema for each new kind that refuses what is malformed', () => {
    for (const kind of ['file.update', 'file.due', 'file.fee'] as const) {
      expect(mutationKindSchema.safeParse(kind).success).toBe(true);
      expect(mutationPayloadSchemas[kind]).toBeDefined();
    }
    const fileId = '5b0b7d0e-1a6e-4a53-9a43-0c1b3c4b5a6d';
    expect(fileDuePayloadSchema.safeParse({ fileId, dueAt: '2027-03-09T17:00:00+07:00', previousDueAt: null, reason: 'x', stamp }).success).toBe(true);
    expect(fileDuePayloadSchema.safeParse({ fileId, dueAt: '09/03/2027', previousDueAt: null, reason: 'x', stamp }).success).toBe(false);
    expect(fileDuePayloadSchema.safeParse({ fileId, dueAt: '2027-03-09T17:00:00+07:00', previousDueAt: null, reason: 'x'.repeat(501), stamp }).success).toBe(false);
    const fee = { amount: 8000, receiptNo: 'BL-1', paidAt: '2027-03-01T08:05:00+07:00' };
    expect(fileFeePayloadSchema.safeParse({ fileId, fee, stamp }).success).toBe(true);
    for (const bad of [{ amount: 0 }, { amount: 1.5 }, { receiptNo: '  ' }, { receiptNo: 'x'.repeat(41) }]) {
      expect(fileFeePayloadSchema.safeParse({ fileId, fee: { ...fee, ...bad }, stamp }).success).toBe(false);
    }
    expect(fileFeePayloadSchema.safeParse({ fileId, fee, stamp: { ...stamp, who: { staffId: '', staffName: 'x' } } }).success).toBe(false);
  });

  it('names every server refusal with a code shaped like a translation key, and nothing else passes as one', () => {
    expect(SERVER_REJECTION_CODES.every(isRejectionCode)).toBe(true);
    for (const bad of ['counter.title', 'syncReason.', 'syncReason.a b', '__proto__', 42, null]) expect(isRejectionCode(bad)).toBe(false);
  });
});
