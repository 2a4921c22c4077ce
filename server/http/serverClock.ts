/**
 * The server's clock, one per app: file times are bounded by it and ratings are stamped with it.
 * Tests give the app a fixed clock (createApp's `now`), so a fixture dated 2027 is "today" there.
 */
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Now, by the server's clock. */
    serverNow(): Date;
  }
}

export function decorateServerClock(app: FastifyInstance, now: () => Date = () => new Date()): void {
  app.decorate('serverNow', now);
}
