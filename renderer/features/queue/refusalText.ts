/**
 * A refusal code from the queue (the reducer's or the server's `queue.error.*`, a settings check's
 * `queue.settings.error.*`) in the reader's language; any other code is named in a general sentence.
 */
import type { TFunction } from 'i18next';

const QUEUE_CODE = /^queue\.(error|settings\.error)\.[A-Za-z]+$/;

export function refusalText(t: TFunction, code: string, reason?: string | null): string {
  if (QUEUE_CODE.test(code)) return t(code, { defaultValue: t('queue.error.other', { code, reason: reason ?? '' }) });
  if (code === 'forbidden' || code === 'http_403') return t('queue.error.forbidden');
  return t('queue.error.other', { code, reason: reason ?? '' });
}
