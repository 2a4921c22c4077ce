/**
 * Scans on the device: recognised by their bytes, prepared once (made smaller when they are
 * pictures), stored as Blobs in their own tables in the same transaction as the file, and kept
 * out of the file records that lists read.
 */
import 'fake-indexeddb/auto';
import { createHash, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type DeviceIdentity, type MotcuaDb } from '../../renderer/data/db.ts';
import { cancelFile, getFile, registerFile, resendFile, type NewFileInput } from '../../renderer/data/fileRegistry.ts';
import { listFileScans, readScanBytes, scanCounts } from '../../renderer/data/scanStore.ts';
import { prepareScan } from '../../renderer/scans/prepareScan.ts';
import { targetSize } from '../../renderer/scans/shrinkImage.ts';
import { MAX_SCAN_BYTES, sniffScanType } from '../../shared/files/scan.ts';
import { legacyScanId } from '../../shared/files/legacyScanId.ts';
import { createMemoryCipher } from '../../renderer/platform/memory.ts';
import { openPayload } from '../../renderer/data/outbox.ts';

const device: DeviceIdentity = {
  key: 'device',
  deviceId: 'dev-1',
  deviceCode: 'D01',
  token: 't'.repeat(40),
  centerCode: 'XA01',
  centerName: 'Xã Một',
  locationCode: null,
  role: 'counter',
  serverUrl: 'http://sync.test/',
  enrolledAt: '2027-03-01T00:00:00.000Z',
};
const staff = { id: 's1', name: 'Bình' };
const base: NewFileInput = {
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  channel: 'in_person',
  citizen: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-17', idNumber: '001090012345', sex: 'male', phone: null, address: null },
  documents: [],
  attachments: [],
  notes: null,
};

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pdf = (size: number, name = 'to-khai.pdf') => new File([new Uint8Array([...Buffer.from('%PDF-1.4\n'), ...new Uint8Array(size - 9).fill(0x41)])], name);
const png = (size: number, name = 'anh.png') => new File([new Uint8Array([...PNG_HEAD, ...new Uint8Array(size - 8).fill(7)])], name, { type: 'image/png' });
const fakeShrink = (bytes: number) => async () => ({ blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Uint8Array(bytes - 4)])], { type: 'image/jpeg' }), width: 1240, height: 1754 });

const cipher = await createMemoryCipher();
const opened: MotcuaDb[] = [];
function freshDb(): MotcuaDb {
  const db = openDb(`scans-${randomUUID()}`, cipher);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('recognising a scan', () => {
  it('goes by the first bytes, not the name: JPEG, PNG, WebP and PDF only', () => {
    const bytes = (...b: number[]) => new Uint8Array(b);
    expect(sniffScanType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg');
    expect(sniffScanType(bytes(...PNG_HEAD))).toBe('image/png');
    expect(sniffScanType(new Uint8Array([...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WEBP')]))).toBe('image/webp');
    expect(sniffScanType(new Uint8Array(Buffer.from('%PDF-1.7')))).toBe('application/pdf');
    expect(sniffScanType(new Uint8Array(Buffer.from('RIFF1234WAVE')))).toBeNull();
    expect(sniffScanType(new Uint8Array(Buffer.from('GIF89a')))).toBeNull();
    expect(sniffScanType(bytes(0xff, 0xd8))).toBeNull();
  });

  it('sizes a picture to an A4 page at 150 dpi in its own orientation, never larger', () => {
    expect(targetSize(4000, 3000)).toEqual({ width: 1653, height: 1240 });
    expect(targetSize(2480, 3508)).toEqual({ width: 1240, height: 1754 });
    expect(targetSize(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('derives the same id for the same bytes of the same file, and different ones otherwise', () => {
    const file = randomUUID();
    expect(legacyScanId(file, 'a'.repeat(64))).toBe(legacyScanId(file, 'a'.repeat(64)));
    expect(legacyScanId(file, 'a'.repeat(64))).not.toBe(legacyScanId(file, 'b'.repeat(64)));
    expect(legacyScanId(file, 'a'.repeat(64))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('preparing a picked file', () => {
  it('keeps a PDF as it is, with the sha256 of its bytes', async () => {
    const file = pdf(2000);
    const prepared = await prepareScan(file);
    if (!prepared.ok) throw new Error(prepared.error.key);
    const sha = createHash('sha256').update(Buffer.from(await file.arrayBuffer())).digest('hex');
    expect(prepared.value.ref).toMatchObject({ name: 'to-khai.pdf', type: 'application/pdf', size: 2000, sha256: sha });
    expect(prepared.value.blob.type).toBe('application/pdf');
  });

  it('makes a large picture smaller and stores it as a JPEG', async () => {
    const prepared = await prepareScan(png(3_000_000, 'giay-khai-sinh.png'), { shrink: fakeShrink(280_000) });
    if (!prepared.ok) throw new Error(prepared.error.key);
    expect(prepared.value.ref).toMatchObject({ name: 'giay-khai-sinh.jpg', type: 'image/jpeg', size: 280_000 });
    expect(prepared.value.originalSize).toBe(3_000_000);
  });

  it('keeps a small picture that would not get smaller', async () => {
    const prepared = await prepareScan(png(20_000), { shrink: fakeShrink(40_000) });
    expect(prepared.ok && prepared.value.ref).toMatchObject({ type: 'image/png', size: 20_000 });
  });

  it('refuses other files, PDFs over the limit and pictures it cannot read, each with a key and the name', async () => {
    expect(await prepareScan(new File(['xin chào'], 'ghi-chu.txt'))).toEqual({ ok: false, error: { key: 'scans.problem.notScan', name: 'ghi-chu.txt', maxMb: 5 } });
    expect(await prepareScan(new File([new Uint8Array([...PNG_HEAD])], 'doi-ten.pdf'), { shrink: () => Promise.reject(new Error('bad')) })).toMatchObject({
      ok: false,
      error: { key: 'scans.problem.unreadable', name: 'doi-ten.pdf' },
    });
    expect(await prepareScan(pdf(MAX_SCAN_BYTES + 1))).toMatchObject({ ok: false, error: { key: 'scans.problem.tooLarge', maxMb: 5 } });
    expect(await prepareScan(png(MAX_SCAN_BYTES + 100), { shrink: fakeShrink(MAX_SCAN_BYTES + 10) })).toMatchObject({ ok: false, error: { key: 'scans.problem.tooLarge' } });
  });
});

describe('storing scans with a file', () => {
  it('writes the file, its scans and their bytes in one transaction, the record holding references only', async () => {
    const db = freshDb();
    const prepared = await prepareScan(pdf(5000));
    if (!prepared.ok) throw new Error('not prepared');
    const saved = await registerFile(db, { ...base, attachments: [prepared.value.ref], scans: [prepared.value] }, { device, staff });
    if (!saved.ok) throw new Error(saved.error.reason);
    const stored = await db.files.get(saved.value.id);
    // The record keeps only references (sealed apart from the rest of the file): small, whatever the scan's size.
    expect(stored!.attachments!.data.byteLength).toBeLessThan(400);
    const opened = await getFile(db, saved.value.id);
    expect(opened.ok && opened.value?.attachments).toEqual([prepared.value.ref]);
    const outbox = await db.outbox.get(saved.value.seq);
    const payload = await openPayload(db, outbox!);
    expect(payload.ok && (payload.value as { attachments: unknown }).attachments).toEqual([prepared.value.ref]);
    const rows = await listFileScans(db, saved.value.id);
    expect(rows.ok && rows.value.map((r) => [r.id, r.upload, r.size])).toEqual([[prepared.value.ref.id, 'pending', 5000]]);
    expect(rows.ok && 'blob' in rows.value[0]!).toBe(false);
    const bytes = await readScanBytes(db, prepared.value.ref.id);
    expect(bytes.ok && bytes.value && (await bytes.value.arrayBuffer()).byteLength).toBe(5000);
    expect(await scanCounts(db)).toEqual({ ok: true, value: { pending: 1, rejected: 0 } });
  });

  it('refuses a reference without bytes and writes nothing at all', async () => {
    const db = freshDb();
    const prepared = await prepareScan(pdf(3000));
    if (!prepared.ok) throw new Error('not prepared');
    const saved = await registerFile(db, { ...base, attachments: [prepared.value.ref] }, { device, staff });
    expect(saved).toMatchObject({ ok: false, error: { kind: 'invalid', fields: ['attachments'] } });
    expect(await db.files.count()).toBe(0);
    expect(await db.scans.count()).toBe(0);
    expect(await db.scanBlobs.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a scan removed when a rejected file is corrected, without sending it', async () => {
    const db = freshDb();
    const [a, b] = await Promise.all([prepareScan(pdf(3000, 'a.pdf')), prepareScan(pdf(4000, 'b.pdf'))]);
    if (!a.ok || !b.ok) throw new Error('not prepared');
    const saved = await registerFile(db, { ...base, attachments: [a.value.ref], scans: [a.value] }, { device, staff });
    if (!saved.ok) throw new Error(saved.error.reason);
    await db.outbox.update(saved.value.seq, { state: 'rejected', lastError: 'citizen.idNumber: wrong' });
    const resent = await resendFile(db, saved.value.id, { ...base, attachments: [b.value.ref], scans: [b.value] }, staff);
    expect(resent.ok).toBe(true);
    const rows = await listFileScans(db, saved.value.id);
    expect(rows.ok && rows.value.map((r) => [r.name, r.upload])).toEqual([
      ['a.pdf', 'kept'],
      ['b.pdf', 'pending'],
    ]);
  });

  it('does not send the scans of a file cancelled before it reached the server', async () => {
    const db = freshDb();
    const a = await prepareScan(pdf(3000));
    if (!a.ok) throw new Error('not prepared');
    const saved = await registerFile(db, { ...base, attachments: [a.value.ref], scans: [a.value] }, { device, staff });
    if (!saved.ok) throw new Error(saved.error.reason);
    await db.outbox.update(saved.value.seq, { state: 'rejected', lastError: 'citizen.idNumber: wrong' });
    expect((await cancelFile(db, saved.value.id, 'công dân không nộp nữa', staff)).ok).toBe(true);
    expect(await db.scans.get(a.value.ref.id)).toMatchObject({ upload: 'kept', lastError: expect.stringMatching(/cancelled/) });
    expect(await scanCounts(db)).toEqual({ ok: true, value: { pending: 0, rejected: 0 } });
  });
});
