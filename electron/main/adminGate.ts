/**
 * The way from the locked kiosk to settings: the renderer reports the hidden gesture, which arms
 * PIN entry for a short while; main checks the PIN (scrypt hash in the device configuration) with
 * a lockout after repeated failures, and opens an admin session that settings-only IPC requires.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { shellRefusal } from '../../shared/ipc/contract.ts';
import { err, ok, type Result } from '../../shared/result.ts';

const SCRYPT_N = 16_384;

/** `scrypt$<salt hex>$<hash hex>`; what goes into the device configuration as `adminPinHash`. */
export function hashPin(pin: string, salt: Buffer = randomBytes(16)): string {
  return `scrypt$${salt.toString('hex')}$${scryptSync(pin, salt, 32, { N: SCRYPT_N }).toString('hex')}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  if (expected.length !== 32) return false;
  const actual = scryptSync(pin, Buffer.from(saltHex, 'hex'), 32, { N: SCRYPT_N });
  return timingSafeEqual(actual, expected);
}

export interface AdminGateOptions {
  /** The stored hash, or null when no PIN was set on this device (then settings stay closed). */
  pinHash: string | null;
  armedMs?: number;
  sessionMs?: number;
  maxAttempts?: number;
  lockoutMs?: number;
}

export function createAdminGate(options: AdminGateOptions) {
  const armedMs = options.armedMs ?? 30_000;
  const sessionMs = options.sessionMs ?? 10 * 60_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const lockoutMs = options.lockoutMs ?? 5 * 60_000;
  let armedUntil = 0;
  let sessionUntil = 0;
  let failures = 0;
  let lockedUntil = 0;

  return {
    gesture(now: number): Result<{ armedUntil: number }> {
      if (options.pinHash === null) return err(shellRefusal('no_pin', 'No admin PIN is set on this device (adminPinHash in the device configuration).'));
      armedUntil = now + armedMs;
      return ok({ armedUntil });
    },
    unlock(pin: string, now: number): Result<{ until: number }> {
      if (options.pinHash === null) return err(shellRefusal('no_pin', 'No admin PIN is set on this device (adminPinHash in the device configuration).'));
      if (now < lockedUntil) return err(shellRefusal('pin_locked_out', 'Too many wrong PINs; try again in a few minutes.'));
      if (now > armedUntil) return err(shellRefusal('pin_not_armed', 'PIN entry is not open; use the admin gesture first.'));
      if (!verifyPin(pin, options.pinHash)) {
        failures += 1;
        if (failures >= maxAttempts) {
          failures = 0;
          lockedUntil = now + lockoutMs;
          armedUntil = 0;
        }
        return err(shellRefusal('wrong_pin', 'Wrong PIN.'));
      }
      failures = 0;
      armedUntil = 0;
      sessionUntil = now + sessionMs;
      return ok({ until: sessionUntil });
    },
    lock(): void {
      sessionUntil = 0;
    },
    isOpen: (now: number) => now < sessionUntil,
  };
}

export type AdminGate = ReturnType<typeof createAdminGate>;
