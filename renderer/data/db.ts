/**
 * The device's local database (IndexedDB through Dexie). Every schema change is a new
 * `version()` with its upgrade, never an edit of an old one: kiosks and counters upgrade in place.
 */
import type { AdminUnits } from '../../shared/address/adminUnits.ts';
import type { HolidayTable } from '../../shared/calendar/holidayTable.ts';
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { CenterEntry, CenterEntryValues } from '../../shared/centerList/centerList.ts';
import type { FeePayment } from '../../shared/files/fileChanges.ts';
import type { FileRecord, FileStatus } from '../../shared/files/fileRecord.ts';
import type { DeviceRole, MutationKind, RatingPayload } from '../../shared/sync/protocol.ts';
import type { PublicFileStatus } from '../../shared/sync/publicApi.ts';
import type { DataCipher, Sealed, SealedBlob } from '../security/dataCipher.ts';
import { sealPlaintextRecords } from './sealPlaintextRecords.ts';
import { moveInlineScans } from './inlineScanMigration.ts';
import { compactStoredCatalog } from './compactCatalogUpgrade.ts';
import { splitStoredCatalog } from './splitCatalogUpgrade.ts';
import { setCatalogDetailsApart } from './detailsApartUpgrade.ts';
import type { PreparedCatalogData } from '../../shared/catalog/preparedCatalog.ts';
import type { CenterVocabulary } from '../../shared/learning/centerVocabulary.ts';
import type { SearchSession } from '../../shared/learning/searchSession.ts';
import type { QueueLogRow, QueueOutboxRow, QueueSettingsRow } from './queueTables.ts';
import { SCHEMA_HISTORY, type UpgradeName } from './dbSchema.ts';

/** What the device knows about the catalog it holds. */
export interface CatalogMeta {
  key: 'catalog';
  version: number;
  source: string;
  generatedAt: string;
  count: number;
  /** When this device stored it (ISO time). */
  storedAt: string;
}

/**
 * The procedures' summaries of the catalog held, for `version` (data/catalogRepository.ts, data/
 * catalogTexts.ts); their details are in `catalogDetails` (format 3). Format 1 (v10 to v12) kept the
 * whole records in `procedures`, format 2 (v13) the details beside them; the v13 and v14 upgrades
 * move them on.
 */
export interface CatalogBodyRow {
  key: 'catalog';
  /** catalogRepository.ts's CATALOG_BODY_FORMAT when written: a text of another format is not read (the catalog is pulled again). */
  format: number;
  version: number;
  procedures: string;
}

/** The procedures' details (documents, steps, legal basis) of catalog `version`, one JSON text in the summaries' order. */
export interface CatalogDetailsRow {
  version: number;
  details: string;
}


/** The search index prepared for one catalog version (shared/catalog/preparedCatalog.ts). */
export interface SearchIndexRow {
  key: 'catalog';
  catalogVersion: number;
  prepared: PreparedCatalogData;
}

/** The one row (key 'device') written at enrolment: who this device is to the server. */
export interface DeviceIdentity {
  key: 'device';
  deviceId: string;
  /** Short code in file numbers, e.g. "D03". */
  deviceCode: string;
  /** Bearer token for every sync request (kept in the platform's token vault, never in this row). */
  token: string;
  centerCode: string;
  centerName: string;
  locationCode: string | null;
  role: DeviceRole;
  serverUrl: string;
  enrolledAt: string;
}

/** The device row as stored: without the token; `legacyToken` only on a device enrolled before the at-rest upgrade, until moved to the vault. */
export type StoredDevice = Omit<DeviceIdentity, 'token'> & { legacyToken?: Sealed };

/** A person who signs in at this counter. The PIN is kept only as a salted hash. */
export interface StaffMember {
  id: string;
  name: string;
  role: 'staff' | 'admin';
  pinHash: string;
  salt: string;
  createdAt: string;
  active: boolean;
  /** What tells two people with the same name apart (a year of birth, a desk); null when not needed. */
  detail?: string | null;
  /** Wrong PINs in a row, and the end of a lock after too many (staff/staffLockout.ts); kept across reloads. */
  failedPins?: number;
  lockedUntil?: string | null;
}

/**
 * Where a file stands between this device and the server: `pending` until the server has answered
 * its latest mutation, `rejected` (with a reason) until staff resend or cancel it, `cancelled` when
 * a rejected file was dropped locally and never reached the server.
 */
export type FileSyncState = 'pending' | 'sent' | 'rejected' | 'cancelled';

/** The fee payment recorded at the counter, and who took it. */
export type LocalFee = FeePayment & { staffName: string };

/** What a request to supplement the file asked for: the documents missing and free text (for the slip). */
export interface SupplementRequest {
  documents: string[];
  text: string;
}

/**
 * A file as the device keeps it: the record it pushes plus its sync and processing state. Types
 * only: the schema that checks one read back is localFileSchema.ts's, kept apart so that opening
 * the database at start does not build schemas (or load their library) the kiosk does not need.
 */
export type LocalFile = FileRecord & {
  syncState: FileSyncState;
  rejectReason: string | null;
  status: FileStatus;
  statusAt: string;
  seq: number;
  /** Why the file has its status (the reason written for a rejection, a supplement request, a withdrawal). */
  statusNote?: string | null;
  /** Why the due date was last moved. */
  dueReason?: string | null;
  fee?: LocalFee | null;
  /** The latest request to supplement the file. */
  supplement?: SupplementRequest | null;
};

/** A file's parts kept in clear: what lists, indexes and the figures read without the key. */
export type FileClear = Omit<LocalFile, 'citizen' | 'notes' | 'documents' | 'attachments'>;

/**
 * A file as IndexedDB holds it (renderer/data/sealedFiles.ts): the clear parts, the citizen, notes and
 * documents sealed in `personal`, the scans sealed in `attachments` (null when none). Retention
 * (renderer/data/retention.ts) empties both and stamps `purgedAt`, leaving a stub for lists and figures.
 */
export type StoredFile = FileClear & { personal: Sealed | null; attachments: Sealed | null; purgedAt?: string };

/**
 * pending: waiting to be pushed; sent: the server applied it (or had already);
 * rejected: the server refused it for good (reason in lastError); superseded: a rejected entry
 * replaced by a corrected resend; cancelled: a rejected entry staff gave up on.
 */
export type OutboxState = 'pending' | 'sent' | 'rejected' | 'superseded' | 'cancelled';

/** One numbered mutation, in the shape it is pushed (seq, id, kind, at, payload) plus its local state. */
export interface OutboxEntry {
  /** The device's mutation number: 1, 2, 3, ... without gaps (the server's exactly-once key). */
  seq: number;
  /** Client UUID of the mutation. */
  id: string;
  kind: MutationKind;
  at: string;
  /** Sealed with the data key (context `outbox:<id>`); null once the server has acknowledged it. */
  payload: Sealed | null;
  /** For file.status: the status it moved to, kept in clear for the figures after the payload is dropped. */
  statusTo?: FileStatus;
  /** For file.due: the new due date, kept in clear so the outbox can name the entry without the key. */
  dueTo?: string;
  fileId: string;
  state: OutboxState;
  /** Push attempts that got no answer for this entry (network, server errors). */
  attempts: number;
  /** The last failure, or the server's reason when rejected. */
  lastError: string | null;
  /** What staff are shown instead of lastError: the server's rejection code, or a local failure's i18n key. */
  lastErrorCode?: string | null;
  sentAt: string | null;
}

export type AuditAction =
  | 'file.register'
  | 'file.resend'
  | 'file.cancel'
  | 'file.status'
  | 'file.correct'
  | 'file.due'
  | 'file.fee'
  | 'sync.rejected'
  | 'sync.gap'
  | 'sync.ahead'
  | 'sync.acknowledged'
  | 'retention.purge'
  /** A scan the server refused for good, or one kept on this device only. */
  | 'scan.rejected'
  | 'scan.kept';

/** Who did what to which file, kept on the device for the center's own review. */
export interface AuditEntry {
  id?: number;
  at: string;
  /** null for what the sync loop did on its own. */
  staffId: string | null;
  staffName: string | null;
  action: AuditAction;
  fileId: string | null;
  detail: string;
}

/** Monotonic counters: 'mutationSeq' and one 'fileNo:YYYYMMDD' per Vietnam calendar day. */
export interface Counter {
  key: string;
  value: number;
}

/** Where the sync loop stands with the server. */
export interface SyncMeta {
  key: 'sync';
  /** Highest mutation number the server has confirmed. */
  lastAppliedSeq: number;
  /** Position in the center's status feed. */
  statusCursor: number;
  lastSyncAt: string | null;
  lastError: string | null;
}

/** The holiday table the device counts working days with (kept as the server published it). */
export interface CalendarRow {
  key: 'holidays';
  table: HolidayTable;
  storedAt: string;
}

/** The last answer the server gave a kiosk status lookup, for showing offline with its "as of" time. */
export interface LookupRow {
  number: string;
  answer: PublicFileStatus;
  /** When the server gave this answer (ISO time). */
  checkedAt: string;
  /** The lookup code it was asked with; a row without one (older builds) is never shown. */
  lookupCode?: string;
}

/** A citizen's rating, kept until the server has it: `pending` until answered, then `sent`. */
export interface RatingRow {
  id: string;
  payload: RatingPayload;
  state: 'pending' | 'sent';
  attempts: number;
  sentAt: string | null;
}

/** Counter settings an admin changes, one validated JSON value per key (e.g. renderer/data/retention.ts). */
export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: string;
}

/** The administrative units (old → new communes) for the address lookup, as the server published them. */
export interface AdminUnitsRow {
  key: 'units';
  /** The server's import version (its ETag). */
  version: number;
  units: AdminUnits;
  storedAt: string;
}

/** One procedure of the center's own list (shared/centerList), as last pulled from the server. */
export interface CenterListRow {
  code: string;
  entry: CenterEntry;
}

/** Which center's list the device holds, and at which version. */
export interface CenterListMetaRow {
  key: 'centerList';
  centerCode: string;
  version: number;
  source: string;
  storedAt: string;
}

/** An admin's edit not yet accepted by the server; `values` null: remove the procedure from the list. */
export interface CenterListDraftRow {
  code: string;
  values: CenterEntryValues | null;
  editedAt: string;
}

/**
 * Where a scan stands between this device and the server: `pending` until uploaded; `uploaded`
 * once the server has checked and stored it; `rejected` when the server refused it for good (the
 * reason in lastError); `kept` on this device only (not an image or PDF from an older version,
 * or replaced by a corrected file), never uploaded.
 */
export type ScanUploadState = 'pending' | 'uploaded' | 'rejected' | 'kept';

/**
 * A scan's metadata and upload state, without its bytes: lists and the sync loop read these,
 * never the bytes. The bytes are in `scanBlobs` under the same id (renderer/data/scanStore.ts).
 */
export interface ScanRow {
  id: string;
  fileId: string;
  name: string;
  /** One of SCAN_TYPES, except for `kept` rows from older versions, which keep the type they came with. */
  type: string;
  size: number;
  sha256: string;
  upload: ScanUploadState;
  /** Upload attempts that failed without a final answer (network, damaged on the way). */
  attempts: number;
  lastError: string | null;
  /** Why the server refused it for good, as a translation key (`scans.refusal.*`); absent on rows older versions refused. */
  lastErrorCode?: string | null;
  createdAt: string;
  uploadedAt: string | null;
}

/**
 * A scan's bytes, kept apart so that reading a file, a list or the upload queue never loads them.
 * Sealed with the data key (context `scan:<id>`, renderer/data/scanStore.ts); `blob` is a plain copy
 * written before the at-rest upgrade (v8), which seals it.
 */
export interface ScanBlobRow {
  id: string;
  sealed?: SealedBlob;
  blob?: Blob;
}

/**
 * A kiosk search waiting to be sent (data/searchLog.ts): `pending` until the server has it (then the
 * row is deleted), `refused` when the server will never take it (kept, with why, until 90 days pass).
 */
export interface SearchSessionRow {
  id: string;
  session: SearchSession;
  state: 'pending' | 'refused';
  reason: string | null;
  /** The search's time, for the 90-day limit and oldest-first sending. */
  at: string;
}

/** The center's taught vocabulary as last pulled (data/vocabularyRepository.ts). */
export interface VocabularyRow {
  key: 'center';
  vocabulary: CenterVocabulary;
  /** The server's ETag for it, sent back to ask whether it changed. */
  etag: string | null;
  storedAt: string;
}

/**
 * A citizen's pre-registration on the kiosk (data/preregDrafts.ts): the draft sealed in `payload`
 * (context `prereg:<id>`) until the server has it, then only its code and state (the code keeps the
 * kiosk's codes of the day unique). Every row goes at `expiresAt`, the end of its Vietnam day.
 */
export interface PreregDraftRow {
  id: string;
  code: string;
  createdAt: string;
  expiresAt: string;
  /** pending: waiting for the server; sent: the server has it; refused: it never will (reason kept, draft dropped). */
  state: 'pending' | 'sent' | 'refused';
  payload: Sealed | null;
  attempts: number;
  /** The server's refusal code (translated on screen), or why the last try failed. */
  lastError: string | null;
}

export type MotcuaDb = Dexie & {
  /** Seals and opens citizens' data; the database is opened with it so upgrades can seal too. */
  readonly cipher: DataCipher;
  catalogMeta: EntityTable<CatalogMeta, 'key'>;
  catalogBody: EntityTable<CatalogBodyRow, 'key'>;
  catalogDetails: EntityTable<CatalogDetailsRow, 'version'>;
  searchIndex: EntityTable<SearchIndexRow, 'key'>;
  device: EntityTable<StoredDevice, 'key'>;
  staff: EntityTable<StaffMember, 'id'>;
  files: EntityTable<StoredFile, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  audit: EntityTable<AuditEntry, 'id'>;
  counters: EntityTable<Counter, 'key'>;
  syncMeta: EntityTable<SyncMeta, 'key'>;
  calendar: EntityTable<CalendarRow, 'key'>;
  lookups: EntityTable<LookupRow, 'number'>;
  ratings: EntityTable<RatingRow, 'id'>;
  adminUnits: EntityTable<AdminUnitsRow, 'key'>;
  centerList: EntityTable<CenterListRow, 'code'>;
  centerListMeta: EntityTable<CenterListMetaRow, 'key'>;
  centerListDraft: EntityTable<CenterListDraftRow, 'code'>;
  settings: EntityTable<SettingRow, 'key'>;
  scans: EntityTable<ScanRow, 'id'>;
  scanBlobs: EntityTable<ScanBlobRow, 'id'>;
  searchSessions: EntityTable<SearchSessionRow, 'id'>;
  vocabulary: EntityTable<VocabularyRow, 'key'>;
  preregDrafts: EntityTable<PreregDraftRow, 'id'>;
  queueOutbox: EntityTable<QueueOutboxRow, 'seq'>;
  queueLog: EntityTable<QueueLogRow, 'id'>;
  queueSettings: EntityTable<QueueSettingsRow, 'key'>;
};

/**
 * Opens the database with the device's data key (opened first, so the at-rest upgrade can seal old
 * rows), every version declared (dbSchema.ts) so a database of any older version is upgraded. A
 * start on a database already current opens it with openDbAtStart.ts instead.
 */
export function openDb(name: string, cipher: DataCipher): MotcuaDb {
  const db = Object.assign(new Dexie(name), { cipher }) as MotcuaDb;
  const upgrades: Record<UpgradeName, (tx: Transaction) => Promise<void>> = {
    moveInlineScans: (tx) => moveInlineScans(tx),
    sealPlaintextRecords: (tx) => sealPlaintextRecords(tx, cipher),
    compactStoredCatalog: (tx) => compactStoredCatalog(tx),
    splitStoredCatalog: (tx) => splitStoredCatalog(tx),
    setCatalogDetailsApart: (tx) => setCatalogDetailsApart(tx),
  };
  for (const { version, stores, upgrade } of SCHEMA_HISTORY) {
    const declared = db.version(version).stores({ ...stores });
    if (upgrade) declared.upgrade((tx) => upgrades[upgrade](tx));
  }
  return db;
}
