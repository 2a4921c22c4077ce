/** The counter's own staff list (per device), with PINs kept only as salted hashes. */
import type { MotcuaDb, StaffMember } from '../../../data/db.ts';
import { hashPin, isValidPin, newSalt, verifyPin } from './pin.ts';

export type StaffProblem = 'name' | 'pin' | 'pinMismatch' | 'storage';

export async function addStaff(
  db: MotcuaDb,
  input: { name: string; pin: string; role: StaffMember['role'] },
): Promise<{ ok: true; value: StaffMember } | { ok: false; error: StaffProblem }> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 80) return { ok: false, error: 'name' };
  if (!isValidPin(input.pin)) return { ok: false, error: 'pin' };
  const salt = newSalt();
  const member: StaffMember = {
    id: crypto.randomUUID(),
    name,
    role: input.role,
    salt,
    pinHash: await hashPin(input.pin, salt),
    createdAt: new Date().toISOString(),
    active: true,
  };
  try {
    await db.staff.put(member);
  } catch {
    return { ok: false, error: 'storage' };
  }
  return { ok: true, value: member };
}

export async function signIn(member: StaffMember, pin: string): Promise<boolean> {
  return member.active && (await verifyPin(pin, member.salt, member.pinHash));
}
