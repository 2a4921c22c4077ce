/**
 * Turns a flow's outcome into what the citizen gets: the procedure from the catalog in use and
 * the documents that apply, counts taken from the catalog record. When the catalog does not have
 * the outcome's procedure (a demo catalog, or an import that removed the code) the outcome falls
 * back to the plain list of the family's procedures this catalog does have.
 */
import { foldVietnamese } from '../catalog/foldVietnamese.ts';
import type { Procedure } from '../catalog/procedure.ts';
import { flowCodes } from './flowEngine.ts';
import type { Flow, FlowDocument, FlowOutcome, LocalText } from './flowSchema.ts';
import { matchDocument } from './matchDocument.ts';

export type ProcedureLookup = (code: string) => Procedure | undefined;

export interface ChecklistDocument {
  label: LocalText;
  form: boolean;
  where: LocalText | null;
  originals: number;
  copies: number;
  /** Shown at the counter and handed back ("giấy tờ phải xuất trình"), not left in the file. */
  present: boolean;
  /** The catalog's own wording, for the full detail. */
  catalogName: string;
}

export type ResolvedOutcome =
  | {
      kind: 'checklist';
      outcome: FlowOutcome;
      procedure: Procedure;
      /** The form first, then the other documents in the flow's order. */
      documents: ChecklistDocument[];
      /** Documents of the flow that this catalog record no longer lists (the full list is one tap away). */
      unmatched: FlowDocument[];
    }
  | { kind: 'fallback'; outcome: FlowOutcome; family: Procedure[] };

/** The family's procedures that the catalog has, in the flow's order (outcomes first). */
export function familyProcedures(flow: Flow, lookup: ProcedureLookup): Procedure[] {
  return [...flowCodes(flow)].flatMap((code) => lookup(code) ?? []);
}

export function resolveOutcome(flow: Flow, outcome: FlowOutcome, lookup: ProcedureLookup): ResolvedOutcome {
  const procedure = lookup(outcome.code);
  if (!procedure) return { kind: 'fallback', outcome, family: familyProcedures(flow, lookup) };
  const documents: ChecklistDocument[] = [];
  const unmatched: FlowDocument[] = [];
  for (const wanted of outcome.documents) {
    const match = matchDocument(procedure, wanted);
    if (match.kind === 'missing') {
      unmatched.push(wanted);
      continue;
    }
    documents.push({
      label: wanted.label,
      form: wanted.form ?? false,
      where: wanted.where ?? null,
      originals: match.document.originals,
      copies: match.document.copies,
      present: foldVietnamese(match.document.group ?? '').includes('xuat trinh'),
      catalogName: match.document.name,
    });
  }
  documents.sort((a, b) => Number(b.form) - Number(a.form));
  return { kind: 'checklist', outcome, procedure, documents, unmatched };
}
