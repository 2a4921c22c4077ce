/**
 * The administrative-units half of the SQLite store: every import that changes the table is a new row
 * with the next version (like the holiday table), so devices can tell a newer table from theirs.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { adminUnitsSchema, type AdminUnits } from '../../shared/address/adminUnits.ts';
import { ok } from '../../shared/result.ts';
import type { AdminUnitsStore, StoredAdminUnits } from './store.ts';
import type { SqliteGuard } from './sqliteSerial.ts';

const rowSchema = z.object({ version: z.number().int().positive(), json: z.string(), source: z.string(), imported_at: z.string() });

export function createSqliteAdminUnits(
  db: Database.Database,
  guard: SqliteGuard,
): AdminUnitsStore {
  const latestVersion = db.prepare('SELECT version FROM admin_units ORDER BY version DESC LIMIT 1');
  const latest = db.prepare('SELECT version, json, source, imported_at FROM admin_units ORDER BY version DESC LIMIT 1');
  const insert = db.prepare('INSERT INTO admin_units (version, json, source, imported_at) VALUES (?, ?, ?, ?)');

  // 1.4 MB of JSON: parsed once per version; only the version is read on each request.
  let cached: { stored: StoredAdminUnits; json: string } | null = null;
  const read = (): { stored: StoredAdminUnits; json: string } | null => {
    const head = latestVersion.get() as { version: number } | undefined;
    if (!head) return null;
    if (cached?.stored.version !== head.version) {
      const row = rowSchema.parse(latest.get());
      // A row that no longer fits the schema is a damaged database, not a request error.
      cached = {
        stored: { version: row.version, units: adminUnitsSchema.parse(JSON.parse(row.json)), source: row.source, importedAt: row.imported_at },
        json: row.json,
      };
    }
    return cached;
  };

  const replace = db.transaction((units: AdminUnits, source: string) => {
    const json = JSON.stringify(units);
    const current = read();
    if (current?.json === json) return { stored: current.stored, changed: false };
    const version = (current?.stored.version ?? 0) + 1;
    insert.run(version, json, source, new Date().toISOString());
    return { stored: read()!.stored, changed: true };
  });

  return {
    currentAdminUnits: async () => guard(() => ok(read()?.stored ?? null)),
    replaceAdminUnits: async (units, source) => guard(() => ok(replace.immediate(units, source))),
  };
}
