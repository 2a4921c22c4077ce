/**
 * The counter's own staff list (per device), with PINs kept only as salted hashes. Admins add
 * people, disable and enable them, and reset a forgotten PIN; two people with the same name need a
 * detail that tells them apart (a year of birth, a desk); five wrong PINs lock an account for a while.
 */
import { foldVietnamese } from '../../shared/catalog/foldVietnamese.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { afterWrongPin, cleared, lockedUntil, MAX_WRONG_PINS } from '../security/staffLockout.ts';
import { hashPin, isValidPin, newSalt, verifyPin } from '../security/staffPin.ts';
import type { MotcuaDb, StaffMember } from './db.ts';

export type StaffProblem = 'name' | 'detail' | 'duplicate' | 'pin' | 'pinMismatch' | 'storage' | 'notFound' | 'lastAdmin' | 'self';

export const NAME_MAX = 80;
export const DETAIL_MAX = 40;

const tidy = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
/** Names and details compared without case, tones or extra spaces: "Nguyen Van An" is "Nguyễn Văn An" on a tile. */
const sameText = (a: string, b: string) => foldVietnamese(a) === foldVietnamese(b);

/** How a person is shown where names could be confused: "Nguyễn Văn An (Quầy 2)". */
export function staffLabel(member: Pick<StaffMember, 'name' | 'detail'>): string {
  return member.detail ? `${member.name} (${member.detail})` : member.name;
}

/** Everyone who may sign in at this counter, by name (the sign-in tiles). */
export function activeStaff(db: MotcuaDb): Promise<StaffMember[]> {
  return db.staff.filter((s) => s.active).sortBy('name');
}

/** The whole staff list, by name, disabled people included (the admin's screen). */
export function allStaff(db: MotcuaDb): Promise<StaffMember[]> {
  return db.staff.orderBy('name').toArray();
}

async function guard<T>(work: () => Promise<Result<T, StaffProblem>>): Promise<Result<T, StaffProblem>> {
  try {
    return await work();
  } catch {
    return err('storage');
  }
}

export async function addStaff(
  db: MotcuaDb,
  input: { name: string; detail?: string; pin: string; role: StaffMember['role'] },
): Promise<Result<StaffMember, StaffProblem>> {
  const name = tidy(input.name);
  const detail = tidy(input.detail ?? '');
  if (name.length < 2 || name.length > NAME_MAX) return err('name');
  if (detail.length > DETAIL_MAX) return err('detail');
  if (!isValidPin(input.pin)) return err('pin');
  const salt = newSalt();
  const member: StaffMember = {
    id: crypto.randomUUID(),
    name,
    detail: detail || null,
    role: input.role,
    salt,
    pinHash: await hashPin(input.pin, salt),
    createdAt: new Date().toISOString(),
    active: true,
    ...cleared(),
  };
  return guard(() =>
    db.transaction('rw', db.staff, async () => {
      const everyone = await db.staff.toArray();
      const clash = everyone.some((s) => sameText(s.name, name) && sameText(s.detail ?? '', detail));
      if (clash) return err<StaffProblem>('duplicate');
      await db.staff.add(member);
      return ok(member);
    }),
  );
}

export type SignInRefusal = { kind: 'wrongPin'; triesLeft: number } | { kind: 'locked'; until: Date } | { kind: 'disabled' } | { kind: 'storage' };

/**
 * Checks a PIN against the stored row (never a copy the screen kept, which may be stale or
 * disabled since). Wrong PINs are counted on the row; the fifth locks it for LOCK_MINUTES.
 */
export async function signIn(db: MotcuaDb, memberId: string, pin: string, now = new Date()): Promise<Result<StaffMember, SignInRefusal>> {
  try {
    const member = await db.staff.get(memberId);
    if (!member || !member.active) return err({ kind: 'disabled' });
    const until = lockedUntil(member, now);
    if (until) return err({ kind: 'locked', until });
    // Hashing is asynchronous WebCrypto, so it runs outside the transaction that records the outcome.
    const right = await verifyPin(pin, member.salt, member.pinHash);
    return await db.transaction('rw', db.staff, async () => {
      const current = await db.staff.get(memberId);
      if (!current || !current.active) return err<SignInRefusal>({ kind: 'disabled' });
      if (right) {
        await db.staff.update(memberId, cleared());
        return ok({ ...current, ...cleared() });
      }
      const next = afterWrongPin(current, now);
      await db.staff.update(memberId, next);
      const locked = lockedUntil(next, now);
      return err<SignInRefusal>(locked ? { kind: 'locked', until: locked } : { kind: 'wrongPin', triesLeft: MAX_WRONG_PINS - next.failedPins });
    });
  } catch {
    return err({ kind: 'storage' });
  }
}

/** An admin turns a person off (they vanish from the sign-in list) or on again; never oneself, never the last admin. */
export function setStaffActive(db: MotcuaDb, memberId: string, active: boolean, by: StaffMember): Promise<Result<StaffMember, StaffProblem>> {
  return guard(() =>
    db.transaction('rw', db.staff, async () => {
      const member = await db.staff.get(memberId);
      if (!member) return err<StaffProblem>('notFound');
      if (!active && member.id === by.id) return err<StaffProblem>('self');
      if (!active && member.role === 'admin') {
        const admins = (await db.staff.toArray()).filter((s) => s.role === 'admin' && s.active && s.id !== member.id);
        if (admins.length === 0) return err<StaffProblem>('lastAdmin');
      }
      await db.staff.update(memberId, { active });
      return ok({ ...member, active });
    }),
  );
}

/** An admin sets a new PIN for someone who forgot theirs; it also lifts a lock. */
export async function resetPin(db: MotcuaDb, memberId: string, pin: string): Promise<Result<StaffMember, StaffProblem>> {
  if (!isValidPin(pin)) return err('pin');
  const salt = newSalt();
  const pinHash = await hashPin(pin, salt);
  return guard(() =>
    db.transaction('rw', db.staff, async () => {
      const member = await db.staff.get(memberId);
      if (!member) return err<StaffProblem>('notFound');
      const changes = { salt, pinHash, ...cleared() };
      await db.staff.update(memberId, changes);
      return ok({ ...member, ...changes });
    }),
  );
}
