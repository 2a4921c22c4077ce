/**
 * Learning over HTTP (shared/learning): a kiosk sends its searches through the sync client's
 * request (timeouts, schema-checked answers); every device pulls the taught vocabulary with its
 * ETag; an admin's device lists, teaches and takes back. Every outcome is a value, and a refusal
 * keeps its code so the admin screen can say what to change.
 */
import { centerVocabularySchema, type CenterVocabulary } from '../../shared/learning/centerVocabulary.ts';
import {
  taughtAnswerSchema,
  teachAnswerSchema,
  teachProblemSchema,
  unmatchedAnswerSchema,
  type TaughtAnswer,
  type TeachAnswer,
  type TeachProblem,
  type TeachRequest,
  type UnmatchedAnswer,
} from '../../shared/learning/learningApi.ts';
import { LEARNING_PATHS, sessionUploadAnswerSchema, type SearchSession, type SessionUploadAnswer } from '../../shared/learning/searchSession.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { apiErrorSchema } from '../../shared/sync/protocol.ts';
import type { z } from 'zod';
import { request, type Timed } from './syncClient.ts';

export interface LearningLink {
  serverUrl: string;
  token: string;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
}

const fetchOf = (link: LearningLink) => link.fetchFn ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
const auth = (link: LearningLink) => ({ authorization: `Bearer ${link.token}` });

export function sendSearchSessions(link: LearningLink, sessions: SearchSession[]): Promise<Timed<SessionUploadAnswer>> {
  return request(
    {
      url: new URL(LEARNING_PATHS.sessions, link.serverUrl).href,
      init: { method: 'POST', headers: { ...auth(link), 'content-type': 'application/json' }, body: JSON.stringify({ sessions }) },
      timeoutMs: link.timeoutMs ?? 20_000,
      schema: sessionUploadAnswerSchema,
    },
    fetchOf(link),
    () => performance.now(),
  );
}

export type LearningError =
  /** No answer: the link is down. */
  | { kind: 'offline'; reason: string }
  /** 401: the token is unknown or revoked. */
  | { kind: 'unauthorised'; reason: string }
  /** 403: this device may not (not a center admin's device). */
  | { kind: 'forbidden'; reason: string }
  /** 400 with a teaching problem: what to change (code, subject). */
  | { kind: 'refused'; problem: TeachProblem }
  /** 409: another admin changed the vocabulary meanwhile. */
  | { kind: 'conflict'; reason: string }
  | { kind: 'not_found'; reason: string }
  /** Any other refusal or failure, or an answer that does not fit. */
  | { kind: 'server'; reason: string };

async function call<T>(link: LearningLink, path: string, init: RequestInit, schema: z.ZodType<T>): Promise<Result<T, LearningError>> {
  let response: Response;
  try {
    response = await fetchOf(link)(new URL(path, link.serverUrl).href, {
      ...init,
      headers: { ...auth(link), ...(init.body ? { 'content-type': 'application/json' } : {}) },
      cache: 'no-store',
      signal: AbortSignal.timeout(link.timeoutMs ?? 30_000),
    });
  } catch (e) {
    return err({ kind: 'offline', reason: `cannot reach the server (${(e as Error).message})` });
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // An answer without JSON is judged by its status below.
  }
  if (response.ok) {
    const parsed = schema.safeParse(json);
    return parsed.success ? ok(parsed.data) : err({ kind: 'server', reason: `unexpected answer from ${path}` });
  }
  const problem = teachProblemSchema.safeParse(json);
  if (response.status === 400 && problem.success) return err({ kind: 'refused', problem: problem.data });
  const apiError = apiErrorSchema.safeParse(json);
  const reason = apiError.success ? apiError.data.reason : `HTTP ${response.status}`;
  if (response.status === 401) return err({ kind: 'unauthorised', reason });
  if (response.status === 403) return err({ kind: 'forbidden', reason });
  if (response.status === 404) return err({ kind: 'not_found', reason });
  if (response.status === 409) return err({ kind: 'conflict', reason });
  return err({ kind: 'server', reason });
}

export const fetchUnmatched = (link: LearningLink, limit = 50): Promise<Result<UnmatchedAnswer, LearningError>> =>
  call(link, `${LEARNING_PATHS.unmatched}?limit=${limit}`, { method: 'GET' }, unmatchedAnswerSchema);

export const fetchTaught = (link: LearningLink): Promise<Result<TaughtAnswer, LearningError>> => call(link, LEARNING_PATHS.taught, { method: 'GET' }, taughtAnswerSchema);

export const teachPhrase = (link: LearningLink, body: TeachRequest): Promise<Result<TeachAnswer, LearningError>> =>
  call(link, LEARNING_PATHS.taught, { method: 'POST', body: JSON.stringify(body) }, teachAnswerSchema);

export const takeBackPhrase = (link: LearningLink, id: string): Promise<Result<{ version: number }, LearningError>> =>
  call(link, LEARNING_PATHS.taughtEntry(id), { method: 'DELETE' }, taughtAnswerSchema.pick({ version: true }));

export type VocabularyPull = { status: 'unchanged' } | { status: 'changed'; vocabulary: CenterVocabulary; etag: string | null };

/** The center's vocabulary if it differs from the one held (`etag`); 304 is `unchanged`. */
export async function fetchVocabulary(link: LearningLink, etag: string | null): Promise<Result<VocabularyPull, LearningError>> {
  let response: Response;
  try {
    response = await fetchOf(link)(new URL(LEARNING_PATHS.vocabulary, link.serverUrl).href, {
      headers: { ...auth(link), ...(etag ? { 'if-none-match': etag } : {}) },
      cache: 'no-store',
      signal: AbortSignal.timeout(link.timeoutMs ?? 20_000),
    });
  } catch (e) {
    return err({ kind: 'offline', reason: `cannot reach the server (${(e as Error).message})` });
  }
  if (response.status === 304) return ok({ status: 'unchanged' });
  if (response.status === 401) return err({ kind: 'unauthorised', reason: 'the device token is not accepted' });
  if (response.status === 403) return err({ kind: 'forbidden', reason: 'this device may not read the vocabulary' });
  if (response.status === 404) return err({ kind: 'not_found', reason: 'the server has no vocabulary route (an older server)' });
  if (!response.ok) return err({ kind: 'server', reason: `HTTP ${response.status}` });
  try {
    const parsed = centerVocabularySchema.safeParse(await response.json());
    if (!parsed.success) return err({ kind: 'server', reason: `the vocabulary does not fit its schema: ${parsed.error.issues[0]?.message ?? ''}` });
    return ok({ status: 'changed', vocabulary: parsed.data, etag: response.headers.get('etag') });
  } catch {
    return err({ kind: 'server', reason: 'the vocabulary is not JSON' });
  }
}
