import { defineConfig } from 'vitest/config';

/**
 * The store contract suite: the server tests that run on every store, once in the `sqlite` project
 * and once in the `postgres` project (tests/support/testStores.ts), so both stores are shown to
 * behave the same by the same tests. tests/integration/postgres/ holds what only PostgreSQL has
 * (writers side by side, pg_dump); the other integration tests are the devices' and SQLite's own.
 */
const STORE_CONTRACT = [
  'tests/integration/store/**/*.test.ts',
  'tests/integration/addressServer.test.ts',
  'tests/integration/addressUnitPush.test.ts',
  'tests/integration/badInputs.test.ts',
  'tests/integration/catalogServer.test.ts',
  'tests/integration/centerListServer.test.ts',
  'tests/integration/citizenChecksServer.test.ts',
  'tests/integration/enrolmentLimits.test.ts',
  'tests/integration/fileChangesServer.test.ts',
  'tests/integration/fileLifecycleServer.test.ts',
  'tests/integration/flowImportReport.test.ts',
  'tests/integration/learningServer.test.ts',
  'tests/integration/preregServer.test.ts',
  'tests/integration/publicLookupServer.test.ts',
  'tests/integration/queueServer.test.ts',
  'tests/integration/routeRoles.test.ts',
  'tests/integration/scanUploadServer.test.ts',
  'tests/integration/statsCalendarServer.test.ts',
  'tests/integration/syncServer.test.ts',
  'tests/integration/syncFaults.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['tests/integration/**/*.test.ts'],
          exclude: ['tests/integration/postgres/**'],
          provide: { storeKind: 'sqlite' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...STORE_CONTRACT, 'tests/integration/postgres/**/*.test.ts'],
          provide: { storeKind: 'postgres' },
          // One throwaway cluster for the run, started only when a test of this project is queued.
          globalSetup: ['tests/support/postgresGlobalSetup.ts'],
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
