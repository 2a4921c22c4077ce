/**
 * The device configuration (which server, kiosk or counter, printer, camera, admin PIN hash), read
 * from a JSON file in the app's data folder and validated; a broken file falls back to safe defaults
 * with a reason. Only the public part (`DeviceConfig`) ever reaches the renderer.
 */
import { z } from 'zod';
import { DEFAULT_PUBLIC_CONFIG } from '../../shared/ipc/configArg.ts';
import type { DeviceConfig } from '../../shared/ipc/contract.ts';

export const deviceConfigSchema = z.object({
  serverUrl: z.string().url().refine((u) => /^https?:\/\//.test(u), 'serverUrl must be http(s)'),
  profile: z.enum(['kiosk', 'counter']),
  printer: z.string().min(1).max(256).nullable(),
  printMode: z.enum(['silent', 'preview']),
  allowCamera: z.boolean(),
  /** `scrypt$salt$hash` from `npx tsx electron/tools/hashPin.ts PIN`; null keeps settings closed. */
  adminPinHash: z.string().regex(/^scrypt\$[0-9a-f]+\$[0-9a-f]{64}$/, 'adminPinHash must come from hashPin').nullable(),
  /** The generic update feed; null means `${serverUrl}/updates/`. */
  updateUrl: z.string().url().nullable(),
});

export type MainDeviceConfig = z.output<typeof deviceConfigSchema>;

export const DEFAULT_DEVICE_CONFIG: MainDeviceConfig = {
  serverUrl: DEFAULT_PUBLIC_CONFIG.serverUrl,
  profile: DEFAULT_PUBLIC_CONFIG.profile,
  printer: null,
  printMode: 'silent',
  allowCamera: false,
  adminPinHash: null,
  updateUrl: null,
};

export const DEVICE_CONFIG_FILE = 'motcua-device.json';

export function parseDeviceConfig(text: string | null): { config: MainDeviceConfig; problem: string | null } {
  if (text === null) return { config: DEFAULT_DEVICE_CONFIG, problem: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { config: DEFAULT_DEVICE_CONFIG, problem: 'device configuration is not valid JSON; using defaults' };
  }
  const parsed = deviceConfigSchema.partial().safeParse(json);
  if (!parsed.success) {
    return { config: DEFAULT_DEVICE_CONFIG, problem: `device configuration rejected: ${parsed.error.issues[0]?.message}` };
  }
  const present = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  return { config: { ...DEFAULT_DEVICE_CONFIG, ...present }, problem: null };
}

/** What the renderer may see: no PIN hash, no update URL. */
export function publicConfig(c: MainDeviceConfig): DeviceConfig {
  return { serverUrl: c.serverUrl, profile: c.profile, printer: c.printer, printMode: c.printMode, allowCamera: c.allowCamera };
}

