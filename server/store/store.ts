/**
 * What the sync server keeps, as one storage interface: centers, enrolled devices, pushed files and
 * their status feed, and the versioned catalog. Routes talk only to this, so a PostgreSQL store can
 * sit beside the SQLite one. Every method is async and failures come back as values with a reason.
 */
import type { Catalog, Procedure } from '../../shared/catalog/procedure.ts';
import type { FileRecord, FileStatus } from '../../shared/files/fileRecord.ts';
import type { Result } from '../../shared/result.ts';
import type { CatalogChanges, DeviceRole, FileStatusChange, PushResponse, StatusPullResponse } from '../../shared/sync/protocol.ts';

/** The storage itself failed (disk full, locked, damaged); the request can be retried later. */
export interface StorageFailure {
  kind: 'storage';
  reason: string;
}

export interface Center {
  code: string;
  name: string;
  /** scrypt hash of the enrolment code, never the code itself (see auth/secrets.ts). */
  enrolmentCodeHash: string;
  createdAt: string;
}

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
  | { action: 'reject'; reason: string }
);

export type PushFailure = { kind: 'sequence_gap'; lastAppliedSeq: number } | StorageFailure;

export interface StatusChange {
  centerCode: string;
  fileId: string;
  status: FileStatus;
  note: string | null;
  at: string;
}

export type StatusChangeFailure = { kind: 'not_found'; reason: string } | StorageFailure;

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
  addCenter(center: Omit<Center, 'createdAt'>): Promise<Result<Center, { kind: 'exists'; reason: string } | StorageFailure>>;
  findCenter(code: string): Promise<Result<Center | null, StorageFailure>>;
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
  applyPush(deviceId: string, mutations: PreparedMutation[]): Promise<Result<PushResponse, PushFailure>>;
  changeStatus(change: StatusChange): Promise<Result<FileStatusChange, StatusChangeFailure>>;
  /** The center's status feed after `cursor`, oldest first. */
  statusesSince(centerCode: string, cursor: number, limit: number): Promise<Result<StatusPullResponse, StorageFailure>>;
  listFiles(centerCode: string, filter: { number?: string; limit: number }): Promise<Result<{ total: number; files: FileSummary[] }, StorageFailure>>;
  findFile(centerCode: string, fileId: string): Promise<Result<FileRecord | null, StorageFailure>>;
  countFiles(centerCode: string): Promise<Result<number, StorageFailure>>;
  /**
   * Groups of files that look like one registration stored twice (same device, citizen, procedure
   * and reception time under different ids): what a broken exactly-once would leave behind.
   */
  findDuplicateFiles(centerCode: string): Promise<Result<string[][], StorageFailure>>;
}

export interface SyncStore extends CatalogStore, DeviceStore, FileStore {
  close(): Promise<void>;
}
