/** `npm run device:revoke -- DEVICE_ID [--data-dir DIR]`: a lost or stolen device stops syncing at once. */
import { readCommandLine, withStore } from './storeCommand.ts';

const usage = 'usage: npm run device:revoke -- DEVICE_ID [--data-dir data/server]';
const { values, positionals } = readCommandLine(usage, {});
const deviceId = positionals[0];
if (!deviceId) {
  console.error(usage);
  process.exit(2);
}
const d = await withStore(values, 'device not revoked', (store) => store.revokeDevice(deviceId));
console.log(`device ${d.id} (${d.centerCode}-${d.code}, "${d.name}") revoked at ${d.revokedAt}`);
