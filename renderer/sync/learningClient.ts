/**
 * Learning over HTTP (shared/learning) through the one API client: a kiosk sends its searches;
 * every device pulls the taught vocabulary with its ETag; an admin's device lists, teaches and
 * takes back. A teaching refusal keeps its problem (code, subject) so the admin screen can say
 * what to change.
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
import { sessionUploadAnswerSchema, type SearchSession, type SessionUploadAnswer } from '../../shared/learning/searchSession.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { createApiClient, type Answer, type ApiFailure, type Revalidated } from './apiClient.ts';
import { timeoutsFrom } from './syncClient.ts';

export interface LearningLink {
  serverUrl: string;
  token: string;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
}

function clientOf(link: LearningLink) {
  const timeouts = timeoutsFrom(link.timeoutMs);
  return createApiClient({ serverUrl: link.serverUrl, token: link.token, ...(link.fetchFn ? { fetchFn: link.fetchFn } : {}), ...(timeouts ? { timeouts } : {}) });
}

export const sendSearchSessions = (link: LearningLink, sessions: SearchSession[]): Promise<Answer<SessionUploadAnswer>> =>
  clientOf(link).send({ method: 'POST', path: API_PATHS.learning.sessions, json: { sessions }, schema: sessionUploadAnswerSchema });

export const fetchUnmatched = (link: LearningLink, limit = 50): Promise<Answer<UnmatchedAnswer>> =>
  clientOf(link).send({ path: API_PATHS.learning.unmatched, query: { limit }, schema: unmatchedAnswerSchema });

export const fetchTaught = (link: LearningLink): Promise<Answer<TaughtAnswer>> => clientOf(link).send({ path: API_PATHS.learning.taught, schema: taughtAnswerSchema });

export const teachPhrase = (link: LearningLink, body: TeachRequest): Promise<Answer<TeachAnswer>> =>
  clientOf(link).send({ method: 'POST', path: API_PATHS.learning.taught, json: body, schema: teachAnswerSchema });

export const takeBackPhrase = (link: LearningLink, id: string): Promise<Answer<{ version: number }>> =>
  clientOf(link).send({ method: 'DELETE', path: API_PATHS.learning.taughtEntry.at(id), schema: taughtAnswerSchema.pick({ version: true }) });

/** What to change when the server would not teach a phrase (400 `teach_refused`); else null. */
export function teachProblemOf(failure: ApiFailure): TeachProblem | null {
  if (failure.kind !== 'refused' || failure.code !== 'teach_refused') return null;
  const problem = teachProblemSchema.safeParse(failure.body);
  return problem.success ? problem.data : null;
}

/** The center's vocabulary if it differs from the one held (`etag`); 304 is `unchanged`. */
export const fetchVocabulary = (link: LearningLink, etag: string | null): Promise<Answer<Revalidated<CenterVocabulary>>> =>
  clientOf(link).revalidate({ path: API_PATHS.learning.vocabulary, schema: centerVocabularySchema }, etag);
