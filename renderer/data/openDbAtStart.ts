/**
 * How a start opens the local database. Declaring all twelve versions (db.ts) costs an old PC
 * ~50 ms of Dexie parsing them at 4x throttle and brings the upgrades' code (and the schemas they
 * check with) into the first screen's scripts; a database already at the latest version, or none
 * yet, needs only the latest tables. Any other (an older version, or a browser that cannot say)
 * is opened with every version declared, db.ts loaded for it, and upgraded as ever.
 */
import Dexie from 'dexie';
import type { DataCipher } from '../security/dataCipher.ts';
import type { MotcuaDb } from './db.ts';
import { DB_VERSION, latestStores } from './dbSchema.ts';

/** Dexie keeps version N as IndexedDB version N × 10. */
const NATIVE_VERSION = DB_VERSION * 10;

/** The database's IndexedDB version: 0 when there is none, null when the browser cannot say. */
export async function storedVersion(name: string, idb: IDBFactory = globalThis.indexedDB): Promise<number | null> {
  if (typeof idb?.databases !== 'function') return null;
  try {
    const found = (await idb.databases()).find((d) => d.name === name);
    return found ? (found.version ?? null) : 0;
  } catch {
    return null;
  }
}

/** Whether a database of this IndexedDB version opens with the latest tables alone (no upgrade to run). */
export function opensAsLatest(version: number | null): boolean {
  return version !== null && (version === 0 || version >= NATIVE_VERSION);
}

/** `held`: storedVersion(name), when the caller asked it earlier. */
export async function openDbAtStart(name: string, cipher: DataCipher, held: Promise<number | null> = storedVersion(name)): Promise<MotcuaDb> {
  if (!opensAsLatest(await held)) return (await import('./db.ts')).openDb(name, cipher);
  const db = Object.assign(new Dexie(name), { cipher }) as MotcuaDb;
  db.version(DB_VERSION).stores(latestStores());
  return db;
}
