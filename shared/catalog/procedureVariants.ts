/**
 * Rare variants of common procedures. The catalog lists "đăng ký khai sinh" beside "... lưu động",
 * "... có yếu tố nước ngoài", "... tại khu vực biên giới" and "đăng ký lại ..."; a person who types
 * "khai sinh" almost always wants the plain one, so search ranks a variant lower unless the query
 * names its qualifier. The kiosk's users are people, so a procedure "đối với tổ chức" (for organisations)
 * counts as a variant too.
 */
import { foldVietnamese } from './foldVietnamese.ts';

export interface VariantQualifier {
  /** Folded words that mark the variant in a procedure name. */
  inName: string;
  /** Folded words whose presence in the query means the person asked for the variant. */
  askedBy: readonly string[];
}

function qualifier(inName: string, askedBy: readonly string[]): VariantQualifier {
  return { inName: foldVietnamese(inName), askedBy: askedBy.map(foldVietnamese) };
}

export const VARIANT_QUALIFIERS: readonly VariantQualifier[] = [
  qualifier('có yếu tố nước ngoài', ['nước ngoài', 'yếu tố', 'ngoại quốc', 'ngoại kiều']),
  qualifier('lưu động', ['lưu động', 'tại nhà', 'tận nhà']),
  qualifier('khu vực biên giới', ['biên giới']),
  qualifier('đăng ký lại', ['lại']),
  qualifier('thực hiện tại cấp huyện', ['huyện']),
  qualifier('đối với tổ chức', ['tổ chức', 'công ty', 'doanh nghiệp', 'cơ quan', 'hợp tác xã']),
  qualifier('cho cơ quan, tổ chức', ['tổ chức', 'công ty', 'doanh nghiệp', 'cơ quan', 'hợp tác xã']),
];

/** Qualifiers of a folded name, for the index to keep beside each procedure. */
export function qualifiersInName(foldedName: string): VariantQualifier[] {
  const padded = ` ${foldedName} `;
  return VARIANT_QUALIFIERS.filter((q) => padded.includes(` ${q.inName} `));
}

/**
 * How many of the name's qualifiers the folded query did not ask for. A cue may be the start of
 * the query's last word, so the ranking does not jump while the person is still typing it.
 */
export function unaskedQualifiers(qualifiers: readonly VariantQualifier[], foldedQuery: string): number {
  if (qualifiers.length === 0) return 0;
  const padded = ` ${foldedQuery}`;
  let count = 0;
  for (const q of qualifiers) {
    if (!q.askedBy.some((cue) => padded.includes(` ${cue}`))) count += 1;
  }
  return count;
}
