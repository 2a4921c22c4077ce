/**
 * Finds a flow's document in a catalog record. The portal's wording is long and changes between
 * decisions, so a flow names a document by a few distinctive words ("giấy báo tử"), compared folded
 * (no tones, no case) and on word boundaries; a leading "^" asks for the words at the start of the
 * name, for a short name that longer items quote ("^giấy chứng sinh" is not "Trường hợp không có Giấy
 * chứng sinh..."), and a leading "=" for the whole name, where the portal lists near-copies of one
 * item (three "Tờ khai thay đổi thông tin cư trú ..." in one record). Items with neither an original nor a copy are notes, not things to bring, and are
 * never matched.
 */
import { foldVietnamese } from '../catalog/foldVietnamese.ts';
import type { Procedure, RequiredDocument } from '../catalog/procedure.ts';
import type { FlowDocument } from './flowSchema.ts';

export type DocumentMatch =
  | { kind: 'found'; document: RequiredDocument }
  /** More than one document has these words: the first is used, the checker reports it. */
  | { kind: 'ambiguous'; document: RequiredDocument; count: number }
  | { kind: 'missing' };

export function matchDocument(procedure: Procedure, wanted: FlowDocument): DocumentMatch {
  const candidates = procedure.documents
    .filter((d) => d.originals + d.copies > 0)
    .map((document) => ({ document, words: ` ${foldVietnamese(document.name)} ` }));
  for (const alternative of wanted.match) {
    const needle = ` ${foldVietnamese(alternative)} `;
    const fits = (words: string) =>
      alternative.startsWith('=') ? words === needle : alternative.startsWith('^') ? words.startsWith(needle) : words.includes(needle);
    // The portal repeats one item word for word under each sub-case: the same words are one document.
    const hits = [...new Map(candidates.filter((c) => fits(c.words)).map((c) => [c.words, c])).values()];
    if (hits.length === 1) return { kind: 'found', document: hits[0]!.document };
    if (hits.length > 1) return { kind: 'ambiguous', document: hits[0]!.document, count: hits.length };
  }
  return { kind: 'missing' };
}
