/** Starts the motcua server: `npm run server` (API) or `npm run web` (API + the kiosk UI). */
import { join } from 'node:path';
import { createApp } from './app.ts';
import { describeAdminUnitsImport, importAdminUnits } from './address/importAdminUnits.ts';
import { describeCalendarImport, importCalendar } from './calendar/importCalendar.ts';
import { describeImport, importCatalog } from './catalog/importCatalog.ts';
import { DEMO_CENTER, ensureDemoCenter } from './centers/addCenter.ts';
import { readServerConfig } from './config.ts';
import { ensureDemoQueue } from './queue/queueSettingsFile.ts';
import { openSqliteStore } from './store/sqliteStore.ts';

const config = readServerConfig(process.argv.slice(2));
if (!config.ok) {
  console.error(`motcua server: ${config.error}`);
  process.exit(2);
}
const { host, port, dataDir, webRoot, seedCatalog, seedCalendar, seedAdminUnits, demoCenter } = config.value;
const opened = openSqliteStore(dataDir);
if (!opened.ok) {
  console.error(`motcua server: ${opened.error}`);
  process.exit(1);
}
const store = opened.value;

const existing = await store.currentCatalog();
if (existing.ok && !existing.value && seedCatalog) {
  const imported = await importCatalog(store, seedCatalog);
  console.log(imported.ok ? describeImport(imported.value) : `catalog not imported: ${imported.error}`);
}
const current = await store.currentCatalog();
if (!current.ok) console.error(`catalog unreadable: ${current.error.reason}`);
else console.log(current.value ? `catalog: ${current.value.procedures.length} procedures, version ${current.value.version}` : 'catalog: demo (none imported)');

const holidays = await store.currentHolidayTable();
if (holidays.ok && !holidays.value && seedCalendar) {
  const imported = await importCalendar(store, seedCalendar);
  console.log(imported.ok ? describeCalendarImport(imported.value) : `holiday table not imported: ${imported.error}`);
} else if (!holidays.ok) console.error(`holiday table unreadable: ${holidays.error.reason}`);
else if (holidays.value) console.log(`holiday table: "${holidays.value.table.version}", calendar version ${holidays.value.version}`);
else console.log('holiday table: none (devices count with the statutory rules)');

const units = await store.currentAdminUnits();
if (units.ok && !units.value && seedAdminUnits) {
  const imported = await importAdminUnits(store, seedAdminUnits);
  console.log(imported.ok ? describeAdminUnitsImport(imported.value) : `administrative units not imported: ${imported.error}`);
} else if (!units.ok) console.error(`administrative units unreadable: ${units.error.reason}`);
else if (units.value) console.log(`administrative units: "${units.value.units.version}", version ${units.value.version}`);
else console.log('administrative units: none (the address lookup is off)');

if (demoCenter) {
  const seeded = await ensureDemoCenter(store);
  if (!seeded.ok) console.error(`demo center not added: ${seeded.error}`);
  else {
    console.warn(
      `DEMO CENTER ${seeded.value === 'created' ? 'added' : 'active'}: code ${DEMO_CENTER.code}, enrolment code "${DEMO_CENTER.enrolmentCode}" ` +
        '(public: anyone can enrol a device; for development and tests only)',
    );
    const queue = await ensureDemoQueue(store, DEMO_CENTER.code);
    if (!queue.ok) console.error(`demo queue not set up: ${queue.error}`);
    else if (queue.value === 'created') console.log('demo queue: the example services and counters (shared/queue/demoQueueSettings.json)');
  }
}

const app = await createApp({ store, webRoot, updatesDir: join(dataDir, 'updates') });
const address = await app.listen({ host, port });
console.log(`motcua server listening on ${address}${webRoot ? ' (kiosk UI at /)' : ''} (data in ${dataDir})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () =>
    void app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0)),
  );
}
