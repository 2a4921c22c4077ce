/**
 * The holiday table as data: its schema and how it is read from JSON. Apart from the working
 * calendar (holidayTable.ts), so what only checks a table (the sync protocol, a kiosk) does not
 * load the lunar calendar the statutory rules are computed with.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result.ts';
import { dayNumberFromIso, weekdayOf } from './civilDay.ts';

export const holidayKindSchema = z.enum([
  'statutory_holiday',
  'weekly_rest_day',
  'compensatory_day_off',
  'swapped_day_off',
  'make_up_working_day',
  'proposed_holiday',
]);
export type HolidayKind = z.infer<typeof holidayKindSchema>;

export const holidayStatusSchema = z.enum(['official', 'official_unverified', 'estimated', 'proposed_pending_law']);
export type HolidayStatus = z.infer<typeof holidayStatusSchema>;

export const holidayDaySchema = z.object({
  date: z.string().refine((d) => dayNumberFromIso(d) !== null, 'date must be a real YYYY-MM-DD date'),
  name: z.string().min(1).max(300),
  kind: holidayKindSchema,
  status: holidayStatusSchema,
  note: z.string().max(2000).nullable().optional(),
});
export type HolidayDay = z.infer<typeof holidayDaySchema>;

/** The serialisable table as stored and synced. Unknown keys (meta, lunar_key_dates…) are dropped. */
export const holidayTableSchema = z
  .object({
    /** Changes whenever admins publish a new table; devices keep the newest. */
    version: z.string().min(1).max(100),
    /** Years the table speaks for in full; other years fall back to statutory rules. */
    years: z.array(z.number().int().min(1970).max(2199)).min(1),
    days: z.array(holidayDaySchema).max(2000),
  })
  .superRefine((table, ctx) => {
    const seen = new Set<string>();
    for (const [i, d] of table.days.entries()) {
      if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `${d.date} is listed twice` });
      seen.add(d.date);
      if (!table.years.includes(Number(d.date.slice(0, 4)))) {
        ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `${d.date} is outside the table's years` });
      }
      const weekday = weekdayOf(dayNumberFromIso(d.date) ?? 0);
      if (d.kind === 'make_up_working_day' && weekday !== 6 && weekday !== 0) {
        ctx.addIssue({ code: 'custom', path: ['days', i, 'kind'], message: `${d.date} is a make-up working day but not a weekend day` });
      }
    }
  });
export type HolidayTable = z.infer<typeof holidayTableSchema>;

/**
 * Reads a holiday table from JSON. Accepts the shared data file's shape too: without `version` it
 * uses `meta.dataset`, without `years` the years its days fall in.
 */
export function parseHolidayTable(json: unknown): Result<HolidayTable> {
  if (!json || typeof json !== 'object') return err('holiday table: not an object');
  const raw = json as { version?: unknown; years?: unknown; days?: unknown; meta?: { dataset?: unknown } };
  const days = Array.isArray(raw.days) ? raw.days : [];
  const candidate = {
    version: raw.version ?? (typeof raw.meta?.dataset === 'string' ? raw.meta.dataset : undefined),
    years:
      raw.years ??
      [...new Set(days.map((d: { date?: unknown }) => (typeof d?.date === 'string' ? Number(d.date.slice(0, 4)) : NaN)))].sort((a, b) => a - b),
    days: raw.days,
  };
  const parsed = holidayTableSchema.safeParse(candidate);
  if (!parsed.success) {
    return err(`holiday table: ${parsed.error.issues.slice(0, 3).map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  }
  return ok(parsed.data);
}
