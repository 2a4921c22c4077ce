/** Starts the motcua server: `npm run server` (API) or `npm run web` (API + the kiosk UI). */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { describeAdminUnitsImport, importAdminUnits } from './address/importAdminUnits.ts';
import { describeCalendarImport, importCalendar } from './calendar/importCalendar.ts';
import { describeImport, importCatalog } from './catalog/importCatalog.ts';
import { DEMO_CENTER, ensureDemoCenter } from './centers/addCenter.ts';
import { ensureDemoCenterList } from './centers/demoCenterList.ts';
import { readServerConfig } from './config.ts';
import { ensureDemoQueue } from './queue/queueSettingsFile.ts';
import { serverLoggerOptions } from './http/serverLog.ts';
import { describeStore, openStore } from './store/openStore.ts';
import { PID_FILE } from './store/sqliteBackup.ts';

const config = readServerConfig(process.argv.slice(2));
if (!config.ok) {
  console.error(`motcua server: ${config.error}`);
  process.exit(2);
}
const { host, port, dataDir, store: storeChoice, webRoot, seedCatalog, seedCalendar, seedAdminUnits, demoCenter, tls, logDir, logLevel } = config.value;
const opened = await openStore(storeChoice);
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
      `DEMO CENTER ${seeded.value === 'created' ? 'added' : 'active'}: code ${DEMO_CENTER.code}, enrolment code "${DEMO_CENTER.enrolmentCode}", ` +
        `admin enrolment code "${DEMO_CENTER.adminEnrolmentCode}" ` +
        '(public: anyone can enrol a device; for development and tests only)',
    );
    const list = await ensureDemoCenterList(store);
    if (!list.ok) console.error(`demo center list not added: ${list.error}`);
    else if (list.value !== 'present') {
      console.warn(`demo center list: ${list.value.seeded} procedures with DEMO VALUES${list.value.skipped.length > 0 ? ` (not in the catalog: ${list.value.skipped.join(', ')})` : ''}`);
    }
    const queue = await ensureDemoQueue(store, DEMO_CENTER.code);
    if (!queue.ok) console.error(`demo queue not set up: ${queue.error}`);
    else if (queue.value === 'created') console.log('demo queue: the example services and counters (shared/queue/demoQueueSettings.json)');
  }
}

let https: { key: Buffer; cert: Buffer } | null = null;
if (tls) {
  try {
    https = { cert: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) };
  } catch (e) {
    console.error(`motcua server: cannot read the TLS files: ${(e as Error).message}`);
    process.exit(2);
  }
}
const app = await createApp({ store, webRoot, updatesDir: join(dataDir, 'updates'), logger: serverLoggerOptions(logDir, { level: logLevel }), https });
const address = await app.listen({ host, port });
// `npm run restore` refuses to replace the database while this file names a live process.
const pidFile = join(dataDir, PID_FILE);
writeFileSync(pidFile, String(process.pid));
console.log(`motcua server listening on ${address}${webRoot ? ' (kiosk UI at /)' : ''} (${describeStore(storeChoice)}, log in ${logDir})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () =>
    void app
      .close()
      .then(() => store.close())
      .then(() => rmSync(pidFile, { force: true }))
      .then(() => process.exit(0)),
  );
}
