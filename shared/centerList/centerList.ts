/**
 * The center's own list (danh mục niêm yết): per procedure, the processing time, fee, place and a
 * short note the center posts at its locations, overriding the national catalog where set. It lives
 * on the server, versioned per center like the catalog, and devices pull what changed since their
 * version. Every value is checked here, on the device and on the server alike.
 */
import { z } from 'zod';
import { parseClockTime } from '../calendar/civilDay.ts';
import { procedureCodeSchema, timeUnitSchema } from '../catalog/procedure.ts';

export const CENTER_LIST_FORMAT = 'motcua-center-list';
/** The shape of the document; a change of shape is a new number, with a migration. */
export const CENTER_LIST_SCHEMA_VERSION = 1;
/** A center posts a few hundred procedures at most; more in one request is a mistake. */
export const MAX_CENTER_ENTRIES = 2000;

/**
 * The earliest and latest cut-off a same-day procedure may have: inside office hours, so a file
 * received before it can still be done by closing time (17:00, shared/calendar/dueDate.ts).
 */
export const SAME_DAY_CUTOFF_RANGE = { earliest: '08:00', latest: '17:00' } as const;
/**
 * When a same-day row in an imported table names no cut-off: the one-stop rule already used for
 * every file (received at or after 16:00 counts from the next working day). The import says so.
 */
export const DEFAULT_SAME_DAY_CUTOFF = '16:00';

// Control characters (tabs, line breaks, NUL) have no place in a one-line value on a poster.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** One line of text a person typed: trimmed, not empty, no control characters, at most `max` long. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'must be one line of text');

export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM');

export const sameDayCutoffSchema = clockTimeSchema.refine((text) => {
  const minute = parseClockTime(text);
  return minute !== null && minute >= parseClockTime(SAME_DAY_CUTOFF_RANGE.earliest)! && minute <= parseClockTime(SAME_DAY_CUTOFF_RANGE.latest)!;
}, `the cut-off must be between ${SAME_DAY_CUTOFF_RANGE.earliest} and ${SAME_DAY_CUTOFF_RANGE.latest}`);

/** Longest time a center may post per unit: beyond these a value is a typo, not a promise. */
export const MAX_TIME_VALUE = { working_day: 365, day: 365, hour: 720, month: 36 } as const;

/**
 * The center's processing time: a number of working days, days, hours or months, or "trong ngày"
 * (same day) with the hour after which a file is done on the next working day instead.
 */
export const centerTimeSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('same_day'), cutoff: sameDayCutoffSchema }),
  z
    .object({ unit: timeUnitSchema, value: z.number().positive('must be more than 0').finite() })
    .refine((t) => t.value <= MAX_TIME_VALUE[t.unit], { message: 'longer than any procedure takes', path: ['value'] })
    .refine((t) => Number.isInteger(t.value * 2), { message: 'whole or half units only', path: ['value'] }),
]);
export type CenterTime = z.infer<typeof centerTimeSchema>;
export type CenterTimeUnit = CenterTime['unit'];

/** The fee as the center posts it: an amount in đồng, free, or a text for anything else ("2.000 đ/trang"). */
export const centerFeeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }),
  z.object({ kind: z.literal('amount'), amount: z.number().int('whole đồng only').positive('must be more than 0').max(1_000_000_000) }),
  z.object({ kind: z.literal('text'), text: line(200) }),
]);
export type CenterFee = z.infer<typeof centerFeeSchema>;

/** Where the file is handed in: which location of the center, and which counter there (if it says). */
export const centerPlaceSchema = z.object({ location: line(120), counter: line(40).nullable() });
export type CenterPlace = z.infer<typeof centerPlaceSchema>;

/** What an admin sets for one procedure; null: the national catalog's value applies. */
export const centerEntryValuesSchema = z.object({
  time: centerTimeSchema.nullable(),
  fee: centerFeeSchema.nullable(),
  place: centerPlaceSchema.nullable(),
  note: line(300).nullable(),
});
export type CenterEntryValues = z.infer<typeof centerEntryValuesSchema>;

/** An entry as stored: the values plus who last changed them and when (stamped by the server). */
export const centerEntrySchema = centerEntryValuesSchema.extend({
  updatedAt: z.string(),
  updatedBy: z.string().max(80).nullable(),
});
export type CenterEntry = z.infer<typeof centerEntrySchema>;

const entriesOf = <T extends z.ZodType>(entry: T) =>
  z.record(procedureCodeSchema, entry).refine((r) => Object.keys(r).length <= MAX_CENTER_ENTRIES, `at most ${MAX_CENTER_ENTRIES} procedures`);

/** The whole list of one center, keyed by procedure code (a posted procedure may set no value at all). */
export const centerListSchema = z.object({
  format: z.literal(CENTER_LIST_FORMAT),
  schemaVersion: z.literal(CENTER_LIST_SCHEMA_VERSION),
  centerCode: z.string().min(1).max(20),
  /** Grows by one with every write that changes something; 0 is the empty list. */
  version: z.number().int().nonnegative(),
  /** Who the values come from, e.g. "DEMO VALUES" for the demo center; shown to admins. */
  source: z.string().max(200),
  entries: entriesOf(centerEntrySchema),
});
export type CenterList = z.infer<typeof centerListSchema>;

// ---- network ---------------------------------------------------------------------------------
/** What changed since a version, deletions included; `full`: `upserts` is the whole list. */
export const centerListChangesSchema = z.object({
  centerCode: z.string(),
  version: z.number().int().nonnegative(),
  /** Who the values come from (centerListSchema.source). */
  source: z.string().max(200),
  full: z.boolean(),
  upserts: entriesOf(centerEntrySchema),
  deletions: z.array(procedureCodeSchema).max(MAX_CENTER_ENTRIES),
});
export type CenterListChanges = z.infer<typeof centerListChangesSchema>;

/**
 * An admin's save: entries to set and codes to drop, made against `baseVersion`. If another admin
 * changed one of the same procedures after that version, the server refuses with the codes, so
 * nobody's edit is overwritten unseen.
 */
export const centerListWriteSchema = z
  .object({
    baseVersion: z.number().int().nonnegative(),
    upserts: entriesOf(centerEntryValuesSchema),
    deletions: z.array(procedureCodeSchema).max(MAX_CENTER_ENTRIES),
    by: z.object({ staffId: z.string().min(1).max(80), staffName: line(80) }).nullable(),
  })
  .refine((w) => Object.keys(w.upserts).length + w.deletions.length > 0, 'nothing to save')
  .refine((w) => w.deletions.every((code) => !(code in w.upserts)), 'a procedure cannot be both set and removed');
export type CenterListWrite = z.infer<typeof centerListWriteSchema>;

export const centerListWriteAnswerSchema = z.object({
  version: z.number().int().nonnegative(),
  /** Entries that actually changed (setting a value it already had changes nothing). */
  changed: z.number().int().nonnegative(),
});
export type CenterListWriteAnswer = z.infer<typeof centerListWriteAnswerSchema>;

/** 409 body: the procedures another admin changed after the writer's base version. */
export const centerListConflictSchema = z.object({
  error: z.literal('center_list_conflict'),
  reason: z.string(),
  version: z.number().int().nonnegative(),
  codes: z.array(z.string()),
});
export type CenterListConflict = z.infer<typeof centerListConflictSchema>;

/** Two entries say the same (the stamp aside): used to skip writes that change nothing. */
export function sameValues(a: CenterEntryValues, b: CenterEntryValues): boolean {
  const pick = (v: CenterEntryValues) => JSON.stringify([v.time, v.fee, v.place, v.note]);
  return pick(a) === pick(b);
}

/** The values of an entry without its stamp. */
export const valuesOf = ({ time, fee, place, note }: CenterEntryValues): CenterEntryValues => ({ time, fee, place, note });
