/**
 * The e2e suite's clock. Screens show dates (file numbers, due dates, a month's grid, "printed on"),
 * so every browser context and the test server start at the same instant, Monday 1 June 2026 at
 * 08:30 in Vietnam, and run on from there in real time: screenshots show the same days on every run
 * and every machine, while timers, idle resets and sync back-off behave as they do at a real counter.
 *
 * The date is a plain working day (no holiday within weeks), after 20 December 2025 so the tests'
 * dates in December 2028 are within a file's 3-year bound, and inside the holiday table (2025–2027).
 */
export const E2E_START = Date.parse('2026-06-01T08:30:00+07:00');

/** Fixed when this test file's modules load: each e2e file starts at E2E_START. */
const offset = E2E_START - Date.now();

/** Now, on the suite's clock (what the pages and the test server see). */
export function testNow(): Date {
  return new Date(Date.now() + offset);
}

export const DAY_MS = 24 * 60 * 60 * 1000;
