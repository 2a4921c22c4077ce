/**
 * The pre-registration half of the PostgreSQL store (see preregStore.ts; SQLite's is
 * sqlitePrereg.ts): one row per draft in `prereg_drafts`, its JSON checked again on the way out.
 * A draft is inserted only when neither its id nor its code is taken (one statement, so two
 * connections sending the same draft at once store it once); otherwise the row found says whether
 * this was the same device's resend or a conflict. Reads never return an expired draft, even
 * before the purge has run.
 */
import type pg from 'pg';
import { z } from 'zod';
import { preregDraftSchema, type StoredDraft } from '../../shared/prereg/preregDraft.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { PostgresGuard } from '../store/postgres/postgresGuard.ts';
import { sql, sqlCount } from '../store/postgres/postgresSql.ts';
import type { DraftAddFailure, PreregStore } from './preregStore.ts';

const rowSchema = z.object({ draft: z.string(), received_at: z.string(), expires_at: z.string() });
const ownerSchema = z.object({ device_id: z.string(), expires_at: z.string() });
const countSchema = z.object({ n: z.number().int() });

const toStored = (row: unknown): StoredDraft | null => {
  if (!row) return null;
  const r = rowSchema.parse(row);
  return { draft: preregDraftSchema.parse(JSON.parse(r.draft)), receivedAt: r.received_at, expiresAt: r.expires_at };
};

export function createPostgresPrereg(pool: pg.Pool, guard: PostgresGuard): PreregStore {
  return {
    addDraft: async (incoming) =>
      guard(async (): Promise<Result<{ status: 'stored' | 'duplicate'; expiresAt: string }, DraftAddFailure>> => {
        const { draft } = incoming;
        const inserted = await sqlCount(
          pool,
          `INSERT INTO prereg_drafts (id, center_code, device_id, code, draft, received_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [draft.id, incoming.centerCode, incoming.deviceId, draft.code, JSON.stringify(draft), incoming.receivedAt, incoming.expiresAt],
          'prereg_insert',
        );
        if (inserted === 1) return ok({ status: 'stored' as const, expiresAt: incoming.expiresAt });
        const [found] = await sql(pool, 'SELECT device_id, expires_at FROM prereg_drafts WHERE id = $1', [draft.id], 'prereg_owner');
        if (found) {
          const owner = ownerSchema.parse(found);
          if (owner.device_id !== incoming.deviceId) return err({ kind: 'conflict' as const, code: 'draft_id_taken' as const, reason: 'another device already sent a draft under this id' });
          return ok({ status: 'duplicate' as const, expiresAt: owner.expires_at });
        }
        return err({ kind: 'conflict' as const, code: 'draft_code_taken' as const, reason: `another draft of this center already has the code ${draft.code}` });
      }),
    draftById: async (centerCode, id, now) =>
      guard(async () => {
        const [row] = await sql(pool, 'SELECT draft, received_at, expires_at FROM prereg_drafts WHERE center_code = $1 AND id = $2 AND expires_at > $3', [centerCode, id, now], 'prereg_by_id');
        return ok(toStored(row));
      }),
    draftByCode: async (centerCode, code, now) =>
      guard(async () => {
        const [row] = await sql(pool, 'SELECT draft, received_at, expires_at FROM prereg_drafts WHERE center_code = $1 AND code = $2 AND expires_at > $3', [centerCode, code, now], 'prereg_by_code');
        return ok(toStored(row));
      }),
    purgeDrafts: async (now) => guard(async () => ok(await sqlCount(pool, 'DELETE FROM prereg_drafts WHERE expires_at <= $1', [now], 'prereg_purge'))),
    countDrafts: async () => guard(async () => ok(countSchema.parse((await sql(pool, 'SELECT count(*)::int AS n FROM prereg_drafts'))[0]).n)),
  };
}
