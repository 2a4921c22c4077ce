/**
 * What the sync server keeps, as one storage interface: centers, enrolled devices, pushed files and
 * their status feed, and the versioned catalog. Routes talk only to this, so a PostgreSQL store can
 * sit beside the SQLite one. Every method is async and failures come back as values with a reason.
 * What only tests and benchmarks read (counts, duplicates) is not here: tests/support/storeInspection.ts.
 */
import type { AdminUnits } from '../../shared/address/adminUnits.ts';
import type { LearningStore } from '../learning/learningStore.ts';
import type { PreregStore } from '../prereg/preregStore.ts';
import type { HolidayTable } from '../../shared/calendar/holidayTable.ts';
import type { Catalog, Procedure } from '../../shared/catalog/procedure.ts';
import type { FileCorrectionPayload, FileDuePayload, FileFeePayload } from '../../shared/files/fileChanges.ts';
import type { FileRecord, FileStatus } from '../../shared/files/fileRecord.ts';
import type { Result } from '../../shared/result.ts';
import type { CenterFieldCounts } from '../../shared/stats/figureCounts.ts';
import type { FileSummary as StatsFileSummary } from '../../shared/stats/fileSummary.ts';
import type { PublicFileStatus } from '../../shared/sync/publicApi.ts';
import type { CenterListStore } from './centerListStore.ts';
import type { CatalogChanges, DeviceRole, FileStatusChange, PushResponse, RatingPayload, StatusPullResponse } from '../../shared/sync/protocol.ts';
import type { QueueStore } from './queueStore.ts';
import type { RejectionCode } from '../../shared/sync/rejectionCodes.ts';
import type { ScanStore } from './scanStore.ts';

/** The storage itself failed (disk full, locked, damaged); the request can be retried later. */
export interface StorageFailure {
  kind: 'storage';
  reason: string;
}

export interface Center {
  code: string;
  name: string;
  /** scrypt hash of the enrolment code (kiosks and counters), never the code itself (see auth/secrets.ts). */
  enrolmentCodeHash: string;
  /** scrypt hash of the admin enrolment code (admin devices; a province's devices); null until one is issued. */
  adminCodeHash: string | null;
  /** 'province': a province's own account, whose devices read the figures of its centers (server/centers/provinces.ts). */
  kind: 'center' | 'province';
  /** The province a center belongs to (a province's own code for a province); null when not set. */
  provinceCode: string | null;
  createdAt: string;
}

/** A center as set up: kind and province may be left out (a center of no province). */
export type NewCenter = Omit<Center, 'createdAt' | 'kind' | 'provinceCode'> & Partial<Pick<Center, 'kind' | 'provinceCode'>>;

export interface Device {
  id: string;
  centerCode: string;
  /** Short code unique within the center, used in file numbers. */
  code: string;
  name: string;
  locationCode: string | null;
  role: DeviceRole;
  enrolledAt: string;
  revokedAt: string | null;
  lastAppliedSeq: number;
}

export interface NewDevice {
  id: string;
  centerCode: string;
  name: string;
  locationCode: string | null;
  role: DeviceRole;
  /** sha256 of the bearer token; the token itself is only ever given to the device. */
  tokenHash: string;
}

/**
 * A pushed mutation after the store-independent checks (schema, center, device) in
 * sync/prepareMutation.ts; the store applies it or, for `reject`, only records the reason.
 */
export type PreparedMutation = { seq: number; id: string; kind: string; at: string } & (
  | { action: 'create'; file: FileRecord }
  | { action: 'cancel'; fileId: string; reason: string }
  | { action: 'status'; change: StatusChange }
  | { action: 'update'; correction: FileCorrectionPayload }
  | { action: 'due'; due: FileDuePayload }
  | { action: 'fee'; fee: FileFeePayload }
  | { action: 'reject'; reason: string; code: RejectionCode }
);

/** One line of a file's change log (corrections, due dates, fees), oldest first. */
export interface FileChangeEntry {
  fileId: string;
  kind: 'update' | 'due' | 'fee';
  at: string;
  staffId: string;
  staffName: string;
  location: string | null;
  deviceId: string;
  reason: string | null;
  /** What the change replaced: the corrected parts of the record, or the previous due date; null for a fee. */
  previous: unknown;
  /** What it set: the corrected parts, the new due date, or the payment. */
  next: unknown;
}

/** `revoked`: the device was revoked before the push took its lock (it was authenticated just before); nothing applied. */
export type PushFailure = { kind: 'sequence_gap'; lastAppliedSeq: number } | { kind: 'revoked'; revokedAt: string } | StorageFailure;

/** An item whose application threw (a server bug): it was rolled back and answered `internal`. */
export interface PushItemFailure {
  seq: number;
  kind: string;
  error: unknown;
}

/** A change of a file's status, stamped for the audit log; the store checks it against shared/files/lifecycle.ts. */
export interface StatusChange {
  centerCode: string;
  fileId: string;
  /** The status the sender saw; the change is refused if the file has moved since. Null: no expectation. */
  from: FileStatus | null;
  status: FileStatus;
  note: string | null;
  at: string;
  /** Who made it; null when the sender did not say (another office's system). */
  by: { staffId: string; staffName: string } | null;
  /** Where (location code), as the sender stamped it. */
  location: string | null;
  /** The device that sent the change. */
  deviceId: string;
}

export type StatusChangeFailure =
  | { kind: 'not_found'; reason: string }
  /** The lifecycle refuses the change; `code` is shared/files/lifecycle.ts's i18n key. */
  | { kind: 'illegal_transition'; code: RejectionCode; reason: string }
  | StorageFailure;

/** One line of a file's audit log. */
export interface StatusHistoryEntry {
  fileId: string;
  status: FileStatus;
  at: string;
  staffId: string | null;
  staffName: string | null;
  location: string | null;
  note: string | null;
  deviceId: string;
}

export interface StoredRating {
  id: string;
  /** null only for a public visit rating that named no known center. */
  centerCode: string | null;
  /** null for a rating sent through the public endpoint (a kiosk needs no enrolment to rate). */
  deviceId: string | null;
  fileNumber: string | null;
  score: RatingPayload['score'];
  reasons: string[];
  /** The server's time of receipt: the rating's time in every figure. */
  at: string;
  /** When the device says it was given (its own clock; support only). */
  givenAt: string;
  /**
   * Whether it counts in the center's figures: from the center's own device (or, through the public
   * route, with the receipt's lookup code), about a file of the center, and the first such for it.
   */
  counted: boolean;
}

/** A rating whose id is already on the server with other content. */
export interface RatingConflict {
  kind: 'conflict';
  reason: string;
}

/** A public rating about a file without that file's lookup code (or with a wrong one, or no such file). */
export interface RatingNeedsCode {
  kind: 'lookup_code';
  reason: string;
}

export type RatingOutcome = { status: 'applied' | 'duplicate'; counted: boolean };

/** Which files the figures read: the centers' files received in [fromMs, toMs) (the store may return a little more). */
export interface SummaryQuery {
  centerCodes: readonly string[];
  fromMs: number;
  toMs: number;
}

/** Which files a province's figures count, and when they are taken (shared/stats/centerStats.ts statsPeriod). */
export interface FigureCountsQuery extends SummaryQuery {
  asOfMs: number;
}

/** What a list of files shows: enough to find and count, never the attachments. */
export interface FileSummary {
  id: string;
  number: string;
  deviceId: string;
  procedureCode: string;
  status: FileStatus;
  receivedAt: string;
  attachments: number;
}

/** The result of a catalog import: the new catalog and what moved, by procedure code. */
export interface CatalogReplaceOutcome {
  catalog: Catalog;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export interface CatalogStore {
  /** The current catalog, or null when none has been imported. */
  currentCatalog(): Promise<Result<Catalog | null, StorageFailure>>;
  /**
   * Replaces the catalog. Only procedures whose content changed get the new version; removed ones
   * are kept as deletions. When nothing changed, the version stays as it is.
   */
  replaceCatalog(procedures: Procedure[], source: string): Promise<Result<CatalogReplaceOutcome, StorageFailure>>;
  /** Changes since a version, or null when no catalog has been imported yet. */
  catalogChanges(since: number): Promise<Result<CatalogChanges | null, StorageFailure>>;
}

export interface DeviceStore {
  addCenter(center: NewCenter): Promise<Result<Center, { kind: 'exists'; reason: string } | StorageFailure>>;
  findCenter(code: string): Promise<Result<Center | null, StorageFailure>>;
  /** The centers of a province (not the province's own account), by code. */
  provinceCenters(provinceCode: string): Promise<Result<Center[], StorageFailure>>;
  /** Replaces a center's enrolment code hash, admin code hash, or both (new codes issued; old ones stop working). */
  setCenterCodes(
    code: string,
    hashes: { enrolmentCodeHash?: string; adminCodeHash?: string },
  ): Promise<Result<Center, { kind: 'not_found'; reason: string } | StorageFailure>>;
  /** Enrols a device and gives it the next free short code in its center (D01, D02, ...). */
  enrolDevice(device: NewDevice): Promise<Result<Device, StorageFailure>>;
  findDeviceByTokenHash(tokenHash: string): Promise<Result<Device | null, StorageFailure>>;
  /** Revokes a device for good; its token stops working at once. */
  revokeDevice(deviceId: string): Promise<Result<Device, { kind: 'not_found'; reason: string } | StorageFailure>>;
}

export interface FileStore {
  /**
   * Applies a device's push in one transaction: numbers already applied are answered as before
   * (duplicate, or rejected again with the same reason), a gap applies nothing, and the device's
   * last applied number is recorded with the changes.
   */
  applyPush(deviceId: string, mutations: PreparedMutation[], onItemFailure?: (failure: PushItemFailure) => void): Promise<Result<PushResponse, PushFailure>>;
  changeStatus(change: StatusChange): Promise<Result<FileStatusChange, StatusChangeFailure>>;
  /** The center's status feed after `cursor`, oldest first. */
  statusesSince(centerCode: string, cursor: number, limit: number): Promise<Result<StatusPullResponse, StorageFailure>>;
  listFiles(centerCode: string, filter: { number?: string; limit: number }): Promise<Result<{ total: number; files: FileSummary[] }, StorageFailure>>;
  findFile(centerCode: string, fileId: string): Promise<Result<FileRecord | null, StorageFailure>>;
  /**
   * What the public lookup shows of a file, by its number and the lookup code printed on its receipt,
   * in one read: status, due date and when it last changed (its latest audit-log line, else its
   * reception). Null when the center has no such number or the code is not the file's.
   */
  publicFileStatus(centerCode: string, number: string, lookupCode: string): Promise<Result<PublicFileStatus | null, StorageFailure>>;
  /** A file's corrections, due date moves and fee payment, oldest first; empty when the file is not in the center. */
  fileChanges(centerCode: string, fileId: string): Promise<Result<FileChangeEntry[], StorageFailure>>;
  /** A file's audit log, oldest first; empty when the file is not in the center. */
  statusHistory(centerCode: string, fileId: string): Promise<Result<StatusHistoryEntry[], StorageFailure>>;
  /**
   * Stores a rating sent to POST /api/public/ratings (no device): once per id, so a kiosk may resend
   * it freely; the same rating again is a `duplicate`, other content under a known id a conflict.
   * A rating about a file needs the file's lookup code (then it counts, if it is the file's first);
   * a visit rating is kept under `centerCode` (a known center or null) and never counts.
   */
  addPublicRating(
    centerCode: string | null,
    rating: RatingPayload,
    receivedAt: string,
  ): Promise<Result<RatingOutcome, RatingConflict | RatingNeedsCode | StorageFailure>>;
  /** Stores a rating from an enrolled device (POST /api/ratings): its center's, counted as in a push. */
  addDeviceRating(device: Device, rating: RatingPayload, receivedAt: string): Promise<Result<RatingOutcome, RatingConflict | StorageFailure>>;
  /**
   * The slice of each file the figures need (shared/stats/fileSummary.ts): field from the catalog
   * (or "Khác"), done/returned stamps from the history, the one rating that counts for its number.
   */
  fileSummaries(query: SummaryQuery): Promise<Result<StatsFileSummary[], StorageFailure>>;
  /**
   * The figures' counts of the centers' files received in exactly [fromMs, toMs), as of `asOfMs`,
   * per center and field, counted by the database (store/figureCountsSql.ts): a province's figures.
   */
  figureCounts(query: FigureCountsQuery): Promise<Result<CenterFieldCounts[], StorageFailure>>;
}

/** A version of the holiday table as stored: `version` counts imports that changed something. */
export interface StoredHolidayTable {
  version: number;
  table: HolidayTable;
  source: string;
  importedAt: string;
}

export interface CalendarStore {
  /** The latest holiday table, or null when none has been imported. */
  currentHolidayTable(): Promise<Result<StoredHolidayTable | null, StorageFailure>>;
  /** Stores the table as a new version, unless it is the same as the latest (then `changed` is false). */
  replaceHolidayTable(table: HolidayTable, source: string): Promise<Result<{ stored: StoredHolidayTable; changed: boolean }, StorageFailure>>;
}

/** A version of the administrative units as stored: `version` counts imports that changed something. */
export interface StoredAdminUnits {
  version: number;
  units: AdminUnits;
  source: string;
  importedAt: string;
}

export interface AdminUnitsStore {
  /** The latest administrative units, or null when none have been imported. */
  currentAdminUnits(): Promise<Result<StoredAdminUnits | null, StorageFailure>>;
  /** Stores the units as a new version, unless they are the same as the latest (then `changed` is false). */
  replaceAdminUnits(units: AdminUnits, source: string): Promise<Result<{ stored: StoredAdminUnits; changed: boolean }, StorageFailure>>;
}

export interface SyncStore extends CatalogStore, CalendarStore, AdminUnitsStore, DeviceStore, FileStore, CenterListStore, ScanStore, LearningStore, PreregStore, QueueStore {
  close(): Promise<void>;
}
