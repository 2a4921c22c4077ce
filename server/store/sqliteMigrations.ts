/**
 * The SQLite schema as an append-only list of migrations; PRAGMA user_version records how many
 * have run. Never edit a shipped step: add a new one, so every center's file upgrades the same way.
 */
import type Database from 'better-sqlite3';

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
  // 5: the front-desk queue (server/store/sqliteQueue.ts): each center's settings, one row per save;
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
];

/** Brings the database up to the latest schema, each step in its own transaction. */
export function migrate(db: Database.Database): { from: number; to: number } {
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
