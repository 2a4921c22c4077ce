/**
 * What every server command shares: reading its command line (usage and exit 2 when it is wrong)
 * and running one piece of work against the SQLite store (closed after, exit 1 with the reason).
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Result } from '../../shared/result.ts';
import { defaultDataDir } from '../config.ts';
import { openSqliteStore } from '../store/sqliteStore.ts';
import type { SyncStore } from '../store/store.ts';

/** The `--data-dir` option every server command shares, defaulting like the server itself. */
export const dataDirOption = {
  'data-dir': { type: 'string', default: defaultDataDir() },
} as const;

/** The option table parseArgs takes (Node's own type for it is not exported in @types/node 20). */
export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

type CommandLineConfig<O extends OptionsConfig> = { args: string[]; allowPositionals: true; options: typeof dataDirOption & O };
export type CommandLine<O extends OptionsConfig> = ReturnType<typeof parseArgs<CommandLineConfig<O>>>;

export function readCommandLine<const O extends OptionsConfig>(usage: string, options: O): CommandLine<O> {
  const config: CommandLineConfig<O> = {
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { ...dataDirOption, ...options },
  };
  try {
    return parseArgs(config);
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
}

/** Runs `work` on the store in `dataDir`; a failure is printed as "<failure>: <reason>" with exit code 1. */
export async function withStore<T, E extends string | { reason: string }>(
  dataDir: string,
  failure: string,
  work: (store: SyncStore) => Promise<Result<T, E>>,
): Promise<T> {
  const store = openSqliteStore(resolve(dataDir));
  if (!store.ok) {
    console.error(`${failure}: ${store.error}`);
    process.exit(1);
  }
  const result = await work(store.value);
  await store.value.close();
  if (!result.ok) {
    console.error(`${failure}: ${typeof result.error === 'string' ? result.error : result.error.reason}`);
    process.exit(1);
  }
  return result.value;
}
