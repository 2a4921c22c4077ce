/**
 * An admin's save of the center's own list, decided the same way in every store: refused when
 * another admin changed one of the same procedures after the version it was edited from (or when
 * the list is older than that version: restored from a backup); otherwise only entries whose values
 * change get the next version, removals become tombstones, and a save that changes nothing keeps the
 * version. The store reads the list's head and the touched rows, then writes what this answers.
 */
import { centerEntrySchema, sameValues, type CenterEntry, type CenterListWrite, type CenterListWriteAnswer } from '../../shared/centerList/centerList.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { CenterListWriteConflict } from '../store/centerListStore.ts';

export interface CenterListHead {
  version: number;
  source: string;
}

export interface CenterListRow {
  /** The entry as stored (JSON), or null for a removal. */
  data: string | null;
  version: number;
}

export interface CenterListWritePlan {
  answer: CenterListWriteAnswer;
  /** Rows to write with `answer.version` (null data: a removal). */
  writes: { code: string; data: string | null }[];
  /** The head to write, when the version moves or the list is relabelled. */
  head: CenterListHead | null;
}

// A row that no longer fits the schema is a damaged database, not a request error.
export const parseCenterEntry = (data: string): CenterEntry => centerEntrySchema.parse(JSON.parse(data));

/** The codes a write touches: the rows the store must read for planCenterListWrite. */
export const touchedCodes = (w: CenterListWrite): string[] => [...Object.keys(w.upserts), ...w.deletions];

export function planCenterListWrite(
  head: CenterListHead,
  rows: ReadonlyMap<string, CenterListRow>,
  w: CenterListWrite,
  at: string,
  source: string | undefined,
): Result<CenterListWritePlan, CenterListWriteConflict> {
  if (w.baseVersion > head.version) {
    return err({ kind: 'conflict', version: head.version, codes: [], reason: `this list is at version ${head.version}, older than the ${w.baseVersion} you edited: reload it first` });
  }
  if (w.baseVersion < head.version) {
    const moved = touchedCodes(w).filter((code) => (rows.get(code)?.version ?? 0) > w.baseVersion);
    if (moved.length > 0) {
      return err({ kind: 'conflict', version: head.version, codes: moved, reason: `changed on another device since version ${w.baseVersion}: ${moved.join(', ')}` });
    }
  }
  const writes: CenterListWritePlan['writes'] = [];
  const by = w.by?.staffName ?? null;
  for (const [code, values] of Object.entries(w.upserts)) {
    const row = rows.get(code);
    if (row?.data && sameValues(parseCenterEntry(row.data), values)) continue;
    const entry: CenterEntry = { ...values, updatedAt: at, updatedBy: by };
    writes.push({ code, data: JSON.stringify(centerEntrySchema.parse(entry)) });
  }
  for (const code of w.deletions) {
    if (!rows.get(code)?.data) continue;
    writes.push({ code, data: null });
  }
  const relabel = source !== undefined && source !== head.source;
  if (writes.length === 0 && !relabel) return ok({ answer: { version: head.version, changed: 0 }, writes: [], head: null });
  const next = head.version + 1;
  return ok({ answer: { version: next, changed: writes.length }, writes, head: { version: next, source: source ?? head.source } });
}
