// @ts-check
// The demo's REST server over plain HTTP (no browser): the record API @refinedev/simple-rest
// speaks; the audit rows the server writes with each change (true before and after values,
// the session's user as author, in the same transaction as the change: a failed write
// writes no row); sessions; renames (signed in only); restores (their headers checked);
// the audit-log query contract and the old paging; bad input (each rejected with a clear
// 4xx that writes nothing); product photos and the migrations of older databases.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import Database from "better-sqlite3";
import { createDemoServer, DEMO_USER, listen, SESSION_COOKIE } from "../server/app.mjs";
import { openDatabase } from "../server/database.mjs";
import { startDemo } from "./harness.mjs";

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;
/** The session cookie (`demo_session=…`) of the signed-in test user. */
let session = "";

before(async () => {
  demo = await startDemo({ bodyLimit: 64 * 1024 });
  session = await signIn(demo.baseUrl);
});
after(async () => {
  await demo?.close();
});

/** Signs in (POST /api/session) and returns the cookie to send. @param {string} baseUrl */
async function signIn(baseUrl) {
  const response = await fetch(`${baseUrl}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  assert.equal(response.status, 201);
  return String(response.headers.get("set-cookie")).split(";")[0];
}

/**
 * @param {string} method
 * @param {string} path
 * @param {{ json?: unknown, body?: string, headers?: Record<string, string>, signedIn?: boolean, baseUrl?: string }} [options]
 *   signedIn: send the session cookie (default true)
 */
async function call(method, path, { json, body, headers = {}, signedIn = true, baseUrl = demo.baseUrl } = {}) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { ...(json !== undefined || body !== undefined ? { "content-type": "application/json" } : {}), ...(signedIn && session ? { cookie: session } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/**
 * A request with a Host header of our choosing (fetch sets its own), over node:http.
 * @param {string} baseUrl @param {string} path
 * @param {{ method?: string, host?: string, headers?: Record<string, string>, body?: string }} [options]
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: any }>}
 */
function requestAs(baseUrl, path, { method = "GET", host, headers = {}, body } = {}) {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { ...(host === undefined ? {} : { host }), ...headers } }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const json = /^application\/json/.test(res.headers["content-type"] ?? "");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: json && text ? JSON.parse(text) : text });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Every row of every table, to prove a rejected request changed nothing. @param {import("better-sqlite3").Database} [db] */
function snapshot(db = demo.db) {
  const dump = (/** @type {string} */ table, /** @type {string} */ order) => db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
  return {
    products: dump("products", "id"),
    categories: dump("categories", "id"),
    auditLogs: dump("audit_logs", "id"),
    fields: dump("audit_log_fields", "log_id, path"),
    records: dump("audit_log_records", "log_id, record_id"),
    counts: dump("audit_log_counts", "resource"),
    sessions: dump("sessions", "token_hash"),
  };
}

/** The newest audit row of a record, as the API gives it. @param {string} resource @param {string | number} id */
async function newestLog(resource, id) {
  const { body } = await call("GET", `/api/audit-logs?resource=${resource}&id=${id}&pageSize=1`);
  return body.data[0];
}

/** @param {string} resource @param {string | number} [id] */
async function readAllLogs(resource, id, pageSize = 7) {
  const rows = [];
  let cursor;
  let requests = 0;
  do {
    const query = new URLSearchParams({ resource, pageSize: String(pageSize), ...(id === undefined ? {} : { id: String(id) }), ...(cursor ? { cursor } : {}) });
    const { status, body } = await call("GET", `/api/audit-logs?${query}`);
    assert.equal(status, 200);
    assert.ok(body.data.length <= pageSize);
    rows.push(...body.data);
    cursor = body.nextCursor;
    assert.ok(++requests < 100, "paging does not end");
  } while (cursor);
  return rows;
}

const validProduct = () => ({
  title: "Test Lantern",
  sku: "TST-LAN",
  status: "draft",
  price: 42,
  categoryId: 1,
  tags: ["test"],
  description: "A lantern for tests.",
  dimensions: { width: 10, height: 20, depth: 10, unit: "cm" },
  supplier: { name: "Test Supplier", address: { city: "Testville" } },
  variants: [{ id: "tst-lan-1", sku: "TST-LAN-1", price: 42 }],
});

describe("records (the API @refinedev/simple-rest calls)", () => {
  test("lists a page with the total in x-total-count, sorted and filtered", async () => {
    const all = await call("GET", "/api/products");
    assert.equal(all.status, 200);
    assert.equal(all.body.length, 12, "the seed has a dozen products");

    const page = await call("GET", "/api/products?_start=2&_end=5&_sort=price&_order=desc");
    assert.equal(page.headers.get("x-total-count"), "12");
    const byPrice = [...all.body].sort((a, b) => b.price - a.price || a.id - b.id);
    assert.deepEqual(
      page.body.map((/** @type {{ id: number }} */ p) => p.id),
      byPrice.slice(2, 5).map((p) => p.id),
    );

    const lighting = await call("GET", "/api/products?categoryId=1");
    assert.ok(lighting.body.length > 0);
    assert.ok(lighting.body.every((/** @type {{ categoryId: number }} */ p) => p.categoryId === 1));

    const tagged = await call("GET", "/api/products?tags=jute");
    assert.deepEqual(
      tagged.body.map((/** @type {{ title: string }} */ p) => p.title),
      ["Jute Area Rug"],
    );
    const nested = await call("GET", `/api/products?supplier.address.country=${encodeURIComponent("France")}`);
    assert.ok(nested.body.length > 0 && nested.body.every((/** @type {any} */ p) => p.supplier.address.country === "France"));

    const search = await call("GET", "/api/products?q=walnut");
    assert.deepEqual(
      search.body.map((/** @type {{ title: string }} */ p) => p.title),
      ["Walnut Bookshelf"],
    );

    const many = await call("GET", "/api/products?id=2&id=3");
    assert.deepEqual(
      many.body.map((/** @type {{ id: number }} */ p) => p.id),
      [2, 3],
    );
  });

  test("creates, reads, patches (merging top-level fields) and deletes", async () => {
    const created = await call("POST", "/api/products", { json: validProduct() });
    assert.equal(created.status, 201);
    assert.equal(typeof created.body.id, "number");
    const id = created.body.id;

    const patched = await call("PATCH", `/api/products/${id}`, { json: { price: 45, dimensions: { width: 12, height: 20, depth: 10, unit: "cm" } } });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.price, 45);
    assert.equal(patched.body.title, "Test Lantern", "fields not in the patch are kept");

    const read = await call("GET", `/api/products/${id}`);
    assert.deepEqual(read.body, patched.body);

    const removed = await call("DELETE", `/api/products/${id}`);
    assert.equal(removed.status, 200);
    assert.equal((await call("GET", `/api/products/${id}`)).status, 404);
  });
});

describe("audit log", () => {
  test("pages newest first with { data, nextCursor } and every page joins up", async () => {
    const total = /** @type {{ n: number }} */ (demo.db.prepare("SELECT count(*) AS n FROM audit_logs WHERE resource = 'products'").get()).n;
    const rows = await readAllLogs("products");
    assert.equal(rows.length, total);
    assert.equal(new Set(rows.map((row) => row.id)).size, total, "no entry twice");
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].createdAt >= rows[i].createdAt, "newest first");
    const last = await call("GET", `/api/audit-logs?resource=products&pageSize=${total}`);
    assert.equal(last.body.nextCursor, undefined, "no cursor on the last page");
  });

  test("a record's history includes the bulk entries that list it in meta.ids", async () => {
    const lamp = await call("GET", "/api/products?sku=LGT-ARC");
    const id = lamp.body[0].id;
    const rows = await readAllLogs("products", id, 3);
    assert.ok(rows.length >= 3);
    assert.ok(rows.some((row) => row.action === "updateMany" && row.meta.ids.includes(id)));
    assert.ok(rows.every((row) => String(row.meta.id) === String(id) || row.meta.ids?.includes(id)));

    // The seeded history is true: replayed from the create, every entry's previousData is
    // what the record held at that moment, and the result is the stored record.
    const chronological = [...rows].reverse();
    assert.equal(chronological[0].action, "create");
    /** @type {Record<string, unknown>} */
    let state = { ...chronological[0].data };
    for (const row of chronological.slice(1)) {
      const bulk = Array.isArray(row.data);
      const patch = bulk ? { ...row.data.find((/** @type {{ id: number }} */ item) => item.id === id) } : row.data;
      const previous = bulk ? { ...row.previousData.find((/** @type {{ id: number }} */ item) => item.id === id) } : row.previousData;
      if (bulk) delete patch.id, delete previous.id;
      for (const key of Object.keys(patch)) assert.deepEqual(previous[key], state[key], `entry ${row.id}: previousData.${key}`);
      state = { ...state, ...patch };
    }
    const { id: _id, ...stored } = lamp.body[0];
    assert.deepEqual(state, stored);
  });

  test("each write writes its audit row: the true before and after values, the session's user, the server's clock", async () => {
    const started = new Date().toISOString();
    // Create: the record as stored is the row's data.
    const created = await call("POST", "/api/products", { json: validProduct() });
    assert.equal(created.status, 201);
    const id = created.body.id;
    const createdLog = await newestLog("products", id);
    assert.equal(createdLog.action, "create");
    assert.deepEqual(createdLog.data, validProduct());
    assert.equal(createdLog.previousData, undefined);
    assert.deepEqual(createdLog.meta, { id });
    assert.deepEqual(createdLog.author, DEMO_USER);
    assert.ok(createdLog.createdAt >= started && createdLog.createdAt <= new Date().toISOString(), "createdAt from the server's clock");

    // PATCH: data is what the write wrote, previousData the stored values of those keys.
    const patch = { price: 45, dimensions: { width: 12, height: 20, depth: 10, unit: "cm" } };
    assert.equal((await call("PATCH", `/api/products/${id}`, { json: patch })).status, 200);
    const patched = await newestLog("products", id);
    assert.equal(patched.action, "update");
    assert.deepEqual(patched.data, patch);
    assert.deepEqual(patched.previousData, { price: 42, dimensions: validProduct().dimensions });
    assert.deepEqual(patched.author, DEMO_USER);
    // Its changed field paths are stored with it: the leaves that changed and their parents.
    const paths = demo.db.prepare("SELECT path, kind FROM audit_log_fields WHERE log_id = ? ORDER BY path").all(patched.id);
    assert.deepEqual(paths, [
      { path: "dimensions", kind: 0 },
      { path: "dimensions.width", kind: 1 },
      { path: "price", kind: 1 },
    ]);

    // PUT replaces: data is the whole new record, previousData the old values of its keys and of those it dropped.
    const { tags: _tags, description: _description, ...replaced } = { ...validProduct(), title: "Replaced Lantern" };
    assert.equal((await call("PUT", `/api/products/${id}`, { json: replaced })).status, 200);
    const put = await newestLog("products", id);
    assert.deepEqual(put.data, replaced);
    assert.equal(put.previousData.title, "Test Lantern");
    assert.deepEqual(put.previousData.tags, ["test"], "a dropped key keeps its before-value");
    assert.equal(put.previousData.price, 45);

    // Delete: the whole deleted record.
    const before = (await call("GET", `/api/products/${id}`)).body;
    assert.equal((await call("DELETE", `/api/products/${id}`)).status, 200);
    const deleted = await newestLog("products", id);
    assert.equal(deleted.action, "delete");
    assert.deepEqual(deleted.previousData, before);
    assert.equal(deleted.data, undefined);

    // The history of the record adds up, newest first.
    assert.deepEqual(
      (await readAllLogs("products", id)).map((row) => row.action),
      ["delete", "update", "update", "create"],
    );
  });

  test("the author is the session's user, never what a client writes", async () => {
    // A body cannot carry an author into a record, and no header names one.
    const forged = await call("PATCH", "/api/products/2", { json: { author: { id: 1, name: "Amira Haddad" } }, headers: { "x-demo-user": "1" } });
    assert.equal(forged.status, 422);
    assert.equal((await call("PATCH", "/api/products/2", { json: { stock: 7 }, headers: { "x-demo-user": "1" } })).status, 200);
    assert.deepEqual((await newestLog("products", 2)).author, DEMO_USER);

    // The server's configured user is whom its sign-in signs in.
    const db = openDatabase(":memory:");
    const user = { id: "u-77", name: "Kai Tester", email: "kai@northwind.example" };
    const at = Date.parse("2031-05-04T03:02:01.000Z");
    const server = createDemoServer({ db, user, now: () => at });
    const baseUrl = `http://127.0.0.1:${await listen(server, 0)}`;
    try {
      const cookie = await signIn(baseUrl);
      const written = await fetch(`${baseUrl}/api/products/1`, { method: "PATCH", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ stock: 1 }) });
      assert.equal(written.status, 200);
      const row = /** @type {any} */ (db.prepare("SELECT * FROM audit_logs ORDER BY id DESC LIMIT 1").get());
      assert.deepEqual(JSON.parse(row.author), user);
      assert.deepEqual([row.author_id, row.author_name, row.author_email, row.author_label], ["u-77", "Kai Tester", "kai@northwind.example", "Kai Tester"]);
      assert.equal(row.created_at, "2031-05-04T03:02:01.000Z");
    } finally {
      server.closeAllConnections();
      server.close();
      db.close();
    }
  });

  test("the row is written in the write's transaction: when it cannot be written, nor is the change", async () => {
    const db = openDatabase(":memory:");
    const server = createDemoServer({ db });
    const baseUrl = `http://127.0.0.1:${await listen(server, 0)}`;
    const quiet = console.error;
    try {
      const cookie = await signIn(baseUrl);
      const before = snapshot(db);
      // The audit store refuses the row (as a full disk or a broken constraint would).
      db.exec("CREATE TRIGGER refuse BEFORE INSERT ON audit_log_fields BEGIN SELECT RAISE(ABORT, 'the audit store is full'); END;");
      console.error = () => {};
      const response = await fetch(`${baseUrl}/api/products/1`, { method: "PATCH", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ price: 1 }) });
      console.error = quiet;
      assert.equal(response.status, 500);
      db.exec("DROP TRIGGER refuse");
      assert.deepEqual(snapshot(db), before, "the record is unchanged and no row was written");
    } finally {
      console.error = quiet;
      server.closeAllConnections();
      server.close();
      db.close();
    }
  });

  test("a failed write writes no row", async () => {
    const before = snapshot();
    assert.equal((await call("PATCH", "/api/products/1", { json: { price: -1 } })).status, 422);
    assert.equal((await call("DELETE", "/api/categories/1")).status, 409);
    assert.equal((await call("PATCH", "/api/products/9999", { json: { price: 1 } })).status, 404);
    assert.equal((await call("POST", "/api/products", { json: { ...validProduct(), categoryId: 999 } })).status, 422);
    assert.deepEqual(snapshot(), before);
  });

  test("clients cannot post, forge or alter rows: POST /api/audit-logs is refused", async () => {
    const before = snapshot();
    const posted = await call("POST", "/api/audit-logs", { json: { resource: "products", action: "update", data: { price: 1 }, author: { id: 1 }, meta: { id: 1 } } });
    assert.equal(posted.status, 405);
    assert.equal(posted.body.message, "Audit entries are written by the server with each change.");
    assert.equal(posted.headers.get("allow"), "GET");
    for (const method of ["PUT", "DELETE"]) assert.equal((await call(method, "/api/audit-logs/1", { json: {} })).status, 405);
    assert.equal((await call("PATCH", "/api/audit-logs/1", { json: { name: "x", data: { price: 0 } } })).status, 422);
    assert.deepEqual(snapshot(), before);
  });

  test("a restore's headers go into the row's meta, checked: an entry of the same record, restore or revert", async () => {
    const [oldest] = (await readAllLogs("products", 3, 50)).slice(-1);
    assert.equal(oldest.action, "create");
    const before = (await call("GET", "/api/products/3")).body;
    const values = { price: oldest.data.price, stock: oldest.data.stock };
    const restore = { "x-audit-restored-from": String(oldest.id), "x-audit-restore-kind": "restore" };
    assert.equal((await call("PATCH", "/api/products/3", { json: values, headers: restore })).status, 200);
    const logged = await newestLog("products", 3);
    assert.deepEqual(logged.meta, { id: 3, restoredFrom: oldest.id, restoreKind: "restore" });
    assert.deepEqual(logged.data, values);
    assert.deepEqual(logged.previousData, { price: before.price, stock: before.stock });
    assert.deepEqual((await call("GET", `/api/audit-logs/${logged.id}`)).body.meta, logged.meta);

    const revert = await call("PATCH", "/api/products/3", { json: { stock: before.stock }, headers: { "x-audit-restored-from": String(logged.id), "x-audit-restore-kind": "revert" } });
    assert.equal(revert.status, 200);
    assert.equal((await newestLog("products", 3)).meta.restoreKind, "revert");

    const [otherRecords] = await readAllLogs("products", 4, 1);
    const categoryEntry = (await readAllLogs("categories", 1, 1))[0];
    const snap = snapshot();
    /** @type {Array<[string, Record<string, string>, number, RegExp]>} */
    const bad = [
      ["PATCH", { "x-audit-restored-from": String(oldest.id) }, 400, /go together/],
      ["PATCH", { "x-audit-restore-kind": "restore" }, 400, /go together/],
      ["PATCH", { "x-audit-restored-from": "abc", "x-audit-restore-kind": "restore" }, 400, /id of an audit log entry/],
      ["PATCH", { "x-audit-restored-from": String(oldest.id), "x-audit-restore-kind": "undo" }, 400, /"restore" or "revert"/],
      ["PATCH", { "x-audit-restored-from": String(otherRecords.id), "x-audit-restore-kind": "restore" }, 422, /not in the history of products 3/],
      ["PATCH", { "x-audit-restored-from": String(categoryEntry.id), "x-audit-restore-kind": "restore" }, 422, /not in the history of products 3/],
      ["PATCH", { "x-audit-restored-from": "999999", "x-audit-restore-kind": "restore" }, 422, /not in the history/],
      ["DELETE", restore, 400, /A restore updates a record/],
    ];
    for (const [method, headers, status, message] of bad) {
      const response = await call(method, "/api/products/3", { json: method === "DELETE" ? undefined : values, headers });
      assert.equal(response.status, status, JSON.stringify(headers));
      assert.match(response.body.message, message);
    }
    const created = await call("POST", "/api/products", { json: validProduct(), headers: restore });
    assert.equal(created.status, 400);
    assert.deepEqual(snapshot(), snap, "nothing written");
  });

  test("sessions: an HttpOnly SameSite cookie, and every write needs one", async () => {
    const signedIn = await fetch(`${demo.baseUrl}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const cookie = String(signedIn.headers.get("set-cookie"));
    assert.match(cookie, /^demo_session=[A-Za-z0-9_-]{43}; Path=\/api; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    assert.deepEqual((await signedIn.json()).user, DEMO_USER);
    const token = cookie.split(";")[0];
    assert.equal((await call("GET", "/api/session", { signedIn: false, headers: { cookie: token } })).status, 200);
    // The database keeps a hash of the token, not the token.
    const stored = demo.db.prepare("SELECT token_hash FROM sessions").all().map((/** @type {any} */ row) => row.token_hash);
    assert.ok(!stored.includes(token.split("=")[1]));

    const before = snapshot();
    for (const headers of /** @type {Array<Record<string, string>>} */ ([{}, { cookie: "demo_session=" + "x".repeat(43) }, { cookie: "demo_session=short" }])) {
      for (const [method, path, json] of /** @type {Array<[string, string, unknown]>} */ ([
        ["POST", "/api/products", validProduct()],
        ["PATCH", "/api/products/1", { price: 1 }],
        ["PUT", "/api/products/1", validProduct()],
        ["DELETE", "/api/products/1", undefined],
        ["PATCH", "/api/audit-logs/1", { name: "Nope" }],
      ])) {
        const response = await call(method, path, { json, signedIn: false, headers });
        assert.equal(response.status, 401, `${method} ${path} ${JSON.stringify(headers)}`);
        assert.match(response.body.message, /Sign in first/);
      }
    }
    assert.equal((await call("GET", "/api/session", { signedIn: false })).status, 401);
    assert.deepEqual(snapshot(), before);

    // Signing out ends the session.
    const out = await call("DELETE", "/api/session", { signedIn: false, headers: { cookie: token } });
    assert.match(String(out.headers.get("set-cookie")), /Max-Age=0/);
    assert.equal((await call("PATCH", "/api/products/1", { json: { price: 1 }, signedIn: false, headers: { cookie: token } })).status, 401);
    // A session body is JSON, like every write.
    assert.equal((await call("POST", "/api/session", { body: "{}", headers: { "content-type": "text/plain" }, signedIn: false })).status, 415);
  });

  test("a sign-in replaces the session the request holds, and the sessions are capped", async () => {
    const count = (/** @type {import("better-sqlite3").Database} */ db = demo.db) => /** @type {{ n: number }} */ (db.prepare("SELECT count(*) AS n FROM sessions").get()).n;
    const whoIs = async (/** @type {string} */ cookie, baseUrl = demo.baseUrl) => (await call("GET", "/api/session", { signedIn: false, headers: { cookie }, baseUrl })).status;
    /** POST /api/session, with a cookie or none; the new cookie. @param {string} baseUrl @param {string} [cookie] */
    const post = async (baseUrl, cookie) => {
      const response = await fetch(`${baseUrl}/api/session`, { method: "POST", headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) }, body: "{}" });
      assert.equal(response.status, 201);
      return String(response.headers.get("set-cookie")).split(";")[0];
    };

    // Signed in, signing in again swaps the session: the old one ends, no row is added.
    const first = await post(demo.baseUrl);
    const rows = count();
    const second = await post(demo.baseUrl, first);
    assert.notEqual(second, first);
    assert.equal(count(), rows, "the old session was replaced, not kept");
    assert.equal(await whoIs(first), 401, "the old cookie is signed out");
    assert.equal(await whoIs(second), 200);
    // Again and again: still one row for this client.
    let cookie = second;
    for (let i = 0; i < 20; i++) cookie = await post(demo.baseUrl, `other=1; ${cookie}`);
    assert.equal(count(), rows);
    assert.equal(await whoIs(cookie), 200);

    // Anonymous sign-ins beyond the cap end the oldest sessions.
    const db = openDatabase(":memory:");
    let at = Date.parse("2031-01-01T00:00:00.000Z");
    const server = createDemoServer({ db, maxSessions: 5, now: () => (at += 1000) });
    const baseUrl = `http://127.0.0.1:${await listen(server, 0)}`;
    try {
      const cookies = [];
      for (let i = 0; i < 12; i++) cookies.push(await post(baseUrl));
      assert.equal(count(db), 5, "at most maxSessions rows");
      for (const [index, each] of cookies.entries()) assert.equal(await whoIs(each, baseUrl), index < 7 ? 401 : 200, `session ${index}`);
    } finally {
      server.closeAllConnections();
      server.close();
      db.close();
    }

    // The default cap is 1,000 (even when the clock gives every session the same instant).
    const many = openDatabase(":memory:");
    const capped = createDemoServer({ db: many, now: () => Date.parse("2031-01-01T00:00:00.000Z") });
    const cappedUrl = `http://127.0.0.1:${await listen(capped, 0)}`;
    try {
      const insert = many.prepare("INSERT INTO sessions (token_hash, user, created_at, expires_at) VALUES (?, '{}', ?, '2099-01-01T00:00:00.000Z')");
      many.transaction(() => {
        for (let i = 0; i < 1_200; i++) insert.run(`old-${i}`, "2031-01-01T00:00:00.000Z");
      })();
      const newest = await post(cappedUrl);
      assert.equal(count(many), 1_000);
      assert.equal(await whoIs(newest, cappedUrl), 200, "the new session is kept");
      assert.equal(many.prepare("SELECT 1 FROM sessions WHERE token_hash = 'old-0'").get(), undefined, "the oldest went first");
      assert.ok(many.prepare("SELECT 1 FROM sessions WHERE token_hash = 'old-1199'").get());
    } finally {
      capped.closeAllConnections();
      capped.close();
      many.close();
    }
    assert.throws(() => createDemoServer({ db: demo.db, maxSessions: 0 }), /maxSessions/);
  });

  test("answers only requests for its own host names: another (DNS rebinding) gets a 421", async () => {
    const port = new URL(demo.baseUrl).port;
    const before = snapshot();
    for (const host of [`evil.example:${port}`, "evil.example", `127.0.0.1.evil.example:${port}`, `localhost.evil.example`, `user@127.0.0.1:${port}`, "192.168.1.10"]) {
      for (const [method, path, body] of /** @type {Array<[string, string, string | undefined]>} */ ([
        ["GET", "/api/products", undefined],
        ["GET", "/api/session", undefined],
        ["POST", "/api/session", "{}"],
        ["PATCH", "/api/products/1", '{"price":1}'],
        ["GET", "/photos/arc-floor-lamp.svg", undefined],
        ["GET", "/", undefined],
      ])) {
        const response = await requestAs(demo.baseUrl, path, { method, host, body, headers: { cookie: session, ...(body ? { "content-type": "application/json" } : {}) } });
        assert.equal(response.status, 421, `${method} ${path} for Host "${host}"`);
        assert.match(response.headers["content-type"] ?? "", /^application\/json/);
        assert.match(response.body.message, /answers requests for 127\.0\.0\.1, localhost, \[::1\] only/);
        assert.equal(response.headers["set-cookie"], undefined);
      }
    }
    // No Host at all (HTTP/1.0; Node itself refuses an HTTP/1.1 request without one).
    const bare = await new Promise((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => socket.end("GET /api/products HTTP/1.0\r\n\r\n"));
      let text = "";
      socket.on("data", (chunk) => (text += chunk));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    assert.match(String(bare), /^HTTP\/1\.1 421 [\s\S]*no Host header/);
    assert.deepEqual(snapshot(), before, "nothing was written");
    // Its own names, with or without the port, in any case: answered.
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "LocalHost", `[::1]:${port}`, "127.0.0.1"]) {
      assert.equal((await requestAs(demo.baseUrl, "/api/products/1", { host })).status, 200, host);
    }

    // More names through allowedHosts.
    const db = openDatabase(":memory:");
    const server = createDemoServer({ db, allowedHosts: ["demo.internal", "::2"] });
    const baseUrl = `http://127.0.0.1:${await listen(server, 0)}`;
    try {
      for (const host of ["demo.internal:8080", "DEMO.internal", "[::2]:80", "localhost"]) assert.equal((await requestAs(baseUrl, "/api/products/1", { host })).status, 200, host);
      for (const host of ["other.internal", "internal", "demo.internal.evil.example"]) assert.equal((await requestAs(baseUrl, "/api/products/1", { host })).status, 421, host);
    } finally {
      server.closeAllConnections();
      server.close();
      db.close();
    }
    for (const bad of ["demo.internal:8080", "[::1]:80", "a b", "http://demo.internal"]) assert.throws(() => createDemoServer({ db: demo.db, allowedHosts: [bad] }), /allowedHosts/, bad);
  });

  test(
    "main.mjs answers to the HOST it listens on (and DEMO_ALLOWED_HOSTS)",
    { skip: process.platform !== "linux" && "127.0.0.2 is a loopback address on Linux only" },
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "refine-audit-demo-main-"));
      const child = spawn(process.execPath, [new URL("../server/main.mjs", import.meta.url).pathname], {
        env: { ...process.env, HOST: "127.0.0.2", PORT: "0", DEMO_DB: path.join(dir, "demo.sqlite"), DEMO_ALLOWED_HOSTS: "demo.internal, other.internal" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      try {
        const baseUrl = await new Promise((resolve, reject) => {
          let out = "";
          child.stdout.on("data", (chunk) => {
            out += chunk;
            const found = /API server on (http:\/\/127\.0\.0\.2:\d+)\/api/.exec(out);
            if (found) resolve(found[1]);
          });
          child.stderr.on("data", (chunk) => (out += chunk));
          child.once("exit", (code) => reject(new Error(`main.mjs exited (${code}): ${out}`)));
        });
        const port = new URL(baseUrl).port;
        for (const host of [`127.0.0.2:${port}`, `localhost:${port}`, "demo.internal", "other.internal:1"]) assert.equal((await requestAs(baseUrl, "/api/products/1", { host })).status, 200, host);
        assert.equal((await requestAs(baseUrl, "/api/products/1", { host: "evil.example" })).status, 421);
      } finally {
        await new Promise((resolve) => {
          if (child.exitCode !== null) return resolve(undefined);
          child.once("exit", resolve);
          child.kill("SIGTERM");
        });
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  test("the query contract over HTTP: filters, sorting, pages, total; the old paging has no total", async () => {
    const v1 = await call("GET", "/api/audit-logs?resource=products&field=price&_pageSize=3&_total=1");
    assert.equal(v1.status, 200);
    assert.deepEqual(Object.keys(v1.body).sort(), ["data", "nextCursor", "total"]);
    assert.equal(v1.body.data.length, 3);
    assert.ok(v1.body.total > 3);
    for (const row of v1.body.data) assert.ok(JSON.stringify(row.data ?? row.previousData).includes("price"), `entry ${row.id} changed the price`);
    const next = await call("GET", `/api/audit-logs?resource=products&field=price&_pageSize=3&_cursor=${v1.body.nextCursor}`);
    assert.equal(next.body.total, null);
    assert.ok(next.body.data.every((/** @type {{ id: number }} */ row) => !v1.body.data.some((/** @type {{ id: number }} */ seen) => seen.id === row.id)));
    const page = await call("GET", "/api/audit-logs?resource=products&_sort=author,createdAt&_order=asc,desc&_page=2&_pageSize=5&_total=1");
    assert.equal(page.body.data.length, 5);
    assert.equal("nextCursor" in page.body, false);
    const legacy = await call("GET", "/api/audit-logs?resource=products&pageSize=2");
    assert.deepEqual(Object.keys(legacy.body).sort(), ["data", "nextCursor"]);
    for (const [query, message] of [
      ["resource=products&_sort=price", /_sort: "price" is not a sort field/],
      ["resource=products&from=soon", /from must be an ISO 8601 instant/],
      ["resource=products&_cursor=zzz", /_cursor is not a cursor/],
      ["resource=products&_pageSize=500", /_pageSize must be a whole number from 1 to 200/],
    ]) {
      const response = await call("GET", `/api/audit-logs?${query}`);
      assert.equal(response.status, 400, String(query));
      assert.match(response.body.message, /** @type {RegExp} */ (message));
    }
    assert.equal((await call("GET", "/api/audit-logs?resource=orders&_pageSize=5")).status, 404);
  });

  test("names an entry (signed in), and removes the name with an empty one", async () => {
    const [entry] = (await call("GET", "/api/audit-logs?resource=categories&pageSize=1")).body.data;
    const before = snapshot();
    const anonymous = await call("PATCH", `/api/audit-logs/${entry.id}`, { json: { name: "Sneaky" }, signedIn: false });
    assert.equal(anonymous.status, 401);
    assert.deepEqual(snapshot(), before);
    const renamed = await call("PATCH", `/api/audit-logs/${entry.id}`, { json: { name: "  Before the autumn catalogue  " } });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.name, "Before the autumn catalogue");
    assert.equal(renamed.body.resource, "categories");
    assert.equal((await call("GET", `/api/audit-logs/${entry.id}`)).body.name, "Before the autumn catalogue");
    const cleared = await call("PATCH", `/api/audit-logs/${entry.id}`, { json: { name: "" } });
    assert.equal(cleared.body.name, undefined);
  });
});

describe("bad input: a clear 4xx, and nothing written", () => {
  /**
   * @param {string} method
   * @param {string} path
   * @param {Parameters<typeof call>[2]} options
   * @param {number} status
   * @param {RegExp} message
   */
  async function rejects(method, path, options, status, message) {
    const before = snapshot();
    const response = await call(method, path, options);
    assert.equal(response.status, status, `${method} ${path}: ${JSON.stringify(response.body)}`);
    assert.match(response.body.message, message);
    assert.deepEqual(snapshot(), before, "nothing was written");
    return response;
  }

  test("invalid JSON", async () => {
    await rejects("POST", "/api/products", { body: '{"title": "Lamp",' }, 400, /not valid JSON/);
    await rejects("PATCH", "/api/products/1", { body: "{price: 5}" }, 400, /not valid JSON/);
    await rejects("POST", "/api/audit-logs", { body: "not json" }, 405, /written by the server/);
    await rejects("PATCH", "/api/audit-logs/1", { body: "" }, 400, /empty/);
    await rejects("POST", "/api/products", { body: "[1, 2]" }, 400, /must be a JSON object/);
    await rejects("POST", "/api/products", { body: "{}", headers: { "content-type": "text/plain" } }, 415, /JSON/);
  });

  test("audit-log queries the engines cannot take, and searches too costly to run: a 400 naming the parameter", async () => {
    const timeCursor = (/** @type {string} */ time) => Buffer.from(JSON.stringify({ v: 1, s: "createdAt:desc", k: [time, 5] })).toString("base64url");
    /** @type {Array<[string, RegExp]>} */
    const cases = [
      ["q=ab+cd+ef+gh&_total=1", /q can hold at most 3 words, not 4/],
      ["q=a+b+c+d+e+f+g+h+i+j&_total=1", /q can hold at most 3 words/],
      ["q=lamp+a", /Each word in q needs at least 2 characters, not "a"/],
      ["q=x", /Each word in q needs at least 2 characters/],
      ["q=ab%00cd", /q must not hold a NUL character/],
      ["author=Dana%00", /author must not hold a NUL character/],
      ["field=price%00", /field must not hold a NUL character/],
      ["id=1%00", /id must not hold a NUL character/],
      ["action=update%00&_pageSize=5", /action must not hold a NUL character/],
      [`_cursor=${timeCursor("0000-01-01T00:00+00:01")}`, /_cursor is not a cursor/],
      [`_cursor=${timeCursor("9999-12-31T23:59:59.999-23:59")}`, /_cursor is not a cursor/],
      [`_sort=action&_cursor=${Buffer.from(JSON.stringify({ v: 1, s: "action:asc", k: ["up\u0000", 5] })).toString("base64url")}`, /_cursor is not a cursor/],
    ];
    for (const [query, message] of cases) await rejects("GET", `/api/audit-logs?resource=products&${query}`, {}, 400, message);
    await rejects("GET", "/api/audit-logs?resource=products%00&_pageSize=5", {}, 400, /resource must not hold a NUL character/);
    // Up to three words of two characters or more: searched.
    const found = await call("GET", "/api/audit-logs?resource=products&q=dana+whitfield+up&_pageSize=5&_total=1");
    assert.equal(found.status, 200);
    assert.ok(found.body.total > 0 && found.body.data.every((/** @type {any} */ row) => row.author.name === "Dana Whitfield" && row.action.startsWith("up")));
  });

  test("unknown resources", async () => {
    await rejects("GET", "/api/orders", {}, 404, /Unknown resource "orders"/);
    await rejects("POST", "/api/orders", { json: { total: 5 } }, 404, /Unknown resource/);
    await rejects("GET", "/api/audit-logs?resource=orders", {}, 404, /Unknown resource/);
    await rejects("POST", "/api/audit-logs", { json: { resource: "orders", action: "create", meta: { id: 1 } } }, 405, /written by the server/);
    await rejects("GET", "/api/products/9999", {}, 404, /no record 9999/);
    await rejects("PATCH", "/api/products/abc", { json: { price: 1 } }, 404, /no record/);
  });

  test("oversized bodies", async () => {
    const huge = { ...validProduct(), description: "x".repeat(200 * 1024) };
    await rejects("POST", "/api/products", { json: huge }, 413, /too large/);
    await rejects("PATCH", "/api/products/1", { json: huge }, 413, /too large/);
    await rejects("POST", "/api/audit-logs", { json: { resource: "products", action: "update", data: huge, meta: { id: 1 } } }, 405, /written by the server/);
    // The server still answers on the same origin afterwards.
    assert.equal((await call("GET", "/api/products/1")).status, 200);
  });

  test("a rename of an entry that does not exist", async () => {
    await rejects("PATCH", "/api/audit-logs/999999", { json: { name: "Ghost" } }, 404, /no audit log entry 999999/);
    await rejects("PATCH", "/api/audit-logs/not-a-number", { json: { name: "Ghost" } }, 404, /no audit log entry/);
    await rejects("PATCH", "/api/audit-logs/1", { json: { name: "x".repeat(121) } }, 422, /at most 120/);
    await rejects("PATCH", "/api/audit-logs/1", { json: { name: "Fine", data: { price: 0 } } }, 422, /Only "name"/);
  });

  test("invalid records, references and requests", async () => {
    const invalid = await rejects("POST", "/api/products", { json: { ...validProduct(), price: -5, title: "" } }, 422, /Invalid record/);
    assert.ok(invalid.body.errors.price && invalid.body.errors.title, "errors by field");
    await rejects("POST", "/api/products", { json: { ...validProduct(), categoryId: 999 } }, 422, /category 999 does not exist/);
    await rejects("PATCH", "/api/products/1", { json: { dimensions: { width: "wide" } } }, 422, /dimensions.width must be a number/);
    await rejects("PATCH", "/api/products/1", { json: { colour: "red" } }, 422, /colour is not a known field/);
    // Keys that are Object.prototype's names are unknown fields like any other (not a 500).
    for (const key of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
      const body = `{"stock":6,${JSON.stringify(key)}:{}}`;
      const patched = await rejects("PATCH", "/api/products/1", { body }, 422, new RegExp(`${key} is not a known field`));
      assert.deepEqual(Object.keys(patched.body.errors), [key]);
      await rejects("PUT", "/api/products/1", { body: JSON.stringify(validProduct()).replace(/^\{/, `{${JSON.stringify(key)}:1,`) }, 422, new RegExp(`${key} is not a known field`));
      await rejects("POST", "/api/products", { body: JSON.stringify(validProduct()).replace(/^\{/, `{${JSON.stringify(key)}:[],`) }, 422, new RegExp(`${key} is not a known field`));
      await rejects("PATCH", "/api/products/1", { body: `{"dimensions":{"width":3,${JSON.stringify(key)}:1}}` }, 422, new RegExp(`dimensions\\.${key} is not a known field`));
      await rejects("PATCH", "/api/categories/1", { body: `{${JSON.stringify(key)}:"x"}` }, 422, new RegExp(`${key} is not a known field`));
    }
    await rejects("PATCH", "/api/products/1", { json: { id: 2, price: 5 } }, 400, /not the id in the URL/);
    await rejects("DELETE", "/api/categories/1", {}, 409, /used by \d+ products/);
    await rejects("GET", "/api/products?_sort=price;drop", {}, 400, /not a field name/);
    await rejects("GET", "/api/audit-logs?resource=products&cursor=bogus", {}, 400, /cursor/);
    await rejects("GET", "/api/audit-logs?resource=products&pageSize=0", {}, 400, /pageSize/);
    await rejects("GET", "/api/audit-logs", {}, 400, /resource/);
    await rejects("PUT", "/api/products", { json: validProduct() }, 405, /not allowed/);
    await rejects("POST", "/api/audit-logs", { json: { resource: "products", action: "update", createdAt: "1999-01-01" } }, 405, /written by the server/);
  });
});

describe("product photos", () => {
  test("are served from server/photos, each seeded product's among them", async () => {
    const { body: products } = await call("GET", "/api/products");
    assert.ok(products.length > 0 && products.every((/** @type {{ photo?: string }} */ p) => typeof p.photo === "string" && p.photo.startsWith("/photos/")));
    for (const product of products) {
      const response = await fetch(demo.baseUrl + product.photo);
      assert.equal(response.status, 200, product.photo);
      assert.equal(response.headers.get("content-type"), "image/svg+xml");
      // Opened on its own, an SVG runs nothing and loads nothing.
      assert.match(response.headers.get("content-security-policy") ?? "", /default-src 'none'.*sandbox/);
      assert.match(await response.text(), /^<svg /);
    }
    const head = await fetch(`${demo.baseUrl}${products[0].photo}`, { method: "HEAD" });
    assert.equal(head.status, 200);
  });

  test("nothing else is served under /photos", async () => {
    for (const url of ["/photos/", "/photos/missing.svg", "/photos/..%2Fapp.mjs", "/photos/%2e%2e/database.mjs", "/photos/../server/app.mjs"]) {
      const response = await fetch(demo.baseUrl + url);
      assert.equal(response.status, 404, url);
      assert.match(response.headers.get("content-type") ?? "", /^application\/json/, url);
    }
    assert.equal((await fetch(`${demo.baseUrl}/photos/arc-floor-lamp.svg`, { method: "POST" })).status, 404);
  });

  test("a product's photo is a path under /photos/, or null for none", async () => {
    const { body: product } = await call("POST", "/api/products", { json: { ...validProduct(), photo: "/photos/chefs-knife.svg" } });
    assert.equal(product.photo, "/photos/chefs-knife.svg");
    for (const photo of ["https://tracker.example/pixel.png", "/photos/../app.mjs", "photos/chefs-knife.svg", "/photos/Chefs Knife.svg", "/photos/chefs-knife.html", 42]) {
      const before = snapshot();
      const response = await call("PATCH", `/api/products/${product.id}`, { json: { photo } });
      assert.equal(response.status, 422, String(photo));
      assert.deepEqual(Object.keys(response.body.errors), ["photo"]);
      assert.deepEqual(snapshot(), before, "nothing written");
    }
    const removed = await call("PATCH", `/api/products/${product.id}`, { json: { photo: null } });
    assert.equal(removed.status, 200);
    assert.equal(removed.body.photo, null);
  });

  test("a database from before photos gets them, with an entry each in the history", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "refine-audit-demo-migrate-")), "demo.sqlite");
    try {
      let db = openDatabase(file);
      const count = db.prepare("SELECT id FROM products").all().length;
      // As a database made before photos: no photo, no data version.
      db.prepare("UPDATE products SET doc = json_remove(doc, '$.photo')").run();
      db.prepare("DELETE FROM settings WHERE key = 'dataVersion'").run();
      const entries = /** @type {{ n: number }} */ (db.prepare("SELECT count(*) AS n FROM audit_logs").get()).n;
      db.close();

      db = openDatabase(file);
      const migrated = db.prepare("SELECT id, json_extract(doc, '$.photo') AS photo FROM products ORDER BY id").all();
      assert.equal(migrated.length, count);
      assert.ok(migrated.every((/** @type {any} */ row) => typeof row.photo === "string" && row.photo.startsWith("/photos/")));
      const logged = /** @type {any[]} */ (db.prepare("SELECT id, record_id, data, name, author_label FROM audit_logs WHERE id > ? ORDER BY id").all(entries));
      assert.deepEqual(
        logged.map((row) => [row.record_id, JSON.parse(row.data).photo, row.name, row.author_label]),
        migrated.map((/** @type {any} */ row) => [String(row.id), row.photo, "Photos added", "Northwind data migration"]),
      );
      // Their field paths and records, as the server writes them.
      for (const row of logged) {
        assert.deepEqual(db.prepare("SELECT path FROM audit_log_fields WHERE log_id = ?").all(row.id), [{ path: "photo" }]);
        assert.deepEqual(db.prepare("SELECT record_id FROM audit_log_records WHERE log_id = ?").all(row.id), [{ record_id: row.record_id }]);
      }
      db.close();
      // Once only.
      db = openDatabase(file);
      assert.equal(/** @type {{ n: number }} */ (db.prepare("SELECT count(*) AS n FROM audit_logs").get()).n, entries + logged.length);
      assert.deepEqual(db.prepare("SELECT n FROM audit_log_counts WHERE resource = 'products'").get(), db.prepare("SELECT count(*) AS n FROM audit_logs WHERE resource = 'products'").get());
      db.close();
    } finally {
      rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe("databases made by older versions of the demo", () => {
  test("one from before the server wrote the audit rows (pending_writes, no author columns) opens and is brought up to date", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "refine-audit-demo-v1-")), "demo.sqlite");
    try {
      // The schema and rows as the demo wrote them when clients posted the entries.
      const old = new Database(file);
      old.exec(`
        CREATE TABLE categories (id INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL CHECK (json_valid(doc)));
        CREATE TABLE products (id INTEGER PRIMARY KEY AUTOINCREMENT, doc TEXT NOT NULL CHECK (json_valid(doc)));
        CREATE TABLE audit_logs (
          id INTEGER PRIMARY KEY AUTOINCREMENT, resource TEXT NOT NULL, action TEXT NOT NULL, record_id TEXT, created_at TEXT NOT NULL,
          author TEXT CHECK (author IS NULL OR json_valid(author)), name TEXT,
          data TEXT CHECK (data IS NULL OR json_valid(data)), previous_data TEXT CHECK (previous_data IS NULL OR json_valid(previous_data)),
          meta TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta)));
        CREATE INDEX audit_logs_by_time ON audit_logs (resource, created_at DESC, id DESC);
        CREATE INDEX audit_logs_by_record ON audit_logs (resource, record_id);
        CREATE TABLE pending_writes (id INTEGER PRIMARY KEY AUTOINCREMENT, client_id TEXT NOT NULL, resource TEXT NOT NULL, record_id TEXT NOT NULL,
          action TEXT NOT NULL, before TEXT, written_at INTEGER NOT NULL);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO settings VALUES ('seededAt', '2024-01-01T00:00:00.000Z'), ('dataVersion', '1');
        INSERT INTO categories (doc) VALUES ('{"title":"Lighting","slug":"lighting"}');
        INSERT INTO products (doc) VALUES ('{"title":"Lamp","sku":"L-1","status":"active","price":12,"categoryId":1}');
        INSERT INTO audit_logs (resource, action, record_id, created_at, author, name, data, previous_data, meta) VALUES
          ('products', 'create', '1', '2024-01-02T10:00:00.000Z', '{"id":5,"name":"Dana Whitfield"}', NULL, '{"title":"Lamp","price":10}', NULL, '{"id":1}'),
          ('products', 'update', '1', '2024-01-03T10:00:00.000Z', '{"id":2,"email":"jonas@northwind.example"}', '  ', '{"price":12}', '{"price":10}', '{"id":"1"}'),
          ('products', 'updateMany', NULL, '2024-01-04T10:00:00.000Z', NULL, 'Review', '[{"id":1,"price":12}]', '[{"id":1,"price":11}]', '{"ids":[1]}');
        INSERT INTO pending_writes (client_id, resource, record_id, action, before, written_at) VALUES ('tab', 'products', '1', 'update', '{}', 0);
      `);
      old.close();

      const db = openDatabase(file);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((/** @type {any} */ row) => row.name);
      assert.ok(!tables.includes("pending_writes"), "pending_writes is gone");
      assert.deepEqual(
        db.prepare("SELECT author_id, author_name, author_email, author_label, name FROM audit_logs ORDER BY id").all(),
        [
          { author_id: "5", author_name: "Dana Whitfield", author_email: null, author_label: "Dana Whitfield", name: null },
          { author_id: "2", author_name: null, author_email: "jonas@northwind.example", author_label: "jonas@northwind.example", name: null },
          { author_id: null, author_name: null, author_email: null, author_label: "", name: "Review" },
        ],
      );
      assert.deepEqual(db.prepare("SELECT log_id, path FROM audit_log_fields ORDER BY log_id, path").all(), [
        { log_id: 1, path: "price" },
        { log_id: 1, path: "title" },
        { log_id: 2, path: "price" },
        { log_id: 3, path: "price" },
      ]);
      assert.deepEqual(db.prepare("SELECT log_id, record_id FROM audit_log_records ORDER BY log_id").all(), [
        { log_id: 1, record_id: "1" },
        { log_id: 2, record_id: "1" },
        { log_id: 3, record_id: "1" },
      ]);
      assert.deepEqual(db.prepare("SELECT resource, n FROM audit_log_counts").all(), [{ resource: "products", n: 3 }]);
      const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_logs' AND sql IS NOT NULL").all().map((/** @type {any} */ row) => row.name);
      assert.ok(indexes.includes("audit_logs_by_time") && indexes.includes("audit_logs_by_author_id") && !indexes.includes("audit_logs_by_record"), indexes.join(", "));
      db.close();

      // The server runs on it: queries, and new rows with every column.
      const reopened = openDatabase(file);
      const server = createDemoServer({ db: reopened });
      const baseUrl = `http://127.0.0.1:${await listen(server, 0)}`;
      try {
        const history = await call("GET", "/api/audit-logs?resource=products&id=1&field=price&_pageSize=10&_total=1", { baseUrl, signedIn: false });
        assert.deepEqual(
          history.body.data.map((/** @type {{ id: number }} */ row) => row.id),
          [3, 2, 1],
        );
        assert.equal(history.body.total, 3);
        const cookie = await signIn(baseUrl);
        const written = await call("PATCH", "/api/products/1", { json: { price: 14 }, baseUrl, signedIn: false, headers: { cookie } });
        assert.equal(written.status, 200);
        const row = /** @type {any} */ (reopened.prepare("SELECT * FROM audit_logs ORDER BY id DESC LIMIT 1").get());
        assert.deepEqual([row.author_label, JSON.parse(row.previous_data).price, row.record_id], ["Dana Whitfield", 12, "1"]);
      } finally {
        server.closeAllConnections();
        server.close();
        reopened.close();
      }
    } finally {
      rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
