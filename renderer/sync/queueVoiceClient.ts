/**
 * The center's recorded call clips, if it has put them beside the app (API_PATHS.queueVoice): the
 * manifest through the one API client (no token: the waiting-room screen has none), and where each
 * clip is for the audio element that plays it. No manifest is the usual case, not a failure to show.
 */
import { clipManifestSchema, type ClipManifest } from '../../shared/queue/announcementWords.ts';
import type { Result } from '../../shared/result.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import { createApiClient, type ApiFailure } from './apiClient.ts';

export function fetchClipManifest(serverUrl: string, fetchFn?: typeof fetch): Promise<Result<ClipManifest, ApiFailure>> {
  const api = createApiClient({ serverUrl, ...(fetchFn ? { fetchFn } : {}) });
  return api.send({ path: API_PATHS.queueVoice.manifest, auth: false, weight: 'glance', schema: clipManifestSchema });
}

export const clipUrl = (serverUrl: string, file: string): string => new URL(API_PATHS.queueVoice.clip.at(file), serverUrl).href;
