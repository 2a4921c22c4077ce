/**
 * The sync protocol between devices and the motcua server: request and response bodies, their
 * schemas (the server validates every body; the client validates every answer). The paths are in
 * apiPaths.ts.
 *
 * Exactly-once: each device numbers its mutations 1, 2, 3, ... The server applies a push in one
 * transaction, skipping numbers it has already applied, and answers with the last applied number.
 * A resent push is a no-op; a gap (first number > last applied + 1) is refused with 409 so the
 * device resends from the right place; an invalid item is `rejected` with a reason and the
 * sequence still advances.
 */
import { z } from 'zod';
import { adminUnitsSchema } from '../address/adminUnits.ts';
import { holidayTableSchema } from '../calendar/holidayTable.ts';
import { procedureSchema } from '../catalog/procedure.ts';
import { fileCorrectionPayloadSchema, fileDuePayloadSchema, fileFeePayloadSchema } from '../files/fileChanges.ts';
import { fileRecordSchema, fileStatusSchema } from '../files/fileRecord.ts';
import { statusChangeSchema } from '../files/lifecycle.ts';
import { ratingSchema } from '../stats/fileSummary.ts';

/** kiosk: citizens' screen; counter: staff registering files; admin: a center admin's device (a counter and more). */
export const deviceRoleSchema = z.enum(['kiosk', 'counter', 'admin']);
export type DeviceRole = z.infer<typeof deviceRoleSchema>;

// ---- enrolment -------------------------------------------------------------------------------
/** Enrolment codes are at least this long (generated ones carry 12 random characters, ~59 bits). */
export const ENROLMENT_CODE_MIN_LENGTH = 12;

export const enrolRequestSchema = z.object({
  centerCode: z.string().trim().min(1).max(20),
  /**
   * The secret a center admin got when the center was set up on the server: the enrolment code
   * for kiosks and counters, the admin enrolment code for an admin device.
   */
  enrolmentCode: z.string().trim().min(ENROLMENT_CODE_MIN_LENGTH).max(200),
  locationCode: z.string().trim().max(40).nullable(),
  deviceName: z.string().trim().min(1).max(80),
  role: deviceRoleSchema,
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const enrolResponseSchema = z.object({
  deviceId: z.string(),
  /** Short code unique within the center, used in file numbers (e.g. "D03"). */
  deviceCode: z.string().regex(/^[A-Z0-9]{1,6}$/),
  token: z.string().min(20),
  centerCode: z.string(),
  centerName: z.string(),
  locationCode: z.string().nullable(),
  role: deviceRoleSchema,
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

// ---- push ------------------------------------------------------------------------------------
/**
 * What a counter pushes. Ratings are not among them: a citizen's rating has one path, the ratings
 * route (apiPaths.ts `ratings` with the kiosk's token, `public.ratings` with the lookup code), stored
 * once by its id, so it needs no numbered push and a counter cannot rate its own files through one.
 */
export const mutationKindSchema = z.enum(['file.create', 'file.cancel', 'file.status', 'file.update', 'file.due', 'file.fee']);
export type MutationKind = z.infer<typeof mutationKindSchema>;

export const fileCancelPayloadSchema = z.object({ fileId: z.uuid(), reason: z.string().min(1).max(500) });

/**
 * A change of state made at the counter (offline too): the lifecycle's stamped change (who, when,
 * where, why) plus the file. The server checks the transition again before applying it.
 */
export const fileStatusPayloadSchema = statusChangeSchema.extend({ fileId: z.uuid() });
export type FileStatusPayload = z.infer<typeof fileStatusPayloadSchema>;

/** 4 very satisfied, 3 satisfied, 2 neutral, 1 not satisfied (one tap at the kiosk, optional reasons): the figures' scale. */
export const ratingScoreSchema = ratingSchema;
export const ratingPayloadSchema = z.object({
  id: z.uuid(),
  /** The file the visit was about, when the citizen scanned or typed it; null for a visit rating. */
  fileNumber: z.string().max(40).nullable(),
  score: ratingScoreSchema,
  reasons: z.array(z.string().min(1).max(40)).max(10),
  /** When the citizen gave it, by the device's clock (kept for support; the server counts its own time of receipt). */
  at: z.iso.datetime({ offset: true }),
  /** The receipt's lookup code: a rating sent without enrolment counts for a file only with it. */
  lookupCode: z.string().max(20).optional(),
});
export type RatingPayload = z.infer<typeof ratingPayloadSchema>;

/** Payload schemas by kind; the envelope keeps `payload` unknown so one bad item cannot fail the push. */
export const mutationPayloadSchemas = {
  'file.create': fileRecordSchema,
  'file.cancel': fileCancelPayloadSchema,
  'file.status': fileStatusPayloadSchema,
  /** A correction of a registered file, with its reason (shared/files/fileChanges.ts). */
  'file.update': fileCorrectionPayloadSchema,
  /** A new due date, with its reason. */
  'file.due': fileDuePayloadSchema,
  /** The fee was paid. */
  'file.fee': fileFeePayloadSchema,
} as const;

export const mutationSchema = z.object({
  seq: z.number().int().positive(),
  /** Client UUID of the mutation (idempotency key in logs and support). */
  id: z.uuid(),
  kind: z.string().min(1).max(40),
  at: z.iso.datetime({ offset: true }),
  payload: z.unknown(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  mutations: z
    .array(mutationSchema)
    .min(1)
    .max(200)
    .refine((ms) => ms.every((m, i) => i === 0 || m.seq === ms[i - 1]!.seq + 1), 'mutation numbers must be consecutive'),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * Per item: `applied` now; `duplicate` when it was applied before (resent number, or the same file
 * again); `rejected` with a reason. A resent number that was rejected is answered `rejected` again
 * with the same reason, so a lost answer never turns a rejection into a silent `duplicate`.
 */
export const pushItemResultSchema = z.object({
  seq: z.number().int().positive(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  reason: z.string().nullable(),
  /** With a rejection: a stable code the device translates (shared/sync/rejectionCodes.ts); absent from older servers. */
  code: z.string().max(80).nullable().optional(),
});
export type PushItemResult = z.infer<typeof pushItemResultSchema>;


export const pushResponseSchema = z.object({
  lastAppliedSeq: z.number().int().nonnegative(),
  results: z.array(pushItemResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** 409 body when the push does not start right after what the server has applied. */
export const sequenceGapSchema = z.object({ error: z.literal('sequence_gap'), lastAppliedSeq: z.number().int().nonnegative() });

// ---- status pull -----------------------------------------------------------------------------
export const fileStatusChangeSchema = z.object({
  fileId: z.string(),
  number: z.string(),
  status: fileStatusSchema,
  changedAt: z.string(),
  note: z.string().nullable(),
  /** Due date of the file (so a kiosk can answer a status lookup offline); absent from older servers. */
  dueAt: z.string().nullable().optional(),
});
export type FileStatusChange = z.infer<typeof fileStatusChangeSchema>;

/** GET statuses?since=CURSOR&limit=N: changes to this center's files after the cursor, oldest first. */
export const statusPullResponseSchema = z.object({
  cursor: z.number().int().nonnegative(),
  changes: z.array(fileStatusChangeSchema),
  more: z.boolean(),
});
export type StatusPullResponse = z.infer<typeof statusPullResponseSchema>;

/** POST files/:id/status: another office (or a test) moves a file on the server side. */
export const statusChangeRequestSchema = z.object({ status: fileStatusSchema, note: z.string().max(500).nullable() });

// ---- catalog delta ---------------------------------------------------------------------------
/** GET catalog/changes?since=VERSION: what changed since that version, deletions included. */
export const catalogChangesSchema = z.object({
  version: z.number().int().nonnegative(),
  /** true: `upserts` is the whole catalog (the device's version was unknown or too old). */
  full: z.boolean(),
  upserts: z.array(procedureSchema),
  deletions: z.array(z.string()),
});
export type CatalogChanges = z.infer<typeof catalogChangesSchema>;

// ---- holiday table ---------------------------------------------------------------------------
/**
 * GET /api/calendar: `version` counts the server's imports (a device keeps the highest it has
 * seen); `table` is shared/calendar/holidayTable.ts's table, whose own `version` names the dataset.
 */
export const calendarResponseSchema = z.object({
  version: z.number().int().positive(),
  importedAt: z.string(),
  table: holidayTableSchema,
});
export type CalendarResponse = z.infer<typeof calendarResponseSchema>;

// ---- administrative units ---------------------------------------------------------------------
/** GET /api/address/units: `version` counts the server's imports (revalidated with an ETag on it). */
export const adminUnitsResponseSchema = z.object({
  version: z.number().int().positive(),
  importedAt: z.string(),
  units: adminUnitsSchema,
});
export type AdminUnitsResponse = z.infer<typeof adminUnitsResponseSchema>;

/** Error bodies: a reason a person can read, and a stable code the UI translates. */
export const apiErrorSchema = z.object({ error: z.string(), reason: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;
