/**
 * Turns records scraped from the national public service portal (dichvucong.gov.vn, see
 * ../shared/data/SOURCES.md) into motcua procedures. A malformed record is reported with its
 * position and a reason; it never stops the rest from being imported.
 */
import { z } from 'zod';
import {
  procedureSchema,
  type Channel,
  type Procedure,
  type SubmissionMethod,
  type TimeUnit,
} from './procedure.ts';

const text = z.string().nullish().transform((v) => (v == null || v.trim() === '' ? null : v.trim()));
const count = z.number().nullish().transform((v) => (v == null || !Number.isFinite(v) || v < 0 ? 0 : Math.round(v)));

const portalMethodSchema = z.object({
  method: z.string().nullish(),
  processing_time_value: z.number().nullish(),
  processing_time_unit: z.string().nullish(),
  fee_free: z.boolean().nullish(),
  fee_amount: z.number().nullish(),
  fee_currency: z.string().nullish(),
  fee_and_note_text: z.string().nullish(),
});

/** The record shape of procedures_commune.json and procedures_by_ministry/*.json. */
export const portalRecordSchema = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string().nullish(),
  levels: z.array(z.string()).nullish(),
  is_commune_level: z.boolean().nullish(),
  vertical_agency_hint: z.boolean().nullish(),
  issuing_ministry: text,
  decision_no: text,
  procedure_type: text,
  target_subjects: z.array(z.string()).nullish(),
  competent_authority: text,
  executing_agency: text,
  authorized_agency: text,
  coordinating_agency: text,
  receiving_address: text,
  submission_methods: z.array(portalMethodSchema).nullish(),
  documents: z
    .array(
      z.object({
        group: text,
        name: z.string().nullish(),
        form_file: text,
        qty_original: count,
        qty_copy: count,
      }),
    )
    .nullish(),
  legal_basis: z.array(z.object({ title: z.string().nullish(), code: text })).nullish(),
  results: z.array(z.object({ name: z.string().nullish(), code: text })).nullish(),
  steps_text: text,
  requirements_text: text,
  source_url: text,
});
export type PortalRecord = z.infer<typeof portalRecordSchema>;

/** One record that could not be imported, and why. `reason` is for a person (English; the UI shows a translated summary). */
export interface ImportIssue {
  index: number;
  code: string | null;
  reason: string;
}

export interface ImportReport {
  procedures: Procedure[];
  issues: ImportIssue[];
  /** Records seen, including the rejected ones and duplicates. */
  total: number;
  /** Records dropped because an earlier record had the same code. */
  duplicates: number;
}

const CHANNELS: Record<string, Channel> = {
  'trực tiếp': 'in_person',
  'trực tuyến': 'online',
  'dịch vụ bưu chính': 'postal',
  'bưu chính': 'postal',
};

const UNITS: Record<string, TimeUnit> = {
  'ngày làm việc': 'working_day',
  ngày: 'day',
  'giờ': 'hour',
  'giờ làm việc': 'hour',
  'tháng': 'month',
};

function toMethod(m: z.infer<typeof portalMethodSchema>): SubmissionMethod {
  const label = (m.method ?? '').trim();
  const unitText = (m.processing_time_unit ?? '').trim().toLowerCase();
  const currency = m.fee_currency === 'VND' || m.fee_currency === 'USD' ? m.fee_currency : null;
  const value = m.processing_time_value;
  return {
    channel: CHANNELS[label.toLowerCase()] ?? 'other',
    label,
    time: {
      value: value != null && Number.isFinite(value) && value >= 0 ? value : null,
      unit: UNITS[unitText] ?? null,
    },
    fee: {
      free: m.fee_free ?? null,
      amount: m.fee_amount != null && m.fee_amount >= 0 ? m.fee_amount : null,
      currency,
      text: m.fee_and_note_text?.trim() || null,
    },
  };
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'record'}: ${i.message}`)
    .join('; ');
}

/** Maps one already-parsed portal record; the result is checked against the shared procedure schema. */
export function toProcedure(r: PortalRecord): z.ZodSafeParseResult<Procedure> {
  const candidate: Procedure = {
    code: r.code.trim(),
    name: r.name.trim().replace(/\s+/g, ' '),
    field: r.field?.trim() || 'Khác',
    levels: r.levels ?? [],
    communeLevel: r.is_commune_level ?? (r.levels ?? []).includes('Cấp xã'),
    verticalAgency: r.vertical_agency_hint ?? false,
    ministry: r.issuing_ministry,
    decision: r.decision_no,
    procedureType: r.procedure_type,
    subjects: (r.target_subjects ?? []).map((s) => s.trim()).filter(Boolean),
    agencies: {
      competent: r.competent_authority,
      executing: r.executing_agency,
      authorized: r.authorized_agency,
      coordinating: r.coordinating_agency,
      receivingAddress: r.receiving_address,
    },
    methods: (r.submission_methods ?? []).map(toMethod),
    documents: (r.documents ?? [])
      .filter((d) => (d.name ?? '').trim() !== '')
      .map((d) => ({
        group: d.group,
        name: (d.name ?? '').trim(),
        form: d.form_file,
        originals: d.qty_original,
        copies: d.qty_copy,
      })),
    legalBasis: (r.legal_basis ?? [])
      .filter((l) => (l.title ?? '').trim() !== '' || l.code)
      .map((l) => ({ title: (l.title ?? l.code ?? '').trim(), code: l.code })),
    results: (r.results ?? [])
      .filter((x) => (x.name ?? '').trim() !== '')
      .map((x) => ({ name: (x.name ?? '').trim(), code: x.code })),
    steps: r.steps_text,
    requirements: r.requirements_text,
    portalUrl: r.source_url && /^https?:\/\//.test(r.source_url) ? r.source_url : null,
  };
  return procedureSchema.safeParse(candidate);
}

/**
 * Imports a list of portal records. Accepts the source file's `{meta, procedures}` object or a bare
 * array; anything else is one issue at index -1 and no procedures.
 */
export function importPortalRecords(input: unknown, startIndex = 0): ImportReport {
  const records = Array.isArray(input)
    ? input
    : input && typeof input === 'object' && Array.isArray((input as { procedures?: unknown }).procedures)
      ? (input as { procedures: unknown[] }).procedures
      : null;
  if (records === null) {
    return {
      procedures: [],
      issues: [{ index: -1, code: null, reason: 'not a procedure file: expected {"procedures": [...]} or an array' }],
      total: 0,
      duplicates: 0,
    };
  }
  const seen = new Set<string>();
  const procedures: Procedure[] = [];
  const issues: ImportIssue[] = [];
  let duplicates = 0;
  records.forEach((raw, i) => {
    const index = startIndex + i;
    const rawCode =
      raw && typeof raw === 'object' && typeof (raw as { code?: unknown }).code === 'string'
        ? (raw as { code: string }).code
        : null;
    const parsed = portalRecordSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push({ index, code: rawCode, reason: describeZodError(parsed.error) });
      return;
    }
    const mapped = toProcedure(parsed.data);
    if (!mapped.success) {
      issues.push({ index, code: rawCode, reason: describeZodError(mapped.error) });
      return;
    }
    if (seen.has(mapped.data.code)) {
      duplicates += 1;
      return;
    }
    seen.add(mapped.data.code);
    procedures.push(mapped.data);
  });
  return { procedures, issues, total: records.length, duplicates };
}
