/**
 * Runs inside Chromium for `npm run bench:stats`: generates the files in the page (so 100,000 objects
 * need not cross the DevTools protocol) and times the app's own computeCenterStats on them.
 * Exposed on window.motcuaStatsBench for the Node driver.
 */
import { computeCenterStats, type CenterStats, type StatsOptions } from '../../shared/stats/centerStats.ts';
import type { FileSummary } from '../../shared/stats/fileSummary.ts';
import { generateFiles } from '../fixtures/centerReports.ts';

let files: FileSummary[] = [];

const OPTIONS: StatsOptions = { from: '2025-01-01', to: '2026-01-01', now: '2026-01-01T00:00:00+07:00', series: 'week' };

function generate(count: number, seed: number): number {
  const start = performance.now();
  files = generateFiles(count, seed);
  return performance.now() - start;
}

/** One warm-up run, then `runs` timed ones; returns the times and the last figures. */
function run(runs: number): { times: number[]; stats: CenterStats } {
  const times: number[] = [];
  let last = computeCenterStats(files, OPTIONS);
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    last = computeCenterStats(files, OPTIONS);
    times.push(performance.now() - start);
  }
  if (!last.ok) throw new Error(last.error);
  return { times, stats: last.value };
}

(window as unknown as { motcuaStatsBench: unknown }).motcuaStatsBench = { generate, run };
