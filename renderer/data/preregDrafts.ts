/**
 * The kiosk's pre-registrations until the server has them: sealed with the device's data key at
 * confirmation (never kept in clear), sent by sync/preregSender.ts, the draft dropped as soon as the
 * server has it (or refuses it for good). Only the code and state stay, to keep the kiosk's codes of
 * the day unique, and every row goes at the end of its Vietnam day, sent or not.
 */
import { draftExpiry, newDraftCode, preregDraftSchema, type PreregDraft } from '../../shared/prereg/preregDraft.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { MotcuaDb, PreregDraftRow } from './db.ts';
import { preregContext } from './sealContexts.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

/** What the citizen confirmed, before the kiosk gives it an id, a code and a time. */
export type NewDraft = Omit<PreregDraft, 'id' | 'code' | 'createdAt'>;

/** How many fresh codes to try before giving up (160,000 per kiosk and day: never reached in practice). */
const CODE_TRIES = 20;

/**
 * Seals and stores a confirmed draft as pending, with a code no other draft of this kiosk has
 * today. The draft is checked with the server's schema first: what is stored is what will be sent.
 */
export async function saveDraft(db: MotcuaDb, deviceCode: string, input: NewDraft, now = new Date()): Promise<Result<PreregDraft, StorageError | { kind: 'invalid'; reason: string }>> {
  try {
    const expiresAt = draftExpiry(now).toISOString();
    const taken = new Set((await db.preregDrafts.toArray()).map((row) => row.code));
    let code = newDraftCode(deviceCode);
    for (let i = 0; i < CODE_TRIES && taken.has(code); i += 1) code = newDraftCode(deviceCode);
    if (taken.has(code)) return err({ kind: 'invalid', reason: 'no free pre-registration code is left on this kiosk today' });
    const parsed = preregDraftSchema.safeParse({ ...input, id: crypto.randomUUID(), code, createdAt: now.toISOString() });
    if (!parsed.success) return err({ kind: 'invalid', reason: parsed.error.issues[0]?.message ?? 'the draft is not valid' });
    const draft = parsed.data;
    const payload = await db.cipher.seal(draft, preregContext(draft.id));
    const row: PreregDraftRow = { id: draft.id, code: draft.code, createdAt: draft.createdAt, expiresAt, state: 'pending', payload, attempts: 0, lastError: null };
    await db.preregDrafts.add(row);
    return ok(draft);
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

/** The drafts waiting for the server, oldest first, opened; one that does not open is refused here, not sent. */
export async function pendingDrafts(db: MotcuaDb, now = new Date()): Promise<PreregDraft[]> {
  const rows = (await db.preregDrafts.where('state').equals('pending').toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const out: PreregDraft[] = [];
  for (const row of rows) {
    if (row.expiresAt <= now.toISOString()) continue;
    const opened = await db.cipher.open(row.payload, preregContext(row.id));
    const parsed = opened.ok ? preregDraftSchema.safeParse(opened.value) : null;
    if (parsed?.success) out.push(parsed.data);
    else await settleDraft(db, row.id, { refused: opened.ok ? 'damaged' : opened.error });
  }
  return out;
}

/** The server has it (`sent`) or never will (`refused`, with why): either way the personal data goes. */
export async function settleDraft(db: MotcuaDb, id: string, outcome: 'sent' | { refused: string }): Promise<void> {
  await db.preregDrafts.update(id, outcome === 'sent' ? { state: 'sent', payload: null, lastError: null } : { state: 'refused', payload: null, lastError: outcome.refused });
}

export async function noteDraftAttempt(db: MotcuaDb, id: string, why: string): Promise<void> {
  const row = await db.preregDrafts.get(id);
  if (row) await db.preregDrafts.update(id, { attempts: row.attempts + 1, lastError: why });
}

/** Where one draft stands (the kiosk's "your number" screen says whether it reached the counter). */
export async function draftState(db: MotcuaDb, id: string): Promise<PreregDraftRow['state'] | null> {
  return (await db.preregDrafts.get(id))?.state ?? null;
}

/** A draft's code and state, nothing personal (the queue ticket on screen names its pre-registration). */
export async function draftStub(db: MotcuaDb, id: string): Promise<Pick<PreregDraftRow, 'code' | 'state'> | null> {
  const row = await db.preregDrafts.get(id);
  return row ? { code: row.code, state: row.state } : null;
}

/** Deletes every draft whose day is over, sent or not; answers how many. */
export async function purgeExpiredDrafts(db: MotcuaDb, now = new Date()): Promise<number> {
  return db.preregDrafts.where('expiresAt').belowOrEqual(now.toISOString()).delete();
}
