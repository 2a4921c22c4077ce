/**
 * How main hands the preload its start-up facts: one command-line argument (`additionalArguments`)
 * carrying the public device configuration and the app version as base64 of UTF-8 JSON. Pure (web
 * globals only), so the sandboxed preload and main share the same name, format and defaults.
 */
import type { DeviceConfig } from './contract.ts';

export const CONFIG_ARG = '--motcua-config=';

/** What the argument carries. */
export interface ConfigArg {
  config: DeviceConfig;
  /** The packaged app's version (app.getVersion() in main). */
  version: string;
}

/** Used when the argument is missing or unreadable: a kiosk talking to the local server. */
export const DEFAULT_PUBLIC_CONFIG: DeviceConfig = { serverUrl: 'http://localhost:8787', profile: 'kiosk' };
export const UNKNOWN_VERSION = '0.0.0';

export function encodeConfigArg(value: ConfigArg): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return CONFIG_ARG + btoa(binary);
}

/** Reads the argument from argv; anything missing or broken falls back to the defaults above. */
export function decodeConfigArg(argv: readonly string[]): ConfigArg {
  const fallback: ConfigArg = { config: DEFAULT_PUBLIC_CONFIG, version: UNKNOWN_VERSION };
  const arg = argv.find((a) => a.startsWith(CONFIG_ARG));
  if (!arg) return fallback;
  try {
    const binary = atob(arg.slice(CONFIG_ARG.length));
    const parsed = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as Partial<ConfigArg> | null;
    const config = parsed && typeof parsed.config === 'object' && parsed.config !== null ? parsed.config : {};
    return {
      config: { ...DEFAULT_PUBLIC_CONFIG, ...config },
      version: typeof parsed?.version === 'string' && parsed.version !== '' ? parsed.version : UNKNOWN_VERSION,
    };
  } catch {
    return fallback;
  }
}
