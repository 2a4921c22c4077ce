/**
 * One kiosk search as the kiosk records it and the server keeps it (90 days), so a center admin can
 * see what citizens look for and do not find. It carries no person: the query is scrubbed
 * (scrubQuery.ts) on the kiosk and again on the server, procedures are codes, a guidance flow is
 * its ids. Nothing typed at the counter is ever recorded: only the kiosk screen records, and the
 * server takes searches only from kiosk devices.
 *
 * Sending is idempotent by the session's id: a kiosk resends freely after a lost answer.
 */
import { z } from 'zod';
import { procedureCodeSchema } from '../catalog/procedure.ts';
import { MAX_QUERY_LENGTH } from './scrubQuery.ts';

import { SESSION_BATCH, SHOWN_RECORDED } from './searchSessionLimits.ts';

export { RETENTION_DAYS, SESSION_BATCH, SHOWN_RECORDED } from './searchSessionLimits.ts';

/**
 * chosen: the person opened a procedure (from the results or by browsing after them);
 * none: the search found nothing that answers the whole query, and the person left;
 * abandoned: it found answers, and the person left without opening one (home, idle reset).
 */
export const searchOutcomeSchema = z.enum(['chosen', 'none', 'abandoned']);
export type SearchOutcome = z.infer<typeof searchOutcomeSchema>;

/** The engine's verdict on the final query (shared/catalog/searchTypes.ts `kind`). */
export const searchFoundSchema = z.enum(['match', 'nearest', 'empty']);
export type SearchFound = z.infer<typeof searchFoundSchema>;

/**
 * A guidance flow used during the search, as the kiosk's address spells it: the flow id, then
 * "question=answer" steps (["khai-tu", "status=new"]). Null when no flow was used.
 */
export const flowPathSchema = z
  .array(z.string().regex(/^[a-z][a-z0-9-]{0,39}(=[a-z][a-z0-9-]{0,39})?$/, 'a flow id or a question=answer step'))
  .min(1)
  .max(12);

export const searchSessionSchema = z
  .object({
    /** Made by the kiosk; the server's key for exactly-once storage. */
    id: z.uuid(),
    /** The final query, scrubbed. */
    query: z.string().trim().min(1).max(MAX_QUERY_LENGTH),
    found: searchFoundSchema,
    /** Codes of the first results shown, in the order shown. */
    shown: z.array(procedureCodeSchema).max(SHOWN_RECORDED),
    outcome: searchOutcomeSchema,
    /** The procedure opened, when the outcome is `chosen`. */
    chosen: procedureCodeSchema.nullable(),
    flowPath: flowPathSchema.nullable(),
    language: z.enum(['vi', 'en']),
    /** When the search ended, by the kiosk's clock. */
    at: z.iso.datetime({ offset: true }),
  })
  .refine((s) => (s.outcome === 'chosen') === (s.chosen !== null), { message: 'a chosen procedure goes with the outcome "chosen", and only with it', path: ['chosen'] });
export type SearchSession = z.infer<typeof searchSessionSchema>;

/** Items are checked one by one on the server, so one bad session never refuses the others. */
export const sessionUploadSchema = z.object({
  sessions: z.array(z.unknown()).min(1).max(SESSION_BATCH),
});

/**
 * stored: kept now; duplicate: kept before (a resend); expired: older than the retention, not kept;
 * rejected: refused for good (reason says why): the kiosk does not send it again.
 */
export const sessionResultSchema = z.object({
  id: z.string(),
  status: z.enum(['stored', 'duplicate', 'expired', 'rejected']),
  reason: z.string().nullable(),
});
export type SessionResult = z.infer<typeof sessionResultSchema>;

export const sessionUploadAnswerSchema = z.object({ results: z.array(sessionResultSchema) });
export type SessionUploadAnswer = z.infer<typeof sessionUploadAnswerSchema>;
