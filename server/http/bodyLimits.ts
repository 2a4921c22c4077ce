/**
 * How much of a request body the server reads, per route. Fastify refuses a larger body with 413
 * before parsing it; a route that sets no limit gets the small default, so a forgotten limit costs
 * a few KB of memory, not 60 MB. The push carries scans inline, hence its own large limit.
 */
export const BODY_LIMITS = {
  /** Public and enrolment routes: a rating or an enrolment request is well under 1 KB. */
  public: 4 * 1024,
  /** Small device requests (a status change, a rating). */
  small: 16 * 1024,
  /** Any route that does not say. */
  default: 64 * 1024,
  /** POST /api/sync/push: attachments travel inline as base64 (up to 10 x 5 MB a file). */
  push: 64 * 1024 * 1024,
} as const;
