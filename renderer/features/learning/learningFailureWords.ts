/**
 * A failed learning request in the admin's words: a teaching problem says what to change, the
 * refusals this screen gives meaning to have their own sentence, anything else the API's word.
 */
import type { TFunction } from 'i18next';
import type { ApiFailure } from '../../sync/apiClient.ts';
import { failureKey } from '../../sync/apiFailureKey.ts';
import { teachProblemOf } from '../../sync/learningClient.ts';

export function learningFailureWords(failure: ApiFailure, t: TFunction): string {
  const problem = teachProblemOf(failure);
  if (problem) return t(`learning.problem.${problem.code}`, { subject: problem.subject ?? '' });
  if (failure.kind === 'offline' || failure.kind === 'timeout') return t('learning.error.offline');
  if (failure.kind === 'refused') {
    if (failure.status === 401) return t('learning.error.unauthorised');
    if (failure.status === 403) return t('learning.error.forbidden');
    if (failure.status === 404) return t('learning.error.not_found');
    if (failure.status === 409) return t('learning.error.conflict');
  }
  return t(failureKey(failure));
}
