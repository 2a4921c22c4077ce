/**
 * The kiosk's calls to the server: a file's state by its number and lookup code (public), and
 * sending a rating (with the kiosk's token when it is enrolled, so it counts for its center; else
 * the public route). Network trouble and refusals come back as values, never as exceptions.
 */
import { err, ok, type Result } from '../../shared/result.ts';
import type { RatingPayload } from '../../shared/sync/protocol.ts';
import { PUBLIC_PATHS, publicFileStatusSchema, type PublicFileStatus } from '../../shared/sync/publicApi.ts';

/** offline: no answer (no link, timeout); not_found / invalid_number: the server's word; server: anything else. */
export type LookupError = 'offline' | 'not_found' | 'invalid_number' | 'server';

const TIMEOUT_MS = 8_000;

export async function fetchFileStatus(serverUrl: string, number: string, lookupCode: string): Promise<Result<PublicFileStatus, LookupError>> {
  let response: Response;
  try {
    const url = new URL(PUBLIC_PATHS.fileStatus(encodeURIComponent(number), lookupCode), serverUrl).href;
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), cache: 'no-store' });
  } catch {
    return err('offline');
  }
  if (response.status === 404) return err('not_found');
  if (response.status === 400) return err('invalid_number');
  if (!response.ok) return err(response.status >= 500 ? 'offline' : 'server');
  try {
    const parsed = publicFileStatusSchema.safeParse(await response.json());
    return parsed.success ? ok(parsed.data) : err('server');
  } catch {
    return err('server');
  }
}

/** sent: the server has it (now or before); retry: try again later; refused: the server will never take it. */
export type SendRatingOutcome = 'sent' | 'retry' | 'refused';

/** Who sends: an enrolled device (its token; the rating is its center's) or an anonymous kiosk (the center it names, if any). */
export type RatingSender = { token: string } | { centerCode: string | null };

export async function sendRating(serverUrl: string, rating: RatingPayload, sender: RatingSender): Promise<SendRatingOutcome> {
  const enrolled = 'token' in sender;
  const url = new URL(enrolled ? PUBLIC_PATHS.deviceRatings : PUBLIC_PATHS.ratings, serverUrl);
  if (!enrolled && sender.centerCode) url.searchParams.set('center', sender.centerCode);
  try {
    const response = await fetch(url.href, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(enrolled ? { authorization: `Bearer ${sender.token}` } : {}) },
      body: JSON.stringify(rating),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.ok) return 'sent';
    // A 4xx other than a timeout or rate limit will not change on a resend.
    return response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429 ? 'refused' : 'retry';
  } catch {
    return 'retry';
  }
}
