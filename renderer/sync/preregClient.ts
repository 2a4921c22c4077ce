/**
 * Pre-registrations over HTTP (shared/prereg) through the one API client: a kiosk sends a draft;
 * a counter or admin device reads one by id or by the code on the kiosk's slip.
 */
import { draftUploadAnswerSchema, storedDraftSchema, type DraftUploadAnswer, type PreregDraft, type StoredDraft } from '../../shared/prereg/preregDraft.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { createApiClient, type Answer } from './apiClient.ts';
import { timeoutsFrom } from './syncClient.ts';

export interface PreregLink {
  serverUrl: string;
  token: string;
  fetchFn?: typeof fetch;
  timeoutMs?: number;
}

function clientOf(link: PreregLink) {
  const timeouts = timeoutsFrom(link.timeoutMs);
  return createApiClient({ serverUrl: link.serverUrl, token: link.token, ...(link.fetchFn ? { fetchFn: link.fetchFn } : {}), ...(timeouts ? { timeouts } : {}) });
}

export const sendDraft = (link: PreregLink, draft: PreregDraft): Promise<Answer<DraftUploadAnswer>> =>
  clientOf(link).send({ method: 'POST', path: API_PATHS.prereg.drafts, json: draft, schema: draftUploadAnswerSchema });

export const fetchDraft = (link: PreregLink, id: string): Promise<Answer<StoredDraft>> => clientOf(link).send({ path: API_PATHS.prereg.draft.at(id), schema: storedDraftSchema });

export const fetchDraftByCode = (link: PreregLink, code: string): Promise<Answer<StoredDraft>> => clientOf(link).send({ path: API_PATHS.prereg.byCode.at(code), schema: storedDraftSchema });
