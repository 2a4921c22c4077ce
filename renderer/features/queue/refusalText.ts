/**
 * A refusal code from the queue (the reducer's or the server's `queue.error.*`, a settings check's
 * `queue.settings.error.*`) in the reader's language; any other failure in the API client's one
 * vocabulary (`api.*`), so the server's English reason never reaches the screen.
 */
import type { TFunction } from 'i18next';
import type { ApiFailure } from '../../sync/apiClient.ts';
import { failureKey } from '../../sync/apiFailureKey.ts';

const QUEUE_CODE = /^queue\.(error|settings\.error)\.[A-Za-z]+$/;

export function refusalText(t: TFunction, code: string): string {
  if (QUEUE_CODE.test(code)) return t(code, { defaultValue: t('api.failure.refused') });
  return t(failureKey({ kind: 'refused', status: 400, code, reason: '', body: null }));
}

/** Any failure of a queue request: the queue's own refusals by their code, the rest as the API client words them. */
export function queueFailureText(t: TFunction, failure: ApiFailure): string {
  return failure.kind === 'refused' && QUEUE_CODE.test(failure.code) ? refusalText(t, failure.code) : t(failureKey(failure));
}
