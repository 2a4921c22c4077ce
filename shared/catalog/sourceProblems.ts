/**
 * Records that are broken in the portal snapshot itself, found by looking at the catalog as a whole:
 * several codes that share one portal page, several codes with the same name and the same papers,
 * a decision's title standing where the procedure's name should be, and the district-level twin of a
 * commune procedure (districts were abolished on 1 July 2025). Search ranks these after clean
 * records and the importer lists them for admins; nothing is dropped, because a person may still
 * need one of them and only staff can tell which copy is right.
 */
import { foldVietnamese } from './foldVietnamese.ts';
import type { Procedure } from './procedure.ts';

export type SourceProblemKind = 'shared-portal-page' | 'same-text' | 'not-a-procedure-name' | 'district-twin';

export interface SourceProblem {
  kind: SourceProblemKind;
  /** The other codes involved, so an admin can compare them. */
  with: string[];
}

/** Words that open the title of a decision or an announcement, never a procedure's name. */
const ANNOUNCEMENT = new RegExp(`^(${['công bố danh mục', 'quyết định về việc', 'về việc công bố'].map(foldVietnamese).join('|')})`);
const DISTRICT_MARK = foldVietnamese('thực hiện tại cấp huyện');
const COMMUNE_MARK = foldVietnamese('thực hiện tại cấp xã');

function portalPage(p: Procedure): string | null {
  const url = p.portalUrl?.trim();
  if (!url) return null;
  return url.replace(/[?#].*$/, '').replace(/\/+$/, '').toLowerCase();
}

function groupBy<K>(procedures: readonly Procedure[], key: (p: Procedure) => K | null): Map<K, Procedure[]> {
  const groups = new Map<K, Procedure[]>();
  for (const p of procedures) {
    const k = key(p);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(p);
    else groups.set(k, [p]);
  }
  return groups;
}

/** Problems by procedure code; codes without problems are absent. */
export function findSourceProblems(procedures: readonly Procedure[]): Map<string, SourceProblem[]> {
  const found = new Map<string, SourceProblem[]>();
  const add = (code: string, problem: SourceProblem): void => {
    const list = found.get(code) ?? [];
    if (!list.some((x) => x.kind === problem.kind)) list.push(problem);
    found.set(code, list);
  };
  const others = (group: readonly Procedure[], p: Procedure): string[] => group.filter((x) => x.code !== p.code).map((x) => x.code);

  for (const group of groupBy(procedures, portalPage).values()) {
    if (group.length > 1) for (const p of group) add(p.code, { kind: 'shared-portal-page', with: others(group, p) });
  }
  const textKey = (p: Procedure): string => `${foldVietnamese(p.name)}|${p.documents.map((d) => foldVietnamese(d.name)).join('|')}`;
  for (const group of groupBy(procedures, textKey).values()) {
    if (group.length > 1) for (const p of group) add(p.code, { kind: 'same-text', with: others(group, p) });
  }
  for (const p of procedures) {
    if (ANNOUNCEMENT.test(foldVietnamese(p.name))) add(p.code, { kind: 'not-a-procedure-name', with: [] });
  }
  const byTwinName = groupBy(procedures, (p) => {
    const name = foldVietnamese(p.name);
    return name.includes(DISTRICT_MARK) || name.includes(COMMUNE_MARK) ? name.replace(DISTRICT_MARK, '').replace(COMMUNE_MARK, '').trim() : null;
  });
  for (const group of byTwinName.values()) {
    const communeTwins = group.filter((p) => foldVietnamese(p.name).includes(COMMUNE_MARK));
    if (communeTwins.length === 0) continue;
    for (const p of group) {
      if (foldVietnamese(p.name).includes(DISTRICT_MARK)) add(p.code, { kind: 'district-twin', with: communeTwins.map((x) => x.code) });
    }
  }
  return found;
}
