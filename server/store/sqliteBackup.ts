/**
 * Backups of the server's SQLite database while it runs, and restoring one. A backup is SQLite's
 * online backup (better-sqlite3's db.backup: a consistent copy even while pushes are being written,
 * the WAL included), written to a dated file and then verified: `PRAGMA integrity_check` and the
 * row counts read back from the copy. Copying motcua.sqlite alone is NOT a backup: the -wal file
 * beside it holds the latest changes.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { err, ok, type Result } from '../../shared/result.ts';
import { MIGRATIONS } from './sqliteMigrations.ts';
import { SQLITE_FILE } from './sqliteStore.ts';

/** The tables whose row counts a backup reports (what a center would miss first). */
const COUNTED_TABLES = ['centers', 'devices', 'files', 'status_history', 'ratings', 'mutations'] as const;

export interface BackupReport {
  path: string;
  bytes: number;
  schemaVersion: number;
  counts: Record<(typeof COUNTED_TABLES)[number], number>;
}

/** The file the server writes its process id to while it runs; restore refuses to run beside it. */
export const PID_FILE = 'server.pid';

/** 'YYYYMMDD-HHMMSS' in Vietnam time, for file names that sort by date. */
export function backupStamp(now: Date): string {
  const local = new Date(now.getTime() + 7 * 3_600_000).toISOString();
  return `${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 19).replaceAll(':', '')}`;
}

/** Checks a database file as SQLite and as motcua's, and counts its rows; it is opened read-only. */
export function verifyDatabaseFile(path: string): Result<BackupReport> {
  if (!existsSync(path)) return err(`no file ${path}`);
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const check = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (check.length !== 1 || check[0] !== 'ok') return err(`${path} is damaged: ${check.slice(0, 5).join('; ')}`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion === 0) return err(`${path} holds no motcua data (schema version 0)`);
    if (schemaVersion > MIGRATIONS.length) return err(`${path} comes from a newer server (schema ${schemaVersion}, this one knows ${MIGRATIONS.length}): upgrade first`);
    const counts = Object.fromEntries(
      COUNTED_TABLES.map((table) => [table, (db!.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]),
    ) as BackupReport['counts'];
    return ok({ path, bytes: statSync(path).size, schemaVersion, counts });
  } catch (e) {
    return err(`${path} cannot be read as a database: ${(e as Error).message}`);
  } finally {
    db?.close();
  }
}

/** Writes a verified online backup of the database in `dataDir` to `<toDir>/motcua-YYYYMMDD-HHMMSS.sqlite`. */
export async function backupDatabase(dataDir: string, toDir: string, now = new Date()): Promise<Result<BackupReport>> {
  const source = join(dataDir, SQLITE_FILE);
  if (!existsSync(source)) return err(`no database in ${dataDir}`);
  mkdirSync(toDir, { recursive: true });
  const target = resolve(toDir, `motcua-${backupStamp(now)}.sqlite`);
  if (existsSync(target)) return err(`${target} already exists`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } catch (e) {
    rmSync(target, { force: true });
    return err(`the backup failed: ${(e as Error).message}`);
  } finally {
    db.close();
  }
  const verified = verifyDatabaseFile(target);
  if (!verified.ok) rmSync(target, { force: true });
  return verified;
}

function serverRunning(dataDir: string): number | null {
  const pidFile = join(dataDir, PID_FILE);
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * Puts a verified backup in place of the database in `dataDir`. The server must be stopped. The
 * current database (with its -wal and -shm) is kept beside it as motcua.sqlite.before-restore-STAMP.
 */
export function restoreDatabase(dataDir: string, backupPath: string, now = new Date()): Result<{ restored: BackupReport; keptAs: string | null }> {
  const running = serverRunning(dataDir);
  if (running !== null) return err(`the server is running (process ${running}, ${join(dataDir, PID_FILE)}): stop it first`);
  const verified = verifyDatabaseFile(resolve(backupPath));
  if (!verified.ok) return err(`not restored: ${verified.error}`);
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, SQLITE_FILE);
  let keptAs: string | null = null;
  if (existsSync(target)) {
    keptAs = `${target}.before-restore-${backupStamp(now)}`;
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, keptAs + suffix);
  }
  copyFileSync(resolve(backupPath), target);
  const check = verifyDatabaseFile(target);
  if (!check.ok) return err(`the restored copy does not check out: ${check.error}`);
  return ok({ restored: check.value, keptAs });
}
