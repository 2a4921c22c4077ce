/**
 * The center's own list on the server (shared/centerList): versioned per center, each entry
 * carrying the version at which it last changed and removals kept as tombstones, so a device
 * fetches only what changed since its version, as with the catalog.
 */
import type { CenterListChanges, CenterListWrite, CenterListWriteAnswer } from '../../shared/centerList/centerList.ts';
import type { Result } from '../../shared/result.ts';
import type { StorageFailure } from './store.ts';

/** Another admin changed some of the same procedures after the writer's base version. */
export interface CenterListWriteConflict {
  kind: 'conflict';
  reason: string;
  /** The server's version now. */
  version: number;
  codes: string[];
}

export interface CenterListStore {
  /** What changed in a center's list since `since`; version 0 with nothing in it when none was written. */
  centerListChanges(centerCode: string, since: number): Promise<Result<CenterListChanges, StorageFailure>>;
  /**
   * Applies an admin's save in one transaction, stamped with `at` and the writer's name. Only entries
   * whose values change get the new version; a save that changes nothing keeps the version.
   * `source` relabels the list (the demo seed says its values are demo values).
   */
  writeCenterList(
    centerCode: string,
    write: CenterListWrite,
    at: string,
    source?: string,
  ): Promise<Result<CenterListWriteAnswer, CenterListWriteConflict | StorageFailure>>;
}
