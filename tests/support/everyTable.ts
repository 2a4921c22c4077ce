/**
 * A server with a row in every table of its store, written the way the server writes them (routes
 * for what devices send, the store for what the CLIs import), and every table's rows read back from
 * the schema itself: a backup test compares the rows of every table the database has, so a table
 * added later is compared too, and fails the test until this fixture writes a row into it.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { defaultAdminUnitsDir, importAdminUnits } from '../../server/address/importAdminUnits.ts';
import { defaultHolidayTablePath, importCalendar } from '../../server/calendar/importCalendar.ts';
import { SQLITE_FILE } from '../../server/store/sqliteStore.ts';
import type { SyncStore } from '../../server/store/store.ts';
import { demoCatalog } from '../../shared/catalog/demoCatalog.ts';
import { BUNDLED_LEXICONS } from '../../shared/catalog/language/bundledLexicons.ts';
import { dayNumberOf, isoFromDayNumber } from '../../shared/calendar/civilDay.ts';
import { queryKey } from '../../shared/learning/scrubQuery.ts';
import { buildLearnedEntry } from '../../shared/learning/teachPhrase.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';
import type { StoreLocation } from './tempStore.ts';
import { searchSession } from './learningFixtures.ts';
import { postRatings, pushAll, ratingOf, STAFF, statusMutation } from '../integration/lifecycleFixtures.ts';
import { makeDraft } from './preregFixtures.ts';
import { demoSettings, queueEvents } from './queueEvents.ts';
import { addTestCenter, bearer, createMutation, enrolTestDevice, makeFile, makeScan } from './syncFixtures.ts';

const expectStatus = (what: string, res: { statusCode: number; body: string }, ...ok: number[]) => {
  if (!ok.includes(res.statusCode)) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
};
const unwrap = <T>(what: string, result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result.error)}`);
  return result.value;
};

/**
 * Writes at least one row into every table: catalog, calendar, administrative units, a center with
 * its devices, files with their history, changes, feed and mutation log, ratings, the center's own
 * list, a complete scan and one half sent, searches and a taught phrase, the queue (settings, a
 * number, a refused event), a pre-registration, and on SQLite a legacy inline attachment. `now` is
 * the app's clock.
 */
export async function fillEveryTable(app: FastifyInstance, store: SyncStore, location: StoreLocation, now: Date): Promise<void> {
  const center = 'VB01';
  unwrap('catalog', await store.replaceCatalog(demoCatalog.procedures, 'test'));
  unwrap('calendar', await importCalendar(store, defaultHolidayTablePath()));
  unwrap('admin units', await importAdminUnits(store, defaultAdminUnitsDir()));
  await addTestCenter(store, center);
  unwrap('queue settings', await store.saveQueueSettings(center, demoSettings(), null, null));
  const counter = await enrolTestDevice(app, center);
  const admin = await enrolTestDevice(app, center, undefined, 'admin');
  const kiosk = await enrolTestDevice(app, center, undefined, 'kiosk');

  // Files, a status change, a due date moved, a rating; one file with a scan sent whole, one half sent.
  const whole = makeScan(1);
  const half = makeScan(2, 300_000);
  const files = [makeFile(counter, 1, { attachments: [whole.ref] }), makeFile(counter, 2, { attachments: [half.ref] }), makeFile(counter, 3, { attachments: [] })];
  const when = new Date(Date.parse(files[0]!.receivedAt) + 3_600_000).toISOString();
  await pushAll(app, counter, [
    ...files.map((f, i) => createMutation(i + 1, f)),
    statusMutation(4, counter, files[0]!.id, 'received', 'processing', { when }),
    {
      seq: 5,
      id: randomUUID(),
      kind: 'file.due',
      at: when,
      payload: {
        fileId: files[1]!.id,
        dueAt: '2027-03-09T17:00:00+07:00',
        previousDueAt: files[1]!.dueAt ?? null,
        reason: 'Cần xác minh thêm',
        stamp: { who: STAFF, when, where: { centerCode: center, locationCode: counter.locationCode, deviceId: counter.deviceId } },
      },
    },
  ]);
  await postRatings(app, counter, [ratingOf({ fileNumber: files[0]!.number, score: 4 })]);
  for (const [scan, fileId, bytes] of [[whole, files[0]!.id, whole.bytes], [half, files[1]!.id, half.bytes.subarray(0, 256 * 1024)]] as const) {
    const { ref } = scan;
    const started = await app.inject({ method: 'POST', url: API_PATHS.scans.scan.at(ref.id), headers: bearer(counter), payload: { fileId, name: ref.name, type: ref.type, size: ref.size, sha256: ref.sha256 } });
    expectStatus('scan start', started, 200, 201);
    const sent = await app.inject({
      method: 'POST',
      url: API_PATHS.scans.chunks.at(ref.id, { offset: 0 }),
      headers: { ...bearer(counter), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(bytes),
    });
    expectStatus('scan chunk', sent, 200);
  }

  // The center's own list.
  const entry = demoCatalog.procedures[0]!.code;
  const listed = await app.inject({
    method: 'PUT',
    url: API_PATHS.centerList.write,
    headers: bearer(admin),
    payload: { baseVersion: 0, upserts: { [entry]: { time: { unit: 'same_day', cutoff: '15:00' }, fee: { kind: 'free' }, place: { location: 'Điểm 1', counter: 'Quầy 2' }, note: null } }, deletions: [], by: STAFF },
  });
  expectStatus('center list', listed, 200);

  // Searches a kiosk sent, and a phrase an admin taught.
  const search = searchSession('làm giấy còn son', new Date(now.getTime() - 60_000));
  unwrap('searches', await store.addSearchSessions(center, kiosk.deviceId, [{ ...search, queryKey: queryKey(search.query) }], now.toISOString()));
  const procedures = new Map(demoCatalog.procedures.map((p) => [p.code, p.name]));
  const taught = unwrap(
    'learned entry',
    buildLearnedEntry(
      { phrases: ['còn son', 'vẫn còn son'], target: { kind: 'procedures', codes: ['1.004873'] }, query: 'làm giấy còn son', by: { staffId: 's1', staffName: 'Nguyễn Thị Lan' } },
      { base: BUNDLED_LEXICONS.vi, taught: [], procedureName: (c) => procedures.get(c) },
    ),
  );
  const queryKeys = [...new Set([...taught.say, ...taught.examples.map((e) => e.query)].map(queryKey))];
  unwrap('teach', await store.teach(center, { entry: taught, queryKeys, at: now.toISOString(), by: 'Nguyễn Thị Lan', deviceId: admin.deviceId }, 0));

  // The queue: a number from the kiosk, an event the desk refuses; a pre-registration.
  const ticket = await app.inject({ method: 'POST', url: API_PATHS.queue.tickets, headers: bearer(kiosk), payload: { id: randomUUID(), serviceId: 'ho-tich', priority: null, procedureCode: null, draftId: null } });
  expectStatus('queue number', ticket, 201);
  const q = queueEvents(isoFromDayNumber(dayNumberOf(now)), now.getTime() - 3_600_000);
  const refused = await app.inject({ method: 'POST', url: API_PATHS.queue.events, headers: bearer(counter), payload: { events: [q.finish('A001', 1)] } });
  expectStatus('queue event', refused, 200);
  const draft = await app.inject({ method: 'POST', url: API_PATHS.prereg.drafts, headers: bearer(kiosk), payload: makeDraft(kiosk.deviceCode, new Date(now.getTime() - 60_000)) });
  expectStatus('pre-registration', draft, 201);

  if (location.kind === 'sqlite') {
    // What a server older than scans' own table kept and no server writes any more: an inline
    // attachment that was not an image or a PDF (SQLite step 7 left those in `attachments`).
    const db = new Database(join(location.dir, SQLITE_FILE), { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare('INSERT INTO attachments (file_id, position, name, type, size, data) VALUES (?, 0, ?, ?, ?, ?)').run(files[2]!.id, 'ghi-chu.txt', 'text/plain', 7, Buffer.from('ghi chu'));
    } finally {
      db.close();
    }
  }
}

/** Every table of the database with its rows, each row as JSON, sorted: what two copies must share. */
export type TableRows = Record<string, string[]>;

export async function readEveryTable(location: StoreLocation): Promise<TableRows> {
  if (location.kind === 'sqlite') {
    const db = new Database(join(location.dir, SQLITE_FILE), { readonly: true, fileMustExist: true });
    try {
      return readSqliteTables(db);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const out: TableRows = {};
    for (const { name } of tables.rows) {
      const rows = await client.query<{ r: string }>(`SELECT row_to_json(t)::text AS r FROM "${name}" t`);
      out[name] = rows.rows.map((row) => row.r).sort();
    }
    return out;
  } finally {
    await client.end();
  }
}

/** SQLite's own tables (sqlite_sequence, ...) travel inside the file; the compared ones are motcua's. */
export function readSqliteTables(db: Database.Database): TableRows {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      db
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row as object).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('base64') : (v as unknown)]))))
        .sort(),
    ]),
  );
}
