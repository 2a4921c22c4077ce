/**
 * Auto-update decisions, pure: which devices take part in a staged rollout (a stable hash of the
 * device id against the release's percentage), and when to download and install — in the
 * background, and installed only while the app reports idle (never during a registration).
 */
import { createHash } from 'node:crypto';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

/** 0–99, the same for a device across runs and releases. */
export function rolloutBucket(deviceId: string): number {
  return createHash('sha256').update(`motcua-rollout:${deviceId}`).digest().readUInt32BE(0) % 100;
}

/** `stagingPercentage` from latest.yml (electron-builder's field); missing or invalid means everyone. */
export function isInRollout(deviceId: string, stagingPercentage: unknown): boolean {
  if (stagingPercentage === undefined || stagingPercentage === null) return true;
  const percent = Number(stagingPercentage);
  if (!Number.isFinite(percent)) return true;
  return rolloutBucket(deviceId) < Math.max(0, Math.min(100, percent));
}

export type UpdatePhase = 'none' | 'available' | 'downloading' | 'downloaded';

export interface UpdateSituation {
  phase: UpdatePhase;
  inRollout: boolean;
  /** Reported by the renderer over app:idle: no unsaved form, no registration in progress. */
  idle: boolean;
}

export function decideUpdate(s: UpdateSituation): 'wait' | 'download' | 'install' {
  if (!s.inRollout) return 'wait';
  if (s.phase === 'available') return 'download';
  if (s.phase === 'downloaded' && s.idle) return 'install';
  return 'wait';
}

/** The generic feed: explicit URL from the configuration or env, else the sync server's /updates/. */
export function updateFeedUrl(serverUrl: string, override: string | null | undefined): string {
  const base = override && override.length > 0 ? override : new URL(API_PATHS.updates, serverUrl).href;
  return base.endsWith('/') ? base : `${base}/`;
}
