/** The device's own files in the app's data folder: configuration, stable id, encrypted secrets, crash history. */
import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEVICE_CONFIG_FILE } from './deviceConfig.ts';

export function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Write-then-rename so a power cut never leaves half a file. */
export function writeTextAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

export function deviceFiles(userData: string) {
  const configPath = join(userData, DEVICE_CONFIG_FILE);
  const idPath = join(userData, 'motcua-device-id');
  const secretsPath = join(userData, 'motcua-secrets.json');
  const crashPath = join(userData, 'motcua-crashes.json');
  const readJson = (path: string): unknown => {
    try {
      return JSON.parse(readText(path) ?? 'null');
    } catch {
      return null;
    }
  };
  return {
    configPath,
    readConfigText: () => readText(configPath),
    writeConfig: (config: object) => writeTextAtomic(configPath, `${JSON.stringify(config, null, 2)}\n`),
    deviceId(): string {
      const existing = readText(idPath)?.trim();
      if (existing && /^[0-9a-f-]{36}$/.test(existing)) return existing;
      const id = randomUUID();
      writeTextAtomic(idPath, id);
      return id;
    },
    secretFile: {
      read(): Record<string, string> {
        const json = readJson(secretsPath);
        return json && typeof json === 'object' && !Array.isArray(json)
          ? Object.fromEntries(Object.entries(json).filter(([, v]) => typeof v === 'string'))
          : {};
      },
      write: (values: Record<string, string>) => writeTextAtomic(secretsPath, JSON.stringify(values)),
    },
    crashHistory(): number[] {
      const json = readJson(crashPath);
      return Array.isArray(json) ? json.filter((t): t is number => typeof t === 'number') : [];
    },
    writeCrashHistory: (times: number[]) => writeTextAtomic(crashPath, JSON.stringify(times)),
  };
}
