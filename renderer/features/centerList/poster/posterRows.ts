/**
 * What a poster lists for one field (lĩnh vực): the center's posted procedures of that field, in
 * name order, each with its effective time, fee and place and the portal link for its QR code.
 */
import type { Procedure } from '../../../../shared/catalog/procedure.ts';
import type { CenterEntryValues } from '../../../../shared/centerList/centerList.ts';
import { effectiveFacts, type EffectiveFacts } from '../../../../shared/centerList/effectiveFacts.ts';

export interface PosterRow {
  code: string;
  name: string;
  facts: EffectiveFacts;
  portalUrl: string | null;
}

/** The fields the list has procedures in, with how many, most first. */
export function posterFields(codes: string[], procedureByCode: (code: string) => Procedure | undefined): { field: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const code of codes) {
    const field = procedureByCode(code)?.field;
    if (field) counts.set(field, (counts.get(field) ?? 0) + 1);
  }
  return [...counts].map(([field, count]) => ({ field, count })).sort((a, b) => b.count - a.count || a.field.localeCompare(b.field, 'vi'));
}

export function posterRows(
  entries: Record<string, CenterEntryValues>,
  field: string,
  procedureByCode: (code: string) => Procedure | undefined,
): PosterRow[] {
  return Object.entries(entries)
    .map(([code, values]) => ({ code, values, procedure: procedureByCode(code) }))
    .filter((r): r is typeof r & { procedure: Procedure } => r.procedure?.field === field)
    .sort((a, b) => a.procedure.name.localeCompare(b.procedure.name, 'vi'))
    .map(({ code, values, procedure }) => ({ code, name: procedure.name, facts: effectiveFacts(procedure, values), portalUrl: procedure.portalUrl }));
}
