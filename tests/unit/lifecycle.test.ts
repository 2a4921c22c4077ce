import { describe, expect, it } from 'vitest';
import type { FileStatus } from '../../shared/files/fileRecord.ts';
import { allowedNext, isFinalStatus, statusChangeSchema, transition, type StampInput } from '../../shared/files/lifecycle.ts';
import { timelinessOf } from '../../shared/files/timeliness.ts';

const stamp: StampInput = {
  who: { staffId: 'cb01', staffName: 'Nguyễn Thị Lan' },
  when: new Date('2026-03-02T09:15:00+07:00'),
  where: { centerCode: 'VB', locationCode: 'VB-1', deviceId: 'dev-1' },
};
const ALL: FileStatus[] = ['received', 'processing', 'needs_supplement', 'done', 'returned', 'rejected', 'withdrawn'];

describe('file life cycle', () => {
  it('walks a file from received to returned, stamping every change', () => {
    let status: FileStatus = 'received';
    for (const to of ['processing', 'needs_supplement', 'processing', 'done', 'returned'] as const) {
      const note = to === 'needs_supplement' ? 'Thiếu bản sao Giấy chứng sinh' : null;
      const r = transition({ status }, to, { ...stamp, note });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.change).toEqual({ from: status, to, stamp: { ...stamp, when: '2026-03-02T02:15:00.000Z', note } });
      expect(statusChangeSchema.safeParse(r.value.change).success).toBe(true);
      status = r.value.status;
    }
    expect(status).toBe('returned');
  });

  it('offers the next statuses a worklist may show', () => {
    expect(allowedNext('received')).toEqual(['processing', 'rejected', 'withdrawn']);
    expect(allowedNext('processing')).toEqual(['needs_supplement', 'done', 'rejected', 'withdrawn']);
    expect(allowedNext('needs_supplement')).toEqual(['processing', 'rejected', 'withdrawn']);
    expect(allowedNext('done')).toEqual(['returned']);
    expect(['returned', 'rejected', 'withdrawn'].every((s) => isFinalStatus(s as FileStatus))).toBe(true);
  });

  it('refuses every transition the machine does not allow, with a reason', () => {
    for (const from of ALL) {
      for (const to of ALL) {
        const r = transition({ status: from }, to, { ...stamp, note: 'lý do' });
        // Allowed moves succeed; every refusal carries a translatable reason.
        expect(r.ok ? 'allowed' : r.error.reason, `${from} → ${to}`).toMatch(allowedNext(from).includes(to) ? /^allowed$/ : /^fileStatus\.error\./);
      }
    }
  });

  it('says why: same status, a closed file, or a skipped step', () => {
    expect(transition({ status: 'processing' }, 'processing', stamp)).toMatchObject({ ok: false, error: { reason: 'fileStatus.error.sameStatus' } });
    expect(transition({ status: 'returned' }, 'processing', stamp)).toMatchObject({ ok: false, error: { reason: 'fileStatus.error.finalStatus', message: 'a returned file cannot change status' } });
    expect(transition({ status: 'received' }, 'done', stamp)).toMatchObject({ ok: false, error: { reason: 'fileStatus.error.notAllowed', message: 'a received file cannot become done' } });
    expect(transition({ status: 'done' }, 'withdrawn', stamp)).toMatchObject({ ok: false, error: { reason: 'fileStatus.error.notAllowed' } });
  });

  it('needs a written reason to reject a file or ask for more documents', () => {
    expect(transition({ status: 'processing' }, 'rejected', stamp)).toMatchObject({ ok: false, error: { reason: 'fileStatus.error.reasonRequired' } });
    expect(transition({ status: 'processing' }, 'needs_supplement', { ...stamp, note: '   ' })).toMatchObject({ ok: false, error: { reason: 'fileStatus.error.reasonRequired' } });
    expect(transition({ status: 'processing' }, 'rejected', { ...stamp, note: 'Không thuộc thẩm quyền' }).ok).toBe(true);
    expect(transition({ status: 'received' }, 'withdrawn', stamp).ok).toBe(true);
  });

  it('refuses a change without a proper stamp', () => {
    expect(transition({ status: 'received' }, 'processing', { ...stamp, who: { staffId: '', staffName: '' } })).toMatchObject({ ok: false, error: { reason: 'fileStatus.error.badStamp' } });
    expect(transition({ status: 'received' }, 'processing', { ...stamp, when: new Date(NaN) })).toMatchObject({ ok: false, error: { reason: 'fileStatus.error.badStamp' } });
    expect(transition({ status: 'received' }, 'processing', { ...stamp, when: 'yesterday' })).toMatchObject({ ok: false, error: { reason: 'fileStatus.error.badStamp' } });
  });
});

describe('timeliness', () => {
  const dueAt = '2026-03-06T17:00:00+07:00';
  const file = (doneAt: string | null, returnedAt: string | null = null, status: FileStatus = doneAt ? 'done' : 'processing') => ({ status, dueAt, doneAt, returnedAt });

  it('is early when the result is ready before the due day', () => {
    expect(timelinessOf(file('2026-03-05T16:59:00+07:00'), '2026-03-10T00:00:00+07:00')).toBe('early');
  });

  it('is on time when ready on the due day, even after closing', () => {
    expect(timelinessOf(file('2026-03-06T08:00:00+07:00'), '2026-03-10T00:00:00+07:00')).toBe('on_time');
    expect(timelinessOf(file('2026-03-06T23:59:00+07:00'), '2026-03-10T00:00:00+07:00')).toBe('on_time');
  });

  it('is overdue when ready after the due day, counted in Vietnam time', () => {
    expect(timelinessOf(file('2026-03-07T00:01:00+07:00'), '2026-03-10T00:00:00+07:00')).toBe('overdue');
    // 17:30 UTC on the 6th is already the 7th in Vietnam.
    expect(timelinessOf(file('2026-03-06T17:30:00Z'), '2026-03-10T00:00:00+07:00')).toBe('overdue');
  });

  it('uses the return stamp when no done stamp was recorded', () => {
    expect(timelinessOf(file(null, '2026-03-04T10:00:00+07:00', 'returned'), '2026-03-10T00:00:00+07:00')).toBe('early');
  });

  it('is within the period while not ready and now <= due, overdue after', () => {
    expect(timelinessOf(file(null), '2026-03-06T17:00:00+07:00')).toBe('within_period');
    expect(timelinessOf(file(null), '2026-03-06T17:01:00+07:00')).toBe('overdue');
  });

  it('has no verdict without a due date, and none for a rejected or withdrawn file', () => {
    expect(timelinessOf({ ...file(null), dueAt: null }, '2026-03-06T00:00:00+07:00')).toBe('no_due_date');
    expect(timelinessOf(file(null, null, 'rejected'), '2026-04-01T00:00:00+07:00')).toBe('closed');
    expect(timelinessOf(file(null, null, 'withdrawn'), '2026-04-01T00:00:00+07:00')).toBe('closed');
  });
});
