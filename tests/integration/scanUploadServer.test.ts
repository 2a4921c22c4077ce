/**
 * Scan uploads on the real server (Fastify inject, real SQLite): a scan up to the advertised
 * 5 MiB arrives in chunks independent of the push, resumes from the committed offset after a lost
 * answer, is checked for size, sha256 and type before it counts, stays within its center, and
 * every refusal carries a code and a reason. The push itself takes small items only, and refuses
 * a bad item on its own between good ones.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { MAX_SCAN_BYTES } from '../../shared/files/scan.ts';
import { apiErrorSchema, pushResponseSchema, type EnrolResponse, type Mutation } from '../../shared/sync/protocol.ts';
import { MAX_PUSH_BODY_BYTES } from '../../shared/sync/pushLimits.ts';
import { offsetMismatchSchema, SCAN_CHUNK_BYTES, SCAN_CHUNK_MAX_BYTES, scanUploadStateSchema } from '../../shared/sync/scanUpload.ts';
import type { TempStore } from '../support/tempStore.ts';
import { useTestApp } from '../support/testApp.ts';
import { bearer, createMutation, enrolTestDevice, makeFile, makeScan } from '../support/syncFixtures.ts';
import { API_PATHS } from '../../shared/sync/apiPaths.ts';

let temp: TempStore;
let app: FastifyInstance;
useTestApp({ centers: ['VB11824', 'OTHER'] }, (ready) => ({ app, temp } = ready));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const start = (device: EnrolResponse, scanId: string, body: object) =>
  app.inject({ method: 'POST', url: API_PATHS.scans.scan.at(scanId), headers: bearer(device), payload: body });
const chunk = (device: EnrolResponse, scanId: string, offset: number, bytes: Buffer) =>
  app.inject({
    method: 'POST',
    url: API_PATHS.scans.chunks.at(scanId, { offset: offset }),
    headers: { ...bearer(device), 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
const push = (device: EnrolResponse, mutations: Mutation[]) =>
  app.inject({ method: 'POST', url: API_PATHS.sync.push, headers: bearer(device), payload: { mutations } });

/** A PDF of exactly `size` bytes. */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n');
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

async function uploadAll(device: EnrolResponse, scanId: string, bytes: Buffer): Promise<number> {
  let offset = 0;
  let requests = 0;
  while (offset < bytes.length) {
    const res = await chunk(device, scanId, offset, bytes.subarray(offset, offset + SCAN_CHUNK_BYTES));
    requests += 1;
    expect(res.statusCode, res.body).toBe(200);
    offset = scanUploadStateSchema.parse(res.json()).committed;
  }
  return requests;
}

describe('scan uploads', () => {
  it('stores a scan of the advertised 5 MiB, sent in chunks beside the push, byte for byte', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const bytes = pdfOf(MAX_SCAN_BYTES);
    const file = makeFile(device, 1);
    const scanId = randomUUID();
    const ref = { id: scanId, name: 'to-khai.pdf', type: 'application/pdf' as const, size: bytes.length, sha256: sha256(bytes) };
    file.attachments = [ref];
    // The record goes first and does not wait for its scan.
    expect(pushResponseSchema.parse((await push(device, [createMutation(1, file)])).json()).results[0]!.status).toBe('applied');

    const started = await start(device, scanId, { fileId: file.id, name: ref.name, type: ref.type, size: ref.size, sha256: ref.sha256 });
    expect(started.statusCode).toBe(200);
    expect(scanUploadStateSchema.parse(started.json())).toEqual({ scanId, committed: 0, complete: false });
    expect(await uploadAll(device, scanId, bytes)).toBe(MAX_SCAN_BYTES / SCAN_CHUNK_BYTES);

    const read = await app.inject({ url: API_PATHS.scans.scan.at(scanId), headers: bearer(device) });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('application/pdf');
    expect(sha256(read.rawPayload)).toBe(ref.sha256);
    // Asking again is harmless: the scan is complete.
    const again = await start(device, scanId, { fileId: file.id, name: ref.name, type: ref.type, size: ref.size, sha256: ref.sha256 });
    expect(again.json()).toEqual({ scanId, committed: MAX_SCAN_BYTES, complete: true });
    // The file lists its scan by reference.
    const stored = await app.inject({ url: `/api/files/${file.id}`, headers: bearer(device) });
    expect(stored.json().attachments).toEqual([ref]);
  });

  it('resumes from the committed offset after an answer was lost', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const bytes = pdfOf(3 * SCAN_CHUNK_BYTES + 1000);
    const scanId = randomUUID();
    const meta = { fileId: randomUUID(), name: 'a.pdf', type: 'application/pdf', size: bytes.length, sha256: sha256(bytes) };
    await start(device, scanId, meta);
    expect((await chunk(device, scanId, 0, bytes.subarray(0, SCAN_CHUNK_BYTES))).statusCode).toBe(200);
    // The answer to that chunk was lost: the device sends it again, and is told where the server is.
    const resent = await chunk(device, scanId, 0, bytes.subarray(0, SCAN_CHUNK_BYTES));
    expect(resent.statusCode).toBe(409);
    expect(offsetMismatchSchema.parse(resent.json()).committed).toBe(SCAN_CHUNK_BYTES);
    // Or, after a restart, it simply asks.
    expect((await start(device, scanId, meta)).json()).toMatchObject({ committed: SCAN_CHUNK_BYTES, complete: false });
    let offset = SCAN_CHUNK_BYTES;
    while (offset < bytes.length) {
      const res = await chunk(device, scanId, offset, bytes.subarray(offset, offset + SCAN_CHUNK_BYTES));
      offset = scanUploadStateSchema.parse(res.json()).committed;
    }
    const read = await app.inject({ url: API_PATHS.scans.scan.at(scanId), headers: bearer(device) });
    expect(sha256(read.rawPayload)).toBe(meta.sha256);
  });

  it('discards a scan that arrives damaged, and takes it again when it is whole', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const bytes = pdfOf(SCAN_CHUNK_BYTES + 10);
    const scanId = randomUUID();
    await start(device, scanId, { fileId: randomUUID(), name: 'a.pdf', type: 'application/pdf', size: bytes.length, sha256: sha256(bytes) });
    const damaged = Buffer.from(bytes);
    damaged[SCAN_CHUNK_BYTES + 5] = damaged[SCAN_CHUNK_BYTES + 5]! ^ 0xff;
    await chunk(device, scanId, 0, damaged.subarray(0, SCAN_CHUNK_BYTES));
    const last = await chunk(device, scanId, SCAN_CHUNK_BYTES, damaged.subarray(SCAN_CHUNK_BYTES));
    expect(last.statusCode).toBe(422);
    expect(apiErrorSchema.parse(last.json())).toMatchObject({ error: 'checksum_mismatch', reason: expect.stringMatching(/damaged/) });
    expect((await app.inject({ url: API_PATHS.scans.scan.at(scanId), headers: bearer(device) })).statusCode).toBe(404);
    expect(await uploadAll(device, scanId, bytes)).toBe(2);
    expect((await app.inject({ url: API_PATHS.scans.scan.at(scanId), headers: bearer(device) })).statusCode).toBe(200);
  });

  it('takes only images and PDFs, by their bytes, and refuses what is too large, each with a code', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const base = { fileId: randomUUID(), name: 'x', size: 100, sha256: 'a'.repeat(64) };
    const text = await start(device, randomUUID(), { ...base, type: 'text/plain' });
    expect(text.statusCode).toBe(400);
    expect(apiErrorSchema.parse(text.json()).reason).toMatch(/type/);
    const huge = await start(device, randomUUID(), { ...base, type: 'application/pdf', size: MAX_SCAN_BYTES + 1 });
    expect(huge.statusCode).toBe(400);

    // Declared a JPEG, the bytes are a PNG: refused at the first chunk, before the rest is sent.
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(5000)]);
    const pngId = randomUUID();
    await start(device, pngId, { ...base, type: 'image/jpeg', size: png.length, sha256: sha256(png) });
    const wrongType = await chunk(device, pngId, 0, png);
    expect(wrongType.statusCode).toBe(415);
    expect(apiErrorSchema.parse(wrongType.json()).error).toBe('type_mismatch');

    const bigChunk = await chunk(device, pngId, 0, randomBytes(SCAN_CHUNK_MAX_BYTES + 1));
    expect(bigChunk.statusCode).toBe(413);
    const empty = await app.inject({ method: 'POST', url: API_PATHS.scans.chunks.at(pngId, { offset: 0 }), headers: bearer(device) });
    expect(empty.statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: API_PATHS.scans.scan.at('not-a-uuid'), headers: bearer(device), payload: base })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: API_PATHS.scans.scan.at(randomUUID()), payload: { ...base, type: 'application/pdf' } })).statusCode).toBe(401);
  });

  it('refuses other content under a known scan id, and keeps centers apart', async () => {
    const mine = await enrolTestDevice(app, 'VB11824');
    const theirs = await enrolTestDevice(app, 'OTHER');
    const file = makeFile(mine, 1);
    await push(mine, [createMutation(1, file)]);
    const scan = makeScan(1);
    const meta = { fileId: file.id, name: scan.ref.name, type: scan.ref.type, size: scan.ref.size, sha256: scan.ref.sha256 };
    expect((await start(mine, scan.ref.id, meta)).statusCode).toBe(200);
    const conflict = await start(mine, scan.ref.id, { ...meta, sha256: 'b'.repeat(64) });
    expect(conflict.statusCode).toBe(409);
    expect(apiErrorSchema.parse(conflict.json()).error).toBe('scan_conflict');
    await uploadAll(mine, scan.ref.id, scan.bytes);

    // Another center's device can neither attach a scan to this file nor read or continue this scan.
    const foreign = await start(theirs, randomUUID(), meta);
    expect(foreign.statusCode).toBe(422);
    expect(apiErrorSchema.parse(foreign.json()).error).toBe('wrong_center');
    expect((await start(theirs, scan.ref.id, meta)).statusCode).toBe(422);
    expect((await app.inject({ url: API_PATHS.scans.scan.at(scan.ref.id), headers: bearer(theirs) })).statusCode).toBe(404);
    expect((await chunk(theirs, scan.ref.id, 0, scan.bytes)).statusCode).toBe(404);
  });
});

describe('the push after scans left it', () => {
  it('refuses a bad item between good ones on its own, with a code, and answers the same on a replay', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const tooBig = { ...makeFile(device, 2), notes: null, extra: 'x'.repeat(300 * 1024) };
    const mutations = [
      createMutation(1, makeFile(device, 1)),
      createMutation(2, tooBig),
      createMutation(3, { oversized: { bytes: 3_400_000 } }),
      createMutation(4, { ...makeFile(device, 4), attachments: [{ ...makeScan(4).ref, type: 'text/plain' }] }),
      createMutation(5, makeFile(device, 5)),
    ];
    const res = await push(device, mutations);
    expect(res.statusCode).toBe(200);
    const answer = pushResponseSchema.parse(res.json());
    expect(answer.results.map((r) => [r.seq, r.status, r.code ?? null])).toEqual([
      [1, 'applied', null],
      [2, 'rejected', 'syncReason.tooLarge'],
      [3, 'rejected', 'syncReason.tooLarge'],
      [4, 'rejected', 'syncReason.invalidPayload'],
      [5, 'applied', null],
    ]);
    expect(answer.results[1]!.reason).toMatch(/over the 262144 a push item may be/);
    expect(answer.results[3]!.reason).toMatch(/attachments/);
    const replay = pushResponseSchema.parse((await push(device, mutations)).json());
    expect(replay.results.map((r) => [r.status, r.code ?? null])).toEqual([
      ['duplicate', null],
      ['rejected', 'syncReason.tooLarge'],
      ['rejected', 'syncReason.tooLarge'],
      ['rejected', 'syncReason.invalidPayload'],
      ['duplicate', null],
    ]);
    expect(await temp.store.countFiles('VB11824')).toEqual({ ok: true, value: 2 });
  });

  it('has a small body limit, answered in the error shape', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const res = await app.inject({
      method: 'POST',
      url: API_PATHS.sync.push,
      headers: { ...bearer(device), 'content-type': 'application/json' },
      payload: `{"mutations":"${'x'.repeat(MAX_PUSH_BODY_BYTES)}"}`,
    });
    expect(res.statusCode).toBe(413);
    expect(apiErrorSchema.parse(res.json()).reason).toMatch(/too large/);
  });

  it('rolls back and refuses an item the server fails on, and applies the ones after it', async () => {
    const device = await enrolTestDevice(app, 'VB11824');
    const failures: unknown[] = [];
    const good = (n: number) => ({ seq: n, id: randomUUID(), kind: 'file.create', at: new Date().toISOString(), action: 'create' as const, file: makeFile(device, n) });
    // A prepared item no check would let through: the store throws after it has written the file row.
    const broken = { ...good(2), file: { ...makeFile(device, 2), receivedBy: null as never } };
    const applied = await temp.store.applyPush(device.deviceId, [good(1), broken, good(3)], (f) => failures.push(f));
    expect(applied.ok && applied.value.results.map((r) => [r.status, r.code ?? null])).toEqual([
      ['applied', null],
      ['rejected', 'syncReason.internal'],
      ['applied', null],
    ]);
    expect(failures).toHaveLength(1);
    expect(await temp.store.countFiles('VB11824')).toEqual({ ok: true, value: 2 });
    expect(await temp.store.findFile('VB11824', broken.file.id)).toEqual({ ok: true, value: null });
  });
});
