/**
 * The procedure (thủ tục hành chính) model every side of motcua shares: the importer writes it,
 * the server serves it, the renderer stores and searches it. Validated with zod at every edge.
 * Unknown facts stay null: a missing fee or time unit is shown as unknown, never guessed.
 */
import { z } from 'zod';

/** How a file is handed in. `other` keeps a portal label we do not recognise instead of dropping it. */
export const channelSchema = z.enum(['in_person', 'online', 'postal', 'other']);
export type Channel = z.infer<typeof channelSchema>;

/** Unit of a processing time; null when the portal gave a bare number. */
export const timeUnitSchema = z.enum(['working_day', 'day', 'hour', 'month']);
export type TimeUnit = z.infer<typeof timeUnitSchema>;

export const submissionMethodSchema = z.object({
  channel: channelSchema,
  /** The portal's own label, e.g. "Trực tiếp". */
  label: z.string(),
  time: z.object({
    value: z.number().nonnegative().nullable(),
    unit: timeUnitSchema.nullable(),
  }),
  fee: z.object({
    /** true: free; false: a fee applies; null: the portal text could not be read. */
    free: z.boolean().nullable(),
    amount: z.number().nonnegative().nullable(),
    currency: z.enum(['VND', 'USD']).nullable(),
    /** The original fee text, always kept so a person can read what the parser could not. */
    text: z.string().nullable(),
  }),
});
export type SubmissionMethod = z.infer<typeof submissionMethodSchema>;

export const requiredDocumentSchema = z.object({
  group: z.string().nullable(),
  name: z.string().min(1),
  form: z.string().nullable(),
  originals: z.number().int().nonnegative(),
  copies: z.number().int().nonnegative(),
});
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;

export const agenciesSchema = z.object({
  competent: z.string().nullable(),
  executing: z.string().nullable(),
  authorized: z.string().nullable(),
  coordinating: z.string().nullable(),
  receivingAddress: z.string().nullable(),
});
export type Agencies = z.infer<typeof agenciesSchema>;

/** National TTHC code, e.g. "1.001193". */
export const procedureCodeSchema = z.string().regex(/^\d\.\d{6}$/, 'procedure code must look like 1.001193');

export const procedureSchema = z.object({
  code: procedureCodeSchema,
  name: z.string().min(1),
  field: z.string().min(1),
  levels: z.array(z.string()),
  communeLevel: z.boolean(),
  /** Heuristic from the source: police/tax/customs/... procedures a commune center rarely handles itself. */
  verticalAgency: z.boolean(),
  ministry: z.string().nullable(),
  decision: z.string().nullable(),
  procedureType: z.string().nullable(),
  subjects: z.array(z.string()),
  agencies: agenciesSchema,
  methods: z.array(submissionMethodSchema),
  documents: z.array(requiredDocumentSchema),
  legalBasis: z.array(z.object({ title: z.string(), code: z.string().nullable() })),
  results: z.array(z.object({ name: z.string(), code: z.string().nullable() })),
  steps: z.string().nullable(),
  requirements: z.string().nullable(),
  portalUrl: z.string().url().nullable(),
});
export type Procedure = z.infer<typeof procedureSchema>;

/** The catalog as the server serves it and the renderer stores it. `version` only ever grows. */
export const catalogSchema = z.object({
  format: z.literal('motcua-catalog'),
  version: z.number().int().nonnegative(),
  /** Where the records came from (e.g. "dichvucong.gov.vn snapshot via chatbot-tthc", "demo"). */
  source: z.string(),
  generatedAt: z.string(),
  procedures: z.array(procedureSchema),
});
export type Catalog = z.infer<typeof catalogSchema>;
