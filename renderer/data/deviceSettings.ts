/**
 * Settings kept on this device only: not citizens' data, never synced. They live in local storage
 * (read synchronously at start-up, before the database opens); storage that refuses (private mode,
 * full) reads as "not set" and a write says it failed, never throws.
 */
const KEYS = {
  /** The kiosk's idle reset, seconds (admin settings). */
  kioskIdleSeconds: 'motcua.kiosk.idleSeconds',
  /** The counter's automatic sign-out, minutes (staff screen). */
  counterIdleMinutes: 'motcua.counter.idleMinutes',
  /** Which desk (counter number) of the front desk this PC is; empty: none chosen (calling bar). */
  queueCounter: 'motcua.queue.counter',
} as const;

export type DeviceSetting = keyof typeof KEYS;

/** The part of the Web Storage API used here, so a test can hand in its own. */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

const defaultStorage = (): SettingsStorage | null => (typeof localStorage === 'undefined' ? null : localStorage);

export function readDeviceSetting(name: DeviceSetting, storage: SettingsStorage | null = defaultStorage()): string | null {
  try {
    return storage?.getItem(KEYS[name]) ?? null;
  } catch {
    return null;
  }
}

export function writeDeviceSetting(name: DeviceSetting, value: string, storage: SettingsStorage | null = defaultStorage()): boolean {
  try {
    if (!storage) return false;
    storage.setItem(KEYS[name], value);
    return true;
  } catch {
    return false;
  }
}
