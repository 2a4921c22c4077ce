/**
 * Orders fields for citizens: those with the most procedures the commune center handles itself
 * come first, so "Hộ tịch" leads and customs or tax (vertical agencies) follow.
 */
import type { Procedure } from '../../../shared/catalog/procedure.ts';
import { compareVietnamese } from '../../../shared/text/vietnameseOrder.ts';

export interface CitizenField {
  field: string;
  count: number;
  /** Procedures of this field that the commune center handles itself (not a vertical agency's). */
  own: number;
}

export function citizenFields(procedures: readonly Procedure[]): CitizenField[] {
  const byField = new Map<string, CitizenField>();
  for (const p of procedures) {
    const f = byField.get(p.field) ?? { field: p.field, count: 0, own: 0 };
    f.count += 1;
    if (!p.verticalAgency) f.own += 1;
    byField.set(p.field, f);
  }
  return [...byField.values()].sort((a, b) => b.own - a.own || b.count - a.count || compareVietnamese(a.field, b.field));
}
