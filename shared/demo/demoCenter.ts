/**
 * The public demo center that `npm run web` (`--demo-center`) seeds for development, the end-to-end
 * tests and the benchmarks. Its codes are public; this is the one place they are written. Never on a
 * real server.
 */
export const DEMO_CENTER = {
  code: 'DEMO',
  name: 'Trung tâm PVHCC (demo)',
  /** Enrols kiosks and counters. */
  enrolmentCode: 'demo-counter-enrol',
  /** Enrols the center admin's device (figures). */
  adminEnrolmentCode: 'demo-admin-enrol',
} as const;
