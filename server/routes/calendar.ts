/**
 * The holiday table devices count working days with (public, like the catalog: it is published
 * law, and a kiosk needs it before it is enrolled). Revalidated with an ETag on the version.
 */
import type { FastifyInstance } from 'fastify';
import { type CalendarResponse } from '../../shared/sync/protocol.ts';
import { sendError } from '../http/apiError.ts';
import type { CalendarStore } from '../store/store.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

export const calendarEtag = (version: number) => `"calendar-${version}"`;

export function registerCalendarRoutes(app: FastifyInstance, store: CalendarStore): void {
  app.get(API_PATHS.calendar, { config: { roles: ['public'] } }, async (request, reply) => {
    const found = await store.currentHolidayTable();
    if (!found.ok) return sendError(reply, 503, 'storage', found.error.reason);
    if (!found.value) {
      return sendError(reply, 404, 'no_calendar', 'no holiday table on this server yet: devices count with the statutory rules (npm run calendar:import)');
    }
    const etag = calendarEtag(found.value.version);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const body: CalendarResponse = { version: found.value.version, importedAt: found.value.importedAt, table: found.value.table };
    return reply.header('etag', etag).header('cache-control', 'no-cache').send(body);
  });
}
