/**
 * The queue as an append-only log of events. Each event gets its UUID where it is made (kiosk,
 * counter or server), so sending it twice changes nothing; each names the Vietnam day of the ticket
 * it acts on, since numbers start again every day. The reducer (reduceQueue.ts) reads the state from
 * these, and the figures (queueFigures.ts) read the times.
 */
import { z } from 'zod';
import { dayNumberFromIso } from '../calendar/civilDay.ts';
import { counterNumberSchema, priorityCategorySchema, serviceIdSchema } from './queueSettings.ts';
import { isTicketNumber } from './ticketNumber.ts';

export const queueDaySchema = z.string().refine((d) => dayNumberFromIso(d) !== null, 'must be a real date written YYYY-MM-DD');
export const ticketNumberSchema = z.string().max(20).refine(isTicketNumber, 'not a queue number (A023 or D03-A005)');

const base = {
  id: z.uuid(),
  /** When it happened, by the clock of the device (or server) that made it. */
  at: z.iso.datetime({ offset: true }),
  day: queueDaySchema,
};
const onTicket = { ...base, number: ticketNumberSchema, counter: counterNumberSchema };

/** Why a counter stops calling for a while. */
export const pauseReasonSchema = z.enum(['break', 'meeting', 'technical', 'other']);
export type PauseReason = z.infer<typeof pauseReasonSchema>;

export const queueEventSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('issue'),
    number: ticketNumberSchema,
    serviceId: serviceIdSchema,
    priority: priorityCategorySchema.nullable(),
    procedureCode: z.string().trim().min(1).max(40).nullable(),
    /** A pre-registration draft the clerk can open when the number is called. */
    draftId: z.uuid().nullable(),
    /** `server`: numbered by the server; `offline`: by a kiosk that could not reach it. */
    origin: z.enum(['server', 'offline']),
  }),
  /** Called by the server's "next" for a counter. */
  z.object({ ...onTicket, kind: z.literal('call') }),
  /** Called at a counter by the number typed by hand (the ticket may not have reached the server yet). */
  z.object({ ...onTicket, kind: z.literal('manual_call'), serviceId: serviceIdSchema.nullable() }),
  z.object({ ...onTicket, kind: z.literal('recall') }),
  z.object({ ...onTicket, kind: z.literal('no_show') }),
  z.object({ ...onTicket, kind: z.literal('start') }),
  z.object({ ...onTicket, kind: z.literal('finish') }),
  /** Back to waiting, for another service or for one counter (at least one of the two). */
  z
    .object({ ...onTicket, kind: z.literal('transfer'), toService: serviceIdSchema.nullable(), toCounter: counterNumberSchema.nullable() })
    .refine((e) => e.toService !== null || e.toCounter !== null, 'a transfer names a service or a counter'),
  z.object({ ...base, kind: z.literal('pause'), counter: counterNumberSchema, reason: pauseReasonSchema, note: z.string().trim().max(200).nullable() }),
  z.object({ ...base, kind: z.literal('resume'), counter: counterNumberSchema }),
  /**
   * A kiosk's issue request whose answer never came (the kiosk printed an offline number instead):
   * if the server did give a number for it, that number goes unused.
   */
  z.object({ ...base, kind: z.literal('void_issue'), issueId: z.uuid() }),
]);
export type QueueEvent = z.infer<typeof queueEventSchema>;
export type QueueEventKind = QueueEvent['kind'];
export type QueueEventOf<K extends QueueEventKind> = Extract<QueueEvent, { kind: K }>;

/** An event as the server stored it: its place in the center's log, who sent it, when it arrived. */
export const storedQueueEventSchema = z.intersection(
  queueEventSchema,
  z.object({ cursor: z.number().int().positive(), deviceId: z.string().nullable(), receivedAt: z.string() }),
);
export type StoredQueueEvent = QueueEvent & { cursor: number; deviceId: string | null; receivedAt: string };

/** Kinds a counter may send (call-next is the server's own `call`). */
export const COUNTER_EVENT_KINDS: ReadonlySet<QueueEventKind> = new Set(['manual_call', 'recall', 'no_show', 'start', 'finish', 'transfer', 'pause', 'resume']);
/** Kinds a kiosk may send: its offline numbers and the voiding of an unanswered request. */
export const KIOSK_EVENT_KINDS: ReadonlySet<QueueEventKind> = new Set(['issue', 'void_issue']);

/** The same event in the same words (a resend), field by field, whatever the key order. */
export function sameEvent(a: QueueEvent, b: QueueEvent): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function canonicalJson(event: QueueEvent): string {
  const record = event as unknown as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.keys(record).filter((k) => k !== 'cursor' && k !== 'deviceId' && k !== 'receivedAt').sort().map((k) => [k, record[k]])));
}
