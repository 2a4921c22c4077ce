/**
 * The personal checklist in words, worked out once and used by the screen, the printed slip, the
 * read-aloud and the QR code alike, so all four say the same thing: the documents that apply (the
 * form first, with where to get it), then fee, time, place and what happens next. At most 12 lines.
 */
import type { TFunction } from 'i18next';
import type { ChecklistDocument, ResolvedOutcome } from '../../../shared/guidance/resolveOutcome.ts';
import type { LocalText } from '../../../shared/guidance/flowSchema.ts';
import { describeFee, describeTime, primaryMethod } from '../procedure/procedureFacts.ts';

export const MAX_CHECKLIST_LINES = 12;
/**
 * More than this many originals or copies of one paper is the scraper gluing "Mẫu số 18" to
 * "1 bản" (181), not a real request: say "ask staff" rather than print a wrong number.
 */
export const MAX_PLAUSIBLE_COUNT = 10;

/** A center's own values for a procedure, where it has set them; they win over the national catalog's. */
export interface CenterProcedureValues {
  fee?: string;
  time?: string;
  place?: string;
}

export interface ChecklistLine {
  kind: 'document' | 'fee' | 'time' | 'place' | 'next';
  /** What to bring, or the fact: one line in large type. */
  text: string;
  /** The small print under it: how many originals and copies, where to get a form. */
  detail: string | null;
}

export interface ChecklistWords {
  title: string;
  code: string;
  lines: ChecklistLine[];
}

export function localText(text: LocalText, language: string): string {
  return language === 'en' ? text.en : text.vi;
}

function documentDetail(t: TFunction, d: ChecklistDocument, language: string): string | null {
  const counts: string[] = [];
  if (d.present) counts.push(t('guidance.checklist.present'));
  else if (d.originals > MAX_PLAUSIBLE_COUNT || d.copies > MAX_PLAUSIBLE_COUNT) counts.push(t('guidance.checklist.countUnclear'));
  else {
    if (d.originals > 0) counts.push(t('detail.originals', { count: d.originals }));
    if (d.copies > 0) counts.push(t('detail.copies', { count: d.copies }));
  }
  const where = d.where ? localText(d.where, language) : d.form ? t('guidance.checklist.formWhere') : null;
  const parts = [counts.join(', '), where].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}

export function checklistWords(
  t: TFunction,
  language: string,
  resolved: Extract<ResolvedOutcome, { kind: 'checklist' }>,
  center: CenterProcedureValues = {},
): ChecklistWords {
  const { outcome, procedure, documents } = resolved;
  const method = primaryMethod(procedure);
  const lines: ChecklistLine[] = documents.map((d) => ({ kind: 'document', text: localText(d.label, language), detail: documentDetail(t, d, language) }));
  lines.push(
    { kind: 'fee', text: t('guidance.checklist.fee', { fee: center.fee ?? describeFee(t, method, language) }), detail: null },
    { kind: 'time', text: t('guidance.checklist.time', { time: center.time ?? describeTime(t, method) }), detail: null },
    {
      kind: 'place',
      text: t('guidance.checklist.place', { place: center.place ?? procedure.agencies.receivingAddress ?? t('detail.whereDefault') }),
      detail: null,
    },
    { kind: 'next', text: outcome.next ? localText(outcome.next, language) : t('guidance.checklist.nextDefault'), detail: null },
  );
  return { title: localText(outcome.title, language), code: procedure.code, lines: lines.slice(0, MAX_CHECKLIST_LINES) };
}

/** One line of plain text per checklist line, for the QR code and the voice. */
export function plainLines(words: ChecklistWords): string[] {
  return words.lines.map((l) => (l.detail ? `${l.text} (${l.detail})` : l.text));
}
