/**
 * The stored catalog as two JSON texts: each procedure's summary (what search, the result cards,
 * the home screen and the counter's lists read) and, in the same order, its details (the documents
 * to bring, the steps, the legal basis: three quarters of the bytes, read only by a procedure's own
 * page, its checklist and the forms), stored apart. A start reads and parses the summaries alone;
 * the details' text is read after the first screen (or when a screen that shows them opens first)
 * and parsed, all at once, the first time any is read, through getters on the procedures, so every
 * reader keeps reading `procedure.documents` as ever.
 */
import type { Procedure } from '../../shared/catalog/procedure.ts';

const DETAIL_KEYS = ['documents', 'steps', 'legalBasis'] as const;
type DetailKey = (typeof DETAIL_KEYS)[number];
type Details = Partial<Pick<Procedure, DetailKey>>;

export interface CatalogTexts {
  /** A JSON array of the procedures without their details. */
  summaries: string;
  /** A JSON array of the details, one per procedure, in the same order. */
  details: string;
}

/** The stored text's rows, unchecked ([] when it does not parse). */
export function parseRows(text: string): unknown[] {
  try {
    const rows: unknown = JSON.parse(text);
    return Array.isArray(rows) ? rows : [];
  } catch {
    return [];
  }
}

export function splitCatalog(procedures: readonly unknown[]): CatalogTexts {
  const summaries: Record<string, unknown>[] = [];
  const details: Details[] = [];
  for (const p of procedures) {
    const summary: Record<string, unknown> = { ...(p as Record<string, unknown>) };
    const detail: Record<string, unknown> = {};
    for (const key of DETAIL_KEYS) {
      detail[key] = summary[key];
      delete summary[key];
    }
    summaries.push(summary);
    details.push(detail as Details);
  }
  return { summaries: JSON.stringify(summaries), details: JSON.stringify(details) };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Each record whole again (what the schema checks): a summary without its details stays without them, and fails the check. */
export function fullRows(texts: CatalogTexts): unknown[] {
  const details = parseRows(texts.details);
  return parseRows(texts.summaries).map((row, i) => (isRecord(row) && isRecord(details[i]) ? { ...row, ...details[i] } : row));
}

/** The details' text once it is read (null until then): what the procedures' detail getters read. */
export interface DetailsText {
  text: string | null;
}

/**
 * The procedures for a start, unchecked (a worker checks them): the summaries parsed now, the
 * details when first read once their text is there (data/catalogRepository.ts reads it after the
 * first screen; screens that show details wait for it). A detail missing from the text, or read
 * before the text is there, reads as undefined, which the check then refuses, so the record is
 * left out rather than shown without its documents.
 */
export function proceduresWithLazyDetails(summaries: string, details: DetailsText): Procedure[] {
  const rows = parseRows(summaries).filter(isRecord);
  let parsed: unknown[] | null = null;
  const detailsOf = (i: number): Record<string, unknown> | null => {
    if (details.text === null) return null;
    parsed ??= parseRows(details.text);
    const d = parsed[i];
    return isRecord(d) ? d : null;
  };
  rows.forEach((row, i) => {
    for (const key of DETAIL_KEYS) {
      Object.defineProperty(row, key, { get: () => detailsOf(i)?.[key], enumerable: true, configurable: true });
    }
  });
  return rows as unknown as Procedure[];
}
