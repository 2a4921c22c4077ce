/**
 * The public kiosk API (no enrolment): a file's state by its receipt number, and satisfaction
 * ratings. Paths and answer schema, shared by the server route and the kiosk's client.
 */
import { z } from 'zod';
import { fileStatusSchema } from '../files/fileRecord.ts';

export const PUBLIC_PATHS = {
  /** GET: a file's state by its number; 400 on a malformed number, 404 when unknown. */
  fileStatus: (number: string) => `/api/public/files/${number}`,
  /** POST a ratingPayloadSchema body (optionally ?center=CODE): 201 stored, 200 already stored. */
  ratings: '/api/public/ratings',
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
