/**
 * Every API failure as one translation key (locales: `api.failure.*`, `api.refused.*`), so a screen,
 * the outbox and the status bar say the same thing in the staff's or the citizen's language, and
 * the server's English `reason` never reaches them. A refusal code this build does not know reads
 * as a plain "the server refused"; its English reason stays for the log and the English screen.
 */
import type { ApiFailure } from './apiClient.ts';

/** The server's refusal codes this build has words for (server/http/apiError.ts and the routes). */
export const KNOWN_REFUSALS = [
  // who is asking
  'unauthenticated',
  'unknown_device',
  'revoked_device',
  'wrong_enrolment_code',
  'forbidden',
  'admin_only',
  'route_not_declared',
  'lookup_code_required',
  // what was asked
  'invalid_request',
  'invalid_number',
  'missing_code',
  'invalid_code',
  'unknown_procedure',
  'illegal_transition',
  'not_found',
  'not_taught',
  'no_calendar',
  'no_admin_units',
  'conflict',
  'vocabulary_conflict',
  'center_list_conflict',
  'sequence_gap',
  'offset_mismatch',
  // how much
  'enrol_busy',
  'rate_limited',
  'FST_ERR_CTP_BODY_TOO_LARGE',
] as const;

/** The failure kinds as keys; `unauthorised` is a 401 refusal without a code of its own. */
export const FAILURE_WORDS = ['offline', 'timeout', 'server', 'invalid', 'refused', 'unauthorised'] as const;

const known = new Set<string>(KNOWN_REFUSALS);

export function failureKey(failure: ApiFailure): string {
  if (failure.kind !== 'refused') return `api.failure.${failure.kind}`;
  if (known.has(failure.code)) return `api.refused.${failure.code}`;
  return failure.status === 401 ? 'api.failure.unauthorised' : 'api.failure.refused';
}
