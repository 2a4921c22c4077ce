/**
 * The center list over HTTP (shared/centerList) through the one API client: pulling changes, and
 * an admin's save, whose refusals mean different things to the admin (not an admin device, someone
 * else's newer change, a value the server refused), each read here once.
 */
import {
  centerListChangesSchema,
  centerListConflictSchema,
  centerListWriteAnswerSchema,
  type CenterListChanges,
  type CenterListConflict,
  type CenterListWrite,
  type CenterListWriteAnswer,
} from '../../shared/centerList/centerList.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { createApiClient, type Answer, type ApiFailure } from './apiClient.ts';
import { timeoutsFrom } from './syncClient.ts';

export interface CenterListLink {
  serverUrl: string;
  token: string;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
}

function clientOf(link: CenterListLink) {
  const timeouts = timeoutsFrom(link.timeoutMs);
  return createApiClient({ serverUrl: link.serverUrl, token: link.token, ...(link.fetchFn ? { fetchFn: link.fetchFn } : {}), ...(timeouts ? { timeouts } : {}) });
}

export function fetchCenterListChanges(link: CenterListLink, since: number): Promise<Answer<CenterListChanges>> {
  return clientOf(link).send({ path: API_PATHS.centerList.changes, query: { since }, schema: centerListChangesSchema });
}

export function sendCenterListWrite(link: CenterListLink, body: CenterListWrite): Promise<Answer<CenterListWriteAnswer>> {
  return clientOf(link).send({ method: 'PUT', path: API_PATHS.centerList.write, json: body, schema: centerListWriteAnswerSchema });
}

/** Another admin changed these procedures since the version the edits were made on (409); else null. */
export function centerListConflictOf(failure: ApiFailure): CenterListConflict | null {
  if (failure.kind !== 'refused' || failure.code !== 'center_list_conflict') return null;
  const conflict = centerListConflictSchema.safeParse(failure.body);
  return conflict.success ? conflict.data : null;
}
