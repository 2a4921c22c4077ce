/**
 * What the waiting room's screen shows, and all that leaves the server without a device token: per
 * counter the number it calls or serves, per service the next numbers. Numbers only: no priority
 * category, procedure or draft, since anyone in the room can read the screen.
 */
import { z } from 'zod';
import { waitingLine } from './callOrder.ts';
import { counterNumberSchema, serviceIdSchema, type QueueSettings } from './queueSettings.ts';
import type { StoredQueueEvent } from './queueEvents.ts';
import type { QueueState } from './reduceQueue.ts';

/** Next numbers shown per service. */
export const BOARD_NEXT = 5;

export const boardCounterSchema = z.object({
  number: counterNumberSchema,
  name: z.string(),
  status: z.enum(['idle', 'called', 'serving', 'paused']),
  ticket: z.string().nullable(),
  calledAt: z.string().nullable(),
});
export type BoardCounter = z.infer<typeof boardCounterSchema>;

export const queueBoardSchema = z.object({
  centerCode: z.string(),
  centerName: z.string(),
  day: z.string(),
  /** The last event the board includes. */
  cursor: z.number().int().nonnegative(),
  counters: z.array(boardCounterSchema),
  services: z.array(
    z.object({
      id: serviceIdSchema,
      prefix: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      waiting: z.number().int().nonnegative(),
      next: z.array(z.string()).max(BOARD_NEXT),
    }),
  ),
});
export type QueueBoard = z.infer<typeof queueBoardSchema>;

/** A number called to a counter, for the chime and the voice. */
export const callAnnouncementSchema = z.object({
  cursor: z.number().int().positive(),
  number: z.string(),
  counter: counterNumberSchema,
  recall: z.boolean(),
  at: z.string(),
});
export type CallAnnouncement = z.infer<typeof callAnnouncementSchema>;

export function buildBoard(state: QueueState, settings: QueueSettings, center: { code: string; name: string }, cursor: number): QueueBoard {
  return {
    centerCode: center.code,
    centerName: center.name,
    day: state.day,
    cursor,
    counters: settings.counters.map((c) => {
      const held = state.counters.get(c.number);
      const ticket = held?.current ? (state.tickets.get(held.current) ?? null) : null;
      const status = ticket ? (ticket.status === 'serving' ? 'serving' : 'called') : held?.paused ? 'paused' : 'idle';
      return { number: c.number, name: c.name, status, ticket: ticket?.number ?? null, calledAt: ticket?.lastCalledAt ?? null };
    }),
    services: settings.services.map((s) => {
      const line = waitingLine(state, settings, s.id);
      return { id: s.id, prefix: s.prefix, name: s.name, nameEn: s.nameEn, waiting: line.length, next: line.slice(0, BOARD_NEXT).map((t) => t.number) };
    }),
  };
}

/** The announcement a stored event makes, if it calls someone. */
export function announcementOf(event: StoredQueueEvent): CallAnnouncement | null {
  if (event.kind !== 'call' && event.kind !== 'manual_call' && event.kind !== 'recall') return null;
  return { cursor: event.cursor, number: event.number, counter: event.counter, recall: event.kind === 'recall', at: event.at };
}
