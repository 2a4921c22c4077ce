/**
 * How a start opens the local database. Declaring every version (db.ts) costs an old PC
 * ~50 ms of Dexie parsing them at 4x throttle and brings the upgrades' code (and the schemas they
 * check with) into the first screen's scripts; a database already at the latest version, or none
 * yet, needs only the latest tables. Any other (an older version, or a browser that cannot say)
 * is opened with every version declared, db.ts loaded for it, and upgraded as ever.
 */
import Dexie from 'dexie';
import type { DataCipher } from '../security/dataCipher.ts';
import type { MotcuaDb } from './db.ts';
import { DB_VERSION, latestStores } from './dbSchema.ts';

/** The latest version as IndexedDB knows it: Dexie keeps version N as IndexedDB version N × 10. */
export const NATIVE_DB_VERSION = DB_VERSION * 10;

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
  return version !== null && (version === 0 || version >= NATIVE_DB_VERSION);
}

/** Whether it may open before the data key: it is there already and needs no upgrade (a new one is made once the key is there). */
export function opensBeforeKey(version: number | null): boolean {
  return version !== null && version >= NATIVE_DB_VERSION;
}

function latestDb(name: string): MotcuaDb {
  const db = new Dexie(name) as MotcuaDb;
  db.version(DB_VERSION).stores(latestStores());
  return db;
}

/** The key's cipher on a database declared here (db.ts's openDb takes it when it declares). */
function withCipher(db: MotcuaDb, cipher: DataCipher): MotcuaDb {
  return Object.defineProperty(db, 'cipher', { value: cipher, enumerable: true });
}

/**
 * Opens the database for a start. One already at the latest version opens at once, before the data
 * key (the catalog, which is not sealed, is read meanwhile: `opened` is told), the key's cipher
 * attached when it comes; one of an older version waits for the key, since its upgrades seal older
 * rows; a new one is made only once there is a key (a device without one keeps no database). Null
 * when there is no key (a database opened early is closed again).
 */
export async function openDbAtStart(
  name: string,
  cipher: Promise<DataCipher | null>,
  held: Promise<number | null> = storedVersion(name),
  opened: (db: MotcuaDb) => void = () => {},
): Promise<MotcuaDb | null> {
  const version = await held;
  const early = opensBeforeKey(version) ? latestDb(name) : null;
  if (early) opened(early);
  const key = await cipher;
  if (!key) {
    early?.close();
    return null;
  }
  // Attached before any screen has the database: nothing seals or opens before it is there.
  if (early) return withCipher(early, key);
  const db = opensAsLatest(version) ? withCipher(latestDb(name), key) : (await import('./db.ts')).openDb(name, key);
  opened(db);
  return db;
}
