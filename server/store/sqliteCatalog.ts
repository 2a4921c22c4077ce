/**
 * The catalog half of the SQLite store: one row per procedure carrying the catalog version at
 * which it last changed, tombstones for removed ones, so a device can fetch only what changed.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { procedureSchema, type Catalog, type Procedure } from '../../shared/catalog/procedure.ts';
import { ok } from '../../shared/result.ts';
import type { CatalogChanges } from '../../shared/sync/protocol.ts';
import { nextCatalogVersion } from '../catalog/catalogVersion.ts';
import { catalogDeltaKind, changesContent, planCatalogReplace } from '../catalog/planCatalogReplace.ts';
import type { CatalogReplaceOutcome, CatalogStore } from './store.ts';
import type { SqliteGuard } from './sqliteSerial.ts';

const metaRowSchema = z.object({
  version: z.number().int(),
  base_version: z.number().int(),
  source: z.string(),
  generated_at: z.string(),
});
type MetaRow = z.infer<typeof metaRowSchema>;

const procedureRowSchema = z.object({ code: z.string(), data: z.string().nullable(), version: z.number().int(), position: z.number().int() });

function parseProcedure(data: string): Procedure {
  // A row that no longer fits the schema is a damaged database, not a request error.
  return procedureSchema.parse(JSON.parse(data));
}

export function createSqliteCatalog(
  db: Database.Database,
  guard: SqliteGuard,
): CatalogStore {
  const readMeta = db.prepare('SELECT version, base_version, source, generated_at FROM catalog_meta WHERE id = 1');
  const liveRows = db.prepare('SELECT code, data, version, position FROM procedures WHERE data IS NOT NULL ORDER BY position');
  const allRows = db.prepare('SELECT code, data, version, position FROM procedures');
  const changedRows = db.prepare('SELECT code, data, version, position FROM procedures WHERE version > ? ORDER BY position, code');
  const upsert = db.prepare(
    `INSERT INTO procedures (code, data, version, position) VALUES (@code, @data, @version, @position)
     ON CONFLICT (code) DO UPDATE SET data = excluded.data, version = excluded.version, position = excluded.position`,
  );
  const movePosition = db.prepare('UPDATE procedures SET position = ? WHERE code = ?');
  const tombstone = db.prepare('UPDATE procedures SET data = NULL, version = ? WHERE code = ?');
  const writeMeta = db.prepare(
    `INSERT INTO catalog_meta (id, version, base_version, source, generated_at) VALUES (1, @version, @base, @source, @generatedAt)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, source = excluded.source, generated_at = excluded.generated_at`,
  );

  const meta = (): MetaRow | null => {
    const row = readMeta.get();
    return row ? metaRowSchema.parse(row) : null;
  };

  // Parsing thousands of procedures is not free: keep the last catalog built, keyed by version,
  // and check the version on every call so an import made by the CLI shows up at once.
  let cached: Catalog | null = null;
  const buildCatalog = (m: MetaRow): Catalog => {
    if (cached?.version === m.version) return cached;
    const procedures = liveRows.all().map((row) => parseProcedure(procedureRowSchema.parse(row).data!));
    cached = { format: 'motcua-catalog', version: m.version, source: m.source, generatedAt: m.generated_at, procedures };
    return cached;
  };

  const replace = db.transaction((procedures: Procedure[], source: string): CatalogReplaceOutcome => {
    const previous = meta();
    const version = nextCatalogVersion(previous?.version ?? null);
    const plan = planCatalogReplace(allRows.all().map((row) => procedureRowSchema.parse(row)), procedures);
    for (const { code, position } of plan.moves) movePosition.run(position, code);
    for (const { code, data, position } of plan.upserts) upsert.run({ code, data, version, position });
    for (const code of plan.tombstones) tombstone.run(version, code);
    if (previous && !changesContent(plan)) return { catalog: buildCatalog(previous), ...plan.counts };
    writeMeta.run({ version, base: previous?.base_version ?? version, source, generatedAt: new Date().toISOString() });
    return { catalog: buildCatalog(meta()!), ...plan.counts };
  });

  const changes = (since: number): CatalogChanges | null => {
    const m = meta();
    if (!m) return null;
    const kind = catalogDeltaKind(since, { version: m.version, baseVersion: m.base_version });
    if (kind === 'same') return { version: m.version, full: false, upserts: [], deletions: [] };
    if (kind === 'full') return { version: m.version, full: true, upserts: buildCatalog(m).procedures, deletions: [] };
    const upserts: Procedure[] = [];
    const deletions: string[] = [];
    for (const raw of changedRows.all(since)) {
      const row = procedureRowSchema.parse(raw);
      if (row.data === null) deletions.push(row.code);
      else upserts.push(parseProcedure(row.data));
    }
    return { version: m.version, full: false, upserts, deletions };
  };

  return {
    currentCatalog: async () =>
      guard(() => {
        const m = meta();
        return ok(m ? buildCatalog(m) : null);
      }),
    replaceCatalog: async (procedures, source) => guard(() => ok(replace.immediate(procedures, source))),
    catalogChanges: async (since) => guard(() => ok(changes(since))),
  };
}
