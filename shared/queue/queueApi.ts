/**
 * The queue's HTTP contract between devices and the center's server: request and answer schemas
 * (the server checks every body, devices every answer); the paths are API_PATHS.queue and the
 * public board's in shared/sync/apiPaths.ts. Devices send their own events with their UUIDs (idempotent); numbers and "call next" come from the server, in one transaction each.
 *
 * Who may call what (route `config.roles`): kiosks take numbers and send their offline ones;
 * counters call and send their counter's events; admins set up; the waiting-room screen reads the
 * public board, which carries numbers only (shared/queue/queueBoard.ts).
 */
import { z } from 'zod';
import { queueBoardSchema } from './queueBoard.ts';
import { queueDaySchema, storedQueueEventSchema, ticketNumberSchema } from './queueEvents.ts';
import { counterNumberSchema, priorityCategorySchema, queueSettingsSchema, serviceIdSchema, storedQueueSettingsSchema } from './queueSettings.ts';

// ---- settings ----------------------------------------------------------------------------------
export const queueSettingsResponseSchema = storedQueueSettingsSchema;
export type QueueSettingsResponse = z.infer<typeof queueSettingsResponseSchema>;

export const queueSettingsWriteSchema = z.object({
  settings: queueSettingsSchema,
  /** The revision the admin edited; another admin's save in between is a conflict (409). Null: first set-up. */
  baseRevision: z.number().int().positive().nullable(),
});
export type QueueSettingsWrite = z.input<typeof queueSettingsWriteSchema>;

// ---- numbers -----------------------------------------------------------------------------------
export const issueRequestSchema = z.object({
  /** The issue event's UUID: a resend (lost answer) gets the same number back. */
  id: z.uuid(),
  serviceId: serviceIdSchema,
  priority: priorityCategorySchema.nullable(),
  procedureCode: z.string().trim().min(1).max(40).nullable(),
  draftId: z.uuid().nullable(),
});
export type IssueRequest = z.infer<typeof issueRequestSchema>;

export const issuedTicketSchema = z.object({
  number: ticketNumberSchema,
  day: queueDaySchema,
  serviceId: serviceIdSchema,
  priority: priorityCategorySchema.nullable(),
  procedureCode: z.string().nullable(),
  draftId: z.string().nullable(),
  issuedAt: z.string(),
  origin: z.enum(['server', 'offline']),
  /** People before this number when it was given. */
  ahead: z.number().int().nonnegative(),
  /** Minutes until it is likely called; null when no open counter serves its service. */
  estimateMinutes: z.number().int().nonnegative().nullable(),
});
export type IssuedTicket = z.infer<typeof issuedTicketSchema>;

export const issueResponseSchema = z.object({ ticket: issuedTicketSchema, cursor: z.number().int().positive() });
export type IssueResponse = z.infer<typeof issueResponseSchema>;

// ---- call next ---------------------------------------------------------------------------------
export const nextRequestSchema = z.object({ id: z.uuid() });
export const nextParamsSchema = z.object({ counter: z.coerce.number().pipe(counterNumberSchema) });
/** `event` is the call, or null when nobody waits for this counter. */
export const nextResponseSchema = z.object({ event: storedQueueEventSchema.nullable() });
export type NextResponse = z.infer<typeof nextResponseSchema>;

// ---- device events -----------------------------------------------------------------------------
export const MAX_EVENTS_PER_PUSH = 200;
/** Items stay unknown here so one malformed event is refused alone, not the whole batch. */
export const eventsPushSchema = z.object({ events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_PUSH) });

/** `applied` now, `duplicate` already stored (a resend), `rejected` with a code (`queue.error.*`) and why. */
export const eventResultSchema = z.object({
  id: z.string(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  code: z.string().nullable(),
  reason: z.string().nullable(),
});
export type EventResult = z.infer<typeof eventResultSchema>;
export const eventsPushResponseSchema = z.object({ results: z.array(eventResultSchema) });

export const eventsQuerySchema = z.object({
  day: queueDaySchema.optional(),
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});
export const eventsPageSchema = z.object({
  day: queueDaySchema,
  /** The last cursor of this page (or `since` when it is empty). */
  cursor: z.number().int().nonnegative(),
  events: z.array(storedQueueEventSchema),
  more: z.boolean(),
});
export type EventsPage = z.infer<typeof eventsPageSchema>;

/** Server-sent event names on both streams. */
export const STREAM_EVENTS = { event: 'queue', board: 'board', call: 'call', day: 'day' } as const;

export const publicBoardSchema = queueBoardSchema;

// ---- figures -----------------------------------------------------------------------------------
export const MAX_FIGURE_DAYS = 400;
export const figuresQuerySchema = z.object({ from: queueDaySchema, to: queueDaySchema });

const group = z.object({
  key: z.string(),
  label: z.string(),
  tickets: z.number().int().nonnegative(),
  called: z.number().int().nonnegative(),
  served: z.number().int().nonnegative(),
  noShows: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  waitMinutesAvg: z.number().nullable(),
  waitMinutesMax: z.number().nullable(),
  serveMinutesAvg: z.number().nullable(),
});
export const queueFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: group,
  byService: z.array(group),
  byCounter: z.array(group),
  byHour: z.array(group),
  byDay: z.array(group),
});
