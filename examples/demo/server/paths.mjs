// @ts-check
// Where the demo keeps its database, and how it is opened (or reset) from the scripts.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openDatabase } from "./database.mjs";

/** examples/demo/data/demo.sqlite: the folder is git-ignored, created and seeded on first run. */
export const DEFAULT_DATABASE = fileURLToPath(new URL("../data/demo.sqlite", import.meta.url));

/**
 * Opens the database, deleting it first with `reset` (a fresh seed).
 * @param {string} file
 * @param {{ reset?: boolean }} [options]
 */
export function openDemoDatabase(file, { reset = false } = {}) {
  if (reset && file !== ":memory:") for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  return openDatabase(file);
}
