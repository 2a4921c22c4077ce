/**
 * The local database's versions as data: each version's table changes (Dexie's store syntax, null
 * removing a table) and the upgrade, if any, that moves older data. db.ts declares them all (a
 * database written by an older version is upgraded step by step); a start on a database already at
 * the latest version declares only where they lead (openDbAtStart.ts), which Dexie parses in a
 * fraction of the time and which needs none of the upgrade code.
 */
import { QUEUE_STORES } from './queueTables.ts';

export type StoreChanges = Readonly<Record<string, string | null>>;

/** The upgrades that move data, by name (db.ts holds their code). */
export type UpgradeName = 'moveInlineScans' | 'sealPlaintextRecords' | 'compactStoredCatalog' | 'splitStoredCatalog' | 'setCatalogDetailsApart';

export interface SchemaVersion {
  version: number;
  stores: StoreChanges;
  upgrade?: UpgradeName;
}

export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  { version: 1, stores: { procedures: '&code, field', catalogMeta: '&key' } },
  // v2: the counter's registrations and the sync outbox. Only new tables, so no data moves.
  {
    version: 2,
    stores: {
      device: '&key',
      staff: '&id, name',
      files: '&id, &number, syncState, receivedAt, procedureCode',
      outbox: '&seq, &id, state, fileId',
      audit: '++id, at, fileId',
      counters: '&key',
      syncMeta: '&key',
    },
  },
  // v3: the holiday table for due dates; a new table, and files gain an index on their due date.
  { version: 3, stores: { files: '&id, &number, syncState, receivedAt, procedureCode, dueAt, status', calendar: '&key' } },
  // v4: the kiosk's last known status lookups and its satisfaction ratings; new tables only.
  { version: 4, stores: { lookups: '&number', ratings: '&id, state' } },
  // v5: the administrative units for the address lookup; a new table only.
  { version: 5, stores: { adminUnits: '&key' } },
  // v6: the center's own list as pulled, and an admin's unsaved edits of it; new tables only.
  { version: 6, stores: { centerList: '&code', centerListMeta: '&key', centerListDraft: '&code' } },
  // v7: scans leave the file records and the outbox for tables of their own (metadata apart from
  // the bytes, stored as Blobs); inline base64 scans written by older versions move there.
  { version: 7, stores: { scans: '&id, fileId, upload, createdAt', scanBlobs: '&id' }, upgrade: 'moveInlineScans' },
  // v8: citizens' data sealed at rest: files, scans and pending outbox payloads encrypted, payloads the
  // server already acknowledged dropped, the device token moved out of this database; counter settings.
  // After v7, so the inline scans have left the records before the records are sealed.
  { version: 8, stores: { settings: '&key' }, upgrade: 'sealPlaintextRecords' },
  // v9: the kiosk's searches waiting to be sent and the center's taught vocabulary; new tables only.
  { version: 9, stores: { searchSessions: '&id, state, at', vocabulary: '&key' } },
  // v10: the catalog as one JSON text instead of a row per procedure (read at every start in one
  // go), and its search index prepared once per version; the rows move into the text and go.
  { version: 10, stores: { procedures: null, catalogBody: '&key', searchIndex: '&key' }, upgrade: 'compactStoredCatalog' },
  // v11: the front-desk queue (queueTables.ts): the device's own events, the server's log, the settings; new tables only.
  { version: 11, stores: QUEUE_STORES },
  // v12: the kiosk's pre-registrations waiting for the server (sealed) and their codes of the day; a new table only.
  { version: 12, stores: { preregDrafts: '&id, state, expiresAt' } },
  // v13: the catalog's text split in two, the procedures' summaries and their details (data/
  // catalogTexts.ts), so a start parses a quarter of it; no table changes.
  { version: 13, stores: {}, upgrade: 'splitStoredCatalog' },
  // v14: the details' text in a table of its own (keyed by the catalog version), so a start reads
  // the summaries alone (a quarter of the bytes IndexedDB has to copy) and the details after the first screen.
  { version: 14, stores: { catalogDetails: '&version' }, upgrade: 'setCatalogDetailsApart' },
];

export const DB_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

/** Every table of the latest version with its keys and indexes: the history's changes applied in order. */
export function latestStores(history: readonly SchemaVersion[] = SCHEMA_HISTORY): Record<string, string> {
  const tables: Record<string, string> = {};
  for (const { stores } of history) {
    for (const [table, spec] of Object.entries(stores)) {
      if (spec === null) delete tables[table];
      else tables[table] = spec;
    }
  }
  return tables;
}
