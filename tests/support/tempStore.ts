/** A real SQLite store in a fresh temporary folder, for integration tests; `dispose()` closes and deletes it. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../server/store/sqliteStore.ts';
import { inspectSqlite, withInspection, type InspectedStore } from './storeInspection.ts';

export interface TempStore {
  dir: string;
  store: InspectedStore;
  /** Opens another store over the same folder (a restart, or the CLI beside the server). */
  reopen(): InspectedStore;
  dispose(): Promise<void>;
}

export async function openTempStore(): Promise<TempStore> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-test-'));
  const opened: InspectedStore[] = [];
  const open = (): InspectedStore => {
    const result = openSqliteStore(dir);
    if (!result.ok) throw new Error(result.error);
    const store = withInspection(result.value, inspectSqlite(dir));
    opened.push(store);
    return store;
  };
  return {
    dir,
    store: open(),
    reopen: open,
    dispose: async () => {
      for (const s of opened) await s.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
