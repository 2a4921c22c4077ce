/**
 * The v5 upgrade: scans written by older versions sit inline (base64) in file records and in the
 * outbox payloads of their registrations. They move to the scan tables as Blobs under the id the
 * server derives too (shared/files/legacyScanId.ts), and the records keep references. Nothing is
 * dropped: bytes that are not an image or a PDF stay on the device (`kept`, with an audit line).
 *
 * Runs inside Dexie's upgrade transaction, so it only awaits Dexie's own promises (hashing is
 * synchronous) and goes through the rows in small batches to keep memory low on old PCs.
 */
import type { Transaction } from 'dexie';
import { legacyScanId, sha256HexSync } from '../../shared/files/legacyScanId.ts';
import { SNIFF_BYTES, sniffScanType, type ScanRef } from '../../shared/files/scan.ts';
import type { AuditEntry, ScanBlobRow, ScanRow, ScanUploadState } from './db.ts';

const BATCH = 20;

interface InlineAttachment {
  name: string;
  type: string;
  dataBase64: string;
}

const isInline = (a: unknown): a is InlineAttachment =>
  typeof a === 'object' && a !== null && typeof (a as { dataBase64?: unknown }).dataBase64 === 'string';
const hasInline = (attachments: unknown): attachments is unknown[] => Array.isArray(attachments) && attachments.some(isInline);

function decodeBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

const RANK: Record<ScanUploadState, number> = { kept: 0, rejected: 1, pending: 2, uploaded: 3 };
const NOT_A_SCAN = 'not an image or a PDF: kept on this device only';
const REPLACED = 'only in a version of the file that was replaced or cancelled: kept on this device only';

export async function moveInlineScans(tx: Transaction): Promise<void> {
  const at = new Date().toISOString();
  const decided = new Map<string, { state: ScanUploadState; reason: string | null }>();
  const stored = new Set<string>();
  const audit: AuditEntry[] = [];

  const decide = (id: string, state: ScanUploadState, reason: string | null) => {
    const before = decided.get(id);
    if (!before || RANK[state] > RANK[before.state]) decided.set(id, { state, reason });
  };

  /** The references for one record's attachments; the bytes go to the scan tables once per id. */
  async function convert(fileId: string, attachments: unknown[], state: 'uploaded' | 'pending' | 'kept'): Promise<ScanRef[]> {
    const refs: ScanRef[] = [];
    const rows: ScanRow[] = [];
    const blobs: ScanBlobRow[] = [];
    for (const a of attachments) {
      if (!isInline(a)) continue;
      const bytes = decodeBase64(a.dataBase64);
      if (!bytes || bytes.length === 0) {
        audit.push({ at, staffId: null, staffName: null, action: 'scan.kept', fileId, detail: `attachment "${a.name}" could not be read (damaged base64) and was dropped` });
        continue;
      }
      const sha256 = sha256HexSync(bytes);
      const id = legacyScanId(fileId, sha256);
      const type = sniffScanType(bytes.subarray(0, SNIFF_BYTES));
      const name = (a.name || 'scan').slice(0, 255);
      if (!stored.has(id)) {
        stored.add(id);
        rows.push({ id, fileId, name, type: type ?? a.type, size: bytes.length, sha256, upload: 'kept', attempts: 0, lastError: null, createdAt: at, uploadedAt: null });
        blobs.push({ id, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: type ?? a.type }) });
        if (!type) audit.push({ at, staffId: null, staffName: null, action: 'scan.kept', fileId, detail: `attachment "${name}": ${NOT_A_SCAN}` });
      }
      if (!type) {
        decide(id, 'kept', NOT_A_SCAN);
        continue;
      }
      decide(id, state, state === 'kept' ? REPLACED : null);
      if (!refs.some((r) => r.id === id)) refs.push({ id, name, type, size: bytes.length, sha256 });
    }
    await tx.table('scans').bulkPut(rows);
    await tx.table('scanBlobs').bulkPut(blobs);
    return refs;
  }

  // Registrations first: what a sent one carried is already on the server.
  const seqs = (await tx.table('outbox').toCollection().primaryKeys()) as number[];
  for (let i = 0; i < seqs.length; i += BATCH) {
    const entries = (await tx.table('outbox').bulkGet(seqs.slice(i, i + BATCH))) as { kind: string; state: string; fileId: string; payload: { attachments?: unknown } }[];
    const changed = [];
    for (const entry of entries) {
      if (!entry || entry.kind !== 'file.create' || !hasInline(entry.payload?.attachments)) continue;
      const state = entry.state === 'sent' ? 'uploaded' : entry.state === 'pending' ? 'pending' : 'kept';
      const attachments = await convert(entry.fileId, entry.payload.attachments, state);
      changed.push({ ...entry, payload: { ...entry.payload, attachments } });
    }
    if (changed.length > 0) await tx.table('outbox').bulkPut(changed);
  }

  // Then the files as the device shows them: their scans are still to go unless sent above.
  const ids = (await tx.table('files').toCollection().primaryKeys()) as string[];
  for (let i = 0; i < ids.length; i += BATCH) {
    const files = (await tx.table('files').bulkGet(ids.slice(i, i + BATCH))) as { id: string; syncState: string; attachments?: unknown }[];
    const changed = [];
    for (const file of files) {
      if (!file || !hasInline(file.attachments)) continue;
      const attachments = await convert(file.id, file.attachments, file.syncState === 'cancelled' ? 'kept' : 'pending');
      changed.push({ ...file, attachments });
    }
    if (changed.length > 0) await tx.table('files').bulkPut(changed);
  }

  for (const [id, { state, reason }] of decided) {
    await tx.table('scans').update(id, { upload: state, lastError: reason, uploadedAt: state === 'uploaded' ? at : null });
  }
  if (audit.length > 0) await tx.table('audit').bulkAdd(audit);
}
