// @ts-check
// The demo's REST server over plain HTTP (no browser): the record API @refinedev/simple-rest
// speaks, the audit log with true previousData and the paging convention, and bad input
// (each rejected with a clear 4xx that writes nothing); product photos and the migration
// that gives them to older databases.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { openDatabase } from "../server/database.mjs";
import { startDemo } from "./harness.mjs";

/** @type {Awaited<ReturnType<typeof startDemo>>} */
let demo;

before(async () => {
  demo = await startDemo({ bodyLimit: 64 * 1024 });
});
after(async () => {
  await demo?.close();
});

/**
 * @param {string} method
 * @param {string} path
 * @param {{ json?: unknown, body?: string, headers?: Record<string, string> }} [options]
 */
async function call(method, path, { json, body, headers = {} } = {}) {
  const response = await fetch(demo.baseUrl + path, {
    method,
    headers: { ...(json !== undefined || body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Every row of every table, to prove a rejected request changed nothing. */
function snapshot() {
  const dump = (/** @type {string} */ table) => demo.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  return { products: dump("products"), categories: dump("categories"), auditLogs: dump("audit_logs"), pending: dump("pending_writes") };
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

  test("an update's entry gets previousData from the stored record, for the keys it wrote", async () => {
    const before = (await call("GET", "/api/products/2")).body;
    const headers = { "x-demo-client": "tab-a" };
    const patch = { ...before, description: `${before.description} Now with a longer cable.`, dimensions: { ...before.dimensions, width: before.dimensions.width + 3 } };
    delete patch.id;
    assert.equal((await call("PATCH", "/api/products/2", { json: patch, headers })).status, 200);

    // Another tab's entry for the same record does not take this write's before-image.
    const other = await call("POST", "/api/audit-logs", { json: { resource: "products", action: "update", data: { stock: 1 }, previousData: {}, meta: { id: 2 } }, headers: { "x-demo-client": "tab-b" } });
    assert.equal(other.status, 201);
    assert.deepEqual(other.body.previousData, {}, "kept as sent: no write of tab-b to pair with");

    // What Refine v5 sends: the patch as data, previousData with every value undefined ({} in JSON).
    const logged = await call("POST", "/api/audit-logs", {
      json: { resource: "products", action: "update", data: patch, previousData: {}, author: { id: 5, name: "Dana Whitfield" }, meta: { id: "2", dataProviderName: "default" } },
      headers,
    });
    assert.equal(logged.status, 201);
    const expected = { ...before };
    delete expected.id;
    assert.deepEqual(logged.body.previousData, expected);
    assert.equal(logged.body.previousData.dimensions.width, before.dimensions.width);
    assert.deepEqual(logged.body.data, patch);
    assert.deepEqual(logged.body.author, { id: 5, name: "Dana Whitfield" });

    // The pre-image is used once: a second entry for the same write has nothing to pair with.
    const again = await call("POST", "/api/audit-logs", { json: { resource: "products", action: "update", data: { price: 1 }, meta: { id: 2 } }, headers });
    assert.equal(again.body.previousData, undefined);

    const history = await readAllLogs("products", 2);
    assert.equal(history[0].id, again.body.id, "the newest entry first");
    assert.ok(history.some((row) => row.id === logged.body.id));
  });

  test("a restore's entry keeps meta.restoredFrom and restoreKind as sent, and gets its before-values", async () => {
    // What the kit's restore sends: a PATCH of the fields to write back (Refine passes the
    // mutation's meta to the data provider too, which simple-rest ignores), then Refine's
    // log entry with that meta copied in.
    const [oldest] = (await readAllLogs("products", 3, 50)).slice(-1);
    assert.equal(oldest.action, "create");
    const before = (await call("GET", "/api/products/3")).body;
    const headers = { "x-demo-client": "tab-restore" };
    const values = { price: oldest.data.price, stock: oldest.data.stock };
    assert.equal((await call("PATCH", "/api/products/3", { json: values, headers })).status, 200);
    const meta = { id: "3", restoredFrom: oldest.id, restoreKind: "restore", dataProviderName: "default" };
    const logged = await call("POST", "/api/audit-logs", { json: { resource: "products", action: "update", data: values, previousData: {}, meta }, headers });
    assert.equal(logged.status, 201);
    assert.deepEqual(logged.body.meta, meta);
    assert.deepEqual(logged.body.previousData, { price: before.price, stock: before.stock });
    assert.deepEqual((await call("GET", `/api/audit-logs/${logged.body.id}`)).body.meta, meta);
    const [newest] = (await call("GET", "/api/audit-logs?resource=products&id=3&pageSize=1")).body.data;
    assert.equal(newest.id, logged.body.id);
    assert.equal(newest.meta.restoredFrom, oldest.id);
  });

  test("a delete's entry gets the whole deleted record as previousData", async () => {
    const created = await call("POST", "/api/products", { json: validProduct() });
    const headers = { "x-demo-client": "tab-c" };
    await call("DELETE", `/api/products/${created.body.id}`, { headers });
    const logged = await call("POST", "/api/audit-logs", { json: { resource: "products", action: "delete", meta: { id: created.body.id } }, headers });
    assert.equal(logged.status, 201);
    assert.deepEqual(logged.body.previousData, created.body);
  });

  test("names an entry, and removes the name with an empty one", async () => {
    const [entry] = (await call("GET", "/api/audit-logs?resource=categories&pageSize=1")).body.data;
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
    await rejects("POST", "/api/audit-logs", { body: "not json" }, 400, /not valid JSON/);
    await rejects("PATCH", "/api/audit-logs/1", { body: "" }, 400, /empty/);
    await rejects("POST", "/api/products", { body: "[1, 2]" }, 400, /must be a JSON object/);
    await rejects("POST", "/api/products", { body: "{}", headers: { "content-type": "text/plain" } }, 415, /JSON/);
  });

  test("unknown resources", async () => {
    await rejects("GET", "/api/orders", {}, 404, /Unknown resource "orders"/);
    await rejects("POST", "/api/orders", { json: { total: 5 } }, 404, /Unknown resource/);
    await rejects("GET", "/api/audit-logs?resource=orders", {}, 404, /Unknown resource/);
    await rejects("POST", "/api/audit-logs", { json: { resource: "orders", action: "create", meta: { id: 1 } } }, 422, /known resource/);
    await rejects("GET", "/api/products/9999", {}, 404, /no record 9999/);
    await rejects("PATCH", "/api/products/abc", { json: { price: 1 } }, 404, /no record/);
  });

  test("oversized bodies", async () => {
    const huge = { ...validProduct(), description: "x".repeat(200 * 1024) };
    await rejects("POST", "/api/products", { json: huge }, 413, /too large/);
    await rejects("PATCH", "/api/products/1", { json: huge }, 413, /too large/);
    await rejects("POST", "/api/audit-logs", { json: { resource: "products", action: "update", data: huge, meta: { id: 1 } } }, 413, /too large/);
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
    await rejects("PATCH", "/api/products/1", { json: { id: 2, price: 5 } }, 400, /not the id in the URL/);
    await rejects("DELETE", "/api/categories/1", {}, 409, /used by \d+ products/);
    await rejects("GET", "/api/products?_sort=price;drop", {}, 400, /not a field name/);
    await rejects("GET", "/api/audit-logs?resource=products&cursor=bogus", {}, 400, /cursor/);
    await rejects("GET", "/api/audit-logs?resource=products&pageSize=0", {}, 400, /pageSize/);
    await rejects("GET", "/api/audit-logs", {}, 400, /resource/);
    await rejects("PUT", "/api/products", { json: validProduct() }, 405, /not allowed/);
    await rejects("POST", "/api/audit-logs", { json: { resource: "products", action: "update", createdAt: "1999-01-01" } }, 422, /Unknown field/);
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
      const logged = /** @type {any[]} */ (db.prepare("SELECT record_id, data, name FROM audit_logs WHERE id > ? ORDER BY id").all(entries));
      assert.deepEqual(
        logged.map((row) => [row.record_id, JSON.parse(row.data).photo, row.name]),
        migrated.map((/** @type {any} */ row) => [String(row.id), row.photo, "Photos added"]),
      );
      db.close();
      // Once only.
      db = openDatabase(file);
      assert.equal(/** @type {{ n: number }} */ (db.prepare("SELECT count(*) AS n FROM audit_logs").get()).n, entries + logged.length);
      db.close();
    } finally {
      rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
