/**
 * The holiday table and the administrative units in PostgreSQL: like SQLite, every import that
 * changes the data is a new row with the next version, so devices can tell a newer version from
 * theirs. Two imports at once take turns on a transaction-scoped advisory lock per table.
 */
import type pg from 'pg';
import { z } from 'zod';
import { adminUnitsSchema, type AdminUnits } from '../../../shared/address/adminUnits.ts';
import { holidayTableSchema, type HolidayTable } from '../../../shared/calendar/holidayTable.ts';
import { ok } from '../../../shared/result.ts';
import type { AdminUnitsStore, CalendarStore } from '../store.ts';
import type { PostgresGuard } from './postgresGuard.ts';
import { heardValue, NOTICE_CHANNELS, type Notices } from './postgresNotices.ts';
import { inTransaction, sql, type Queryable } from './postgresSql.ts';

const rowSchema = z.object({ version: z.number().int().positive(), json: z.string(), source: z.string(), imported_at: z.string() });
const versionRowSchema = z.object({ version: z.number().int().positive() });

interface Stored<T> {
  version: number;
  value: T;
  source: string;
  importedAt: string;
}

/**
 * One versioned JSON table: the latest version (parsed once per version), and a replace that stores
 * only a change. The latest version number is kept in memory while this process hears the table's
 * notices (postgresNotices.ts; every push reads the units), read from the database otherwise.
 */
function versionedTable<T>(pool: pg.Pool, notices: Notices, table: 'holiday_table' | 'admin_units', lock: number, parse: (json: unknown) => T) {
  const channel = table === 'admin_units' ? 'adminUnits' : 'holidayTable';
  const latest = heardValue<number | null>(notices, channel);
  let cached: { stored: Stored<T>; json: string } | null = null;
  const latestVersion = async (db: Queryable): Promise<number | null> => {
    const [head] = await sql(db, `SELECT version FROM ${table} ORDER BY version DESC LIMIT 1`, [], `${table}_latest`);
    return head ? versionRowSchema.parse(head).version : null;
  };
  /** Inside a transaction (`db` its connection) the database is asked; otherwise what this process heard. */
  const read = async (db: Queryable | null): Promise<{ stored: Stored<T>; json: string } | null> => {
    const version = db ? await latestVersion(db) : await latest.get(() => latestVersion(pool));
    if (version === null) return null;
    if (cached?.stored.version !== version) {
      const row = rowSchema.parse((await sql(db ?? pool, `SELECT version, json, source, imported_at FROM ${table} WHERE version = $1`, [version]))[0]);
      // A row that no longer fits the schema is a damaged database, not a request error.
      cached = { stored: { version: row.version, value: parse(JSON.parse(row.json)), source: row.source, importedAt: row.imported_at }, json: row.json };
    }
    return cached;
  };
  const replace = async (value: T, source: string) => {
    const replaced = await inTransaction(pool, async (client) => {
      await sql(client, 'SELECT pg_advisory_xact_lock($1)', [lock]);
      const json = JSON.stringify(value);
      const current = await read(client);
      if (current?.json === json) return { stored: current.stored, changed: false };
      const version = (current?.stored.version ?? 0) + 1;
      await sql(client, `INSERT INTO ${table} (version, json, source, imported_at) VALUES ($1, $2, $3, $4)`, [version, json, source, new Date().toISOString()]);
      // Heard by every process once this commits.
      await sql(client, 'SELECT pg_notify($1, $2)', [NOTICE_CHANNELS[channel], String(version)]);
      return { stored: (await read(client))!.stored, changed: true };
    });
    if (replaced.changed) notices.changedHere(channel);
    return replaced;
  };
  return { read: () => read(null), replace };
}

export function createPostgresCalendar(pool: pg.Pool, notices: Notices, guard: PostgresGuard): CalendarStore {
  const table = versionedTable<HolidayTable>(pool, notices, 'holiday_table', 7_240_303, (json) => holidayTableSchema.parse(json));
  const asTable = ({ value, ...rest }: Stored<HolidayTable>) => ({ ...rest, table: value });
  return {
    currentHolidayTable: async () =>
      guard(async () => {
        const found = await table.read();
        return ok(found ? asTable(found.stored) : null);
      }),
    replaceHolidayTable: async (value, source) =>
      guard(async () => {
        const { stored, changed } = await table.replace(value, source);
        return ok({ stored: asTable(stored), changed });
      }),
  };
}

export function createPostgresAdminUnits(pool: pg.Pool, notices: Notices, guard: PostgresGuard): AdminUnitsStore {
  const table = versionedTable<AdminUnits>(pool, notices, 'admin_units', 7_240_304, (json) => adminUnitsSchema.parse(json));
  const asUnits = ({ value, ...rest }: Stored<AdminUnits>) => ({ ...rest, units: value });
  return {
    currentAdminUnits: async () =>
      guard(async () => {
        const found = await table.read();
        return ok(found ? asUnits(found.stored) : null);
      }),
    replaceAdminUnits: async (value, source) =>
      guard(async () => {
        const { stored, changed } = await table.replace(value, source);
        return ok({ stored: asUnits(stored), changed });
      }),
  };
}
