// @ts-check
// The demo's SQLite database: one table per resource (records as JSON documents), the
// audit store (auditSchema.mjs: the log, its changed field paths, its records) and the
// signed-in sessions.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { authorColumns, buildAuditRow } from "./auditRows.mjs";
import { SQLITE_AUDIT_INDEXES, SQLITE_AUDIT_TABLES } from "./auditSchema.mjs";
import { PHOTOS_BY_SKU, seedDatabase } from "./seed.mjs";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS categories (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL CHECK (json_valid(doc))
);
CREATE TABLE IF NOT EXISTS products (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL CHECK (json_valid(doc))
);
${SQLITE_AUDIT_TABLES}
-- Signed-in sessions: the cookie holds a random token, this table its SHA-256 and the user.
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  user TEXT NOT NULL CHECK (json_valid(user)),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/**
 * Opens (creating when needed) the demo database, creates the tables, and seeds it on
 * first use. `":memory:"` gives a throwaway database.
 *
 * @param {string} file a path, or ":memory:"
 * @param {{ seed?: boolean, now?: Date }} [options] `seed: false` leaves a new database empty
 * @returns {import("better-sqlite3").Database}
 */
export function openDatabase(file, options = {}) {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.exec(SCHEMA);
  const seeded = db.prepare("SELECT value FROM settings WHERE key = 'seededAt'").get();
  if (!seeded && options.seed !== false) {
    db.transaction(() => {
      seedDatabase(db, options.now ?? new Date());
      db.prepare("INSERT INTO settings (key, value) VALUES ('seededAt', ?)").run(new Date().toISOString());
      setDataVersion(db, MIGRATIONS.length);
    })();
  } else if (!seeded) setDataVersion(db, MIGRATIONS.length);
  migrate(db);
  // After the migrations: an older database gets the columns these indexes read first.
  db.exec(SQLITE_AUDIT_INDEXES);
  return db;
}

/**
 * What changed in the records since the first databases were made, in order: each brings
 * a database of the version before it up to date. A new database (seeded or empty) starts
 * at the latest version. The version is kept in `settings` (`dataVersion`; none is 0).
 * @type {Array<(db: import("better-sqlite3").Database) => void>}
 */
const MIGRATIONS = [
  // 1: products have photos. The seeded products get theirs (by SKU), through an update
  // entry like any other change, so their history still adds up to the records.
  (db) => {
    const products = /** @type {Array<{ id: number, doc: string }>} */ (db.prepare("SELECT id, doc FROM products").all());
    const update = db.prepare("UPDATE products SET doc = ? WHERE id = ?");
    const log = db.prepare(
      `INSERT INTO audit_logs (resource, action, record_id, created_at, author, name, data, previous_data, meta)
       VALUES ('products', 'update', ?, ?, ?, 'Photos added', ?, '{}', ?)`,
    );
    const author = JSON.stringify({ id: 0, name: "Northwind data migration" });
    for (const { id, doc } of products) {
      const record = JSON.parse(doc);
      const photo = Object.hasOwn(PHOTOS_BY_SKU, record.sku) ? PHOTOS_BY_SKU[record.sku] : undefined;
      if (!photo || record.photo !== undefined) continue;
      update.run(JSON.stringify({ ...record, photo }), id);
      log.run(String(id), new Date().toISOString(), author, JSON.stringify({ photo }), JSON.stringify({ id, dataProviderName: "default" }));
    }
  },
  // 2: the server writes the audit rows itself, with each change. The log gets the author
  // columns the queries read, every row its changed field paths and its records; the
  // pre-images that waited for a client's entry (pending_writes) are gone.
  (db) => {
    const columns = new Set(/** @type {Array<{ name: string }>} */ (db.prepare("PRAGMA table_info(audit_logs)").all()).map((column) => column.name));
    for (const [column, type] of [["author_id", "TEXT"], ["author_name", "TEXT"], ["author_email", "TEXT"], ["author_label", "TEXT NOT NULL DEFAULT ''"]]) {
      if (!columns.has(column)) db.exec(`ALTER TABLE audit_logs ADD COLUMN ${column} ${type}`);
    }
    db.exec(`
      DROP TABLE IF EXISTS pending_writes;
      DROP INDEX IF EXISTS audit_logs_by_time;
      DROP INDEX IF EXISTS audit_logs_by_record;
      DELETE FROM audit_log_fields;
      DELETE FROM audit_log_records;
      DELETE FROM audit_log_counts;
      INSERT INTO audit_log_counts (resource, n) SELECT resource, count(*) FROM audit_logs GROUP BY resource;
      UPDATE audit_logs SET name = NULL WHERE trim(name) = '';
    `);
    const update = db.prepare("UPDATE audit_logs SET author_id = @author_id, author_name = @author_name, author_email = @author_email, author_label = @author_label WHERE id = @id");
    const insertField = db.prepare("INSERT INTO audit_log_fields (log_id, path, kind) VALUES (?, ?, ?)");
    const insertRecord = db.prepare("INSERT INTO audit_log_records (log_id, resource, record_id) VALUES (?, ?, ?)");
    const rows = /** @type {Array<{ id: number, resource: string, action: string, author: string | null, data: string | null, previous_data: string | null, meta: string }>} */ (
      db.prepare("SELECT id, resource, action, author, data, previous_data, meta FROM audit_logs ORDER BY id").all()
    );
    for (const row of rows) {
      const author = row.author === null ? null : JSON.parse(row.author);
      update.run({ id: row.id, ...authorColumns(author !== null && typeof author === "object" && !Array.isArray(author) ? author : null) });
      const meta = JSON.parse(row.meta);
      const built = buildAuditRow({
        resource: row.resource,
        action: row.action,
        createdAt: "",
        meta: meta !== null && typeof meta === "object" && !Array.isArray(meta) ? meta : {},
        data: row.data === null ? undefined : JSON.parse(row.data),
        previousData: row.previous_data === null ? undefined : JSON.parse(row.previous_data),
      });
      for (const [path, kind] of built.fields) insertField.run(row.id, path, kind);
      for (const recordId of built.records) insertRecord.run(row.id, row.resource, recordId);
    }
  },
];

/** @param {import("better-sqlite3").Database} db */
function migrate(db) {
  const row = /** @type {{ value: string } | undefined} */ (db.prepare("SELECT value FROM settings WHERE key = 'dataVersion'").get());
  const from = row ? Number(row.value) : 0;
  for (let version = from; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      MIGRATIONS[version](db);
      setDataVersion(db, version + 1);
    })();
  }
}

/** @param {import("better-sqlite3").Database} db @param {number} version */
function setDataVersion(db, version) {
  db.prepare("INSERT INTO settings (key, value) VALUES ('dataVersion', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(version));
}
