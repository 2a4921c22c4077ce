/**
 * The kiosk's calls to the server through the one API client: a file's state by its number and
 * lookup code (public), and sending a rating (with the kiosk's token when it is enrolled, so it
 * counts for its center; else the public route with the file's lookup code). Outcomes are values
 * the kiosk turns into words for the citizen.
 */
import { err, ok, type Result } from '../../shared/result.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import type { RatingPayload } from '../../shared/sync/protocol.ts';
import { publicFileStatusSchema, ratingAnswerSchema, type PublicFileStatus } from '../../shared/sync/publicApi.ts';
import { createApiClient, mayRetry, noAnswer, type ApiFailure } from './apiClient.ts';

/**
 * Why a lookup gave no live answer. `offline`: no answer (no link, too slow); `server`: the server
 * failed or answered nonsense; `busy`: too many lookups from this kiosk; the rest are the server's
 * word about what was typed.
 */
export type LookupProblem = 'offline' | 'server' | 'busy' | 'not_found' | 'invalid_number' | 'invalid_code';

export function lookupProblemOf(failure: ApiFailure): LookupProblem {
  if (noAnswer(failure)) return 'offline';
  if (failure.kind !== 'refused') return 'server';
  if (failure.status === 404) return 'not_found';
  if (failure.status === 429) return 'busy';
  if (failure.code === 'invalid_number') return 'invalid_number';
  if (failure.code === 'missing_code' || failure.code === 'invalid_code') return 'invalid_code';
  return 'server';
}

export interface PublicLink {
  serverUrl: string;
  fetchFn?: typeof fetch;
}

const clientOf = (link: PublicLink, token: string | null = null) =>
  createApiClient({ serverUrl: link.serverUrl, token, ...(link.fetchFn ? { fetchFn: link.fetchFn } : {}) });

export async function fetchFileStatus(link: PublicLink, number: string, lookupCode: string): Promise<Result<PublicFileStatus, LookupProblem>> {
  // A citizen waits at the screen: a glance's time, then the last known answer.
  const answer = await clientOf(link).send({ path: API_PATHS.public.fileStatus.at(number), query: { code: lookupCode }, weight: 'glance', auth: false, schema: publicFileStatusSchema });
  return answer.ok ? ok(answer.value) : err(lookupProblemOf(answer.error));
}

/** sent: the server has it (now or before); retry: try again later; refused: the server will never take it. */
export type SendRatingOutcome = 'sent' | 'retry' | 'refused';

/** Who sends: an enrolled device (its token; the rating is its center's) or an anonymous kiosk (the center it names, if any). */
export type RatingSender = { token: string } | { centerCode: string | null };

export async function sendRating(link: PublicLink, rating: RatingPayload, sender: RatingSender): Promise<SendRatingOutcome> {
  const enrolled = 'token' in sender;
  const client = clientOf(link, enrolled ? sender.token : null);
  const answer = await client.send({
    method: 'POST',
    path: enrolled ? API_PATHS.ratings : API_PATHS.public.ratings,
    query: enrolled ? {} : { center: sender.centerCode },
    json: rating,
    schema: ratingAnswerSchema,
  });
  if (answer.ok) return 'sent';
  // A rating is stored once by its id, so resending after an answer we could not read is harmless.
  return mayRetry(answer.error) || answer.error.kind === 'invalid' ? 'retry' : 'refused';
}
