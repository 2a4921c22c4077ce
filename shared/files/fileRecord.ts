/**
 * A file (hồ sơ) registered at the counter: what the device stores, pushes and the server keeps.
 * One schema for all sides; the server re-validates every pushed file with it.
 */
import { z } from 'zod';
import { channelSchema, procedureCodeSchema } from '../catalog/procedure.ts';
import { lookupCodeSchema } from './lookupCode.ts';

export const fileStatusSchema = z.enum(['received', 'processing', 'needs_supplement', 'done', 'returned', 'rejected', 'withdrawn']);
export type FileStatus = z.infer<typeof fileStatusSchema>;

/** Channels a file can come in by (the catalog's `other` is not one a counter registers). */
export const fileChannelSchema = channelSchema.exclude(['other']);
export type FileChannel = z.infer<typeof fileChannelSchema>;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');

export const citizenSchema = z.object({
  fullName: z.string().trim().min(2).max(120),
  birthDate: isoDateSchema,
  /** 12-digit căn cước number (structure checked by shared/citizen/citizenId.ts). */
  idNumber: z.string().regex(/^\d{12}$/, 'citizen ID must be 12 digits'),
  sex: z.enum(['male', 'female']).nullable(),
  phone: z.string().regex(/^(\+84|0)\d{9,10}$/, 'phone must be a Vietnamese number').nullable(),
  address: z.string().trim().max(300).nullable(),
});
export type Citizen = z.infer<typeof citizenSchema>;

export const receivedDocumentSchema = z.object({
  name: z.string().min(1).max(2000),
  originalsExpected: z.number().int().nonnegative(),
  copiesExpected: z.number().int().nonnegative(),
  originalsReceived: z.number().int().nonnegative().max(99),
  copiesReceived: z.number().int().nonnegative().max(99),
});
export type ReceivedDocument = z.infer<typeof receivedDocumentSchema>;

/** Attachments travel inline (base64) so a file and its scans reach the server in one exactly-once step. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;
export const attachmentSchema = z.object({
  name: z.string().min(1).max(255),
  type: z.string().max(100),
  size: z.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES),
  dataBase64: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const fileRecordSchema = z.object({
  /** Client-made UUID: the file's identity everywhere. */
  id: z.uuid(),
  /** Human-readable, unique across devices without asking the server: CENTER-DEVICE-YYYYMMDD-NNNN. */
  number: z.string().regex(/^[A-Z0-9]{2,10}-[A-Z0-9]{1,6}-\d{8}-\d{4,}$/, 'file number has the wrong shape'),
  centerCode: z.string().min(1).max(20),
  locationCode: z.string().max(40).nullable(),
  deviceId: z.string().min(1),
  procedureCode: procedureCodeSchema,
  procedureName: z.string().min(1),
  channel: fileChannelSchema,
  citizen: citizenSchema,
  documents: z.array(receivedDocumentSchema).max(200),
  attachments: z.array(attachmentSchema).max(MAX_ATTACHMENTS),
  notes: z.string().max(2000).nullable(),
  receivedAt: z.iso.datetime({ offset: true }),
  receivedBy: z.object({ staffId: z.string().min(1), staffName: z.string().min(1) }),
  /** When the result is due, computed at the counter from the procedure's time and the holiday table; null when the time is unknown. */
  dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /**
   * The receipt's lookup code (shared/files/lookupCode.ts), made at registration: the public status
   * route needs it with the number. Optional only for files registered before codes existed.
   */
  lookupCode: lookupCodeSchema.optional(),
});
export type FileRecord = z.infer<typeof fileRecordSchema>;
