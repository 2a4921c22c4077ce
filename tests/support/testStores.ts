/**
 * Which store a test runs on. The store contract suite (the server tests listed in
 * vitest.config.ts's STORE_CONTRACT) runs twice, once per project: `sqlite` and `postgres`; each
 * project provides its store kind, and tests open their store through tempStore.ts with it. The
 * PostgreSQL project starts one throwaway cluster for the run (postgresGlobalSetup.ts) and gives
 * every test a fresh database copied from a migrated template.
 */
import { inject } from 'vitest';

export type StoreKind = 'sqlite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The store this project's tests run on. */
    storeKind: StoreKind;
    /** postgres://user@host:port of the run's cluster (no database), when the project has one. */
    postgresServer: string;
  }
}

/** The store of the project running this file (SQLite when the project does not say). */
export function testStoreKind(): StoreKind {
  return inject('storeKind') ?? 'sqlite';
}

/** The template database every test's database is copied from (migrated once by the global setup). */
export const POSTGRES_TEMPLATE = 'motcua_template';

export function postgresServer(): string {
  const server = inject('postgresServer');
  if (!server) throw new Error('no PostgreSQL cluster in this run: the test must run in the "postgres" project (vitest --project postgres)');
  return server;
}
