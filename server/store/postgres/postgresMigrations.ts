/**
 * The PostgreSQL schema as an append-only list of versioned migrations, recorded in
 * schema_migrations. Never edit a shipped step: add one. Several server processes may start at once
 * on one database (a province runs more than one), so migrating holds an advisory lock.
 *
 * Every table of a center's data has the center first in its key and in its indexes, so a
 * province's rows sit together and the tables can later be partitioned by center. The identifiers
 * devices make up (file, scan, rating, search ids) and token hashes are unique server-wide in the
 * protocol, so each has one unique index of its own beside the center-first key.
 */
import type pg from 'pg';
import { sql } from './postgresSql.ts';

export const POSTGRES_MIGRATIONS: readonly string[] = [
  // 1: everything the SQLite store holds after its step 10, plus what PostgreSQL needs to run writers
  // side by side: a per-center feed head (cursors in commit order), denormalised figures columns.
  // Times are ISO text as sent (as in SQLite); those compared or sorted use the binary collation,
  // so they order as SQLite orders them whatever the database's locale.
  `
  CREATE TABLE catalog_meta (
    id integer PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL,
    base_version bigint NOT NULL,
    source text NOT NULL,
    generated_at text NOT NULL
  );
  CREATE TABLE procedures (
    code text COLLATE "C" PRIMARY KEY,
    -- NULL when deleted (a tombstone, kept so deltas can tell devices to drop it).
    data text,
    version bigint NOT NULL,
    position integer NOT NULL,
    -- The procedure's field for the figures, read once here rather than per file.
    field text GENERATED ALWAYS AS (CASE WHEN data IS NULL THEN NULL ELSE (data::jsonb) ->> 'field' END) STORED
  );
  CREATE INDEX procedures_version ON procedures (version);

  CREATE TABLE holiday_table (version integer PRIMARY KEY, json text NOT NULL, source text NOT NULL, imported_at text NOT NULL);
  CREATE TABLE admin_units (version integer PRIMARY KEY, json text NOT NULL, source text NOT NULL, imported_at text NOT NULL);

  CREATE TABLE centers (
    code text PRIMARY KEY,
    name text NOT NULL,
    enrolment_code_hash text NOT NULL,
    admin_code_hash text,
    -- 'province': a province's own account (its devices read its centers' figures).
    kind text NOT NULL DEFAULT 'center' CHECK (kind IN ('center', 'province')),
    province_code text,
    created_at text NOT NULL
  );
  CREATE INDEX centers_province ON centers (province_code, code);

  CREATE TABLE devices (
    center_code text NOT NULL REFERENCES centers (code),
    id text NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    location_code text,
    role text NOT NULL,
    token_hash text NOT NULL,
    enrolled_at text NOT NULL,
    revoked_at text,
    last_applied_seq bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (center_code, id),
    UNIQUE (center_code, code)
  );
  CREATE UNIQUE INDEX devices_id ON devices (id);
  CREATE UNIQUE INDEX devices_token ON devices (token_hash);

  CREATE TABLE files (
    center_code text NOT NULL REFERENCES centers (code),
    id text NOT NULL,
    number text COLLATE "C" NOT NULL,
    device_id text NOT NULL,
    procedure_code text NOT NULL,
    status text NOT NULL,
    record text NOT NULL,
    content_hash text NOT NULL,
    received_at text COLLATE "C" NOT NULL,
    stored_at text NOT NULL,
    due_at text,
    location_code text,
    lookup_code text,
    fee text,
    -- Read from the record for the figures, so a province's figures need no JSON per file.
    channel text NOT NULL,
    procedure_name text NOT NULL,
    attachments integer NOT NULL,
    -- The first done / returned time in the history, and the one rating that counts.
    done_at text COLLATE "C",
    returned_at text COLLATE "C",
    rating smallint,
    PRIMARY KEY (center_code, id),
    UNIQUE (center_code, number)
  );
  CREATE UNIQUE INDEX files_id ON files (id);
  CREATE INDEX files_center_received ON files (center_code, received_at, number);

  CREATE TABLE feed_heads (center_code text PRIMARY KEY REFERENCES centers (code), last_cursor bigint NOT NULL);
  CREATE TABLE status_feed (
    center_code text NOT NULL,
    cursor bigint NOT NULL,
    file_id text NOT NULL,
    number text NOT NULL,
    status text NOT NULL,
    changed_at text NOT NULL,
    note text,
    due_at text,
    PRIMARY KEY (center_code, cursor)
  );

  CREATE TABLE status_history (
    center_code text NOT NULL,
    file_id text NOT NULL,
    id bigint GENERATED ALWAYS AS IDENTITY,
    status text NOT NULL,
    at text NOT NULL,
    staff_id text,
    staff_name text,
    location text,
    note text,
    device_id text NOT NULL,
    PRIMARY KEY (center_code, file_id, id)
  );

  CREATE TABLE file_changes (
    center_code text NOT NULL,
    file_id text NOT NULL,
    id bigint GENERATED ALWAYS AS IDENTITY,
    kind text NOT NULL CHECK (kind IN ('update', 'due', 'fee')),
    at text NOT NULL,
    staff_id text NOT NULL,
    staff_name text NOT NULL,
    location text,
    device_id text NOT NULL,
    reason text,
    previous text,
    next text NOT NULL,
    PRIMARY KEY (center_code, file_id, id)
  );

  CREATE TABLE mutations (
    center_code text NOT NULL,
    device_id text NOT NULL,
    seq bigint NOT NULL,
    mutation_id text NOT NULL,
    kind text NOT NULL,
    at text NOT NULL,
    status text NOT NULL CHECK (status IN ('applied', 'rejected')),
    reason text,
    code text,
    PRIMARY KEY (center_code, device_id, seq)
  );

  CREATE TABLE ratings (
    -- Arrival order (SQLite's rowid).
    seq bigint GENERATED ALWAYS AS IDENTITY,
    id text NOT NULL,
    -- NULL only for a public visit rating that named no known center.
    center_code text,
    device_id text,
    file_number text,
    score smallint NOT NULL CHECK (score BETWEEN 1 AND 4),
    reasons text NOT NULL,
    at text NOT NULL,
    given_at text NOT NULL,
    stored_at text NOT NULL,
    counted boolean NOT NULL DEFAULT false
  );
  CREATE UNIQUE INDEX ratings_id ON ratings (id);
  CREATE INDEX ratings_center ON ratings (center_code, seq);
  CREATE UNIQUE INDEX ratings_counted_file ON ratings (center_code, file_number) WHERE counted AND file_number IS NOT NULL;

  CREATE TABLE center_lists (
    center_code text PRIMARY KEY REFERENCES centers (code),
    version integer NOT NULL,
    source text NOT NULL,
    updated_at text NOT NULL
  );
  CREATE TABLE center_list_entries (
    center_code text NOT NULL REFERENCES centers (code),
    code text COLLATE "C" NOT NULL,
    data text,
    version integer NOT NULL,
    PRIMARY KEY (center_code, code)
  );
  CREATE INDEX center_list_entries_version ON center_list_entries (center_code, version);

  CREATE TABLE scans (
    center_code text NOT NULL REFERENCES centers (code),
    id text NOT NULL,
    device_id text NOT NULL,
    file_id text NOT NULL,
    name text NOT NULL,
    type text NOT NULL,
    size integer NOT NULL,
    sha256 text NOT NULL,
    committed integer NOT NULL DEFAULT 0,
    complete boolean NOT NULL DEFAULT false,
    data bytea,
    created_at text NOT NULL,
    completed_at text,
    PRIMARY KEY (center_code, id)
  );
  CREATE UNIQUE INDEX scans_id ON scans (id);
  CREATE INDEX scans_file ON scans (center_code, file_id);
  CREATE TABLE scan_chunks (
    center_code text NOT NULL,
    scan_id text NOT NULL,
    "offset" integer NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (center_code, scan_id, "offset")
  );

  CREATE TABLE search_sessions (
    center_code text NOT NULL REFERENCES centers (code),
    id text NOT NULL,
    device_id text NOT NULL,
    query text NOT NULL,
    query_key text COLLATE "C" NOT NULL,
    found text NOT NULL CHECK (found IN ('match', 'nearest', 'empty')),
    shown text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('chosen', 'none', 'abandoned')),
    chosen text,
    flow_path text,
    language text NOT NULL,
    at text COLLATE "C" NOT NULL,
    stored_at text NOT NULL,
    PRIMARY KEY (center_code, id)
  );
  CREATE UNIQUE INDEX search_sessions_id ON search_sessions (id);
  CREATE INDEX search_sessions_center_key ON search_sessions (center_code, query_key, at);
  CREATE INDEX search_sessions_at ON search_sessions (at);

  CREATE TABLE learned_entries (
    center_code text NOT NULL REFERENCES centers (code),
    id text COLLATE "C" NOT NULL,
    entry text NOT NULL,
    query_keys text NOT NULL,
    taught_at text COLLATE "C" NOT NULL,
    taught_by text,
    device_id text NOT NULL,
    PRIMARY KEY (center_code, id)
  );
  CREATE TABLE center_vocabulary (
    center_code text PRIMARY KEY REFERENCES centers (code),
    version integer NOT NULL,
    updated_at text NOT NULL
  );
  `,
  // 2: the front-desk queue and kiosk pre-registrations (SQLite's steps 11 and 12). The queue's
  // cursor is per center and given under its head row's lock (queue_heads), like the status feed's:
  // a center's changes take turns and a device resuming from a cursor never skips one committed later.
  `
  CREATE TABLE queue_settings (
    center_code text NOT NULL REFERENCES centers (code),
    revision integer NOT NULL,
    json text NOT NULL,
    saved_at text NOT NULL,
    device_id text,
    PRIMARY KEY (center_code, revision)
  );
  CREATE TABLE queue_heads (center_code text PRIMARY KEY REFERENCES centers (code), last_cursor bigint NOT NULL);
  CREATE TABLE queue_events (
    center_code text NOT NULL REFERENCES centers (code),
    cursor bigint NOT NULL,
    id text COLLATE "C" NOT NULL,
    day text COLLATE "C" NOT NULL,
    kind text NOT NULL,
    number text,
    event text NOT NULL,
    device_id text,
    received_at text NOT NULL,
    PRIMARY KEY (center_code, cursor)
  );
  CREATE UNIQUE INDEX queue_events_id ON queue_events (id);
  CREATE INDEX queue_events_day ON queue_events (center_code, day, cursor);
  CREATE TABLE queue_numbers (
    center_code text NOT NULL,
    day text NOT NULL,
    prefix text NOT NULL,
    last integer NOT NULL,
    PRIMARY KEY (center_code, day, prefix)
  );
  CREATE TABLE queue_tickets (
    center_code text NOT NULL,
    day text NOT NULL,
    number text NOT NULL,
    issue_id text NOT NULL,
    PRIMARY KEY (center_code, day, number)
  );
  CREATE UNIQUE INDEX queue_tickets_issue ON queue_tickets (issue_id);
  CREATE TABLE queue_refusals (
    id text PRIMARY KEY,
    center_code text NOT NULL,
    device_id text,
    code text NOT NULL,
    reason text NOT NULL,
    event text NOT NULL,
    at text NOT NULL
  );

  CREATE TABLE prereg_drafts (
    id text PRIMARY KEY,
    center_code text NOT NULL REFERENCES centers (code),
    device_id text NOT NULL REFERENCES devices (id),
    code text NOT NULL,
    draft text NOT NULL,
    received_at text NOT NULL,
    expires_at text COLLATE "C" NOT NULL,
    UNIQUE (center_code, code)
  );
  CREATE INDEX prereg_drafts_expires ON prereg_drafts (expires_at);
  `,
  // 3: a province's figures counted by the database (store/figureCountsSql.ts). Its times, kept as
  // ISO text as sent, also as epoch milliseconds that PostgreSQL keeps itself (generated columns:
  // every write path, a bulk load and pg_restore fill them alike; adding them fills existing rows),
  // and one index, center first, that holds every column the count reads, so a year of a province
  // is counted from the index without visiting the files' records.
  // motcua_instant_ms reads a time as the figures' JavaScript does (Date.parse: whole milliseconds,
  // further digits dropped; any offset the protocol accepts, up to ±23:59). It takes only times that
  // carry their offset and reads them as a plain timestamp plus that offset, so nothing depends on the
  // session's TimeZone or DateStyle: it is truly IMMUTABLE. Anything else is an error, never a guess.
  `
  CREATE FUNCTION motcua_instant_ms(t text) RETURNS bigint LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
  DECLARE
    m text[];
  BEGIN
    m := regexp_match(t, '^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(?:([.][0-9]{1,3})[0-9]*)?(Z|([+-])([0-9]{2}):([0-9]{2}))$');
    IF m IS NULL THEN
      RAISE EXCEPTION 'not an ISO 8601 time with its offset: %', t;
    END IF;
    RETURN round(date_part('epoch', (m[1] || coalesce(m[2], ''))::timestamp) * 1000)::bigint
      - CASE WHEN m[3] = 'Z' THEN 0 ELSE (CASE WHEN m[4] = '-' THEN -1 ELSE 1 END) * (m[5]::bigint * 60 + m[6]::bigint) * 60000 END;
  END
  $$;
  ALTER TABLE files
    ADD COLUMN received_ms bigint GENERATED ALWAYS AS (motcua_instant_ms(received_at)) STORED,
    ADD COLUMN due_ms bigint GENERATED ALWAYS AS (motcua_instant_ms(due_at)) STORED,
    ADD COLUMN done_ms bigint GENERATED ALWAYS AS (motcua_instant_ms(done_at)) STORED,
    ADD COLUMN returned_ms bigint GENERATED ALWAYS AS (motcua_instant_ms(returned_at)) STORED;
  CREATE INDEX files_figures ON files (center_code, received_ms) INCLUDE (procedure_code, channel, status, rating, due_ms, done_ms, returned_ms);
  `,
];

/** Any number; the same in every motcua server, so two of them never migrate at once. */
const MIGRATION_LOCK = 7_240_301;

/** Brings the database up to the latest schema, each step in its own transaction. */
export async function migratePostgres(client: pg.ClientBase): Promise<{ from: number; to: number }> {
  await sql(client, 'SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await sql(client, 'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const [row] = await sql<{ v: number | null }>(client, 'SELECT max(version) AS v FROM schema_migrations');
    const from = row?.v ?? 0;
    if (from > POSTGRES_MIGRATIONS.length) {
      throw new Error(`database schema ${from} is newer than this server (${POSTGRES_MIGRATIONS.length}): upgrade the server`);
    }
    for (let step = from; step < POSTGRES_MIGRATIONS.length; step += 1) {
      await sql(client, 'BEGIN');
      try {
        await sql(client, POSTGRES_MIGRATIONS[step]!);
        await sql(client, 'INSERT INTO schema_migrations (version) VALUES ($1)', [step + 1]);
        await sql(client, 'COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    }
    return { from, to: POSTGRES_MIGRATIONS.length };
  } finally {
    await sql(client, 'SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
