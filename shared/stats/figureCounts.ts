/**
 * The counts behind every figure, and the figures made from them. A center's figures count its files
 * one by one in JavaScript (centerStats.ts); a province's are counted by the database, per center and
 * field (server/store/figureCountsSql.ts), and summed here. Both end in figuresFromCounts, so the
 * rates and the order of groups are computed once, whoever counted.
 */
import { z } from 'zod';

/** Every count a group of files has, in the order the figures list them. */
export const FIGURE_COUNT_KEYS = [
  'received',
  'receivedInPerson',
  'receivedOnline',
  'receivedPostal',
  'done',
  'returned',
  'early',
  'onTime',
  'overdue',
  'withinPeriod',
  'pendingOverdue',
  'noDueDate',
  'doneNoDueDate',
  'pendingNoDueDate',
  'rejected',
  'withdrawn',
  'rated',
  'satisfied',
] as const;
export type FigureCountKey = (typeof FIGURE_COUNT_KEYS)[number];

export interface FigureCounts {
  received: number;
  receivedInPerson: number;
  receivedOnline: number;
  receivedPostal: number;
  done: number;
  returned: number;
  early: number;
  onTime: number;
  /** Done after the due day. */
  overdue: number;
  /** Not ready, due not yet passed. */
  withinPeriod: number;
  /** Not ready and past due. */
  pendingOverdue: number;
  /** No due date was promised (unknown processing time): doneNoDueDate + pendingNoDueDate. */
  noDueDate: number;
  /** Result ready, but no date had been promised. */
  doneNoDueDate: number;
  /** Not ready, and no date has been promised yet. */
  pendingNoDueDate: number;
  rejected: number;
  withdrawn: number;
  rated: number;
  satisfied: number;
}

export interface Figures extends FigureCounts {
  onlineRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

export interface GroupFigures extends Figures {
  key: string;
  /** The procedure's name (procedure groups), otherwise the key. */
  label: string;
  /** The procedure's field (procedure groups), otherwise null. */
  field: string | null;
}

/** The counts of one center's files in one field, as a store counts them for a period. */
export const centerFieldCountsSchema = z.object({
  centerCode: z.string().min(1),
  field: z.string(),
  counts: z.object(Object.fromEntries(FIGURE_COUNT_KEYS.map((k) => [k, z.number().int().nonnegative()])) as Record<FigureCountKey, z.ZodNumber>),
});
export type CenterFieldCounts = z.infer<typeof centerFieldCountsSchema>;

export function emptyCounts(): FigureCounts {
  return Object.fromEntries(FIGURE_COUNT_KEYS.map((k) => [k, 0])) as unknown as FigureCounts;
}

/** Adds `more` into `into`. */
export function addCounts(into: FigureCounts, more: FigureCounts): void {
  for (const k of FIGURE_COUNT_KEYS) into[k] += more[k];
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * The figures of a group: its counts and the rates. onlineRate = online / received; onTimeRate =
 * (early + onTime) / (early + onTime + overdue); satisfactionRate = satisfied / rated. A rate with
 * nothing to divide by is null.
 */
export function figuresFromCounts(c: FigureCounts): Figures {
  const counts = Object.fromEntries(FIGURE_COUNT_KEYS.map((k) => [k, c[k]])) as unknown as FigureCounts;
  return {
    ...counts,
    onlineRate: rate(c.receivedOnline, c.received),
    onTimeRate: rate(c.early + c.onTime, c.early + c.onTime + c.overdue),
    satisfactionRate: rate(c.satisfied, c.rated),
  };
}

export interface CountedGroup {
  key: string;
  label: string;
  field: string | null;
  counts: FigureCounts;
}

/** Groups as the figures list them: most received first, then by key. */
export function sortedGroupFigures(groups: Iterable<CountedGroup>): GroupFigures[] {
  return [...groups]
    .sort((a, b) => b.counts.received - a.counts.received || a.key.localeCompare(b.key))
    .map((g) => ({ key: g.key, label: g.label, field: g.field, ...figuresFromCounts(g.counts) }));
}
