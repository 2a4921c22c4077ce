/**
 * Upgrading in place from the versions that pushed scans inline (base64 in the record): the
 * device's IndexedDB (fake-indexeddb here) and the server's SQLite each move those scans to their
 * own tables, nothing is lost, and both sides end with the same references, so a registration the
 * device pushes again after the upgrade is recognised by the server as the file it already has.
 */
import 'fake-indexeddb/auto';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../renderer/data/db.ts';
import { latestStores, SCHEMA_HISTORY } from '../../renderer/data/dbSchema.ts';
import { getFile } from '../../renderer/data/fileRegistry.ts';
import { readScanBytes } from '../../renderer/data/scanStore.ts';
import { hashDeviceToken } from '../../server/auth/secrets.ts';
import { registerMigrationFunctions } from '../../server/store/sqliteMigrationFunctions.ts';
import { MIGRATIONS } from '../../server/store/sqliteMigrations.ts';
import { openSqliteStore, SQLITE_FILE } from '../../server/store/sqliteStore.ts';
import { prepareMutation } from '../../server/sync/prepareMutation.ts';
import { legacyScanId } from '../../shared/files/legacyScanId.ts';
import { createMemoryCipher } from '../../renderer/platform/memory.ts';
import { openPayload } from '../../renderer/data/outbox.ts';

const cipher = await createMemoryCipher();

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const PDF = Buffer.from('%PDF-1.4\n% tờ khai\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('ảnh chụp giấy khai sinh')]);
const TEXT = Buffer.from('ghi chú, không phải bản chụp');
const OTHER_PDF = Buffer.from('%PDF-1.4\n% bản cũ\n%%EOF\n');

const inline = (name: string, type: string, bytes: Buffer) => ({ name, type, size: bytes.length, dataBase64: bytes.toString('base64') });

/** A registration as the versions before scans had their own tables wrote it (fields in schema order). */
function legacyFile(n: number, attachments: ReturnType<typeof inline>[]) {
  return {
    id: randomUUID(),
    number: `VB11824-D01-20270301-000${n}`,
    centerCode: 'VB11824',
    locationCode: null,
    deviceId: 'device-1',
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    channel: 'in_person',
    citizen: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-17', idNumber: `00109001234${n}`, sex: 'male', phone: null, address: null },
    documents: [],
    attachments,
    notes: null,
    receivedAt: `2027-03-01T01:00:0${n}.000Z`,
    receivedBy: { staffId: 's1', staffName: 'Trần Thị Bình' },
    dueAt: null,
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** The device's database as version 4 left it. */
async function legacyDevice(rows: { files: object[]; outbox: object[] }): Promise<string> {
  const name = `legacy-${randomUUID()}`;
  const old = new Dexie(name);
  old.version(4).stores(latestStores(SCHEMA_HISTORY.slice(0, 4)));
  await old.table('files').bulkAdd(rows.files);
  await old.table('outbox').bulkAdd(rows.outbox);
  old.close();
  cleanups.push(() => Dexie.delete(name));
  return name;
}

const localFile = (file: ReturnType<typeof legacyFile>, seq: number, syncState: string) => ({
  ...file,
  syncState,
  rejectReason: null,
  status: 'received',
  statusAt: file.receivedAt,
  seq,
});
const entry = (seq: number, file: ReturnType<typeof legacyFile>, state: string) => ({
  seq,
  id: randomUUID(),
  kind: 'file.create',
  at: file.receivedAt,
  payload: file,
  fileId: file.id,
  state,
  attempts: 0,
  lastError: null,
  sentAt: state === 'sent' ? file.receivedAt : null,
});

describe('the device upgrade (IndexedDB v5)', () => {
  it('moves inline scans into the scan tables, keeps what is not a scan, and leaves references behind', async () => {
    const sent = legacyFile(1, [inline('to-khai.pdf', 'application/pdf', PDF), inline('ghi-chu.txt', 'text/plain', TEXT)]);
    const waiting = legacyFile(2, [inline('anh.png', 'image/png', PNG)]);
    const corrected = legacyFile(3, [inline('moi.pdf', 'application/pdf', PDF)]);
    const before = { ...corrected, attachments: [inline('cu.pdf', 'application/pdf', OTHER_PDF)] };
    const name = await legacyDevice({
      files: [localFile(sent, 1, 'sent'), localFile(waiting, 2, 'pending'), localFile(corrected, 4, 'pending')],
      outbox: [entry(1, sent, 'sent'), entry(2, waiting, 'pending'), entry(3, before, 'superseded'), entry(4, corrected, 'pending')],
    });

    const db = openDb(name, cipher);
    await db.open();
    const scans = await db.scans.toArray();
    const state = (fileId: string, bytes: Buffer) => scans.find((s) => s.id === legacyScanId(fileId, sha256(bytes)));
    expect(state(sent.id, PDF)).toMatchObject({ upload: 'uploaded', type: 'application/pdf', size: PDF.length });
    expect(state(sent.id, TEXT)).toMatchObject({ upload: 'kept', lastError: expect.stringMatching(/not an image or a PDF/) });
    expect(state(waiting.id, PNG)).toMatchObject({ upload: 'pending', type: 'image/png' });
    expect(state(corrected.id, PDF)).toMatchObject({ upload: 'pending' });
    expect(state(corrected.id, OTHER_PDF)).toMatchObject({ upload: 'kept', lastError: expect.stringMatching(/replaced/) });
    expect(scans).toHaveLength(5);

    // Every byte is still there, as a Blob.
    const png = await readScanBytes(db, legacyScanId(waiting.id, sha256(PNG)));
    expect(png.ok && png.value && Buffer.from(await png.value.arrayBuffer()).equals(PNG)).toBe(true);
    const text = await readScanBytes(db, legacyScanId(sent.id, sha256(TEXT)));
    expect(text.ok && text.value && Buffer.from(await text.value.arrayBuffer()).equals(TEXT)).toBe(true);

    // Records and payloads hold references only, and pass today's schema.
    const read = await getFile(db, sent.id);
    expect(read.ok && read.value?.attachments).toEqual([
      { id: legacyScanId(sent.id, sha256(PDF)), name: 'to-khai.pdf', type: 'application/pdf', size: PDF.length, sha256: sha256(PDF) },
    ]);
    expect(JSON.stringify(await db.outbox.toArray())).not.toMatch(/dataBase64/);
    expect(JSON.stringify(await db.files.toArray())).not.toMatch(/dataBase64/);
    expect((await db.audit.toArray()).filter((a) => a.action === 'scan.kept').map((a) => a.detail)).toEqual([expect.stringMatching(/ghi-chu\.txt/)]);
    db.close();
  });
});

describe('the server upgrade (SQLite migration) beside the device upgrade', () => {
  it('moves inline scans to scans, keeps the rest, and recognises the upgraded device resending the same file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-legacy-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = legacyFile(1, [inline('to-khai.pdf', 'application/pdf', PDF), inline('ghi-chu.txt', 'text/plain', TEXT), inline('ban-sao.pdf', 'application/pdf', PDF)]);

    // The server as the versions before scans had their own tables left it, holding that file.
    const scansStep = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE scans ('));
    const raw = new Database(join(dir, SQLITE_FILE));
    registerMigrationFunctions(raw);
    for (let step = 0; step < scansStep; step += 1) raw.exec(MIGRATIONS[step]!);
    raw.pragma(`user_version = ${scansStep}`);
    const token = 'legacy-device-token-0123456789';
    raw.prepare("INSERT INTO centers (code, name, enrolment_code_hash, created_at) VALUES ('VB11824', 'Trung tâm', 'x', '2027-01-01')").run();
    raw
      .prepare("INSERT INTO devices (id, center_code, code, name, location_code, role, token_hash, enrolled_at) VALUES ('device-1', 'VB11824', 'D01', 'Quầy 1', NULL, 'counter', ?, '2027-01-01')")
      .run(hashDeviceToken(token));
    const record = { ...file, attachments: file.attachments.map(({ dataBase64: _d, ...meta }) => meta) };
    raw
      .prepare(
        `INSERT INTO files (id, center_code, number, device_id, procedure_code, status, record, content_hash, received_at, stored_at, due_at, location_code)
         VALUES (?, 'VB11824', ?, 'device-1', '1.001193', 'received', ?, ?, ?, ?, NULL, NULL)`,
      )
      .run(file.id, file.number, JSON.stringify(record), sha256(JSON.stringify(file)), file.receivedAt, file.receivedAt);
    const insertAttachment = raw.prepare('INSERT INTO attachments (file_id, position, name, type, size, data) VALUES (?, ?, ?, ?, ?, ?)');
    file.attachments.forEach((a, i) => insertAttachment.run(file.id, i, a.name, a.type, a.size, Buffer.from(a.dataBase64, 'base64')));
    raw.prepare("UPDATE devices SET last_applied_seq = 1 WHERE id = 'device-1'").run();
    raw.close();

    const opened = openSqliteStore(dir);
    if (!opened.ok) throw new Error(opened.error);
    const store = opened.value;
    cleanups.push(() => store.close());
    const pdfId = legacyScanId(file.id, sha256(PDF));
    const stored = await store.findFile('VB11824', file.id);
    expect(stored.ok && stored.value?.attachments).toEqual([{ id: pdfId, name: 'to-khai.pdf', type: 'application/pdf', size: PDF.length, sha256: sha256(PDF) }]);
    const scan = await store.readScan('VB11824', pdfId);
    expect(scan.ok && scan.value?.data.equals(PDF)).toBe(true);
    const check = new Database(join(dir, SQLITE_FILE), { readonly: true });
    expect(check.prepare('SELECT name FROM attachments').all()).toEqual([{ name: 'ghi-chu.txt' }]);
    check.close();

    // The device upgraded too and, after a server restored from a backup say, pushes its registration again.
    const name = await legacyDevice({ files: [localFile(file, 1, 'pending')], outbox: [entry(1, file, 'pending')] });
    const db = openDb(name, cipher);
    const upgraded = (await db.outbox.get(1))!;
    // Sealed at rest by the upgrade after it; opened, it is the registration with references only.
    const payload = await openPayload(db, upgraded);
    if (!payload.ok) throw new Error(payload.error);
    db.close();
    const device = await store.findDeviceByTokenHash(hashDeviceToken(token));
    if (!device.ok || !device.value) throw new Error('no device');
    const mutation = { seq: 2, id: randomUUID(), kind: 'file.create', at: upgraded.at, payload: payload.value };
    const answer = await store.applyPush(device.value.id, [prepareMutation(mutation, device.value, new Date(upgraded.at))]);
    expect(answer.ok && answer.value.results).toEqual([{ seq: 2, status: 'duplicate', reason: null }]);
  });
});
