/**
 * `npm run backup -- [--to FOLDER] [--data-dir DIR]`: a verified online backup of the server's
 * database, safe while the server runs (default folder <data-dir>/backups). Copy that file to
 * another disk; never copy motcua.sqlite alone.
 */
import { join, resolve } from 'node:path';
import { backupDatabase } from '../store/sqliteBackup.ts';
import { readCommandLine } from './storeCommand.ts';

const usage = 'usage: npm run backup -- [--to FOLDER] [--data-dir data/server]';
const { values } = readCommandLine(usage, { to: { type: 'string' } });
const dataDir = resolve(values['data-dir']);
const report = await backupDatabase(dataDir, resolve(values.to ?? join(dataDir, 'backups')));
if (!report.ok) {
  console.error(`backup failed: ${report.error}`);
  process.exit(1);
}
const { path, bytes, schemaVersion, counts } = report.value;
console.log(`backup written and verified (integrity_check ok, schema ${schemaVersion}): ${path} (${(bytes / 1024).toFixed(0)} KB)`);
console.log(Object.entries(counts).map(([table, n]) => `${table}: ${n}`).join(', '));
