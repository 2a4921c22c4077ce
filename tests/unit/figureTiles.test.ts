/**
 * The figures screen's tiles: every file received in the period lands in exactly one tile of
 * "where files stand", and every file with a result in exactly one tile of "how results came".
 */
import { describe, expect, it } from 'vitest';
import { computeCenterStats, type Figures } from '../../shared/stats/centerStats.ts';
import type { FileSummary } from '../../shared/stats/fileSummary.ts';
import { DONE_TILES, STANDING_TILES } from '../../renderer/features/stats/figureTiles.ts';
import { generateFiles } from '../fixtures/centerReports.ts';

const sum = (f: Figures, keys: readonly (keyof Figures)[]) => keys.reduce((n, k) => n + (f[k] as number), 0);
const base = { centerCode: 'X', locationCode: null, channel: 'in_person', field: 'Hộ tịch', procedureCode: '1.001193', procedureName: 'Khai sinh', receivedAt: '2026-03-02T09:00:00+07:00', returnedAt: null, doneAt: null } as const;

describe('the figure tiles', () => {
  it('shows all 4 files received when 3 of them have no due date (was: 4 received, 1 done + 0 + 0)', () => {
    const files: FileSummary[] = [
      { ...base, status: 'done', dueAt: '2026-03-05T17:00:00+07:00', doneAt: '2026-03-03T10:00:00+07:00' },
      { ...base, status: 'received', dueAt: null },
      { ...base, status: 'processing', dueAt: null },
      { ...base, status: 'done', dueAt: null, doneAt: '2026-03-03T11:00:00+07:00' },
    ];
    const r = computeCenterStats(files, { from: '2026-03-01', to: '2026-04-01', now: '2026-03-10T00:00:00+07:00' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.total.received).toBe(4);
    expect(sum(r.value.total, STANDING_TILES)).toBe(4);
    expect(sum(r.value.total, DONE_TILES)).toBe(r.value.total.done);
  });

  it('puts every generated file in exactly one standing tile and every result in one result tile, per group too', () => {
    // Some without a due date (unknown processing time) and some withdrawn, as real months have.
    const files = generateFiles(5_000, 11).map((f, i) =>
      i % 7 === 0 ? { ...f, dueAt: null } : i % 31 === 0 && f.doneAt === null ? { ...f, status: 'withdrawn' as const } : f,
    );
    const r = computeCenterStats(files, { from: '2025-01-01', to: '2026-01-01', now: '2025-09-15T00:00:00+07:00' });
    if (!r.ok) throw new Error(r.error);
    for (const f of [r.value.total, ...r.value.byField, ...r.value.byProcedure]) {
      expect(sum(f, STANDING_TILES)).toBe(f.received);
      expect(sum(f, DONE_TILES)).toBe(f.done);
    }
    expect(r.value.total.received).toBeGreaterThan(1000);
  });
});
