/**
 * A file (hồ sơ) registered at the counter: what the device stores, pushes and the server keeps.
 * One schema for all sides; the server re-validates every pushed file with it.
 */
import { z } from 'zod';
import { addressUnitSchema } from '../address/addressUnit.ts';
import { channelSchema, procedureCodeSchema } from '../catalog/procedure.ts';
import { dayNumberOf, isoFromDayNumber } from '../calendar/civilDay.ts';
import { checkAddress, checkBirthDate, checkFullName, tidyText } from '../citizen/citizenFields.ts';
import { checkCitizenId } from '../citizen/citizenId.ts';
import { MAX_SCANS_PER_FILE, scanRefSchema } from './scan.ts';
import { lookupCodeSchema } from './lookupCode.ts';

export const fileStatusSchema = z.enum(['received', 'processing', 'needs_supplement', 'done', 'returned', 'rejected', 'withdrawn']);
export type FileStatus = z.infer<typeof fileStatusSchema>;

/** Channels a file can come in by (the catalog's `other` is not one a counter registers). */
export const fileChannelSchema = channelSchema.exclude(['other']);
export type FileChannel = z.infer<typeof fileChannelSchema>;

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');

/** Turns a shared/citizen check into zod issues, so the server's per-item rejection gives its reason. */
const refineWith =
  <T>(check: (value: T) => { ok: true } | { ok: false; error: { reason: string } }) =>
  (value: T, ctx: z.RefinementCtx) => {
    const checked = check(value);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.error.reason });
  };

/** The server's clock may lag a device's by a little: a birth date one day ahead of it is still accepted. */
const latestBirthDate = () => isoFromDayNumber(dayNumberOf(new Date()) + 1);

/**
 * The citizen on a file, checked with the same rules as the counter form (shared/citizen/*): a
 * real name, a real date of birth, a căn cước number that agrees with both. The server allows a
 * birth date one day ahead of its own clock.
 */
export const citizenSchema = z
  .object({
    fullName: z.string().superRefine(refineWith(checkFullName)).transform(tidyText),
    birthDate: z.string().superRefine(refineWith((date: string) => checkBirthDate(date, latestBirthDate()))),
    /** 12-digit căn cước number (structure checked by shared/citizen/citizenId.ts). */
    idNumber: z.string().regex(/^\d{12}$/, 'citizen ID must be 12 digits'),
    sex: z.enum(['male', 'female']).nullable(),
    phone: z.string().regex(/^(\+84|0)\d{9,10}$/, 'phone must be a Vietnamese number').nullable(),
    address: z.string().superRefine(refineWith(checkAddress)).transform(tidyText).nullable(),
    /**
     * The new commune chosen for the address at the counter (shared/address/addressUnit.ts); the
     * address text stays as typed. Absent on files from before it existed and when none was chosen.
     */
    addressUnit: addressUnitSchema.optional(),
  })
  .superRefine((citizen, ctx) => {
    if (!/^\d{12}$/.test(citizen.idNumber)) return; // already refused above
    // A wrong date of birth has its own issue; the ID is then checked without it.
    const birthDate = checkBirthDate(citizen.birthDate, latestBirthDate()).ok ? citizen.birthDate : undefined;
    const id = checkCitizenId(citizen.idNumber, birthDate, citizen.sex);
    if (!id.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: id.error.reason });
  });
export type Citizen = z.infer<typeof citizenSchema>;

export const receivedDocumentSchema = z.object({
  name: z.string().min(1).max(2000),
  originalsExpected: z.number().int().nonnegative(),
  copiesExpected: z.number().int().nonnegative(),
  originalsReceived: z.number().int().nonnegative().max(99),
  copiesReceived: z.number().int().nonnegative().max(99),
  /** Needed only in some cases ("Trường hợp ...", "(nếu có)"; shared/catalog/documentCondition.ts): never counted as missing. */
  conditional: z.boolean().optional(),
});
export type ReceivedDocument = z.infer<typeof receivedDocumentSchema>;

/** Scans are not in the record: it lists them by reference and each is uploaded on its own (shared/files/scan.ts). */
export const MAX_ATTACHMENTS = MAX_SCANS_PER_FILE;

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
  /** The file's scans by reference (id, sha256, size, type); their bytes are uploaded separately. */
  attachments: z
    .array(scanRefSchema)
    .max(MAX_ATTACHMENTS)
    .refine((scans) => new Set(scans.map((s) => s.id)).size === scans.length, 'a scan is listed twice'),
  notes: z.string().max(2000).nullable(),
  receivedAt: z.iso.datetime({ offset: true }),
  receivedBy: z.object({ staffId: z.string().min(1), staffName: z.string().min(1) }),
  /** When the result is due, computed at the counter from the procedure's time and the holiday table; null when the time is unknown. */
  dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** True when neither the catalog nor the center's list gave a time and staff chose the due date at the counter. */
  dueAtSetByStaff: z.boolean().optional(),
  /**
   * The receipt's lookup code (shared/files/lookupCode.ts), made at registration: the public status
   * route needs it with the number. Optional only for files registered before codes existed.
   */
  lookupCode: lookupCodeSchema.optional(),
});
export type FileRecord = z.infer<typeof fileRecordSchema>;
