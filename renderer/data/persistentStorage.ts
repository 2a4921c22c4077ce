/**
 * Asks the browser not to evict this device's data under storage pressure: a counter's unsent
 * files must survive until they reach the server.
 */

export type PersistenceOutcome = 'granted' | 'denied' | 'unsupported';

/** The part of `navigator.storage` this needs, so tests can pass their own. */
export interface PersistableStorage {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
}

export async function requestPersistentStorage(
  storage: PersistableStorage | undefined = globalThis.navigator?.storage,
): Promise<PersistenceOutcome> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}
