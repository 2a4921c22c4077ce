/**
 * A citizen's pre-registration (shared/prereg) as the counter's registration form: the citizen as
 * declared, the procedure, and its checklist with the documents the citizen ticked counted as
 * handed in (as declared: the clerk checks them before saving). Pure.
 */
import { formatDayMonthYear } from '../../../../shared/calendar/dayMonthYear.ts';
import type { Procedure } from '../../../../shared/catalog/procedure.ts';
import type { PreregDraft } from '../../../../shared/prereg/preregDraft.ts';
import { checklistFor, emptyDraft, type RegisterDraft } from '../register/registerDraft.ts';

export function formFromPrereg(draft: PreregDraft, procedure: Procedure | undefined): RegisterDraft {
  const brought = new Set(draft.documents.filter((d) => d.brought).map((d) => d.name));
  const documents = procedure
    ? checklistFor(procedure).map((d) => (brought.has(d.name) ? { ...d, originalsReceived: d.originalsExpected, copiesReceived: d.copiesExpected } : d))
    : [];
  const { citizen } = draft;
  return {
    ...emptyDraft(),
    procedureCode: procedure ? procedure.code : null,
    fullName: citizen.fullName,
    birthDate: formatDayMonthYear(citizen.birthDate),
    idNumber: citizen.idNumber,
    sex: citizen.sex ?? '',
    phone: citizen.phone ?? '',
    address: citizen.address ?? '',
    documents,
  };
}
