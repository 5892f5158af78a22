// @ts-check
// The audit store's schema, for SQLite (the demo) and PostgreSQL (production; PGlite in the
// tests and the benchmark). The same tables and indexes in both; auditQuery.mjs reads them.
//
//   audit_logs          one row per change: the log row Refine knows, plus the columns the
//                       queries filter and sort on (author_*, written by the server from the
//                       session's user, never from a request body)
//   audit_log_fields    the field paths each row changed (auditFields.mjs), for the
//                       changed-field filter
//   audit_log_records   the records each row concerns (meta.id, and meta.ids of a bulk row),
//                       for a record's history
//
// Which index serves which query (checked with EXPLAIN QUERY PLAN / EXPLAIN, see
// test/audit-query.test.mjs):
//   audit_logs_by_time     a resource's rows by time (the default order, both ways), a date
//                          range, page N, and every filter a scan in time order answers
//                          quickly (common actions, authors and fields)
//   audit_logs_by_action, _by_author, _by_name, _by_record_id
//                          sorting by action, author, name, record id (ties by row id)
//   audit_logs_by_action, _by_author_id, _by_author_name, _by_author_email, _named,
//   audit_log_fields_by_path
//                          the rows of a rare action, author, named versions or a rarely
//                          changed field, when that set drives the page (auditQuery.mjs
//                          counts it first: a set under 10,000 rows is read and sorted
//                          rather than found by scanning in time order)
//   audit_log_records_by_record   a record's history (bulk rows included)
//   audit_log_counts (SQLite)     the total of an unfiltered list

/** Column lists shared by both engines (fixed names, never from a request). */
export const AUDIT_COLUMNS = Object.freeze([
  "resource",
  "action",
  "record_id",
  "created_at",
  "author",
  "author_id",
  "author_name",
  "author_email",
  "author_label",
  "name",
  "data",
  "previous_data",
  "meta",
]);

/** SQLite: the tables (a new database; an older one is brought here by MIGRATIONS in database.mjs). */
export const SQLITE_AUDIT_TABLES = `
CREATE TABLE IF NOT EXISTS audit_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  resource TEXT NOT NULL,
  action TEXT NOT NULL,
  -- meta.id as text, so 7 and "7" find the same record; NULL for a bulk row (meta.ids)
  record_id TEXT,
  -- ISO 8601 in UTC with milliseconds (toISOString): sorts as text in time order
  created_at TEXT NOT NULL,
  -- the author as the row shows it, and its parts as the queries read them
  author TEXT CHECK (author IS NULL OR json_valid(author)),
  author_id TEXT,
  author_name TEXT,
  author_email TEXT,
  -- what the kit shows for the author (name, else email, else id): the author sort key
  author_label TEXT NOT NULL DEFAULT '',
  name TEXT,
  data TEXT CHECK (data IS NULL OR json_valid(data)),
  previous_data TEXT CHECK (previous_data IS NULL OR json_valid(previous_data)),
  meta TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta))
);
CREATE TABLE IF NOT EXISTS audit_log_fields (
  log_id INTEGER NOT NULL REFERENCES audit_logs (id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  -- 0: a descendant changed; 1: changed (parts listed); 2: changed, parts not listed
  kind INTEGER NOT NULL,
  PRIMARY KEY (log_id, path)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS audit_log_records (
  log_id INTEGER NOT NULL REFERENCES audit_logs (id) ON DELETE CASCADE,
  resource TEXT NOT NULL,
  record_id TEXT NOT NULL,
  PRIMARY KEY (log_id, record_id)
) WITHOUT ROWID;
-- Each resource's row count, kept by triggers in the writing transaction: the total of an
-- unfiltered list without counting a million index entries.
CREATE TABLE IF NOT EXISTS audit_log_counts (
  resource TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS audit_logs_counted AFTER INSERT ON audit_logs BEGIN
  INSERT INTO audit_log_counts (resource, n) VALUES (NEW.resource, 1) ON CONFLICT (resource) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS audit_logs_uncounted AFTER DELETE ON audit_logs BEGIN
  UPDATE audit_log_counts SET n = n - 1 WHERE resource = OLD.resource;
END;
`;

/** SQLite: the indexes (after the tables and any migration that adds their columns). */
export const SQLITE_AUDIT_INDEXES = `
CREATE INDEX IF NOT EXISTS audit_logs_by_time ON audit_logs (resource, created_at, id);
CREATE INDEX IF NOT EXISTS audit_logs_by_action ON audit_logs (resource, action, id);
CREATE INDEX IF NOT EXISTS audit_logs_by_author ON audit_logs (resource, author_label, id);
CREATE INDEX IF NOT EXISTS audit_logs_by_name ON audit_logs (resource, (COALESCE(name, '')), id);
CREATE INDEX IF NOT EXISTS audit_logs_by_record_id ON audit_logs (resource, (length(COALESCE(record_id, ''))), (COALESCE(record_id, '')), id);
CREATE INDEX IF NOT EXISTS audit_logs_by_author_id ON audit_logs (resource, author_id);
CREATE INDEX IF NOT EXISTS audit_logs_by_author_name ON audit_logs (resource, author_name);
CREATE INDEX IF NOT EXISTS audit_logs_by_author_email ON audit_logs (resource, author_email);
CREATE INDEX IF NOT EXISTS audit_logs_named ON audit_logs (resource, created_at, id) WHERE name IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_log_fields_by_path ON audit_log_fields (path, kind, log_id);
CREATE INDEX IF NOT EXISTS audit_log_records_by_record ON audit_log_records (resource, record_id, log_id);
`;

/** The secondary indexes by name, so a bulk load can drop and rebuild them. */
export const SQLITE_AUDIT_INDEX_NAMES = Object.freeze([
  "audit_logs_by_time",
  "audit_logs_by_action",
  "audit_logs_by_author",
  "audit_logs_by_name",
  "audit_logs_by_record_id",
  "audit_logs_by_author_id",
  "audit_logs_by_author_name",
  "audit_logs_by_author_email",
  "audit_logs_named",
  "audit_log_fields_by_path",
  "audit_log_records_by_record",
]);

/**
 * PostgreSQL: the same store. Text that is sorted or compared is `COLLATE "C"` (byte
 * order, as SQLite's BINARY), so both engines page through rows in the same order and an
 * index serves the sort whatever the database's default collation. The README's section
 * "The audit store on PostgreSQL at scale" adds partitioning by month and retention.
 */
export const POSTGRES_AUDIT_TABLES = `
CREATE TABLE IF NOT EXISTS audit_logs (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  resource text COLLATE "C" NOT NULL,
  action text COLLATE "C" NOT NULL,
  record_id text COLLATE "C",
  created_at timestamptz NOT NULL,
  author jsonb,
  author_id text COLLATE "C",
  author_name text COLLATE "C",
  author_email text COLLATE "C",
  author_label text COLLATE "C" NOT NULL DEFAULT '',
  name text COLLATE "C",
  data jsonb,
  previous_data jsonb,
  meta jsonb NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS audit_log_fields (
  log_id bigint NOT NULL REFERENCES audit_logs (id) ON DELETE CASCADE,
  path text COLLATE "C" NOT NULL,
  kind smallint NOT NULL,
  PRIMARY KEY (log_id, path)
);
CREATE TABLE IF NOT EXISTS audit_log_records (
  log_id bigint NOT NULL REFERENCES audit_logs (id) ON DELETE CASCADE,
  resource text COLLATE "C" NOT NULL,
  record_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (log_id, record_id)
);
`;

/** PostgreSQL: the indexes (the same as SQLite's). */
export const POSTGRES_AUDIT_INDEXES = `
CREATE INDEX IF NOT EXISTS audit_logs_by_time ON audit_logs (resource, created_at, id);
CREATE INDEX IF NOT EXISTS audit_logs_by_action ON audit_logs (resource, action, id);
CREATE INDEX IF NOT EXISTS audit_logs_by_author ON audit_logs (resource, author_label, id);
CREATE INDEX IF NOT EXISTS audit_logs_by_name ON audit_logs (resource, (COALESCE(name, '')), id);
CREATE INDEX IF NOT EXISTS audit_logs_by_record_id ON audit_logs (resource, (length(COALESCE(record_id, ''))), (COALESCE(record_id, '')), id);
CREATE INDEX IF NOT EXISTS audit_logs_by_author_id ON audit_logs (resource, author_id);
CREATE INDEX IF NOT EXISTS audit_logs_by_author_name ON audit_logs (resource, author_name);
CREATE INDEX IF NOT EXISTS audit_logs_by_author_email ON audit_logs (resource, author_email);
CREATE INDEX IF NOT EXISTS audit_logs_named ON audit_logs (resource, created_at, id) WHERE name IS NOT NULL;
CREATE INDEX IF NOT EXISTS audit_log_fields_by_path ON audit_log_fields (path, kind, log_id);
CREATE INDEX IF NOT EXISTS audit_log_records_by_record ON audit_log_records (resource, record_id, log_id);
`;
