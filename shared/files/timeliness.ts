/**
 * Early / on time / overdue / within period, from a file's due date and its done/returned stamps,
 * compared by Vietnam civil day (the receipt promises a day):
 * - early: the result was ready (done, or returned if no done stamp) on a day before the due day;
 * - on_time: ready on the due day; overdue: ready after it, or not ready and `now` past the due moment;
 * - within_period: not ready yet and now <= due;
 * - no_due_date: the procedure's time was unknown, so no promise was made;
 * - closed: rejected or withdrawn before a result was ready, nothing was due.
 */
import { dayNumberOf } from '../calendar/civilDay.ts';
import type { FileStatus } from './fileRecord.ts';

export type Timeliness = 'early' | 'on_time' | 'overdue' | 'within_period' | 'no_due_date' | 'closed';

/** An instant as stored (ISO 8601 with offset) or as epoch milliseconds. */
export type Instant = string | number | Date;

export interface TimelinessInput {
  status: FileStatus;
  dueAt: Instant | null;
  doneAt: Instant | null;
  returnedAt: Instant | null;
}

/** Epoch ms of an instant; NaN when it cannot be read. */
export function instantMs(value: Instant): number {
  return typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
}

/**
 * The allocation-free core the figures use: times in epoch ms, NaN for "none".
 * `readyMs` is when the result was ready (done, else returned).
 */
export function timelinessOfMs(closed: boolean, dueMs: number, readyMs: number, nowMs: number): Timeliness {
  if (!Number.isNaN(readyMs)) {
    if (Number.isNaN(dueMs)) return 'no_due_date';
    const readyDay = dayNumberOf(readyMs);
    const dueDay = dayNumberOf(dueMs);
    return readyDay < dueDay ? 'early' : readyDay === dueDay ? 'on_time' : 'overdue';
  }
  if (closed) return 'closed';
  if (Number.isNaN(dueMs)) return 'no_due_date';
  return nowMs <= dueMs ? 'within_period' : 'overdue';
}

/** How a file stands against its due date at `now`. */
export function timelinessOf(file: TimelinessInput, now: Instant): Timeliness {
  const ready = file.doneAt ?? file.returnedAt;
  return timelinessOfMs(
    file.status === 'rejected' || file.status === 'withdrawn',
    file.dueAt === null ? NaN : instantMs(file.dueAt),
    ready === null ? NaN : instantMs(ready),
    instantMs(now),
  );
}
