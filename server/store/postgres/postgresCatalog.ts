/**
 * The catalog half of the PostgreSQL store: the same rows as SQLite's (version at which each
 * procedure last changed, tombstones), the same plan (catalog/planCatalogReplace.ts), written in
 * bulk. Two imports at once take turns on a transaction-scoped advisory lock.
 */
import type pg from 'pg';
import { z } from 'zod';
import { procedureSchema, type Catalog, type Procedure } from '../../../shared/catalog/procedure.ts';
import { ok } from '../../../shared/result.ts';
import type { CatalogChanges } from '../../../shared/sync/protocol.ts';
import { nextCatalogVersion } from '../../catalog/catalogVersion.ts';
import { catalogDeltaKind, changesContent, planCatalogReplace } from '../../catalog/planCatalogReplace.ts';
import type { CatalogStore } from '../store.ts';
import type { PostgresGuard } from './postgresGuard.ts';
import { heardValue, NOTICE_CHANNELS, type Notices } from './postgresNotices.ts';
import { inTransaction, sql, type Queryable } from './postgresSql.ts';

const metaRowSchema = z.object({ version: z.number().int(), base_version: z.number().int(), source: z.string(), generated_at: z.string() });
type MetaRow = z.infer<typeof metaRowSchema>;
const procedureRowSchema = z.object({ code: z.string(), data: z.string().nullable(), position: z.number().int() });
const dataRowSchema = z.object({ data: z.string() });

const CATALOG_LOCK = 7_240_302;

// A row that no longer fits the schema is a damaged database, not a request error.
const parseProcedure = (data: string): Procedure => procedureSchema.parse(JSON.parse(data));

export function createPostgresCatalog(pool: pg.Pool, notices: Notices, guard: PostgresGuard): CatalogStore {
  const meta = async (db: Queryable): Promise<MetaRow | null> => {
    const [row] = await sql(db, 'SELECT version, base_version, source, generated_at FROM catalog_meta WHERE id = 1', [], 'catalog_meta');
    return row ? metaRowSchema.parse(row) : null;
  };
  // Every device asks for catalog changes, almost always to hear "nothing new": the version is kept
  // in memory while this process hears the catalog's notices (postgresNotices.ts).
  const heardMeta = heardValue<MetaRow | null>(notices, 'catalog');
  const currentMeta = () => heardMeta.get(() => meta(pool));

  // Parsing thousands of procedures is not free: keep the last catalog built, keyed by version.
  let cached: Catalog | null = null;
  const buildCatalog = async (db: Queryable, m: MetaRow): Promise<Catalog> => {
    if (cached?.version === m.version) return cached;
    const rows = await sql(db, 'SELECT data FROM procedures WHERE data IS NOT NULL ORDER BY position');
    const procedures = rows.map((row) => parseProcedure(dataRowSchema.parse(row).data));
    cached = { format: 'motcua-catalog', version: m.version, source: m.source, generatedAt: m.generated_at, procedures };
    return cached;
  };

  return {
    currentCatalog: async () =>
      guard(async () => {
        const m = await currentMeta();
        return ok(m ? await buildCatalog(pool, m) : null);
      }),
    replaceCatalog: async (procedures, source) =>
      guard(async () => {
        const replaced = await inTransaction(pool, async (client) => {
          await sql(client, 'SELECT pg_advisory_xact_lock($1)', [CATALOG_LOCK]);
          const previous = await meta(client);
          const version = nextCatalogVersion(previous?.version ?? null);
          const existing = (await sql(client, 'SELECT code, data, position FROM procedures')).map((row) => procedureRowSchema.parse(row));
          const plan = planCatalogReplace(existing, procedures);
          if (plan.moves.length > 0) {
            await sql(client, 'UPDATE procedures p SET position = m.position FROM unnest($1::text[], $2::int[]) AS m(code, position) WHERE p.code = m.code', [
              plan.moves.map((m) => m.code),
              plan.moves.map((m) => m.position),
            ]);
          }
          if (plan.upserts.length > 0) {
            await sql(
              client,
              `INSERT INTO procedures (code, data, version, position)
               SELECT code, data, $3, position FROM unnest($1::text[], $2::text[], $4::int[]) AS u(code, data, position)
               ON CONFLICT (code) DO UPDATE SET data = excluded.data, version = excluded.version, position = excluded.position`,
              [plan.upserts.map((u) => u.code), plan.upserts.map((u) => u.data), version, plan.upserts.map((u) => u.position)],
            );
          }
          if (plan.tombstones.length > 0) {
            await sql(client, 'UPDATE procedures SET data = NULL, version = $1 WHERE code = ANY($2::text[])', [version, plan.tombstones]);
          }
          if (previous && !changesContent(plan)) return { catalog: await buildCatalog(client, previous), ...plan.counts };
          // Heard by every process once this commits.
          await sql(client, 'SELECT pg_notify($1, $2)', [NOTICE_CHANNELS.catalog, String(version)]);
          await sql(
            client,
            `INSERT INTO catalog_meta (id, version, base_version, source, generated_at) VALUES (1, $1, $2, $3, $4)
             ON CONFLICT (id) DO UPDATE SET version = excluded.version, source = excluded.source, generated_at = excluded.generated_at`,
            [version, previous?.base_version ?? version, source, new Date().toISOString()],
          );
          return { catalog: await buildCatalog(client, (await meta(client))!), ...plan.counts };
        });
        notices.changedHere('catalog');
        return ok(replaced);
      }),
    catalogChanges: async (since) =>
      guard(async () => {
        const m = await currentMeta();
        if (!m) return ok<CatalogChanges | null>(null);
        const kind = catalogDeltaKind(since, { version: m.version, baseVersion: m.base_version });
        if (kind === 'same') return ok({ version: m.version, full: false, upserts: [], deletions: [] });
        if (kind === 'full') return ok({ version: m.version, full: true, upserts: (await buildCatalog(pool, m)).procedures, deletions: [] });
        const upserts: Procedure[] = [];
        const deletions: string[] = [];
        const rows = await sql(pool, 'SELECT code, data, position FROM procedures WHERE version > $1 ORDER BY position, code', [since], 'catalog_changed');
        for (const raw of rows) {
          const row = procedureRowSchema.parse(raw);
          if (row.data === null) deletions.push(row.code);
          else upserts.push(parseProcedure(row.data));
        }
        return ok({ version: m.version, full: false, upserts, deletions });
      }),
  };
}
