/**
 * Finds a flow's document in a catalog record. The portal's wording is long and changes between
 * decisions, so a flow names a document by a few distinctive words ("giấy báo tử"), compared folded
 * (no tones, no case) and on word boundaries; a leading "^" asks for the words at the start of the
 * name, for a short name that longer items quote ("^giấy chứng sinh" is not "Trường hợp không có Giấy
 * chứng sinh..."). Items with neither an original nor a copy are notes, not things to bring, and are
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
    const atStart = alternative.startsWith('^');
    const needle = ` ${foldVietnamese(alternative)} `;
    const hits = candidates.filter((c) => (atStart ? c.words.startsWith(needle) : c.words.includes(needle)));
    if (hits.length === 1) return { kind: 'found', document: hits[0]!.document };
    if (hits.length > 1) return { kind: 'ambiguous', document: hits[0]!.document, count: hits.length };
  }
  return { kind: 'missing' };
}
