/**
 * The center's recorded call clips, if it has put them in the web app's folder (`queue-voice/`,
 * served by the app's own static route like the app itself, so not a server route of API_PATHS):
 * the manifest read through the one API client (no token: the waiting-room screen has none), and
 * where each clip is for the audio element that plays it. No manifest is the usual case, not a
 * failure to show.
 */
import { clipManifestSchema, type ClipManifest } from '../../shared/queue/announcementWords.ts';
import type { Result } from '../../shared/result.ts';
import { createApiClient, type ApiFailure } from './apiClient.ts';

const VOICE_FOLDER = '/queue-voice/';

export function fetchClipManifest(serverUrl: string, fetchFn?: typeof fetch): Promise<Result<ClipManifest, ApiFailure>> {
  const api = createApiClient({ serverUrl, ...(fetchFn ? { fetchFn } : {}) });
  return api.send({ path: `${VOICE_FOLDER}manifest.json`, auth: false, weight: 'glance', schema: clipManifestSchema });
}

/** A clip's address; the manifest's file names are checked (letters, digits, dot, dash), so they stay in the folder. */
export const clipUrl = (serverUrl: string, file: string): string => new URL(`${VOICE_FOLDER}${encodeURIComponent(file)}`, serverUrl).href;
