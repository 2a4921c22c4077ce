/**
 * What the server keeps to learn from kiosk searches: the searches themselves (per center, 90 days),
 * counted by folded query, and each center's taught vocabulary with its version. Part of SyncStore,
 * so a PostgreSQL store can sit beside the SQLite one (server/learning/sqliteLearning.ts).
 */
import type { LearnedEntry } from '../../shared/learning/centerVocabulary.ts';
import type { TaughtEntry, UnmatchedQuery } from '../../shared/learning/learningApi.ts';
import type { SearchSession, SessionResult } from '../../shared/learning/searchSession.ts';
import type { Result } from '../../shared/result.ts';
import type { StorageFailure } from '../store/store.ts';

/** A search as the server stores it: scrubbed again, its time in UTC, its folded query. */
export interface IncomingSession extends SearchSession {
  queryKey: string;
}

export interface StoredVocabulary {
  /** 0 when nothing was ever taught. */
  version: number;
  updatedAt: string | null;
  entries: TaughtEntry[];
}

export interface Teaching {
  entry: LearnedEntry;
  /** Folded phrases and query the entry answers (see unmatchedQueries). */
  queryKeys: string[];
  at: string;
  by: string | null;
  deviceId: string;
}

export type TeachFailure =
  /** Someone changed the vocabulary since `expectedVersion` (two admins at once): read it again. */
  | { kind: 'conflict'; reason: string; version: number }
  | StorageFailure;

export interface LearningStore {
  /**
   * Stores a kiosk's searches, each once: an id already stored from the same device is a
   * `duplicate`; from another device it is `rejected` (ids are the kiosk's UUIDs, so that is a bug).
   */
  addSearchSessions(centerCode: string, deviceId: string, sessions: IncomingSession[], storedAt: string): Promise<Result<SessionResult[], StorageFailure>>;
  /**
   * The center's searches since `since` that found nothing (`none`) or were abandoned, by folded
   * query, most frequent first. Searches under a taught phrase count only after it was taught.
   */
  unmatchedQueries(centerCode: string, since: string, limit: number): Promise<Result<UnmatchedQuery[], StorageFailure>>;
  /** How many searches the center has stored (support and tests). */
  countSearchSessions(centerCode: string): Promise<Result<number, StorageFailure>>;
  centerVocabulary(centerCode: string): Promise<Result<StoredVocabulary, StorageFailure>>;
  /** Adds a taught entry and moves the center's version on, if it is still `expectedVersion`. */
  teach(centerCode: string, teaching: Teaching, expectedVersion: number): Promise<Result<{ version: number }, TeachFailure>>;
  /** Takes a taught entry back (a new version without it). */
  takeBack(centerCode: string, id: string, at: string): Promise<Result<{ version: number }, { kind: 'not_found'; reason: string } | StorageFailure>>;
  /** Deletes every center's searches from before `before`; answers how many. */
  purgeSearchSessions(before: string): Promise<Result<number, StorageFailure>>;
}
