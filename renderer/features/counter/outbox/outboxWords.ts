/**
 * The outbox in the staff's words: what each entry does ("Tiếp nhận hồ sơ …", "Chuyển trạng thái:
 * Đang giải quyết") and why it has not gone through, translated from the server's rejection code or
 * the local failure's kind. The server's English reason is never shown to Vietnamese staff: a code
 * this build does not know gets a plain sentence of its own.
 */
import type { TFunction } from 'i18next';
import { isRejectionCode } from '../../../../shared/sync/rejectionCodes.ts';
import type { OutboxItem } from '../../../data/outbox.ts';

/** Keys of failures without a server's answer: this build's API vocabulary, and the one older builds stored. */
const FAILURE_PREFIXES = ['api.failure.', 'api.refused.', 'counter.outbox.failure.'];

/** What the entry does, e.g. "Chuyển trạng thái: Đang giải quyết". `day` formats a due date. */
export function describeEntry(item: Pick<OutboxItem, 'kind' | 'fileNumber' | 'toStatus' | 'dueAt'>, t: TFunction, day: (iso: string) => string): string {
  switch (item.kind) {
    case 'file.create':
      return t('counter.outbox.words.create', { number: item.fileNumber ?? '' });
    case 'file.status':
      return item.toStatus ? t('counter.outbox.words.status', { status: t(`status.${item.toStatus}`) }) : t('counter.outbox.words.statusUnknown');
    case 'file.cancel':
      return t('counter.outbox.words.cancel');
    case 'file.update':
      return t('counter.outbox.words.update');
    case 'file.due':
      return item.dueAt ? t('counter.outbox.words.due', { date: day(item.dueAt) }) : t('counter.outbox.words.dueUnknown');
    case 'file.fee':
      return t('counter.outbox.words.fee');
  }
}

/**
 * Why an entry is held back, in words: the translation of its code when it is one this build can
 * show, otherwise a sentence that says what to do. Null when there is nothing to explain.
 */
export function reasonWords(item: Pick<OutboxItem, 'state' | 'lastError' | 'lastErrorCode'>, t: TFunction, exists: (key: string) => boolean): string | null {
  if (item.state !== 'rejected' && item.lastError === null) return null;
  const code = item.lastErrorCode;
  const prefix = code === null ? undefined : FAILURE_PREFIXES.find((p) => code.startsWith(p));
  const known = code !== null && (prefix !== undefined ? /^[A-Za-z_]+$/.test(code.slice(prefix.length)) : isRejectionCode(code)) && exists(code);
  if (known) return t(code);
  return item.state === 'rejected' ? t('counter.outbox.reasonUnknown') : t('counter.outbox.failureUnknown');
}
