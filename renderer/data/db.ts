/**
 * The device's local database (IndexedDB through Dexie). Every schema change is a new
 * `version()` with its upgrade, never an edit of an old one: kiosks and counters upgrade in place.
 */
import type { AdminUnits } from '../../shared/address/adminUnits.ts';
import type { HolidayTable } from '../../shared/calendar/holidayTable.ts';
import Dexie, { type EntityTable } from 'dexie';
import { z } from 'zod';
import type { Procedure } from '../../shared/catalog/procedure.ts';
import { fileRecordSchema, fileStatusSchema, type FileRecord, type FileStatus } from '../../shared/files/fileRecord.ts';
import type { DeviceRole, MutationKind, RatingPayload } from '../../shared/sync/protocol.ts';
import type { PublicFileStatus } from '../../shared/sync/publicApi.ts';
import { QUEUE_STORES, type QueueLogRow, type QueueOutboxRow, type QueueSettingsRow } from './queueTables.ts';

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

/** The one row (key 'device') written at enrolment: who this device is to the server. */
export interface DeviceIdentity {
  key: 'device';
  deviceId: string;
  /** Short code in file numbers, e.g. "D03". */
  deviceCode: string;
  /** Bearer token for every sync request. */
  token: string;
  centerCode: string;
  centerName: string;
  locationCode: string | null;
  role: DeviceRole;
  serverUrl: string;
  enrolledAt: string;
}

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
export const fileSyncStateSchema = z.enum(['pending', 'sent', 'rejected', 'cancelled']);
export type FileSyncState = z.infer<typeof fileSyncStateSchema>;

/** A file as the device keeps it: the record it pushes plus its sync and processing state. */
export const localFileSchema = fileRecordSchema.extend({
  syncState: fileSyncStateSchema,
  rejectReason: z.string().nullable(),
  status: fileStatusSchema,
  statusAt: z.string(),
  /** The outbox mutation that carries the file's latest change. */
  seq: z.number().int().positive(),
});
export type LocalFile = FileRecord & {
  syncState: FileSyncState;
  rejectReason: string | null;
  status: FileStatus;
  statusAt: string;
  seq: number;
};

/**
 * pending: waiting to be pushed; sent: the server applied it (or had already);
 * rejected: the server refused it for good (reason in lastError); superseded: a rejected entry
 * replaced by a corrected resend; cancelled: a rejected entry staff gave up on.
 */
export const outboxStateSchema = z.enum(['pending', 'sent', 'rejected', 'superseded', 'cancelled']);
export type OutboxState = z.infer<typeof outboxStateSchema>;

/** One numbered mutation, in the shape it is pushed (seq, id, kind, at, payload) plus its local state. */
export interface OutboxEntry {
  /** The device's mutation number: 1, 2, 3, ... without gaps (the server's exactly-once key). */
  seq: number;
  /** Client UUID of the mutation. */
  id: string;
  kind: MutationKind;
  at: string;
  payload: unknown;
  fileId: string;
  state: OutboxState;
  /** Push attempts that got no answer for this entry (network, server errors). */
  attempts: number;
  /** The last failure, or the server's reason when rejected. */
  lastError: string | null;
  sentAt: string | null;
}

export type AuditAction = 'file.register' | 'file.resend' | 'file.cancel' | 'file.status' | 'sync.rejected' | 'sync.gap' | 'sync.ahead';

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
}

/** A citizen's rating, kept until the server has it: `pending` until answered, then `sent`. */
export interface RatingRow {
  id: string;
  payload: RatingPayload;
  state: 'pending' | 'sent';
  attempts: number;
  sentAt: string | null;
}

/** The administrative units (old → new communes) for the address lookup, as the server published them. */
export interface AdminUnitsRow {
  key: 'units';
  /** The server's import version (its ETag). */
  version: number;
  units: AdminUnits;
  storedAt: string;
}

export type MotcuaDb = Dexie & {
  procedures: EntityTable<Procedure, 'code'>;
  catalogMeta: EntityTable<CatalogMeta, 'key'>;
  device: EntityTable<DeviceIdentity, 'key'>;
  staff: EntityTable<StaffMember, 'id'>;
  files: EntityTable<LocalFile, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  audit: EntityTable<AuditEntry, 'id'>;
  counters: EntityTable<Counter, 'key'>;
  syncMeta: EntityTable<SyncMeta, 'key'>;
  calendar: EntityTable<CalendarRow, 'key'>;
  lookups: EntityTable<LookupRow, 'number'>;
  ratings: EntityTable<RatingRow, 'id'>;
  adminUnits: EntityTable<AdminUnitsRow, 'key'>;
  queueOutbox: EntityTable<QueueOutboxRow, 'seq'>;
  queueLog: EntityTable<QueueLogRow, 'id'>;
  queueSettings: EntityTable<QueueSettingsRow, 'key'>;
};

export function openDb(name = 'motcua'): MotcuaDb {
  const db = new Dexie(name) as MotcuaDb;
  db.version(1).stores({
    procedures: '&code, field',
    catalogMeta: '&key',
  });
  // v2: the counter's registrations and the sync outbox. Only new tables, so no data moves.
  db.version(2).stores({
    device: '&key',
    staff: '&id, name',
    files: '&id, &number, syncState, receivedAt, procedureCode',
    outbox: '&seq, &id, state, fileId',
    audit: '++id, at, fileId',
    counters: '&key',
    syncMeta: '&key',
  });
  // v3: the holiday table for due dates; a new table, and files gain an index on their due date.
  db.version(3).stores({
    files: '&id, &number, syncState, receivedAt, procedureCode, dueAt, status',
    calendar: '&key',
  });
  // v4: the kiosk's last known status lookups and its satisfaction ratings; new tables only.
  db.version(4).stores({
    lookups: '&number',
    ratings: '&id, state',
  });
  // v5: the administrative units for the address lookup; a new table only.
  db.version(5).stores({
    adminUnits: '&key',
  });
  // v6: the front-desk queue (queueTables.ts): the device's own events, the server's log, the settings; new tables only.
  db.version(6).stores(QUEUE_STORES);
  return db;
}
