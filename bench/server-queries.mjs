#!/usr/bin/env node
// @ts-check
// The audit store's queries at scale: the demo server's query module
// (examples/demo/server/auditQuery.mjs) over a million audit rows, on SQLite (better-sqlite3,
// as the demo runs it) and on PostgreSQL (PGlite: Postgres 17 compiled to WebAssembly, in
// this process; a native server is faster). Prints a markdown table of medians.
//
//   node bench/server-queries.mjs                    1,000,000 rows, both engines
//   node bench/server-queries.mjs --rows 200000      another size
//   node bench/server-queries.mjs --runs 25          more runs per query (default 11, after 3 warm-ups)
//   node bench/server-queries.mjs --engines sqlite   one engine only (sqlite, postgres)
//   node bench/server-queries.mjs --fresh            seed the stores again
//
// The stores are seeded once (examples/demo/scripts/seed-rows.mjs: the demo's seed plus N
// rows of history) and kept in bench/.out/server-queries/ for the next run. The target:
// every query under 50 ms at a million rows on SQLite.
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAuditQuery, runAuditQueryPostgres, runAuditQuerySqlite } from "../examples/demo/server/auditQuery.mjs";
import { seedPostgres, STORY_VERSION } from "../examples/demo/scripts/seed-rows.mjs";
import { readOption } from "./common.mjs";
import { END, openSqliteStore, storeDir as outDir } from "./store.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (/** @type {string} */ name) => readOption(args, name);
const rows = Number(option("rows") ?? 1_000_000);
const runs = Number(option("runs") ?? 11);
const engines = (option("engines") ?? "sqlite,postgres").split(",");
const fresh = args.includes("--fresh");
if (!Number.isSafeInteger(rows) || rows < 1000) throw new Error("--rows takes a whole number of at least 1,000");
const log = (/** @type {string} */ line) => console.error(line);

/**
 * The queries: the contract's URL parameters, with the values read from the store (an
 * author of middling activity, a product with a long history, a week in the middle).
 * @param {{ author: string, record: string, from: string, to: string }} picks
 * @returns {Array<[string, Record<string, string>]>}
 */
const QUERIES = (picks) => [
  ["first page (newest 50)", { _pageSize: "50" }],
  ["first page with the total", { _pageSize: "50", _total: "1" }],
  ["changed field = price", { _pageSize: "50", field: "price" }],
  ["changed field = supplier.address.city (rarer)", { _pageSize: "50", field: "supplier.address.city" }],
  ["changed field = currency (rare), with the total", { _pageSize: "50", field: "currency", _total: "1" }],
  ["by author", { _pageSize: "50", author: picks.author }],
  ["by date range (a week)", { _pageSize: "50", from: picks.from, to: picks.to }],
  ["by date range, with the total", { _pageSize: "50", from: picks.from, to: picks.to, _total: "1" }],
  ["a record's history", { _pageSize: "50", id: picks.record }],
  ["named versions only", { _pageSize: "50", named: "1" }],
  ["sorted by author", { _pageSize: "50", _sort: "author", _order: "asc" }],
  ["page 1,000 (page mode)", { _page: "1000", _pageSize: "50" }],
  ["count only (all rows)", { _pageSize: "1", _total: "1" }],
  ["search: a word of an author's name", { _pageSize: "50", q: "kowalski" }],
];

/** @param {() => Promise<unknown> | unknown} run */
async function measure(run) {
  for (let i = 0; i < 3; i++) await run();
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** @param {Record<string, string>} params */
const toQuery = (params) => parseAuditQuery(new URLSearchParams({ resource: "products", ...params }));

async function main() {
  mkdirSync(outDir, { recursive: true });
  /** @type {Map<string, Record<string, string>>} */
  const results = new Map();
  /** @type {Record<string, string>} */
  const sizes = {};
  /** @type {{ author: string, record: string, from: string, to: string } | undefined} */
  let picks;

  if (engines.includes("sqlite")) {
    const { db } = openSqliteStore(rows, { fresh, log });
    picks = readPicks(db);
    sizes.sqlite = `${/** @type {{ n: number }} */ (db.prepare("SELECT count(*) AS n FROM audit_logs").get()).n.toLocaleString("en")} rows`;
    for (const [label, params] of QUERIES(picks)) {
      const query = toQuery(params);
      const answer = runAuditQuerySqlite(db, query);
      const ms = await measure(() => runAuditQuerySqlite(db, query));
      results.set(label, { ...results.get(label), sqlite: ms.toFixed(1), sqliteRows: `${answer.data.length}${answer.total != null ? ` of ${answer.total.toLocaleString("en")}` : ""}` });
    }
    db.close();
  }

  if (engines.includes("postgres")) {
    const { PGlite } = await import("@electric-sql/pglite");
    const dir = path.join(outDir, `pglite-${rows}-v${STORY_VERSION}`);
    if (fresh) rmSync(dir, { recursive: true, force: true });
    const pg = new PGlite(dir);
    await pg.exec("CREATE TABLE IF NOT EXISTS bench_settings (key text PRIMARY KEY, value text NOT NULL)");
    const seeded = (await pg.query("SELECT value FROM bench_settings WHERE key = 'rows'")).rows[0];
    if (!seeded || /** @type {any} */ (seeded).value !== String(rows)) {
      log(`PGlite: seeding ${rows.toLocaleString("en")} rows into ${path.relative(root, dir)}`);
      await pg.exec("DROP TABLE IF EXISTS audit_log_fields, audit_log_records, audit_logs");
      await seedPostgres(pg, { rows, end: END, log });
      await pg.query("INSERT INTO bench_settings (key, value) VALUES ('rows', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(rows)]);
    }
    const counted = /** @type {{ n: number }} */ ((await pg.query("SELECT count(*)::int AS n FROM audit_logs")).rows[0]);
    sizes.postgres = `${counted.n.toLocaleString("en")} rows`;
    // Its own picks: the PostgreSQL store holds the generated history only (ids differ).
    const pgPicks = await readPicksPostgres(pg);
    for (const [label, params] of QUERIES(pgPicks)) {
      const query = toQuery(params);
      const answer = await runAuditQueryPostgres(pg, query);
      const ms = await measure(() => runAuditQueryPostgres(pg, query));
      results.set(label, { ...results.get(label), postgres: ms.toFixed(1), postgresRows: `${answer.data.length}${answer.total != null ? ` of ${answer.total.toLocaleString("en")}` : ""}` });
    }
    await pg.close();
  }

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`\n### Server queries, ${rows.toLocaleString("en")} generated audit rows (median of ${runs} runs, ms)\n`);
  console.log(`Node ${process.version}, ${os.cpus().length} cores (${cpu}). SQLite: ${sizes.sqlite ?? "-"}; PGlite: ${sizes.postgres ?? "-"}. Resource "products"; page size 50.\n`);
  console.log("| query | SQLite | rows | PGlite | rows |");
  console.log("|---|---:|---:|---:|---:|");
  for (const [label, result] of results) {
    console.log(`| ${label} | ${result.sqlite ?? "-"} | ${result.sqliteRows ?? "-"} | ${result.postgres ?? "-"} | ${result.postgresRows ?? "-"} |`);
  }
}

/**
 * Values for the queries, read from the store: an author with a twentieth of the rows or
 * so, the product with the longest history, a week in the middle of the history.
 * @param {import("better-sqlite3").Database} db
 */
function readPicks(db) {
  const authors = /** @type {Array<{ id: string, n: number }>} */ (
    db.prepare("SELECT author_id AS id, count(*) AS n FROM audit_logs WHERE resource = 'products' AND author_id IS NOT NULL GROUP BY author_id ORDER BY n DESC").all()
  );
  const record = /** @type {{ id: string }} */ (db.prepare("SELECT record_id AS id FROM audit_log_records WHERE resource = 'products' GROUP BY record_id ORDER BY count(*) DESC LIMIT 1").get());
  const { lo, hi } = /** @type {{ lo: string, hi: string }} */ (db.prepare("SELECT min(created_at) AS lo, max(created_at) AS hi FROM audit_logs WHERE resource = 'products'").get());
  return pickValues(authors, record.id, lo, hi);
}

/** @param {import("@electric-sql/pglite").PGlite} pg */
async function readPicksPostgres(pg) {
  const authors = /** @type {Array<{ id: string, n: number }>} */ (
    (await pg.query("SELECT author_id AS id, count(*)::int AS n FROM audit_logs WHERE resource = 'products' AND author_id IS NOT NULL GROUP BY author_id ORDER BY n DESC")).rows
  );
  const record = /** @type {{ id: string }} */ ((await pg.query("SELECT record_id AS id FROM audit_log_records WHERE resource = 'products' GROUP BY record_id ORDER BY count(*) DESC LIMIT 1")).rows[0]);
  const span = /** @type {{ lo: Date, hi: Date }} */ ((await pg.query("SELECT min(created_at) AS lo, max(created_at) AS hi FROM audit_logs WHERE resource = 'products'")).rows[0]);
  return pickValues(authors, record.id, span.lo.toISOString(), span.hi.toISOString());
}

/** @param {Array<{ id: string, n: number }>} authors @param {string} record @param {string} lo @param {string} hi */
function pickValues(authors, record, lo, hi) {
  const total = authors.reduce((sum, author) => sum + Number(author.n), 0);
  const author = authors.find((candidate) => Number(candidate.n) <= total / 20) ?? authors[authors.length - 1];
  const middle = (Date.parse(lo) + Date.parse(hi)) / 2;
  return { author: String(author.id), record, from: new Date(middle).toISOString(), to: new Date(middle + 7 * 24 * 60 * 60 * 1000).toISOString() };
}

await main();
