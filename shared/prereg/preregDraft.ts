/**
 * A pre-registration (đăng ký trước) made by a citizen at the kiosk: who they are (scanned from the
 * căn cước QR or typed), the procedure, and the documents they say they brought. The counter that
 * receives them opens it into its registration form; nothing is filed until the clerk saves there.
 * One schema for the kiosk, the server and the counter; the server checks every draft again.
 *
 * A draft lives for the Vietnam day it was made on: it expires at the next Vietnam midnight and is
 * purged then, on the kiosk and on the server.
 */
import { z } from 'zod';
import { DAY_MS, dayNumberOf, VIETNAM_UTC_OFFSET_MS } from '../calendar/civilDay.ts';
import { procedureCodeSchema } from '../catalog/procedure.ts';
import { citizenSchema } from '../files/fileRecord.ts';
import { LOOKUP_CODE_ALPHABET } from '../files/lookupCode.ts';

/** Random symbols after the kiosk's device code: 20^4 = 160,000 per kiosk and day, checked unique on the kiosk. */
export const DRAFT_CODE_RANDOM_LENGTH = 4;

/**
 * The short code printed on the kiosk's slip, `DEVICECODE-XXXX` (e.g. `K01-7KM3`): the device code
 * (unique within the center) keeps two kiosks apart, the kiosk keeps its own codes of the day apart.
 * The symbols are the receipt's lookup-code alphabet: no look-alikes on paper or a touch keyboard.
 */
export const draftCodeSchema = z
  .string()
  .regex(new RegExp(`^[A-Z0-9]{1,6}-[${LOOKUP_CODE_ALPHABET}]{${DRAFT_CODE_RANDOM_LENGTH}}$`), 'a pre-registration code is the kiosk code, a dash and 4 letters or digits');

/** A document of the procedure and whether the citizen ticked it as brought (as declared, not checked). */
export const declaredDocumentSchema = z.object({
  name: z.string().min(1).max(2000),
  brought: z.boolean(),
});
export type DeclaredDocument = z.infer<typeof declaredDocumentSchema>;

/** How the citizen's details came in: a card scan is the better source, the clerk checks typed ones harder. */
export const draftSourceSchema = z.enum(['card', 'typed']);

export const preregDraftSchema = z.object({
  /** The kiosk's UUID: the draft's identity everywhere, and what makes a resend harmless. */
  id: z.uuid(),
  code: draftCodeSchema,
  /** When the citizen confirmed, by the kiosk's clock. */
  createdAt: z.iso.datetime({ offset: true }),
  /** The same rules as a registered file's citizen (shared/citizen/*). */
  citizen: citizenSchema,
  source: draftSourceSchema,
  procedureCode: procedureCodeSchema,
  procedureName: z.string().min(1).max(1000),
  documents: z
    .array(declaredDocumentSchema)
    .max(200)
    .refine((docs) => new Set(docs.map((d) => d.name)).size === docs.length, 'a document is listed twice'),
});
export type PreregDraft = z.infer<typeof preregDraftSchema>;

/** What the server answers a counter or admin device reading a draft: the draft, and when it goes. */
export const storedDraftSchema = z.object({
  draft: preregDraftSchema,
  /** When the server received it. */
  receivedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type StoredDraft = z.infer<typeof storedDraftSchema>;

/** POST answer: `stored` now, `duplicate` when the same kiosk sent this id before (a resend after a lost answer). */
export const draftUploadAnswerSchema = z.object({
  id: z.uuid(),
  status: z.enum(['stored', 'duplicate']),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type DraftUploadAnswer = z.infer<typeof draftUploadAnswerSchema>;

/** The end of the Vietnam day `at` falls on (the next Vietnam midnight): when a draft made then expires. */
export function draftExpiry(at: Date): Date {
  return new Date((dayNumberOf(at) + 1) * DAY_MS - VIETNAM_UTC_OFFSET_MS);
}

/** Whether a draft made at `createdAt` has expired at `now`. */
export function draftExpired(createdAt: Date, now: Date): boolean {
  return now.getTime() >= draftExpiry(createdAt).getTime();
}

/**
 * What a person typed as a draft code: capitals, spaces dropped, the dash put back if it was left
 * out before the last four symbols. Null when it is not a code.
 */
export function normaliseDraftCode(text: string): string | null {
  const compact = text.toUpperCase().replace(/\s+/g, '');
  const dashed = compact.includes('-') ? compact : `${compact.slice(0, -DRAFT_CODE_RANDOM_LENGTH)}-${compact.slice(-DRAFT_CODE_RANDOM_LENGTH)}`;
  return draftCodeSchema.safeParse(dashed).success ? dashed : null;
}

/** A fresh code for a kiosk; `random` fills a byte array (default: crypto.getRandomValues). */
export function newDraftCode(deviceCode: string, random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const n = LOOKUP_CODE_ALPHABET.length;
  // Rejection sampling: bytes at or above the largest multiple of n would favour the first symbols.
  const ceiling = 256 - (256 % n);
  let tail = '';
  while (tail.length < DRAFT_CODE_RANDOM_LENGTH) {
    for (const byte of random(new Uint8Array(DRAFT_CODE_RANDOM_LENGTH * 2))) {
      if (byte < ceiling && tail.length < DRAFT_CODE_RANDOM_LENGTH) tail += LOOKUP_CODE_ALPHABET[byte % n];
    }
  }
  return `${deviceCode}-${tail}`;
}

/** The device code a draft code starts with (the server checks it is the sending kiosk's own). */
export const deviceCodeOf = (code: string): string => code.slice(0, code.lastIndexOf('-'));
