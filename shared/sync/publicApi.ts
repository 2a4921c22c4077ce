/**
 * The public kiosk API (no enrolment): a file's state by its receipt number and lookup code, and
 * satisfaction ratings. Paths and answer schemas, shared by the server routes and the kiosk's client.
 */
import { z } from 'zod';
import { fileStatusSchema } from '../files/fileRecord.ts';

export const PUBLIC_PATHS = {
  /**
   * GET: a file's state by its number and the lookup code on its receipt (?code=); 400 on a
   * malformed number or code, 404 when the number is unknown or the code is not the file's.
   */
  fileStatus: (number: string, code?: string) => `/api/public/files/${number}${code === undefined ? '' : `?code=${encodeURIComponent(code)}`}`,
  fileStatusRoute: '/api/public/files/:number',
  /**
   * POST a ratingPayloadSchema body (optionally ?center=CODE): 201 stored, 200 already stored.
   * A rating about a file needs the file's lookup code (403 without); a visit rating never counts.
   */
  ratings: '/api/public/ratings',
  /** POST a ratingPayloadSchema body with a device token (kiosk or counter): the device's center's rating. */
  deviceRatings: '/api/ratings',
} as const;

/** What the receipt holder may see: no names, no ID numbers. */
export const publicFileStatusSchema = z.object({
  number: z.string(),
  status: fileStatusSchema,
  dueAt: z.string().nullable(),
  /** When the state last changed on the server. */
  changedAt: z.string(),
});
export type PublicFileStatus = z.infer<typeof publicFileStatusSchema>;

/** The answer to a stored rating: whether it counts in the center's figures (one rating per file does). */
export const ratingAnswerSchema = z.object({
  id: z.string(),
  status: z.enum(['applied', 'duplicate']),
  counted: z.boolean(),
});
export type RatingAnswer = z.infer<typeof ratingAnswerSchema>;
