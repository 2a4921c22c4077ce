/**
 * What the server keeps of kiosk pre-registrations: each draft once (by the kiosk's id), for its
 * center only, until the end of the Vietnam day it was made on. Part of SyncStore, so a PostgreSQL
 * store can sit beside the SQLite one (server/prereg/sqlitePrereg.ts).
 */
import type { PreregDraft, StoredDraft } from '../../shared/prereg/preregDraft.ts';
import type { Result } from '../../shared/result.ts';
import type { StorageFailure } from '../store/store.ts';

export interface IncomingDraft {
  draft: PreregDraft;
  centerCode: string;
  deviceId: string;
  receivedAt: string;
  expiresAt: string;
}

export type DraftAddFailure =
  /** The id was sent before by another device, or the code is taken by another draft: never overwritten. */
  | { kind: 'conflict'; code: 'draft_id_taken' | 'draft_code_taken'; reason: string }
  | StorageFailure;

export interface PreregStore {
  /** Stores a draft once: `duplicate` when the same device sent this id before (the first copy stays). */
  addDraft(incoming: IncomingDraft): Promise<Result<{ status: 'stored' | 'duplicate'; expiresAt: string }, DraftAddFailure>>;
  /** A draft of this center by id, if it has not expired at `now`; another center's is null, like a missing one. */
  draftById(centerCode: string, id: string, now: string): Promise<Result<StoredDraft | null, StorageFailure>>;
  /** The same, by the short code printed on the kiosk's slip. */
  draftByCode(centerCode: string, code: string, now: string): Promise<Result<StoredDraft | null, StorageFailure>>;
  /** Deletes every draft expired at `now`; answers how many. */
  purgeDrafts(now: string): Promise<Result<number, StorageFailure>>;
  /** How many drafts the server holds, expired or not (tests and support). */
  countDrafts(): Promise<Result<number, StorageFailure>>;
}
