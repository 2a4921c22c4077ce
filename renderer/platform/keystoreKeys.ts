/**
 * Keys in the Electron shell: the data key is random bytes kept in the OS keystore through the
 * secrets channel (main encrypts them with safeStorage and refuses when there is no real keystore),
 * imported here as a non-extractable key. The device token is kept in the keystore as it is.
 */
import type { MotcuaBridge } from '../../shared/ipc/contract.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { DATA_KEY_BYTES, importDataKey, newKeyId, type DataKey, type DataKeySource, type TokenVault } from '../security/dataKey.ts';

type Secrets = MotcuaBridge['secrets'];

/** What the keystore holds under 'localDataKey': { v: 1, id, key (its bytes, base64) }. Checked by hand: it is read at every start, before any schema is needed. */
function storedKey(value: unknown): { id: string; key: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { v, id, key } = value as Record<string, unknown>;
  const text = (x: unknown, max: number): x is string => typeof x === 'string' && x.length >= 1 && x.length <= max;
  return v === 1 && text(id, 64) && text(key, 200) ? { id, key } : null;
}

function toBase64(raw: Uint8Array): string {
  let text = '';
  for (const b of raw) text += String.fromCharCode(b);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function importStored(value: string): Promise<Result<DataKey, string>> {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return err('the data key in the keystore is not readable');
  }
  const stored = storedKey(json);
  if (!stored) return err('the data key in the keystore has the wrong shape');
  const raw = fromBase64(stored.key);
  if (!raw) return err('the data key in the keystore is not base64');
  return importDataKey(raw, stored.id);
}

export function createKeystoreKeys(secrets: Secrets): { dataKey: DataKeySource; deviceToken: TokenVault } {
  let opening: Promise<Result<DataKey, string>> | null = null;

  async function openKey(): Promise<Result<DataKey, string>> {
    const stored = await secrets.get('localDataKey');
    if (!stored.ok) return err(`the OS keystore refused the data key: ${stored.error}`);
    if (stored.value !== null) return importStored(stored.value);
    const raw = crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES));
    const value = JSON.stringify({ v: 1, id: newKeyId(), key: toBase64(raw) });
    raw.fill(0);
    const saved = await secrets.set('localDataKey', value);
    if (!saved.ok) return err(`the OS keystore could not keep the data key: ${saved.error}`);
    // Read back: the key is used only once the keystore really holds it (and it is the one kept).
    const again = await secrets.get('localDataKey');
    if (!again.ok) return err(`the OS keystore refused the data key: ${again.error}`);
    if (again.value === null) return err('the OS keystore did not keep the data key');
    return importStored(again.value);
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

  const deviceToken: TokenVault = {
    async read() {
      const r = await secrets.get('deviceToken');
      return r.ok ? r : err(`the OS keystore refused the device token: ${r.error}`);
    },
    async write(token) {
      const r = await secrets.set('deviceToken', token);
      return r.ok ? ok(null) : err(`the OS keystore could not keep the device token: ${r.error}`);
    },
  };

  return { dataKey, deviceToken };
}
