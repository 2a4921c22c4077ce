/**
 * What every server command shares: reading its command line (usage and exit 2 when it is wrong)
 * and running one piece of work against the store (closed after, exit 1 with the reason).
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Result } from '../../shared/result.ts';
import { defaultDataDir } from '../config.ts';
import { chooseStore, openStore } from '../store/openStore.ts';
import type { SyncStore } from '../store/store.ts';

/** The `--data-dir` and `--store` options every server command shares, defaulting like the server itself. */
export const dataDirOption = {
  'data-dir': { type: 'string', default: defaultDataDir() },
  store: { type: 'string' },
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

/** Runs `work` on the store the options name (SQLite in --data-dir, or --store / DATABASE_URL); a failure is printed as "<failure>: <reason>" with exit code 1. */
export async function withStore<T, E extends string | { reason: string }>(
  where: { 'data-dir': string; store?: string | undefined },
  failure: string,
  work: (store: SyncStore) => Promise<Result<T, E>>,
): Promise<T> {
  const choice = chooseStore(where.store, resolve(where['data-dir']));
  const store = choice.ok ? await openStore(choice.value) : choice;
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
