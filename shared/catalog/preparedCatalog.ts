/**
 * What search works out from a catalog before it can answer (the word index, the records broken in
 * the source), kept apart from the engine so a device works it out once per catalog version (in a
 * worker) and restores it from stored data at every start, instead of reading every procedure's
 * words again on an old PC's main thread.
 */
import type { Procedure } from './procedure.ts';
import { findSourceProblems } from './sourceProblems.ts';
import { buildTermIndex, restoreTermIndex, type TermIndex, type TermIndexData } from './termIndex.ts';

export interface PreparedCatalog {
  index: TermIndex;
  /** Codes of records broken in the source (sourceProblems.ts), ranked after clean ones. */
  broken: ReadonlySet<string>;
}

/** A prepared catalog as plain data (strings and typed arrays): what IndexedDB stores and a worker posts. */
export interface PreparedCatalogData {
  index: TermIndexData;
  broken: string[];
}

export function prepareCatalog(procedures: readonly Procedure[]): PreparedCatalog {
  return { index: buildTermIndex(procedures), broken: new Set(findSourceProblems(procedures).keys()) };
}

export function preparedCatalogData(prepared: PreparedCatalog): PreparedCatalogData {
  return { index: prepared.index.toData(), broken: [...prepared.broken] };
}

/** The prepared catalog from stored data, or null when that data belongs to other procedures or an older format. */
export function restorePreparedCatalog(data: PreparedCatalogData, procedures: readonly Procedure[]): PreparedCatalog | null {
  const index = restoreTermIndex(data.index, procedures);
  return index ? { index, broken: new Set(data.broken) } : null;
}
