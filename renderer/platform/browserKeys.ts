/**
 * Keys in a plain browser: the data key is a non-extractable AES-GCM CryptoKey made once and kept in
 * its own IndexedDB database (structured clone keeps it non-extractable), so it can be opened before
 * the app's database and its upgrades. The device token is kept there too, sealed with that key.
 */
import { idbCommitted, idbRequest, openIdb } from '../data/plainIdb.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { createDataCipher, type Sealed } from '../security/dataCipher.ts';
import { generateDataKey, isUsableDataKey, type DataKey, type DataKeySource, type TokenVault } from '../security/dataKey.ts';

interface KeyRow {
  name: 'data';
  id: string;
  key: CryptoKey;
  createdAt: string;
}

interface SecretRow {
  name: 'deviceToken';
  sealed: Sealed;
}

export const BROWSER_KEY_DB = 'motcua-keys';
const TOKEN_CONTEXT = 'secret:deviceToken';
/**
 * Plain IndexedDB (data/plainIdb.ts), not Dexie: every start opens it before anything else. Its
 * shape is the one Dexie gave it (version 1 of `keys: '&name', secrets: '&name'`, which Dexie keeps
 * as IndexedDB version 10), so a device's existing key database opens as it is.
 */
const KEY_DB_VERSION = 10;
const TABLES = ['keys', 'secrets'] as const;

function openKeyDb(name: string): Promise<IDBDatabase> {
  return openIdb(name, KEY_DB_VERSION, {
    upgrade(db) {
      for (const table of TABLES) if (!db.objectStoreNames.contains(table)) db.createObjectStore(table, { keyPath: 'name' });
    },
  });
}

const reason = (e: unknown) => `the browser's key storage failed: ${e instanceof Error ? e.message : String(e)}`;

export function createBrowserKeys(dbName = BROWSER_KEY_DB): { dataKey: DataKeySource; deviceToken: TokenVault } {
  // Opened once, when first needed; opened again after a failed open, or once the connection is
  // closed (another tab deletes or upgrades the database, or the browser closes it).
  let connection: Promise<IDBDatabase> | null = null;
  const keyDb = () => {
    connection ??= openKeyDb(dbName).then(
      (db) => {
        const forget = () => {
          db.close();
          connection = null;
        };
        db.onversionchange = forget;
        db.onclose = forget;
        return db;
      },
      (e: unknown) => {
        connection = null;
        throw e;
      },
    );
    return connection;
  };
  let opening: Promise<Result<DataKey, string>> | null = null;

  async function openKey(): Promise<Result<DataKey, string>> {
    try {
      const db = await keyDb();
      const found = await idbRequest<KeyRow | undefined>(db.transaction('keys').objectStore('keys').get('data'));
      if (found) return checked(found);
      // Made outside the transaction (WebCrypto is not IndexedDB); the transaction then keeps
      // whichever key got there first, so two tabs starting together still share one key.
      const fresh = await generateDataKey();
      const keeping = db.transaction('keys', 'readwrite');
      const committed = idbCommitted(keeping);
      const keys = keeping.objectStore('keys');
      const first = await idbRequest<KeyRow | undefined>(keys.get('data'));
      const row: KeyRow = first ?? { name: 'data', id: fresh.id, key: fresh.key, createdAt: new Date().toISOString() };
      if (!first) keys.add(row);
      await committed;
      return checked(row);
    } catch (e) {
      return err(reason(e));
    }
  }

  const dataKey: DataKeySource = {
    open() {
      opening ??= openKey().then((r) => {
        if (!r.ok) opening = null;
        return r;
      });
      return opening;
    },
  };

  const cipher = async () => {
    const key = await dataKey.open();
    return key.ok ? ok(createDataCipher(key.value)) : key;
  };

  const deviceToken: TokenVault = {
    async read() {
      const c = await cipher();
      if (!c.ok) return c;
      try {
        const db = await keyDb();
        const row = await idbRequest<SecretRow | undefined>(db.transaction('secrets').objectStore('secrets').get('deviceToken'));
        if (!row) return ok(null);
        const opened = await c.value.open(row.sealed, TOKEN_CONTEXT);
        if (!opened.ok) return err(`the stored device token cannot be read: ${opened.error}`);
        return typeof opened.value === 'string' ? ok(opened.value) : err('the stored device token is not text');
      } catch (e) {
        return err(reason(e));
      }
    },
    async write(token) {
      const c = await cipher();
      if (!c.ok) return c;
      try {
        const row: SecretRow = { name: 'deviceToken', sealed: await c.value.seal(token, TOKEN_CONTEXT) };
        const db = await keyDb();
        const writing = db.transaction('secrets', 'readwrite');
        const committed = idbCommitted(writing);
        writing.objectStore('secrets').put(row);
        await committed;
        return ok(null);
      } catch (e) {
        return err(reason(e));
      }
    },
  };

  return { dataKey, deviceToken };
}

function checked(row: KeyRow): Result<DataKey, string> {
  if (!isUsableDataKey(row.key) || typeof row.id !== 'string' || row.id.length === 0) {
    return err('the stored data key is not a non-extractable AES-GCM key; local data cannot be opened');
  }
  return ok({ id: row.id, key: row.key });
}
