/**
 * Rare variants of common procedures. The catalog lists "đăng ký khai sinh" beside "... lưu động",
 * "... có yếu tố nước ngoài", "... tại khu vực biên giới" and "đăng ký lại ..."; a person who types
 * "khai sinh" almost always wants the plain one, so search ranks a variant lower unless the query
 * asks for it: by the words typed ("lưu động") or by a lexicon concept ("người Lào" asks for the
 * foreign and the border variants). The kiosk's users are people, so a procedure "đối với tổ chức"
 * (for organisations) counts as a variant too.
 */
import { foldVietnamese } from './foldVietnamese.ts';
import type { QualifierId } from './language/lexicon.ts';

export interface VariantQualifier {
  id: QualifierId | 'district';
  /** Folded words that mark the variant in a procedure name. */
  inName: string;
  /** Folded words whose presence in the query means the person asked for the variant. */
  askedBy: readonly string[];
}

function qualifier(id: VariantQualifier['id'], inName: string, askedBy: readonly string[]): VariantQualifier {
  return { id, inName: foldVietnamese(inName), askedBy: askedBy.map(foldVietnamese) };
}

const ORGANISATION_CUES = ['tổ chức', 'công ty', 'doanh nghiệp', 'cơ quan', 'hợp tác xã'];

export const VARIANT_QUALIFIERS: readonly VariantQualifier[] = [
  qualifier('foreign', 'có yếu tố nước ngoài', ['nước ngoài', 'yếu tố', 'ngoại quốc', 'ngoại kiều']),
  qualifier('mobile', 'lưu động', ['lưu động', 'tại nhà', 'tận nhà']),
  qualifier('border', 'khu vực biên giới', ['biên giới']),
  qualifier('again', 'đăng ký lại', ['lại']),
  qualifier('district', 'thực hiện tại cấp huyện', ['huyện']),
  qualifier('organisation', 'đối với tổ chức', ORGANISATION_CUES),
  qualifier('organisation', 'cho cơ quan, tổ chức', ORGANISATION_CUES),
];

/** Qualifiers of a folded name, for the index to keep beside each procedure. */
export function qualifiersInName(foldedName: string): VariantQualifier[] {
  const padded = ` ${foldedName} `;
  return VARIANT_QUALIFIERS.filter((q) => padded.includes(` ${q.inName} `));
}

/**
 * The variants a query asks for: the lexicon's asks plus cue words among the words the lexicon did
 * not read (so "xin lại" = cấp lại or "lấy" (folded "lai") do not ask for "đăng ký lại"). A cue may
 * be the start of the query's last word, so the ranking does not jump while it is being typed.
 */
export function askedQualifiers(plainWords: readonly string[], asks: ReadonlySet<QualifierId>): ReadonlySet<VariantQualifier['id']> {
  const padded = ` ${plainWords.join(' ')}`;
  const out = new Set<VariantQualifier['id']>(asks);
  for (const q of VARIANT_QUALIFIERS) if (q.askedBy.some((cue) => padded.includes(` ${cue}`))) out.add(q.id);
  return out;
}

/** How many of the name's qualifiers the query did not ask for. */
export function unaskedQualifiers(qualifiers: readonly VariantQualifier[], asked: ReadonlySet<VariantQualifier['id']>): number {
  let count = 0;
  for (const q of qualifiers) if (!asked.has(q.id)) count += 1;
  return count;
}
