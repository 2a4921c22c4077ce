/**
 * Scans on the device: metadata and upload state in `scans`, the bytes as Blobs in `scanBlobs`.
 * Lists and the upload queue read only metadata; bytes are read in one place, readScanBytes, when
 * someone opens a scan or the uploader sends it, and written in one place, storeScans. The bytes are
 * sealed at rest with the data key (bound to the scan's id); the reference's sha256 and size are of
 * the plain bytes, which is what the server checks.
 */
import Dexie from 'dexie';
import type { ScanRef } from '../../shared/files/scan.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { MotcuaDb, ScanRow } from './db.ts';
import { scanContext } from './sealContexts.ts';
import { storageErrorFrom, type StorageError } from './storageError.ts';

/** A scan ready to store: the reference a record makes to it (from its bytes) and the bytes. */
export interface PreparedScan {
  ref: ScanRef;
  blob: Blob;
}

/** Stores new scans of a file, waiting to be uploaded (inside a rw transaction over scans and scanBlobs). */
export async function storeScans(db: MotcuaDb, fileId: string, scans: readonly PreparedScan[], at: string): Promise<void> {
  if (scans.length === 0) return;
  await db.scans.bulkPut(
    scans.map(({ ref }) => ({ ...ref, fileId, upload: 'pending' as const, attempts: 0, lastError: null, createdAt: at, uploadedAt: null })),
  );
  // Dexie.waitFor keeps the caller's transaction open over WebCrypto.
  const sealed = await Dexie.waitFor(Promise.all(scans.map(async ({ ref, blob }) => ({ id: ref.id, sealed: await db.cipher.encryptBlob(blob, scanContext(ref.id)) }))));
  await db.scanBlobs.bulkPut(sealed);
}

/** The ids of a file's scans this device holds (inside or outside a transaction). */
export async function storedScanIds(db: MotcuaDb, fileId: string): Promise<Set<string>> {
  return new Set((await db.scans.where('fileId').equals(fileId).primaryKeys()) as string[]);
}

/** The bytes of one scan, or null when this device does not hold them. */
export async function readScanBytes(db: MotcuaDb, scanId: string): Promise<Result<Blob | null, StorageError>> {
  try {
    const row = await db.scanBlobs.get(scanId);
    if (!row) return ok(null);
    if (!row.sealed) return ok(row.blob ?? null);
    const opened = await db.cipher.decryptBlob(row.sealed, scanContext(scanId));
    return opened.ok ? ok(opened.value) : err({ kind: 'unreadable', reason: `scan ${scanId}: ${opened.error}` });
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

/** A file's scans without their bytes, in the order they were added. */
export async function listFileScans(db: MotcuaDb, fileId: string): Promise<Result<ScanRow[], StorageError>> {
  try {
    const rows = await db.scans.where('fileId').equals(fileId).toArray();
    return ok(rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}

/** The upload queue: scans still to send, oldest first (metadata only). */
export async function pendingScans(db: MotcuaDb, limit = 50): Promise<ScanRow[]> {
  return db.scans.where('upload').equals('pending').sortBy('createdAt').then((rows) => rows.slice(0, limit));
}

/** The scans the server refused for good, each with its file's number (null if the file is gone), for the outbox screen. */
export async function refusedScans(db: MotcuaDb): Promise<(ScanRow & { number: string | null })[]> {
  const rows = await db.scans.where('upload').equals('rejected').toArray();
  const files = await db.files.bulkGet([...new Set(rows.map((r) => r.fileId))]);
  const numbers = new Map(files.flatMap((f) => (f ? [[f.id, f.number] as const] : [])));
  return rows.map((r) => ({ ...r, number: numbers.get(r.fileId) ?? null }));
}

export async function markScanUploaded(db: MotcuaDb, scanId: string, at: string): Promise<void> {
  await db.scans.update(scanId, { upload: 'uploaded', lastError: null, uploadedAt: at });
}

/**
 * The server refused the scan for good: it stops being sent, and staff see why in their language
 * (`code`, a `scans.refusal.*` key); the English `reason` goes to the audit log.
 */
export async function markScanRejected(db: MotcuaDb, scanId: string, reason: string, code: string, at: string): Promise<void> {
  await db.transaction('rw', [db.scans, db.audit], async () => {
    const row = await db.scans.get(scanId);
    if (!row) return;
    await db.scans.update(scanId, { upload: 'rejected', lastError: reason, lastErrorCode: code });
    await db.audit.add({ at, staffId: null, staffName: null, action: 'scan.rejected', fileId: row.fileId, detail: `scan "${row.name}" (${scanId}): ${reason}` });
  });
}

/** An attempt that got no final answer: the scan stays queued, with the attempt and reason shown. */
export async function recordScanAttempt(db: MotcuaDb, scanId: string, reason: string): Promise<number> {
  return db.transaction('rw', db.scans, async () => {
    const row = await db.scans.get(scanId);
    const attempts = (row?.attempts ?? 0) + 1;
    if (row) await db.scans.update(scanId, { attempts, lastError: reason });
    return attempts;
  });
}

export interface ScanCounts {
  pending: number;
  rejected: number;
}

export async function scanCounts(db: MotcuaDb): Promise<Result<ScanCounts, StorageError>> {
  try {
    const [pending, rejected] = await Promise.all([db.scans.where('upload').equals('pending').count(), db.scans.where('upload').equals('rejected').count()]);
    return ok({ pending, rejected });
  } catch (e) {
    return err(storageErrorFrom(e));
  }
}
