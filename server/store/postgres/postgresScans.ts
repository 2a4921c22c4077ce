/**
 * The scan part of the PostgreSQL store (see scanStore.ts): uploads in `scans`, chunks in
 * `scan_chunks` until the last one arrives, then the checked scan as one bytea. The upload's row is
 * locked for each chunk, so two retries of the same chunk on two connections are never both appended.
 */
import type pg from 'pg';
import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result.ts';
import { scanTypeSchema } from '../../../shared/files/scan.ts';
import type { ChunkFailure, ScanStore, ScanUpload } from '../scanStore.ts';
import type { PostgresGuard } from './postgresGuard.ts';
import { inTransaction, sql, type Queryable } from './postgresSql.ts';

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
  complete: z.boolean(),
});
const dataRowSchema = z.object({ data: z.instanceof(Buffer) });
const centerRowSchema = z.object({ center_code: z.string() });

const UPLOAD_COLUMNS = 'id, center_code, device_id, file_id, name, type, size, sha256, committed, complete';

const toUpload = (row: unknown): ScanUpload => {
  const r = uploadRowSchema.parse(row);
  return { scanId: r.id, centerCode: r.center_code, deviceId: r.device_id, fileId: r.file_id, name: r.name, type: r.type, size: r.size, sha256: r.sha256, committed: r.committed, complete: r.complete };
};

export function createPostgresScans(pool: pg.Pool, guard: PostgresGuard): ScanStore {
  const find = async (db: Queryable, scanId: string, lock = false): Promise<ScanUpload | null> => {
    const [row] = await sql(db, `SELECT ${UPLOAD_COLUMNS} FROM scans WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [scanId]);
    return row ? toUpload(row) : null;
  };

  return {
    findScanUpload: async (scanId) => guard(async () => ok(await find(pool, scanId))),
    createScanUpload: async (u) =>
      guard(async () => {
        await sql(
          pool,
          `INSERT INTO scans (center_code, id, device_id, file_id, name, type, size, sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT DO NOTHING`,
          [u.centerCode, u.scanId, u.deviceId, u.fileId, u.name, u.type, u.size, u.sha256, new Date().toISOString()],
        );
        // Created now, or the one already there under this id (the caller compares them).
        return ok((await find(pool, u.scanId))!);
      }),
    appendScanChunk: async (scanId, offset, bytes, verify) =>
      guard(() =>
        inTransaction(pool, async (client): Promise<Result<ScanUpload, ChunkFailure>> => {
          const upload = await find(client, scanId, true);
          if (!upload) return err({ kind: 'not_found' as const });
          if (upload.complete || offset !== upload.committed) return err({ kind: 'offset_mismatch' as const, committed: upload.committed });
          const committed = offset + bytes.length;
          const key = [upload.centerCode, scanId];
          if (committed < upload.size) {
            await sql(client, 'INSERT INTO scan_chunks (center_code, scan_id, "offset", data) VALUES ($1, $2, $3, $4)', [...key, offset, bytes]);
            await sql(client, 'UPDATE scans SET committed = $3 WHERE center_code = $1 AND id = $2', [...key, committed]);
            return ok({ ...upload, committed });
          }
          const parts = (await sql(client, 'SELECT data FROM scan_chunks WHERE center_code = $1 AND scan_id = $2 ORDER BY "offset"', key)).map((r) => dataRowSchema.parse(r).data);
          const whole = Buffer.concat([...parts, bytes]);
          const refusal = verify(upload, whole);
          await sql(client, 'DELETE FROM scan_chunks WHERE center_code = $1 AND scan_id = $2', key);
          if (refusal) {
            await sql(client, 'UPDATE scans SET committed = 0 WHERE center_code = $1 AND id = $2', key);
            return err({ kind: 'refused' as const, ...refusal });
          }
          await sql(client, 'UPDATE scans SET complete = true, committed = size, data = $3, completed_at = $4 WHERE center_code = $1 AND id = $2', [
            ...key,
            whole,
            new Date().toISOString(),
          ]);
          return ok({ ...upload, committed: upload.size, complete: true });
        }),
      ),
    readScan: async (centerCode, scanId) =>
      guard(async () => {
        const upload = await find(pool, scanId);
        if (!upload || upload.centerCode !== centerCode || !upload.complete) return ok(null);
        const [row] = await sql(pool, 'SELECT data FROM scans WHERE center_code = $1 AND id = $2 AND complete', [centerCode, scanId]);
        return ok(row ? { upload, data: dataRowSchema.parse(row).data } : null);
      }),
    fileCenter: async (fileId) =>
      guard(async () => {
        const [row] = await sql(pool, 'SELECT center_code FROM files WHERE id = $1', [fileId]);
        return ok(row ? centerRowSchema.parse(row).center_code : null);
      }),
  };
}
