/**
 * The public kiosk API (no enrolment): a file's state by its receipt number and lookup code, and
 * satisfaction ratings. Answer schemas, shared by the server routes and the kiosk's client (paths: apiPaths.ts).
 */
import { z } from 'zod';
import { fileStatusSchema } from '../files/fileRecord.ts';

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
