/**
 * What the admin screen shows and saves: the list as pulled, with the admin's unsaved edits laid
 * over it, and the one request that sends those edits. Pure, so the rules are tested without a page.
 */
import type { CenterEntry, CenterEntryValues, CenterListWrite } from '../../../shared/centerList/centerList.ts';
import type { CenterListDraftRow } from '../../data/db.ts';

export type RowState = 'saved' | 'edited' | 'added' | 'removed';

export interface ListRow {
  code: string;
  values: CenterEntryValues;
  state: RowState;
  /** The server's stamp, for saved and edited rows. */
  updatedAt: string | null;
  updatedBy: string | null;
}

export function mergeDraft(entries: Record<string, CenterEntry>, draft: readonly CenterListDraftRow[]): ListRow[] {
  const rows = new Map<string, ListRow>();
  for (const [code, e] of Object.entries(entries)) rows.set(code, { code, values: e, state: 'saved', updatedAt: e.updatedAt, updatedBy: e.updatedBy });
  for (const d of draft) {
    const saved = rows.get(d.code);
    if (d.values === null) {
      if (saved) rows.set(d.code, { ...saved, state: 'removed' });
    } else {
      rows.set(d.code, { code: d.code, values: d.values, state: saved ? 'edited' : 'added', updatedAt: saved?.updatedAt ?? null, updatedBy: saved?.updatedBy ?? null });
    }
  }
  return [...rows.values()];
}

/** The request that saves the draft, or null when it holds nothing the server lacks. */
export function writeOfDraft(
  entries: Record<string, CenterEntry>,
  draft: readonly CenterListDraftRow[],
  baseVersion: number,
  by: CenterListWrite['by'],
): CenterListWrite | null {
  const upserts: Record<string, CenterEntryValues> = {};
  const deletions: string[] = [];
  for (const d of draft) {
    if (d.values !== null) upserts[d.code] = d.values;
    else if (d.code in entries) deletions.push(d.code);
  }
  if (Object.keys(upserts).length + deletions.length === 0) return null;
  return { baseVersion, upserts, deletions, by };
}
