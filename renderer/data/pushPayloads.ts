/**
 * The mutations a push carries, opened from the outbox's sealed payloads. An entry the server had
 * already acknowledged has no payload left; it is sent again only when the server asks from an
 * earlier number (a server restored from a backup): a registration is rebuilt from the file
 * itself, anything else goes without a payload and the server answers it with a reason.
 */
import { fileRecordSchema } from '../../shared/files/fileRecord.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { Mutation } from '../../shared/sync/protocol.ts';
import type { MotcuaDb, OutboxEntry } from './db.ts';
import { openPayload } from './outbox.ts';
import { wireMutation } from './pushAnswers.ts';
import { openFile } from './sealedFiles.ts';

async function rebuiltPayload(db: MotcuaDb, entry: OutboxEntry): Promise<unknown> {
  if (entry.kind !== 'file.create' || entry.state !== 'sent') return null;
  const stored = await db.files.get(entry.fileId);
  if (!stored) return null;
  const file = await openFile(db.cipher, stored);
  // The file as registered (its local state stripped); a file retention emptied has nothing to give.
  return file.ok ? fileRecordSchema.parse(file.value) : null;
}

/** The batch as it goes on the wire; `asStub` (after a 413) sends each payload as a stub the server refuses alone. */
export async function mutationsFor(db: MotcuaDb, batch: readonly OutboxEntry[], asStub = false): Promise<Result<Mutation[], string>> {
  const mutations: Mutation[] = [];
  for (const entry of batch) {
    const payload = entry.payload === null ? ok(await rebuiltPayload(db, entry)) : await openPayload(db, entry);
    if (!payload.ok) return err(payload.error);
    mutations.push(wireMutation(entry, payload.value, asStub));
  }
  return ok(mutations);
}
