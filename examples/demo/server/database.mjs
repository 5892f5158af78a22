// @ts-check
// The demo's SQLite database: one table per resource (records as JSON documents), the
// audit log, and the pre-images of writes waiting for their audit entry.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
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
CREATE TABLE IF NOT EXISTS audit_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  resource TEXT NOT NULL,
  action TEXT NOT NULL,
  -- meta.id as text, so 7 and "7" find the same record
  record_id TEXT,
  -- ISO 8601 in UTC: sorts as text in time order
  created_at TEXT NOT NULL,
  author TEXT CHECK (author IS NULL OR json_valid(author)),
  name TEXT,
  data TEXT CHECK (data IS NULL OR json_valid(data)),
  previous_data TEXT CHECK (previous_data IS NULL OR json_valid(previous_data)),
  meta TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta))
);
CREATE INDEX IF NOT EXISTS audit_logs_by_time ON audit_logs (resource, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_logs_by_record ON audit_logs (resource, record_id);
-- The stored record as it was before a write, kept until the client posts the audit
-- entry for that write (Refine logs after the write succeeded, without previousData).
CREATE TABLE IF NOT EXISTS pending_writes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id TEXT NOT NULL,
  resource TEXT NOT NULL,
  record_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  written_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS pending_writes_by_key ON pending_writes (client_id, resource, record_id, action, id);
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
