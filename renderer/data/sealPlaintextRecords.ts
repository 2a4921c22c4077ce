/**
 * The at-rest upgrade (db.ts): a device that kept citizens' data in plain IndexedDB gets it sealed in place.
 * Files are sealed; outbox payloads still needed (pending, rejected) are sealed, those the server
 * already has (sent) or staff resolved (superseded, cancelled) are dropped; a status change keeps
 * its target status in clear for the figures; scan bytes are sealed; the device token is sealed
 * until loadDevice moves it to the platform's vault. Runs inside Dexie's upgrade transaction, which Dexie.waitFor keeps
 * open over WebCrypto; rows go in chunks so a large database does not sit in memory at once.
 */
import Dexie, { type Transaction } from 'dexie';
import { fileStatusSchema } from '../../shared/files/fileRecord.ts';
import type { DataCipher } from '../security/dataCipher.ts';
import type { LocalFile, OutboxEntry, StoredDevice, StoredFile } from './db.ts';
import type { ScanBlobRow } from './db.ts';
import { LEGACY_TOKEN_CONTEXT, outboxContext, scanContext } from './sealContexts.ts';
import { sealFile } from './sealedFiles.ts';

const CHUNK = 50;
/** Waiting on WebCrypto for one chunk; an old PC with large scans gets room (the upgrade rolls back if exceeded). */
const CHUNK_TIMEOUT_MS = 5 * 60_000;
const KEEPS_PAYLOAD = new Set(['pending', 'rejected']);

/** An outbox row as earlier versions wrote it: the payload in clear. */
type PlainEntry = Omit<OutboxEntry, 'payload'> & { payload: unknown };

async function inChunks<T>(tx: Transaction, table: string, work: (rows: T[]) => Promise<T[]>): Promise<void> {
  const keys = await tx.table(table).toCollection().primaryKeys();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = (await tx.table(table).bulkGet(keys.slice(i, i + CHUNK))).filter((r): r is T => r !== undefined);
    const next = await Dexie.waitFor(work(rows), CHUNK_TIMEOUT_MS);
    if (next.length > 0) await tx.table(table).bulkPut(next);
  }
}

export async function sealPlaintextRecords(tx: Transaction, cipher: DataCipher): Promise<void> {
  await inChunks<LocalFile | StoredFile>(tx, 'files', (rows) =>
    Promise.all(rows.filter((r): r is LocalFile => !('personal' in r)).map((file) => sealFile(cipher, { ...file, attachments: file.attachments ?? [] }))),
  );

  await inChunks<PlainEntry | OutboxEntry>(tx, 'outbox', (rows) =>
    Promise.all(
      rows.map(async (entry): Promise<OutboxEntry> => {
        const to = entry.kind === 'file.status' ? fileStatusSchema.safeParse((entry.payload as { to?: unknown } | null)?.to) : null;
        const statusTo = to?.success ? { statusTo: to.data } : {};
        const payload = KEEPS_PAYLOAD.has(entry.state) ? await cipher.seal(entry.payload, outboxContext(entry.id)) : null;
        return { ...entry, ...statusTo, payload };
      }),
    ),
  );

  await inChunks<ScanBlobRow>(tx, 'scanBlobs', (rows) =>
    Promise.all(rows.filter((r) => r.blob && !r.sealed).map(async (r) => ({ id: r.id, sealed: await cipher.encryptBlob(r.blob!, scanContext(r.id)) }))),
  );

  const device = (await tx.table('device').get('device')) as (StoredDevice & { token?: unknown }) | undefined;
  if (device && typeof device.token === 'string') {
    const { token, ...rest } = device;
    const legacyToken = await Dexie.waitFor(cipher.seal(token, LEGACY_TOKEN_CONTEXT));
    await tx.table('device').put({ ...rest, legacyToken });
  }
}
