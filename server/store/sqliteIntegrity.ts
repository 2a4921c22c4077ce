/**
 * The start-up checks of the SQLite file, so a damaged or emptied database stops the server with a
 * clear message instead of starting as a new, empty one (every device would then get 401 and every
 * file would be gone without a word). A missing file is a first start; a file that is there must be
 * a motcua database that passes SQLite's own `PRAGMA quick_check`.
 */
import { existsSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../../shared/result.ts';

const RESTORE_HINT = 'restore the latest backup (npm run restore -- FILE); never copy the .sqlite file alone, its -wal file holds recent changes';

/** Before opening: 'new' when there is no file yet, an error for a file that cannot be a database. */
export function checkFileBeforeOpen(path: string): Result<'new' | 'existing'> {
  if (!existsSync(path)) return ok('new');
  const size = statSync(path).size;
  if (size === 0) {
    return err(`the database ${path} is empty (0 bytes): the server will not start over it as a new, empty server. ${RESTORE_HINT}`);
  }
  return ok('existing');
}

/**
 * After opening a file that existed: SQLite's quick check (b-trees, pages, indexes; a few seconds
 * on a large file) and a motcua schema. Run before migrating, so nothing is written to a damaged file.
 */
export function checkOpenedDatabase(db: Database.Database, path: string): Result<void> {
  let problems: string[];
  try {
    problems = (db.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check);
  } catch (e) {
    return err(`the database ${path} is damaged (${(e as Error).message}): the server will not start. ${RESTORE_HINT}`);
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    return err(`the database ${path} is damaged: ${problems.slice(0, 5).join('; ')}. The server will not start. ${RESTORE_HINT}`);
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === 0) {
    return err(`the database ${path} exists but holds no motcua data (schema version 0): the server will not start over it. ${RESTORE_HINT}, or move the file away to start a new server`);
  }
  return ok(undefined);
}
