/**
 * The test platform: everything in memory, nothing from the shell or the browser's storage. The data
 * key is a fresh non-extractable key per platform, the token a variable. Unit and integration tests
 * build the app's data layer on it; it is meant to grow into the general test double.
 */
import { ok, type Result } from '../../shared/result.ts';
import { createDataCipher, type DataCipher } from '../security/dataCipher.ts';
import { generateDataKey, type DataKey, type TokenVault } from '../security/dataKey.ts';
import type { Platform } from './platform.ts';

export interface MemoryPlatform extends Platform {
  readonly kind: 'memory';
  /** What the token vault holds (for assertions). */
  storedToken(): string | null;
}

export function createMemoryPlatform(options: { serverUrl?: string; profile?: 'kiosk' | 'counter'; key?: DataKey } = {}): MemoryPlatform {
  let key: Promise<DataKey> | null = options.key ? Promise.resolve(options.key) : null;
  let token: string | null = null;
  const deviceToken: TokenVault = {
    read: async () => ok(token),
    write: async (value) => {
      token = value;
      return ok(null);
    },
  };
  return {
    kind: 'memory',
    serverUrl: options.serverUrl ?? 'http://127.0.0.1:1',
    profile: options.profile ?? 'counter',
    dataKey: {
      open: async (): Promise<Result<DataKey, string>> => {
        key ??= generateDataKey();
        return ok(await key);
      },
    },
    deviceToken,
    storedToken: () => token,
  };
}

/** A cipher over a fresh in-memory key, for tests that need only the data layer. */
export async function createMemoryCipher(): Promise<DataCipher> {
  return createDataCipher(await generateDataKey());
}
