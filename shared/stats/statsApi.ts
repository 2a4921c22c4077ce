/**
 * GET /api/stats (shared/sync/apiPaths.ts): the query the server takes and the figures it answers,
 * one schema for both ends (the server checks the query, the device checks the answer).
 */
import { z } from 'zod';
import { dayNumberFromIso } from '../calendar/civilDay.ts';
import type { CenterStats } from './centerStats.ts';

/** A year and a bit: a yearly report fits, a typo like 2205 does not scan the whole store. */
export const MAX_STATS_DAYS = 400;

const civilDate = z.string().refine((d) => dayNumberFromIso(d) !== null, 'must be a real date written YYYY-MM-DD');

/**
 * `from` is the first day, `to` the day after the last (as in shared/stats: July is
 * from=2025-07-01&to=2025-08-01); `location` narrows to one location of the center.
 */
export const statsQuerySchema = z
  .object({
    from: civilDate,
    to: civilDate,
    location: z.string().trim().min(1).max(40).optional(),
    groupBy: z.enum(['day', 'week']).default('day'),
  })
  .superRefine((q, ctx) => {
    const from = dayNumberFromIso(q.from);
    const to = dayNumberFromIso(q.to);
    if (from === null || to === null) return;
    if (to <= from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from (it is the day after the last day counted)' });
    else if (to - from > MAX_STATS_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `the period may be at most ${MAX_STATS_DAYS} days` });
  });

/** The figures' answer, checked on the device before anything is shown or kept. */
const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();
const figuresSchema = z.object({
  received: count,
  receivedInPerson: count,
  receivedOnline: count,
  receivedPostal: count,
  done: count,
  returned: count,
  early: count,
  onTime: count,
  overdue: count,
  withinPeriod: count,
  pendingOverdue: count,
  noDueDate: count,
  doneNoDueDate: count,
  pendingNoDueDate: count,
  rejected: count,
  withdrawn: count,
  rated: count,
  satisfied: count,
  onlineRate: rate,
  onTimeRate: rate,
  satisfactionRate: rate,
});
const groupSchema = figuresSchema.extend({ key: z.string(), label: z.string(), field: z.string().nullable() });

export const centerStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  total: figuresSchema,
  byCenter: z.array(groupSchema),
  byField: z.array(groupSchema),
  byProcedure: z.array(groupSchema),
  series: z.object({
    bucket: z.enum(['day', 'week']),
    points: z.array(z.object({ start: z.string(), received: count, online: count, done: count })),
  }),
}) satisfies z.ZodType<CenterStats>;
