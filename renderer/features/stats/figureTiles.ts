/**
 * The figures screen's tiles, in three rows: how files came in, where every file received stands
 * (each file in exactly one tile, so the row adds up to "received"), and how the results came
 * (each result in exactly one tile, adding up to "done"). tests/unit/figureTiles.test.ts holds
 * both sums against computeCenterStats.
 */
import type { Figures } from '../../../shared/stats/centerStats.ts';

export type CountKey = Exclude<keyof Figures, 'onlineRate' | 'onTimeRate' | 'satisfactionRate'>;

/** Received, and by which channel. */
export const INTAKE_TILES: readonly CountKey[] = ['received', 'receivedInPerson', 'receivedOnline', 'receivedPostal'];

/** A partition of the files received: the sum is `received`. */
export const STANDING_TILES: readonly CountKey[] = ['done', 'withinPeriod', 'pendingOverdue', 'pendingNoDueDate', 'rejected', 'withdrawn'];

/** A partition of the results: the sum is `done`; `returned` is shown beside it (a subset of done). */
export const DONE_TILES: readonly CountKey[] = ['early', 'onTime', 'overdue', 'doneNoDueDate'];

export const TILE_ROWS: readonly { key: 'intake' | 'standing' | 'results'; tiles: readonly CountKey[] }[] = [
  { key: 'intake', tiles: INTAKE_TILES },
  { key: 'standing', tiles: STANDING_TILES },
  { key: 'results', tiles: [...DONE_TILES, 'returned'] },
];

/** The label of each tile under `stats.figures.` (the channel tiles keep their short names). */
export function tileLabel(key: CountKey): string {
  switch (key) {
    case 'receivedInPerson':
      return 'inPerson';
    case 'receivedOnline':
      return 'online';
    case 'receivedPostal':
      return 'postal';
    default:
      return key;
  }
}
