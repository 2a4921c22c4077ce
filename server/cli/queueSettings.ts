/**
 * `npm run queue:settings -- --center CODE [--file settings.json] [--data-dir DIR | --store URL]`: saves a center's
 * queue set-up (services, counters, priority rule; shared/queue/demoQueueSettings.json is an example)
 * as its next revision, or, without --file, prints the current one as JSON.
 */
import { ok } from '../../shared/result.ts';
import { loadQueueSettings } from '../queue/queueSettingsFile.ts';
import { readCommandLine, withStore } from './storeCommand.ts';

const usage = 'usage: npm run queue:settings -- --center CODE [--file settings.json] [--data-dir data/server | --store postgres://...]';
const { values } = readCommandLine(usage, { center: { type: 'string' }, file: { type: 'string' } });
const { center, file } = values;
if (!center) {
  console.error(usage);
  process.exit(2);
}
if (file) {
  const saved = await withStore(values, 'queue settings not saved', (store) => loadQueueSettings(store, center, file));
  console.log(`center ${center}: queue settings revision ${saved.revision} (${saved.settings.services.length} services, ${saved.settings.counters.length} counters)`);
} else {
  const current = await withStore(values, 'queue settings unreadable', async (store) => {
    const found = await store.queueSettings(center);
    return found.ok ? ok(found.value) : found;
  });
  console.log(current ? JSON.stringify({ revision: current.revision, savedAt: current.savedAt, settings: current.settings }, null, 2) : `center ${center} has no queue settings yet`);
}
