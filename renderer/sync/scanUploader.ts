/**
 * Sends the device's waiting scans, oldest first, each as a resumable upload in chunks
 * (shared/sync/scanUpload.ts). A scan the server refuses for good is marked with the reason and
 * the next one goes on; a link failure stops the round (the sync loop backs off and the next round
 * resumes at the byte the server holds). Before every chunk, records waiting in the outbox are
 * pushed first, so a long upload on a slow link never holds up a file's record.
 */
import { SCAN_TYPES } from '../../shared/files/scan.ts';
import { SCAN_CHUNK_BYTES, SCAN_REFUSALS } from '../../shared/sync/scanUpload.ts';
import type { MotcuaDb, ScanRow } from '../data/db.ts';
import { markScanRejected, markScanUploaded, pendingScans, readScanBytes, recordScanAttempt } from '../data/scanStore.ts';
import type { Answer, ApiFailure } from './apiClient.ts';
import { committedOf, type ScanUploadClient } from './scanUploadClient.ts';

/** A damaged scan (sha256 mismatch) is sent again this many times before it counts as refused. */
const MAX_DAMAGED_ATTEMPTS = 3;
/** Offset corrections in a row for one scan before the round moves on (a server that keeps moving). */
const MAX_OFFSET_CORRECTIONS = 5;

export interface ScanUploadTally {
  uploaded: number;
  rejected: number;
  /** Bytes the server took in this round. */
  bytes: number;
}

/** What ends a round early: the link (an API failure) or this device's storage. */
export type ScanRoundStop = ApiFailure | { kind: 'storage'; reason: string };

export interface ScanUploadRound {
  db: MotcuaDb;
  client: ScanUploadClient;
  /** Runs a request through the sync loop's link-state tracking. */
  timed: <T>(call: () => Promise<Answer<T>>) => Promise<Answer<T>>;
  now: () => Date;
  /** Called before each chunk; a non-null answer (the link is down) ends the round with it. */
  beforeChunk?: () => Promise<ApiFailure | null>;
  chunkBytes?: number;
  tally: ScanUploadTally;
}

type ScanOutcome = 'uploaded' | 'refused' | 'retry_later' | { stop: ScanRoundStop };

const isFinal = (error: ApiFailure): boolean => error.kind === 'refused' && (SCAN_REFUSALS as readonly string[]).includes(error.code);

/** The translation key of a scan's refusal (`scans.refusal.*`): the server's code, or this device's own. */
const refusalCode = (code: string) => `scans.refusal.${code}`;

export async function uploadPendingScans(round: ScanUploadRound): Promise<ScanRoundStop | null> {
  const tried = new Set<string>();
  for (;;) {
    const next = (await pendingScans(round.db, 20)).filter((row) => !tried.has(row.id));
    if (next.length === 0) return null;
    for (const row of next) {
      tried.add(row.id);
      const outcome = await uploadOne(round, row);
      if (typeof outcome === 'object') return outcome.stop;
    }
  }
}

async function uploadOne(round: ScanUploadRound, row: ScanRow): Promise<ScanOutcome> {
  const { db, client, timed, now, tally } = round;
  const refuse = async (reason: string, code: string): Promise<ScanOutcome> => {
    await markScanRejected(db, row.id, reason, refusalCode(code), now().toISOString());
    tally.rejected += 1;
    return 'refused';
  };
  if (!(SCAN_TYPES as readonly string[]).includes(row.type)) return refuse(`${row.type} is not an image or a PDF`, 'type_mismatch');
  const bytes = await readScanBytes(db, row.id);
  if (!bytes.ok) return { stop: { kind: 'storage', reason: bytes.error.reason } };
  if (!bytes.value || bytes.value.size !== row.size) return refuse('the bytes of this scan are no longer complete on this device', 'incomplete');
  const blob = bytes.value;
  const chunkBytes = round.chunkBytes ?? SCAN_CHUNK_BYTES;
  const meta = { fileId: row.fileId, name: row.name, type: row.type as (typeof SCAN_TYPES)[number], size: row.size, sha256: row.sha256 };

  const started = await timed(() => client.start(row.id, meta));
  if (!started.ok) {
    if (started.error.kind === 'refused' && isFinal(started.error)) return refuse(started.error.reason, started.error.code);
    await recordScanAttempt(db, row.id, started.error.reason);
    return { stop: started.error };
  }
  let { committed, complete } = started.value;
  let corrections = 0;
  while (!complete) {
    const down = await round.beforeChunk?.();
    if (down) return { stop: down };
    const chunk = blob.slice(committed, Math.min(committed + chunkBytes, row.size));
    const sent = await timed(() => client.sendChunk(row.id, committed, chunk));
    if (sent.ok) {
      tally.bytes += Math.max(0, sent.value.committed - committed);
      ({ committed, complete } = sent.value);
      corrections = 0;
      continue;
    }
    const error = sent.error;
    const serverAt = committedOf(error);
    if (serverAt !== null && corrections < MAX_OFFSET_CORRECTIONS) {
      // The server kept a chunk whose answer was lost, or lost one it had not committed: go on from its count.
      corrections += 1;
      committed = serverAt;
      continue;
    }
    if (error.kind === 'refused' && error.code === 'checksum_mismatch') {
      const attempts = await recordScanAttempt(db, row.id, error.reason);
      return attempts >= MAX_DAMAGED_ATTEMPTS ? refuse(error.reason, error.code) : 'retry_later';
    }
    if (error.kind === 'refused' && isFinal(error)) return refuse(error.reason, error.code);
    await recordScanAttempt(db, row.id, error.reason);
    if (error.kind === 'refused') return 'retry_later';
    return { stop: error };
  }
  await markScanUploaded(db, row.id, now().toISOString());
  tally.uploaded += 1;
  return 'uploaded';
}
