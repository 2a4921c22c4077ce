/**
 * Turns a procedure's raw facts into words for the screen. Unknown stays unknown: a bare number
 * without a unit says so, an unreadable fee points to the portal's own text.
 */
import type { TFunction } from 'i18next';
import type { Procedure, SubmissionMethod } from '../../../shared/catalog/procedure.ts';

import { nationalWhere } from '../../../shared/centerList/effectiveFacts.ts';

export { methodFor, primaryMethod } from '../../../shared/catalog/submissionMethod.ts';

export function describeTime(t: TFunction, m: SubmissionMethod | undefined): string {
  const value = m?.time.value;
  if (value == null) return t('facts.time.unknown');
  if (m?.time.unit == null) return t('facts.time.noUnit', { value });
  return t(`facts.time.${m.time.unit}`, { count: value });
}

export function describeFee(t: TFunction, m: SubmissionMethod | undefined, locale: string): string {
  if (!m) return t('facts.fee.unknown');
  const { free, amount, currency } = m.fee;
  if (amount != null && amount > 0) {
    const money = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', {
      style: 'currency',
      currency: currency ?? 'VND',
      maximumFractionDigits: 0,
    }).format(amount);
    return t('facts.fee.amount', { money });
  }
  if (free === true) return t('facts.fee.free');
  if (free === false) return t('facts.fee.seeNote');
  return t('facts.fee.unknown');
}

export function describeChannel(t: TFunction, m: SubmissionMethod): string {
  return m.channel === 'other' ? m.label || t('facts.channel.other') : t(`facts.channel.${m.channel}`);
}

/** Where to hand the file in: the receiving address first, then the agencies, as the portal names them. */
export const whereToSubmit = nationalWhere;

const CONDITIONAL = /^(trường hợp|nếu|đối với|riêng)\b/i;

/** Whether a document is only needed in some cases ("Trường hợp ...", "Nếu ..."). */
export function isConditional(name: string): boolean {
  return CONDITIONAL.test(name.trim());
}

/**
 * Documents that are really notes (no original, no copy) are shown as notes, not as things to
 * bring; documents everyone needs come before the ones needed only in some cases.
 */
export function splitDocuments(p: Procedure) {
  const groups = new Map<string, { items: Procedure['documents']; notes: Procedure['documents'] }>();
  for (const d of p.documents) {
    const key = d.group ?? '';
    const g = groups.get(key) ?? { items: [], notes: [] };
    (d.originals + d.copies > 0 ? g.items : g.notes).push(d);
    groups.set(key, g);
  }
  return [...groups.entries()].map(([group, g]) => ({
    group,
    items: [...g.items].sort((a, b) => Number(isConditional(a.name)) - Number(isConditional(b.name))),
    notes: g.notes,
  }));
}

/** Splits the portal's step text into lines a person can follow. */
export function stepLines(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/\n+|(?=Bước \d+[:.])/)
    .map((s) => s.trim())
    .filter(Boolean);
}
