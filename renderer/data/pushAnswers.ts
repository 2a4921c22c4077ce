/**
 * What the sync loop writes after talking to the server about the outbox: which entries to push
 * next, and the server's answer applied in one transaction (sent, rejected with a reason, or the
 * server's own sequence adopted after a gap). Entries change state only here or by staff decision.
 */
import type { Mutation, PushResponse } from '../../shared/sync/protocol.ts';
import { MAX_PUSH_ITEM_BYTES, payloadBytes, type OversizedPayload } from '../../shared/sync/pushLimits.ts';
import type { MotcuaDb, OutboxEntry, SyncMeta } from './db.ts';
import { refreshFileSyncState } from './outbox.ts';

const EMPTY_META: SyncMeta = { key: 'sync', lastAppliedSeq: 0, statusCursor: 0, lastSyncAt: null, lastError: null };

export async function readSyncMeta(db: MotcuaDb): Promise<SyncMeta> {
  return (await db.syncMeta.get('sync')) ?? EMPTY_META;
}

export async function updateSyncMeta(db: MotcuaDb, patch: Partial<Omit<SyncMeta, 'key'>>): Promise<SyncMeta> {
  return db.transaction('rw', db.syncMeta, async () => {
    const next = { ...(await readSyncMeta(db)), ...patch };
    await db.syncMeta.put(next);
    return next;
  });
}

/**
 * An entry as it goes on the wire, with its payload opened (renderer/data/pushPayloads.ts). A payload
 * over the item limit (e.g. written by an older version with scans inline), or one the server would
 * not read (`asStub`, after a 413), goes as a stub the server rejects on its own (`too large`), so it
 * can never hold up the entries after it.
 */
export function wireMutation(entry: Pick<OutboxEntry, 'seq' | 'id' | 'kind' | 'at'>, payload: unknown, asStub = false): Mutation {
  const { seq, id, kind, at } = entry;
  const bytes = payloadBytes(payload);
  return { seq, id, kind, at, payload: asStub || bytes > MAX_PUSH_ITEM_BYTES ? ({ oversized: { bytes } } satisfies OversizedPayload) : payload };
}

/**
 * Size of an entry on the wire, to keep a push under the body limit: the sealed payload's length
 * (AES-GCM adds 16 bytes to the JSON) plus the envelope; a dropped payload counts as the envelope.
 */
export function entryBytes(entry: OutboxEntry): number {
  return (entry.payload?.data.byteLength ?? 0) + 200;
}

/**
 * The next push: entries right after what the server has applied, consecutive, at most `maxCount`
 * and `maxBytes` (a single larger entry still goes, alone). Normally these are all pending; after
 * a gap they include entries already answered, which the server needs to see again in order.
 */
export async function takeBatch(
  db: MotcuaDb,
  afterSeq: number,
  maxCount: number,
  maxBytes: number,
): Promise<OutboxEntry[]> {
  const rows = await db.outbox.where('seq').above(afterSeq).limit(maxCount).toArray();
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  for (const row of rows) {
    const expected = (batch.at(-1)?.seq ?? afterSeq) + 1;
    if (row.seq !== expected) break;
    bytes += entryBytes(row);
    if (batch.length > 0 && bytes > maxBytes) break;
    batch.push(row);
  }
  return batch;
}

export interface PushTally {
  /** Entries the server applied now or had applied before. */
  sent: number;
  rejected: number;
  lastAppliedSeq: number;
}

/**
 * Applies a push answer in one transaction: applied/duplicate -> sent; rejected -> rejected with the
 * reason, the file marked and an audit line; anything pending up to the server's last applied number
 * -> sent (a lost response). Entries staff already resolved (superseded, cancelled) keep their state.
 */
export async function recordPushAnswer(db: MotcuaDb, batch: readonly OutboxEntry[], answer: PushResponse, at: string): Promise<PushTally> {
  return db.transaction('rw', [db.outbox, db.files, db.audit, db.syncMeta, db.counters], async () => {
    const results = new Map(answer.results.map((r) => [r.seq, r]));
    const touched = new Set<string>();
    const tally: PushTally = { sent: 0, rejected: 0, lastAppliedSeq: answer.lastAppliedSeq };
    const inBatch = new Set(batch.map((e) => e.seq));

    const markSent = async (entry: OutboxEntry) => {
      // The server has it now: the device's copy of the payload (citizen's data, scans) goes.
      await db.outbox.update(entry.seq, { state: 'sent', sentAt: entry.sentAt ?? at, lastError: null, lastErrorCode: null, payload: null });
      if (entry.kind === 'file.cancel') await db.files.update(entry.fileId, { status: 'withdrawn', statusAt: at });
      touched.add(entry.fileId);
      tally.sent += 1;
    };

    for (const { seq } of batch) {
      const entry = await db.outbox.get(seq);
      if (!entry || (entry.state !== 'pending' && entry.state !== 'sent')) continue;
      const result = results.get(seq);
      if (result?.status === 'rejected') {
        const reason = result.reason ?? 'rejected by the server';
        await db.outbox.update(seq, { state: 'rejected', lastError: reason, lastErrorCode: result.code ?? null });
        await db.audit.add({ at, staffId: null, staffName: null, action: 'sync.rejected', fileId: entry.fileId, detail: `mutation ${seq} (${entry.kind}): ${reason}` });
        touched.add(entry.fileId);
        tally.rejected += 1;
      } else if (result || seq <= answer.lastAppliedSeq) {
        await markSent(entry);
      }
    }

    // The server has applied numbers this push did not carry: only possible if this device's
    // records are behind the server's. Recorded, and the counter moved on so no number is reused.
    const ahead = (await db.outbox.where('state').equals('pending').toArray()).filter(
      (e) => e.seq <= answer.lastAppliedSeq && !inBatch.has(e.seq),
    );
    for (const entry of ahead) {
      await markSent(entry);
      await db.audit.add({ at, staffId: null, staffName: null, action: 'sync.ahead', fileId: entry.fileId, detail: `mutation ${entry.seq} counted as applied by the server (last applied ${answer.lastAppliedSeq})` });
    }
    const counter = (await db.counters.get('mutationSeq'))?.value ?? 0;
    if (answer.lastAppliedSeq > counter) await db.counters.put({ key: 'mutationSeq', value: answer.lastAppliedSeq });

    for (const fileId of touched) await refreshFileSyncState(db, fileId);
    await db.syncMeta.put({ ...(await readSyncMeta(db)), lastAppliedSeq: answer.lastAppliedSeq });
    return tally;
  });
}

/**
 * A push that got no answer: the entries stay pending, with the attempt and the reason shown.
 * `code` is what went wrong as a translation key in the API's vocabulary (`api.failure.*`,
 * `api.refused.*`), which the outbox shows in the staff's language.
 */
export async function recordPushFailure(db: MotcuaDb, batch: readonly OutboxEntry[], reason: string, code: string | null = null): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const { seq } of batch) {
      const entry = await db.outbox.get(seq);
      if (entry?.state === 'pending') {
        await db.outbox.update(seq, { attempts: entry.attempts + 1, lastError: reason, lastErrorCode: code });
      }
    }
  });
}

/**
 * The server has applied less than this device thought (409 sequence gap, e.g. a server restored
 * from a backup): push again from the server's number. Nothing is discarded.
 */
export async function adoptServerSeq(db: MotcuaDb, lastAppliedSeq: number, at: string): Promise<void> {
  await db.transaction('rw', [db.syncMeta, db.audit], async () => {
    const meta = await readSyncMeta(db);
    await db.syncMeta.put({ ...meta, lastAppliedSeq });
    await db.audit.add({ at, staffId: null, staffName: null, action: 'sync.gap', fileId: null, detail: `server has applied up to ${lastAppliedSeq}, device thought ${meta.lastAppliedSeq}; pushing again from there` });
  });
}
