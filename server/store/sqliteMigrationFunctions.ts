/**
 * SQL functions some migrations need and SQLite lacks (hashing, magic-byte sniffing, rewriting a
 * stored record with the shared schema). Registered on every open, before migrate() runs, because
 * a new database runs every migration from the first.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { fileRecordSchema } from '../../shared/files/fileRecord.ts';
import { legacyScanId } from '../../shared/files/legacyScanId.ts';
import { sniffScanType } from '../../shared/files/scan.ts';

const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

const legacyMetaSchema = z.array(z.object({ name: z.string(), size: z.number() }).loose());
/** [position, sniffed type or null, sha256] of each inline attachment a file had. */
const legacyBytesSchema = z.array(z.tuple([z.number().int(), z.string().nullable(), z.string()]));

/**
 * A record stored before scans had their own table listed its attachments as { name, type, size }
 * (bytes in the `attachments` table). Those that really are images or PDFs become references under
 * the id the device derives too (legacyScanId), the same bytes listed once, as the device does;
 * anything else stays only in the old table.
 */
export function legacyRecordWithScanRefs(fileId: string, recordJson: string, bytesJson: string | null): string {
  const record = JSON.parse(recordJson) as Record<string, unknown>;
  const metas = legacyMetaSchema.parse(record.attachments ?? []);
  const bytes = new Map(legacyBytesSchema.parse(JSON.parse(bytesJson ?? '[]')).map(([position, type, sha256]) => [position, { type, sha256 }]));
  const refs: { id: string; name: string; type: string; size: number; sha256: string }[] = [];
  metas.forEach((meta, position) => {
    const found = bytes.get(position);
    if (!found?.type) return;
    const id = legacyScanId(fileId, found.sha256);
    if (!refs.some((r) => r.id === id)) refs.push({ id, name: meta.name.slice(0, 255) || 'scan', type: found.type, size: meta.size, sha256: found.sha256 });
  });
  return JSON.stringify({ ...record, attachments: refs });
}

/** The content hash a push of this record gets (sqliteStore hashes the parsed record); the old one if it no longer parses. */
export function recordContentHash(recordJson: string, previous: string): string {
  const parsed = fileRecordSchema.safeParse(JSON.parse(recordJson));
  return parsed.success ? sha256Hex(JSON.stringify(parsed.data)) : previous;
}

export function registerMigrationFunctions(db: Database.Database): void {
  db.function('motcua_sha256', { deterministic: true }, (data: unknown) => sha256Hex(data as Buffer));
  db.function('motcua_sniff_scan', { deterministic: true }, (data: unknown) =>
    Buffer.isBuffer(data) ? sniffScanType(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)) : null,
  );
  db.function('motcua_legacy_scan_id', { deterministic: true }, (fileId: unknown, sha256: unknown) => legacyScanId(String(fileId), String(sha256)));
  db.function('motcua_legacy_record', { deterministic: true }, (fileId: unknown, record: unknown, bytes: unknown) =>
    legacyRecordWithScanRefs(String(fileId), String(record), bytes == null ? null : String(bytes)),
  );
  db.function('motcua_record_hash', { deterministic: true }, (record: unknown, previous: unknown) => recordContentHash(String(record), String(previous)));
}
