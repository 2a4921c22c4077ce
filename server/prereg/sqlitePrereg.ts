/**
 * The pre-registration half of the SQLite store (see preregStore.ts): one row per draft in
 * `prereg_drafts`, its JSON checked again on the way out. Reads never return an expired draft,
 * even before the purge has run.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { preregDraftSchema, type StoredDraft } from '../../shared/prereg/preregDraft.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { SqliteGuard } from '../store/sqliteSerial.ts';
import type { DraftAddFailure, PreregStore } from './preregStore.ts';

const rowSchema = z.object({ draft: z.string(), received_at: z.string(), expires_at: z.string() });
const ownerSchema = z.object({ device_id: z.string(), expires_at: z.string() });
const countSchema = z.object({ n: z.number().int() });

export function createSqlitePrereg(db: Database.Database, guard: SqliteGuard): PreregStore {
  const q = {
    owner: db.prepare('SELECT device_id, expires_at FROM prereg_drafts WHERE id = ?'),
    codeOwner: db.prepare('SELECT id FROM prereg_drafts WHERE center_code = ? AND code = ?'),
    insert: db.prepare(
      `INSERT INTO prereg_drafts (id, center_code, device_id, code, draft, received_at, expires_at)
       VALUES (@id, @centerCode, @deviceId, @code, @draft, @receivedAt, @expiresAt)`,
    ),
    byId: db.prepare('SELECT draft, received_at, expires_at FROM prereg_drafts WHERE center_code = ? AND id = ? AND expires_at > ?'),
    byCode: db.prepare('SELECT draft, received_at, expires_at FROM prereg_drafts WHERE center_code = ? AND code = ? AND expires_at > ?'),
    purge: db.prepare('DELETE FROM prereg_drafts WHERE expires_at <= ?'),
    count: db.prepare('SELECT COUNT(*) AS n FROM prereg_drafts'),
  };

  const toStored = (row: unknown): StoredDraft | null => {
    if (!row) return null;
    const r = rowSchema.parse(row);
    return { draft: preregDraftSchema.parse(JSON.parse(r.draft)), receivedAt: r.received_at, expiresAt: r.expires_at };
  };

  const add = db.transaction((incoming: Parameters<PreregStore['addDraft']>[0]): Result<{ status: 'stored' | 'duplicate'; expiresAt: string }, DraftAddFailure> => {
    const { draft } = incoming;
    const found = q.owner.get(draft.id);
    if (found) {
      const owner = ownerSchema.parse(found);
      if (owner.device_id !== incoming.deviceId) return err({ kind: 'conflict' as const, code: 'draft_id_taken' as const, reason: 'another device already sent a draft under this id' });
      return ok({ status: 'duplicate' as const, expiresAt: owner.expires_at });
    }
    if (q.codeOwner.get(incoming.centerCode, draft.code)) {
      return err({ kind: 'conflict' as const, code: 'draft_code_taken' as const, reason: `another draft of this center already has the code ${draft.code}` });
    }
    q.insert.run({
      id: draft.id,
      centerCode: incoming.centerCode,
      deviceId: incoming.deviceId,
      code: draft.code,
      draft: JSON.stringify(draft),
      receivedAt: incoming.receivedAt,
      expiresAt: incoming.expiresAt,
    });
    return ok({ status: 'stored' as const, expiresAt: incoming.expiresAt });
  });

  return {
    addDraft: async (incoming) => guard(() => add.immediate(incoming)),
    draftById: async (centerCode, id, now) => guard(() => ok(toStored(q.byId.get(centerCode, id, now)))),
    draftByCode: async (centerCode, code, now) => guard(() => ok(toStored(q.byCode.get(centerCode, code, now)))),
    purgeDrafts: async (now) => guard(() => ok(q.purge.run(now).changes)),
    countDrafts: async () => guard(() => ok(countSchema.parse(q.count.get()).n)),
  };
}
