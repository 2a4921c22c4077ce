/**
 * The scan part of the SQLite store (see scanStore.ts): uploads in `scans`, their chunks in
 * `scan_chunks` until the last one arrives, then the checked scan as one BLOB. Every write is one
 * IMMEDIATE transaction, so two retries of the same chunk can never both be appended.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result.ts';
import { scanTypeSchema } from '../../shared/files/scan.ts';
import type { ChunkFailure, ScanStore, ScanUpload } from './scanStore.ts';
import type { StorageFailure } from './store.ts';

const uploadRowSchema = z.object({
  id: z.string(),
  center_code: z.string(),
  device_id: z.string(),
  file_id: z.string(),
  name: z.string(),
  type: scanTypeSchema,
  size: z.number().int(),
  sha256: z.string(),
  committed: z.number().int(),
  complete: z.number().int(),
});
const chunkRowSchema = z.object({ data: z.instanceof(Buffer) });
const dataRowSchema = z.object({ data: z.instanceof(Buffer) });
const centerRowSchema = z.object({ center_code: z.string() });

const toUpload = (row: unknown): ScanUpload => {
  const r = uploadRowSchema.parse(row);
  return {
    scanId: r.id,
    centerCode: r.center_code,
    deviceId: r.device_id,
    fileId: r.file_id,
    name: r.name,
    type: r.type,
    size: r.size,
    sha256: r.sha256,
    committed: r.committed,
    complete: r.complete === 1,
  };
};

type Guard = <T, E>(work: () => Result<T, E>) => Result<T, E | StorageFailure>;

export function createSqliteScans(db: Database.Database, guard: Guard): ScanStore {
  const q = {
    upload: db.prepare(
      'SELECT id, center_code, device_id, file_id, name, type, size, sha256, committed, complete FROM scans WHERE id = ?',
    ),
    insert: db.prepare(
      `INSERT INTO scans (id, center_code, device_id, file_id, name, type, size, sha256, created_at)
       VALUES (@scanId, @centerCode, @deviceId, @fileId, @name, @type, @size, @sha256, @createdAt)`,
    ),
    insertChunk: db.prepare('INSERT INTO scan_chunks (scan_id, "offset", data) VALUES (?, ?, ?)'),
    setCommitted: db.prepare('UPDATE scans SET committed = ? WHERE id = ?'),
    chunks: db.prepare('SELECT data FROM scan_chunks WHERE scan_id = ? ORDER BY "offset"'),
    dropChunks: db.prepare('DELETE FROM scan_chunks WHERE scan_id = ?'),
    complete: db.prepare('UPDATE scans SET complete = 1, committed = size, data = ?, completed_at = ? WHERE id = ?'),
    data: db.prepare('SELECT data FROM scans WHERE id = ? AND complete = 1'),
    fileCenter: db.prepare('SELECT center_code FROM files WHERE id = ?'),
  };

  const find = (scanId: string): ScanUpload | null => {
    const row = q.upload.get(scanId);
    return row ? toUpload(row) : null;
  };

  const create = db.transaction((upload: Parameters<ScanStore['createScanUpload']>[0]): ScanUpload => {
    const existing = find(upload.scanId);
    if (existing) return existing;
    q.insert.run({ ...upload, createdAt: new Date().toISOString() });
    return find(upload.scanId)!;
  });

  const append = db.transaction(
    (scanId: string, offset: number, bytes: Buffer, verify: Parameters<ScanStore['appendScanChunk']>[3]): Result<ScanUpload, ChunkFailure> => {
      const upload = find(scanId);
      if (!upload) return err({ kind: 'not_found' });
      if (upload.complete || offset !== upload.committed) return err({ kind: 'offset_mismatch', committed: upload.committed });
      const committed = offset + bytes.length;
      if (committed < upload.size) {
        q.insertChunk.run(scanId, offset, bytes);
        q.setCommitted.run(committed, scanId);
        return ok({ ...upload, committed });
      }
      const parts = q.chunks.all(scanId).map((r) => chunkRowSchema.parse(r).data);
      const whole = Buffer.concat([...parts, bytes]);
      const refusal = verify(upload, whole);
      q.dropChunks.run(scanId);
      if (refusal) {
        q.setCommitted.run(0, scanId);
        return err({ kind: 'refused', ...refusal });
      }
      q.complete.run(whole, new Date().toISOString(), scanId);
      return ok({ ...upload, committed: upload.size, complete: true });
    },
  );

  return {
    findScanUpload: async (scanId) => guard(() => ok(find(scanId))),
    createScanUpload: async (upload) => guard(() => ok(create.immediate(upload))),
    appendScanChunk: async (scanId, offset, bytes, verify) => guard(() => append.immediate(scanId, offset, bytes, verify)),
    readScan: async (centerCode, scanId) =>
      guard(() => {
        const upload = find(scanId);
        if (!upload || upload.centerCode !== centerCode || !upload.complete) return ok(null);
        const row = q.data.get(scanId);
        return ok(row ? { upload, data: dataRowSchema.parse(row).data } : null);
      }),
    fileCenter: async (fileId) =>
      guard(() => {
        const row = q.fileCenter.get(fileId);
        return ok(row ? centerRowSchema.parse(row).center_code : null);
      }),
  };
}
