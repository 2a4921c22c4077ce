/**
 * Which store the server and its commands open: SQLite in the data folder (the default, no
 * configuration), or PostgreSQL when `--store postgres://...` or DATABASE_URL names a database.
 */
import { err, ok, type Result } from '../../shared/result.ts';
import { openPostgresStore, redactUrl } from './postgres/postgresStore.ts';
import { openSqliteStore } from './sqliteStore.ts';
import type { SyncStore } from './store.ts';

export type StoreChoice = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };

/** Connections per server process unless MOTCUA_PG_POOL says otherwise. */
export const DEFAULT_PG_POOL = 10;

/**
 * `--store` wins over DATABASE_URL; 'sqlite' (or nothing) is the data folder's SQLite file; a
 * postgres:// or postgresql:// URL is that database.
 */
export function chooseStore(storeOption: string | undefined, dataDir: string, env: NodeJS.ProcessEnv = process.env): Result<StoreChoice> {
  const named = storeOption ?? env.DATABASE_URL;
  if (named === undefined || named === '' || named === 'sqlite') return ok({ kind: 'sqlite', dataDir });
  if (!/^postgres(ql)?:\/\//.test(named)) return err(`--store must be "sqlite" or a postgres:// URL, got "${redactUrl(named)}"`);
  const poolSize = Number(env.MOTCUA_PG_POOL ?? DEFAULT_PG_POOL);
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 500) return err(`MOTCUA_PG_POOL must be 1-500, got ${env.MOTCUA_PG_POOL}`);
  return ok({ kind: 'postgres', url: named, poolSize });
}

export async function openStore(choice: StoreChoice): Promise<Result<SyncStore>> {
  return choice.kind === 'sqlite' ? openSqliteStore(choice.dataDir) : openPostgresStore(choice.url, { poolSize: choice.poolSize });
}

/** Where the data is, in words for the start-up line (never the password). */
export const describeStore = (choice: StoreChoice): string =>
  choice.kind === 'sqlite' ? `data in ${choice.dataDir}` : `PostgreSQL at ${redactUrl(choice.url)}, ${choice.poolSize} connections`;
