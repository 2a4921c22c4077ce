/**
 * What a catalog import changes, decided the same way in every store: only procedures whose content
 * changed get the new version, removed ones become tombstones (so a device fetching changes drops
 * them), a procedure that only moved keeps its version. And what a device asking for changes since a
 * version gets: nothing, everything, or the rows changed after it.
 */
import type { Procedure } from '../../shared/catalog/procedure.ts';

export interface StoredProcedureRow {
  code: string;
  /** The procedure as stored (JSON), or null for a tombstone. */
  data: string | null;
  position: number;
}

export interface CatalogReplacePlan {
  /** Added or changed: written with the new version. */
  upserts: { code: string; data: string; position: number }[];
  /** Unchanged but in another place: order is presentation, not content, so no new version. */
  moves: { code: string; position: number }[];
  /** Removed: kept as tombstones with the new version. */
  tombstones: string[];
  counts: { added: number; changed: number; removed: number; unchanged: number };
}

export function planCatalogReplace(existing: Iterable<StoredProcedureRow>, procedures: readonly Procedure[]): CatalogReplacePlan {
  const byCode = new Map<string, StoredProcedureRow>();
  for (const row of existing) byCode.set(row.code, row);
  const plan: CatalogReplacePlan = { upserts: [], moves: [], tombstones: [], counts: { added: 0, changed: 0, removed: 0, unchanged: 0 } };
  const incoming = new Set<string>();
  procedures.forEach((procedure, position) => {
    incoming.add(procedure.code);
    const data = JSON.stringify(procedure);
    const row = byCode.get(procedure.code);
    if (row?.data === data) {
      plan.counts.unchanged += 1;
      if (row.position !== position) plan.moves.push({ code: procedure.code, position });
      return;
    }
    if (row?.data) plan.counts.changed += 1;
    else plan.counts.added += 1;
    plan.upserts.push({ code: procedure.code, data, position });
  });
  for (const row of byCode.values()) {
    if (row.data !== null && !incoming.has(row.code)) {
      plan.tombstones.push(row.code);
      plan.counts.removed += 1;
    }
  }
  return plan;
}

/** Whether the plan changes the catalog's content (a move alone does not). */
export const changesContent = (plan: CatalogReplacePlan): boolean => plan.counts.added + plan.counts.changed + plan.counts.removed > 0;

/**
 * What a device at `since` needs: 'same' (nothing), 'full' (its version is unknown, from the future,
 * or older than anything this store kept), or 'delta' (the rows changed after `since`).
 */
export function catalogDeltaKind(since: number, current: { version: number; baseVersion: number }): 'same' | 'full' | 'delta' {
  if (since === current.version) return 'same';
  if (since <= 0 || since > current.version || since < current.baseVersion) return 'full';
  return 'delta';
}
