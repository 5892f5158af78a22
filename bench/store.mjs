// @ts-check
// The bench's SQLite store of generated audit rows, one file for bench/server-queries.mjs and
// bench/million.mjs: the same place, the same end, the same "seeded with N rows" marker.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../examples/demo/server/database.mjs";
import { seedSqlite, STORY_VERSION } from "../examples/demo/scripts/seed-rows.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Where the seeded stores are kept between runs. */
export const storeDir = path.join(root, "bench", ".out", "server-queries");
/** A fixed end, so a cached store and a fresh one tell the same story. */
export const END = Date.parse("2025-06-30T18:00:00.000Z");

/**
 * Opens the SQLite store of `rows` generated rows (examples/demo/scripts/seed-rows.mjs),
 * seeding it when it is new or was seeded with another number of rows; `fresh` deletes it
 * first. Resolves with its path and the open database (closed when seeding fails).
 * @param {number} rows
 * @param {{ fresh?: boolean, log: (line: string) => void }} options
 */
export function openSqliteStore(rows, { fresh = false, log }) {
  mkdirSync(storeDir, { recursive: true });
  const file = path.join(storeDir, `sqlite-${rows}-v${STORY_VERSION}.sqlite`);
  if (fresh) for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const isNew = !existsSync(file);
  const db = openDatabase(file, { now: new Date(END) });
  try {
    if (isNew || !db.prepare("SELECT 1 FROM settings WHERE key = 'benchRows' AND value = ?").get(String(rows))) {
      log(`SQLite: seeding ${rows.toLocaleString("en")} rows into ${path.relative(root, file)}`);
      seedSqlite(db, { rows, end: END, log });
      db.prepare("INSERT INTO settings (key, value) VALUES ('benchRows', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(rows));
      db.pragma("wal_checkpoint(TRUNCATE)");
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return { file, db };
}
