/**
 * `npm run restore -- BACKUP_FILE [--data-dir DIR]`: puts a verified backup in place of the
 * server's database. Stop the server first; the current database is kept beside it.
 */
import { resolve } from 'node:path';
import { restoreDatabase } from '../store/sqliteBackup.ts';
import { readCommandLine } from './storeCommand.ts';

const usage = 'usage: npm run restore -- BACKUP_FILE [--data-dir data/server]   (stop the server first)';
const { values, positionals } = readCommandLine(usage, {});
const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
const outcome = restoreDatabase(resolve(values['data-dir']), resolve(file));
if (!outcome.ok) {
  console.error(`restore failed: ${outcome.error}`);
  process.exit(1);
}
const { restored, keptAs } = outcome.value;
console.log(`restored ${file} (schema ${restored.schemaVersion}): ${Object.entries(restored.counts).map(([t, n]) => `${t}: ${n}`).join(', ')}`);
if (keptAs) console.log(`the database it replaced is kept as ${keptAs}`);
console.log('devices will push again whatever they sent after this backup (the server answers 409 and they resend).');
