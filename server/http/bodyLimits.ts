/**
 * How much of a request body the server reads, per route. Fastify refuses a larger body with 413
 * before parsing it; a route that sets no limit gets the small default, so a forgotten limit costs
 * a few KB of memory, not 60 MB. Scans travel in their own chunked uploads (server/routes/uploads.ts),
 * so even the push is small.
 */
import { MAX_PUSH_BODY_BYTES } from '../../shared/sync/pushLimits.ts';

export const BODY_LIMITS = {
  /** Public and enrolment routes: a rating or an enrolment request is well under 1 KB. */
  public: 4 * 1024,
  /** Small device requests (a status change, a rating). */
  small: 16 * 1024,
  /** Any route that does not say. */
  default: 64 * 1024,
  /** POST /api/sync/push: records only (shared/sync/pushLimits.ts), each item at most 256 KB. */
  push: MAX_PUSH_BODY_BYTES,
} as const;
