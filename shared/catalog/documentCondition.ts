/**
 * Which of a procedure's documents everyone must hand in, and which only "if it applies". The
 * portal has no field for it: the condition is written into the name ("Trường hợp ...", "Đối với
 * ...", "... (nếu có)", "... (chỉ khi ...)") or into the group the document sits in. The counter
 * counts only the required ones as missing; the kiosk lists the others after them.
 */
import type { RequiredDocument } from './procedure.ts';

/** Words that open a condition, after any bullet ("+", "-", "*", "a)", "(1.3)") the scraper kept. */
const OPENS_WITH_CONDITION = /^(?:trường hợp|nếu|đối với|riêng|chỉ khi|khi)(?=\s|$|[,:;])/u;
const BULLET = /^(?:[\s+\-*•;.:]+|\(?\d+(?:\.\d+)*[).]\s*|\(?[a-zđ][).]\s+)+/u;
/** A condition in brackets inside the name: "(nếu có)", "(nếu ủy quyền ...)", "(chỉ khi ...)". */
const BRACKETED_CONDITION = /\(\s*(?:trường hợp|nếu|đối với|chỉ khi|khi)(?=\s|$|[,:;)])/u;

function opensWithCondition(text: string): boolean {
  const folded = text.normalize('NFC').toLowerCase().trim();
  return OPENS_WITH_CONDITION.test(folded.replace(BULLET, ''));
}

/** Whether a document is needed only in some cases (by its name or its group). */
export function isConditionalDocument(doc: Pick<RequiredDocument, 'name' | 'group'>): boolean {
  if (opensWithCondition(doc.name)) return true;
  if (BRACKETED_CONDITION.test(doc.name.normalize('NFC').toLowerCase())) return true;
  return doc.group !== null && opensWithCondition(doc.group);
}
