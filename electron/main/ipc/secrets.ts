/**
 * secrets:* — the device token and the local-data key, encrypted with Electron's safeStorage and
 * kept in a file in the app's data folder. Refuses (with a reason staff can act on) when the OS
 * offers no real keystore: encryption unavailable, or Linux's 'basic_text' fallback.
 */
import { z } from 'zod';
import { IPC } from '../../../shared/ipc/contract.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import { validated, type HandlerMap } from './handler.ts';

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Where the encrypted values live (a JSON file of base64 strings in main; a Map in tests). */
export interface SecretFile {
  read(): Record<string, string>;
  write(values: Record<string, string>): void;
}

export const secretName = z.enum(['deviceToken', 'localDataKey']);
export const getSchema = z.object({ name: secretName }).strict();
export const setSchema = z.object({ name: secretName, value: z.string().min(1).max(4096) }).strict();

/** Null when secrets can be kept safely; otherwise why not. */
export function secretStorageProblem(storage: SafeStorageLike, platform: NodeJS.Platform | string): string | null {
  if (!storage.isEncryptionAvailable()) {
    return 'This computer offers no secure key storage, so the device token cannot be kept safely. Ask IT to enable the system keyring.';
  }
  if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') {
    return "No system keyring (gnome-keyring or KWallet) is running, so Electron would store secrets in plain text ('basic_text'); refusing. Install and unlock a keyring, then restart motcua.";
  }
  return null;
}

export function createSecretStore(storage: SafeStorageLike, file: SecretFile, platform: string) {
  return {
    get(name: z.output<typeof secretName>): Result<string | null> {
      const problem = secretStorageProblem(storage, platform);
      if (problem) return err(problem);
      const stored = file.read()[name];
      if (stored === undefined) return ok(null);
      try {
        return ok(storage.decryptString(Buffer.from(stored, 'base64')));
      } catch {
        return err(`the stored ${name} cannot be decrypted on this computer; enrol the device again`);
      }
    },
    set(name: z.output<typeof secretName>, value: string): Result<null> {
      const problem = secretStorageProblem(storage, platform);
      if (problem) return err(problem);
      try {
        file.write({ ...file.read(), [name]: storage.encryptString(value).toString('base64') });
        return ok(null);
      } catch (error) {
        return err(`could not save the ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}

export function secretsHandlers(store: ReturnType<typeof createSecretStore>): HandlerMap {
  return {
    [IPC.secretsGet]: validated(getSchema, ({ name }) => store.get(name)),
    [IPC.secretsSet]: validated(setSchema, ({ name, value }) => store.set(name, value)),
  };
}
