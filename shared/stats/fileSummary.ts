/**
 * The slice of a file the center's figures need: receipt, channel, procedure, status, the due date
 * and the done/returned stamps, and the citizen's rating. Small so 100,000 of them stay cheap.
 */
import { z } from 'zod';
import { fileChannelSchema, fileStatusSchema } from '../files/fileRecord.ts';

/**
 * The satisfaction scale of the kiosk's one-tap rating: 4 rất hài lòng (very satisfied),
 * 3 hài lòng (satisfied), 2 bình thường (acceptable), 1 không hài lòng (not satisfied).
 * The one definition of the scale: shared/sync/protocol.ts rates with it too.
 */
export const ratingSchema = z.number().int().min(1).max(4);
export type Rating = z.infer<typeof ratingSchema>;

/** Ratings that count as satisfied in the satisfaction rate. */
export const SATISFIED_MIN_RATING = 3;

/** ISO 8601 with offset, as stored; epoch milliseconds are accepted too. */
const instantSchema = z.union([z.iso.datetime({ offset: true }), z.number().int()]);

export const fileSummarySchema = z.object({
  centerCode: z.string().min(1),
  locationCode: z.string().nullable(),
  receivedAt: instantSchema,
  channel: fileChannelSchema,
  field: z.string().nullable(),
  procedureCode: z.string().min(1),
  procedureName: z.string().min(1),
  status: fileStatusSchema,
  dueAt: instantSchema.nullable(),
  doneAt: instantSchema.nullable(),
  returnedAt: instantSchema.nullable(),
  rating: ratingSchema.nullable().optional(),
});
export type FileSummary = z.infer<typeof fileSummarySchema>;
