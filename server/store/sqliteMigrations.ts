/**
 * The SQLite schema as an append-only list of migrations; PRAGMA user_version records how many
 * have run. Never edit a shipped step: add a new one, so every center's file upgrades the same way.
 */
import type Database from 'better-sqlite3';
import { registerMigrationFunctions } from './sqliteMigrationFunctions.ts';

export const MIGRATIONS: readonly string[] = [
  // 1: catalog, centers, devices, files, attachments, status feed, mutation log.
  `
  CREATE TABLE catalog_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    -- The first version this store ever held: a device older than that gets the full catalog.
    base_version INTEGER NOT NULL,
    source TEXT NOT NULL,
    generated_at TEXT NOT NULL
  );
  CREATE TABLE procedures (
    code TEXT PRIMARY KEY,
    -- NULL when deleted (a tombstone, kept so deltas can tell devices to drop it).
    data TEXT,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL
  );
  CREATE INDEX procedures_version ON procedures (version);

  CREATE TABLE centers (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    enrolment_code_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    center_code TEXT NOT NULL REFERENCES centers (code),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    location_code TEXT,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL,
    revoked_at TEXT,
    last_applied_seq INTEGER NOT NULL DEFAULT 0,
    UNIQUE (center_code, code)
  );

  CREATE TABLE files (
    id TEXT PRIMARY KEY,
    center_code TEXT NOT NULL REFERENCES centers (code),
    number TEXT NOT NULL,
    device_id TEXT NOT NULL REFERENCES devices (id),
    procedure_code TEXT NOT NULL,
    status TEXT NOT NULL,
    -- The pushed record without attachment bytes (those are in attachments).
    record TEXT NOT NULL,
    -- sha256 of the whole pushed record, to tell a resend from a different file under the same id.
    content_hash TEXT NOT NULL,
    received_at TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    UNIQUE (center_code, number)
  );
  CREATE TABLE attachments (
    file_id TEXT NOT NULL REFERENCES files (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (file_id, position)
  );
  CREATE TABLE status_feed (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT,
    center_code TEXT NOT NULL,
    file_id TEXT NOT NULL REFERENCES files (id),
    number TEXT NOT NULL,
    status TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    note TEXT
  );
  CREATE INDEX status_feed_center ON status_feed (center_code, cursor);

  -- One row per applied or rejected mutation: replays answer from here, support reads it.
  CREATE TABLE mutations (
    device_id TEXT NOT NULL REFERENCES devices (id),
    seq INTEGER NOT NULL,
    mutation_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('applied', 'rejected')),
    reason TEXT,
    PRIMARY KEY (device_id, seq)
  );
  `,
  // 2: the life of a file (due date, status history), ratings, the holiday table.
  `
  ALTER TABLE files ADD COLUMN due_at TEXT;
  ALTER TABLE files ADD COLUMN location_code TEXT;
  UPDATE files SET due_at = json_extract(record, '$.dueAt'), location_code = json_extract(record, '$.locationCode');
  CREATE INDEX files_center_received ON files (center_code, received_at);

  ALTER TABLE status_feed ADD COLUMN due_at TEXT;
  UPDATE status_feed SET due_at = (SELECT f.due_at FROM files f WHERE f.id = status_feed.file_id);

  -- Every change of a file's status, the first 'received' included: the audit log and the source
  -- of the done/returned stamps the figures count. Staff is null when nobody was named (a
  -- cancellation, or another office's system that did not say who).
  CREATE TABLE status_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file_id TEXT NOT NULL REFERENCES files (id),
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    staff_id TEXT,
    staff_name TEXT,
    location TEXT,
    note TEXT,
    device_id TEXT NOT NULL REFERENCES devices (id)
  );
  CREATE INDEX status_history_file ON status_history (file_id, status);
  INSERT INTO status_history (file_id, status, at, staff_id, staff_name, location, note, device_id)
    SELECT id, 'received', received_at, json_extract(record, '$.receivedBy.staffId'), json_extract(record, '$.receivedBy.staffName'),
           location_code, NULL, device_id
    FROM files ORDER BY stored_at, id;
  -- Files moved before history existed keep their current status as one undated-by-staff row.
  INSERT INTO status_history (file_id, status, at, staff_id, staff_name, location, note, device_id)
    SELECT f.id, f.status, (SELECT max(s.changed_at) FROM status_feed s WHERE s.file_id = f.id), NULL, NULL, f.location_code, NULL, f.device_id
    FROM files f WHERE f.status <> 'received';

  -- Kiosk satisfaction ratings: one tap, optionally about a file (by its number).
  CREATE TABLE ratings (
    id TEXT PRIMARY KEY,
    center_code TEXT NOT NULL REFERENCES centers (code),
    device_id TEXT NOT NULL REFERENCES devices (id),
    file_number TEXT,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 4),
    reasons TEXT NOT NULL,
    at TEXT NOT NULL,
    stored_at TEXT NOT NULL
  );
  CREATE INDEX ratings_file ON ratings (center_code, file_number, at);

  -- Each import of the holiday table is a new version; devices and GET /api/calendar use the latest.
  CREATE TABLE holiday_table (
    version INTEGER PRIMARY KEY,
    json TEXT NOT NULL,
    source TEXT NOT NULL,
    imported_at TEXT NOT NULL
  );
  `,
  // 3: public kiosk ratings (POST /api/public/ratings) come from no enrolled device, and a visit
  // rating from a kiosk that does not know its center has no center: both columns may be NULL.
  `
  CREATE TABLE ratings_v3 (
    id TEXT PRIMARY KEY,
    center_code TEXT REFERENCES centers (code),
    device_id TEXT REFERENCES devices (id),
    file_number TEXT,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 4),
    reasons TEXT NOT NULL,
    at TEXT NOT NULL,
    stored_at TEXT NOT NULL
  );
  INSERT INTO ratings_v3 SELECT id, center_code, device_id, file_number, score, reasons, at, stored_at FROM ratings ORDER BY rowid;
  DROP TABLE ratings;
  ALTER TABLE ratings_v3 RENAME TO ratings;
  CREATE INDEX ratings_file ON ratings (center_code, file_number, at);
  `,
  // 4: the administrative units (old → new communes), one row per imported version, like the holiday table.
  `
  CREATE TABLE admin_units (
    version INTEGER PRIMARY KEY,
    json TEXT NOT NULL,
    source TEXT NOT NULL,
    imported_at TEXT NOT NULL
  );
  `,
  // 5: the center's own list (danh mục niêm yết), versioned per center; NULL data is a removal
  // kept so a device that pulls changes since its version drops it too.
  `
  CREATE TABLE center_lists (
    center_code TEXT PRIMARY KEY REFERENCES centers (code),
    version INTEGER NOT NULL,
    source TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE center_list_entries (
    center_code TEXT NOT NULL REFERENCES centers (code),
    code TEXT NOT NULL,
    data TEXT,
    version INTEGER NOT NULL,
    PRIMARY KEY (center_code, code)
  );
  CREATE INDEX center_list_entries_version ON center_list_entries (center_code, version);
  `,
  // 6: corrections, due date moves and fee payments (file.update / file.due / file.fee), each kept
  // with what it replaced; a rejected mutation's code, so a replay answers with it too.
  `
  ALTER TABLE mutations ADD COLUMN code TEXT;
  -- The fee payment as JSON ({ amount, receiptNo, paidAt, staffName }); NULL until recorded.
  ALTER TABLE files ADD COLUMN fee TEXT;
  CREATE TABLE file_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file_id TEXT NOT NULL REFERENCES files (id),
    kind TEXT NOT NULL CHECK (kind IN ('update', 'due', 'fee')),
    at TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    staff_name TEXT NOT NULL,
    location TEXT,
    device_id TEXT NOT NULL REFERENCES devices (id),
    reason TEXT,
    -- JSON: what the change replaced (the corrected parts of the record, the old due date), NULL for a fee.
    previous TEXT,
    -- JSON: what it set.
    next TEXT NOT NULL
  );
  CREATE INDEX file_changes_file ON file_changes (file_id, id);
  `,
  // 7: scans are uploaded on their own, resumably, beside the push (shared/sync/scanUpload.ts).
  // They live here as BLOBs, not as files in the data folder: a chunk and its committed offset are
  // written in one transaction (a power cut never leaves bytes the offset does not count), and the
  // one SQLite file stays the whole of the server's data for backups. Chunks wait in scan_chunks
  // until the last one arrives; the checked scan is then one row in scans.
  // Scans pushed inline before this version move here under the id the devices derive too
  // (shared/files/legacyScanId.ts); inline attachments that are not images or PDFs stay in
  // `attachments`. (Rejection codes are in mutations.code, added by step 6.)
  `
  CREATE TABLE scans (
    id TEXT PRIMARY KEY,
    center_code TEXT NOT NULL REFERENCES centers (code),
    device_id TEXT NOT NULL REFERENCES devices (id),
    -- No foreign key: a scan may arrive before its file's record.
    file_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    committed INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
    data BLOB,
    created_at TEXT NOT NULL,
    completed_at TEXT
  );
  CREATE INDEX scans_file ON scans (file_id);
  CREATE TABLE scan_chunks (
    scan_id TEXT NOT NULL REFERENCES scans (id),
    "offset" INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (scan_id, "offset")
  );

  UPDATE files SET record = motcua_legacy_record(id, record, (
    SELECT json_group_array(json_array(a.position, motcua_sniff_scan(a.data), motcua_sha256(a.data))) FROM attachments a WHERE a.file_id = files.id
  )) WHERE id IN (SELECT file_id FROM attachments);
  UPDATE files SET content_hash = motcua_record_hash(record, content_hash) WHERE id IN (SELECT file_id FROM attachments);
  INSERT OR IGNORE INTO scans (id, center_code, device_id, file_id, name, type, size, sha256, committed, complete, data, created_at, completed_at)
    SELECT motcua_legacy_scan_id(a.file_id, motcua_sha256(a.data)), f.center_code, f.device_id, a.file_id, a.name, motcua_sniff_scan(a.data),
           length(a.data), motcua_sha256(a.data), length(a.data), 1, a.data, f.stored_at, f.stored_at
    FROM attachments a JOIN files f ON f.id = a.file_id WHERE motcua_sniff_scan(a.data) IS NOT NULL ORDER BY a.file_id, a.position;
  DELETE FROM attachments WHERE motcua_sniff_scan(data) IS NOT NULL;
  `,
  // 8: server trust. Centers get a separate admin enrolment code (NULL until issued: no admin device
  // can enrol before). Files keep the receipt's lookup code for the public status route. A rating's
  // time becomes the server's time of receipt (the device's claim kept as given_at), and at most one
  // rating per file counts in the figures: the first from the center's own devices; public ones
  // (no device) stop counting, since nothing proved they came from the receipt holder. (A rejected
  // mutation's code is in mutations.code, added by step 6.)
  `
  ALTER TABLE centers ADD COLUMN admin_code_hash TEXT;

  ALTER TABLE files ADD COLUMN lookup_code TEXT;
  UPDATE files SET lookup_code = json_extract(record, '$.lookupCode');

  ALTER TABLE ratings ADD COLUMN given_at TEXT;
  UPDATE ratings SET given_at = at, at = stored_at;
  ALTER TABLE ratings ADD COLUMN counted INTEGER NOT NULL DEFAULT 0 CHECK (counted IN (0, 1));
  UPDATE ratings SET counted = 1
    WHERE device_id IS NOT NULL AND center_code IS NOT NULL AND (
      file_number IS NULL OR rowid = (
        SELECT min(r.rowid) FROM ratings r
        WHERE r.center_code = ratings.center_code AND r.file_number = ratings.file_number AND r.device_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM files f WHERE f.center_code = r.center_code AND f.number = r.file_number)));
  CREATE UNIQUE INDEX ratings_counted_file ON ratings (center_code, file_number) WHERE counted = 1 AND file_number IS NOT NULL;

  `,
  // 9: learning from kiosk searches (server/learning/). Searches are kept 90 days by `at` (UTC ISO,
  // so text order is time order) and counted by their folded query; a center's taught entries and
  // the version its devices pull.
  `
  CREATE TABLE search_sessions (
    id TEXT PRIMARY KEY,
    center_code TEXT NOT NULL REFERENCES centers (code),
    device_id TEXT NOT NULL REFERENCES devices (id),
    query TEXT NOT NULL,
    query_key TEXT NOT NULL,
    found TEXT NOT NULL CHECK (found IN ('match', 'nearest', 'empty')),
    shown TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('chosen', 'none', 'abandoned')),
    chosen TEXT,
    flow_path TEXT,
    language TEXT NOT NULL,
    at TEXT NOT NULL,
    stored_at TEXT NOT NULL
  );
  CREATE INDEX search_sessions_center_key ON search_sessions (center_code, query_key, at);
  CREATE INDEX search_sessions_at ON search_sessions (at);

  CREATE TABLE learned_entries (
    center_code TEXT NOT NULL REFERENCES centers (code),
    id TEXT NOT NULL,
    entry TEXT NOT NULL,
    -- Folded phrases and the citizen query it answers (JSON array): searches under these keys
    -- count on the admin's list again only if they still fail after the teaching.
    query_keys TEXT NOT NULL,
    taught_at TEXT NOT NULL,
    taught_by TEXT,
    device_id TEXT NOT NULL REFERENCES devices (id),
    PRIMARY KEY (center_code, id)
  );

  CREATE TABLE center_vocabulary (
    center_code TEXT PRIMARY KEY REFERENCES centers (code),
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // 10: provinces. A province's own account is a row of `centers` of kind 'province' (its devices
  // enrol with its admin enrolment code and read its centers' figures); centers name their province.
  `
  ALTER TABLE centers ADD COLUMN kind TEXT NOT NULL DEFAULT 'center' CHECK (kind IN ('center', 'province'));
  ALTER TABLE centers ADD COLUMN province_code TEXT;
  CREATE INDEX centers_province ON centers (province_code, code);
  `,
  // 11: the front-desk queue (server/store/sqliteQueue.ts): each center's settings, one row per save;
  // the append-only event log whose cursor devices resume from; the numbers counted per service per
  // day and reserved per day (the key that refuses a number given twice); refused device events.
  `
  CREATE TABLE queue_settings (
    center_code TEXT NOT NULL REFERENCES centers (code),
    revision INTEGER NOT NULL,
    json TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    device_id TEXT,
    PRIMARY KEY (center_code, revision)
  );
  CREATE TABLE queue_events (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    center_code TEXT NOT NULL REFERENCES centers (code),
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    number TEXT,
    event TEXT NOT NULL,
    device_id TEXT,
    received_at TEXT NOT NULL
  );
  CREATE INDEX queue_events_day ON queue_events (center_code, day, cursor);
  CREATE TABLE queue_numbers (
    center_code TEXT NOT NULL,
    day TEXT NOT NULL,
    prefix TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (center_code, day, prefix)
  );
  CREATE TABLE queue_tickets (
    center_code TEXT NOT NULL,
    day TEXT NOT NULL,
    number TEXT NOT NULL,
    issue_id TEXT NOT NULL UNIQUE,
    PRIMARY KEY (center_code, day, number)
  );
  CREATE TABLE queue_refusals (
    id TEXT PRIMARY KEY,
    center_code TEXT NOT NULL,
    device_id TEXT,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    event TEXT NOT NULL,
    at TEXT NOT NULL
  );
  `,
  // 12: kiosk pre-registrations (server/prereg): kept until the end of the Vietnam day they were made on.
  `
  CREATE TABLE prereg_drafts (
    id TEXT PRIMARY KEY,
    center_code TEXT NOT NULL REFERENCES centers (code),
    device_id TEXT NOT NULL REFERENCES devices (id),
    code TEXT NOT NULL,
    draft TEXT NOT NULL,
    received_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    UNIQUE (center_code, code)
  );
  CREATE INDEX prereg_drafts_expires ON prereg_drafts (expires_at);
  `,
];

/** Brings the database up to the latest schema, each step in its own transaction. */
export function migrate(db: Database.Database): { from: number; to: number } {
  registerMigrationFunctions(db);
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > MIGRATIONS.length) {
    throw new Error(`database schema ${from} is newer than this server (${MIGRATIONS.length}): upgrade the server`);
  }
  for (let step = from; step < MIGRATIONS.length; step += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[step]!);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
  return { from, to: MIGRATIONS.length };
}
