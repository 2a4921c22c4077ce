/** `npm run device:revoke -- DEVICE_ID [--data-dir DIR]`: a lost or stolen device stops syncing at once. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../store/sqliteStore.ts';
import { dataDirOption } from './dataDirOption.ts';

const usage = 'usage: npm run device:revoke -- DEVICE_ID [--data-dir data/server]';
let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: dataDirOption });
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
const deviceId = parsed.positionals[0];
if (!deviceId) {
  console.error(usage);
  process.exit(2);
}
const store = openSqliteStore(resolve(parsed.values['data-dir']));
if (!store.ok) {
  console.error(`device not revoked: ${store.error}`);
  process.exit(1);
}
const revoked = await store.value.revokeDevice(deviceId);
await store.value.close();
if (!revoked.ok) {
  console.error(`device not revoked: ${revoked.error.reason}`);
  process.exit(1);
}
const d = revoked.value;
console.log(`device ${d.id} (${d.centerCode}-${d.code}, "${d.name}") revoked at ${d.revokedAt}`);
