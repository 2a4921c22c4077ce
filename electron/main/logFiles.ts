/**
 * The log's files on disk: rotation that keeps a few numbered archives (main.log → main.1.log …),
 * and the admin export that copies them into a chosen folder. Node only, tested on a temp folder.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import { shellRefusal } from '../../shared/ipc/contract.ts';
import { err, ok, type Result } from '../../shared/result.ts';

export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_ARCHIVES = 5;

/** Shifts main.N.log up by one (dropping the oldest) and moves the live file to main.1.log. */
export function rotateLogFile(path: string, keep = LOG_ARCHIVES): void {
  const { dir, name, ext } = parse(path);
  const archive = (n: number) => join(dir, `${name}.${n}${ext}`);
  rmSync(archive(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    if (existsSync(archive(n))) renameSync(archive(n), archive(n + 1));
  }
  renameSync(path, archive(1));
}

/** `motcua-logs-20250131-142501` for a Date. */
export function exportFolderName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `motcua-logs-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** Copies every *.log file of `logDir` into a new folder inside `target`. */
export function exportLogs(logDir: string, target: string, now: Date = new Date()): Result<{ folder: string; files: number }> {
  try {
    const files = readdirSync(logDir).filter((f) => f.endsWith('.log'));
    if (files.length === 0) return err(shellRefusal('no_logs', 'there are no log files yet'));
    const folder = join(target, exportFolderName(now));
    mkdirSync(folder, { recursive: true });
    for (const file of files) copyFileSync(join(logDir, file), join(folder, file));
    return ok({ folder, files: files.length });
  } catch (error) {
    return err(shellRefusal('write_failed', `could not export the logs: ${error instanceof Error ? error.message : String(error)}`));
  }
}
