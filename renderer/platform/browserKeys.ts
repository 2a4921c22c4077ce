/**
 * Keys in a plain browser: the data key is a non-extractable AES-GCM CryptoKey made once and kept in
 * its own IndexedDB database (structured clone keeps it non-extractable), so it can be opened before
 * the app's database and its upgrades. The device token is kept there too, sealed with that key.
 */
import Dexie, { type EntityTable } from 'dexie';
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

type KeyDb = Dexie & {
  keys: EntityTable<KeyRow, 'name'>;
  secrets: EntityTable<SecretRow, 'name'>;
};

export const BROWSER_KEY_DB = 'motcua-keys';
const TOKEN_CONTEXT = 'secret:deviceToken';

function openKeyDb(name: string): KeyDb {
  const db = new Dexie(name) as KeyDb;
  db.version(1).stores({ keys: '&name', secrets: '&name' });
  return db;
}

const reason = (e: unknown) => `the browser's key storage failed: ${e instanceof Error ? e.message : String(e)}`;

export function createBrowserKeys(dbName = BROWSER_KEY_DB): { dataKey: DataKeySource; deviceToken: TokenVault } {
  const db = openKeyDb(dbName);
  let opening: Promise<Result<DataKey, string>> | null = null;

  async function openKey(): Promise<Result<DataKey, string>> {
    try {
      const found = await db.keys.get('data');
      if (found) return checked(found);
      // Made outside the transaction (WebCrypto is not IndexedDB); the transaction then keeps
      // whichever key got there first, so two tabs starting together still share one key.
      const fresh = await generateDataKey();
      const kept = await db.transaction('rw', db.keys, async () => {
        const first = await db.keys.get('data');
        if (first) return first;
        const row: KeyRow = { name: 'data', id: fresh.id, key: fresh.key, createdAt: new Date().toISOString() };
        await db.keys.add(row);
        return row;
      });
      return checked(kept);
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
        const row = await db.secrets.get('deviceToken');
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
        await db.secrets.put({ name: 'deviceToken', sealed: await c.value.seal(token, TOKEN_CONTEXT) });
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
