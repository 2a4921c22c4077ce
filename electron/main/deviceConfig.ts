/**
 * The device configuration (which server, kiosk or counter), read from a JSON file in the
 * app's data folder and validated; a broken file falls back to safe defaults with a reason.
 */
import { z } from 'zod';
import type { DeviceConfig } from '../../shared/ipc/contract.ts';

export const deviceConfigSchema = z.object({
  serverUrl: z.string().url().refine((u) => /^https?:\/\//.test(u), 'serverUrl must be http(s)'),
  profile: z.enum(['kiosk', 'counter']),
});

export const DEFAULT_DEVICE_CONFIG: DeviceConfig = { serverUrl: 'http://localhost:8787', profile: 'kiosk' };

export function parseDeviceConfig(text: string | null): { config: DeviceConfig; problem: string | null } {
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
  return { config: { ...DEFAULT_DEVICE_CONFIG, ...parsed.data }, problem: null };
}

/** The config travels to the sandboxed preload as one command-line argument. */
export const CONFIG_ARG = '--motcua-config=';
export const encodeConfigArg = (c: DeviceConfig) => CONFIG_ARG + Buffer.from(JSON.stringify(c)).toString('base64');
