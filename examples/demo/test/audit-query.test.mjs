// @ts-check
// The audit-log query contract in SQL (server/auditQuery.mjs), on both engines with the
// same cases: SQLite (better-sqlite3, in memory) and PostgreSQL (PGlite, in memory, one
// instance for the file). Each answer is held against a reference computed in JavaScript
// from the same rows: every filter, every sort both ways, cursor paging through all rows
// (ties on createdAt included) without duplicates or gaps, page mode, totals, legacy
// answers, bad input; and the plans use the indexes.
import { PGlite } from "@electric-sql/pglite";
import Database from "better-sqlite3";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ancestorsOf, changedFieldPaths, FIELD_LIMITS, OPEN, PARENT, TRUNCATED, CHANGED } from "../server/auditFields.mjs";
import { AuditQueryError, buildAuditQuery, buildDriverProbes, chooseDriver, DRIVER_LIMIT, driversOf, encodeCursor, parseAuditQuery, runAuditQueryPostgres, runAuditQuerySqlite } from "../server/auditQuery.mjs";
import { createRandom } from "../server/seed.mjs";
import { authorColumns, createPostgresAuditWriter, createSqliteAuditWriter, recordIdsOf } from "../server/auditRows.mjs";
import { POSTGRES_AUDIT_INDEXES, POSTGRES_AUDIT_TABLES, SQLITE_AUDIT_INDEXES, SQLITE_AUDIT_TABLES } from "../server/auditSchema.mjs";

/** @typedef {import("../server/auditRows.mjs").AuditEntry} AuditEntry */

const AUTHORS = [
  { id: 1, name: "Amira Haddad", email: "amira.haddad@northwind.example" },
  { id: 2, name: "Jonas Becker", email: "jonas.becker@northwind.example" },
  { id: "u-3", name: "Lucía Ortega" },
  { id: 4, email: "ops@northwind.example" },
  null,
];
const ACTIONS = ["create", "update", "update", "update", "delete", "updateMany", "publish"];
const NAMES = [null, null, null, "Launch price", "50%_off \\ sale", "Zürich move", "launch"];


/** The rows: ties on createdAt (hours, and runs of the very same instant), bulk rows, nested changes. */
function makeEntries(count = 260) {
  const random = createRandom(7);
  const pick = (/** @type {readonly any[]} */ list) => list[Math.floor(random() * list.length)];
  const start = Date.parse("2024-03-01T00:00:00.000Z");
  /** @type {AuditEntry[]} */
  const entries = [];
  let time = start;
  for (let i = 0; i < count; i++) {
    if (random() < 0.6) time += Math.floor(random() * 5) * 3_600_000; // many rows share an instant
    const resource = random() < 0.8 ? "products" : "categories";
    const action = pick(ACTIONS);
    const id = 1 + Math.floor(random() * 12);
    const price = Math.round(random() * 500);
    /** @type {Record<string, unknown>} */
    let meta = { id };
    let data;
    let previousData;
    if (action === "create") data = { title: `Item ${id}`, price, dimensions: { width: 10, height: 20 }, supplier: { address: { city: "Hamburg" } } };
    else if (action === "delete") previousData = { id, title: `Item ${id}`, price };
    else if (action === "updateMany") {
      const ids = [id, ((id + 3) % 12) + 1];
      meta = { ids };
      data = ids.map((item) => ({ id: item, price }));
      previousData = ids.map((item) => ({ id: item, price: price + 1 }));
    } else {
      const kind = Math.floor(random() * 4);
      if (kind === 0) [data, previousData] = [{ price }, { price: price + 5 }];
      else if (kind === 1) [data, previousData] = [{ dimensions: { width: price, height: 20 } }, { dimensions: { width: price + 1, height: 20 } }];
      else if (kind === 2) [data, previousData] = [{ supplier: { address: { city: "Malmö" } } }, { supplier: { address: { city: "Lyon" } } }];
      else [data, previousData] = [{ supplier: null, stock: 3 }, { supplier: { address: { city: "Lyon", street: "Rue 1" } }, stock: 4 }];
    }
    entries.push({ resource, action, createdAt: new Date(time).toISOString(), author: pick(AUTHORS), name: pick(NAMES), data, previousData, meta });
  }
  // A row whose changes are more than the walk lists: it matches every field filter.
  const wide = Object.fromEntries(Array.from({ length: FIELD_LIMITS.maxPaths + 20 }, (_, i) => [`k${i}`, i]));
  entries.push({ resource: "products", action: "update", createdAt: new Date(time).toISOString(), author: AUTHORS[0], name: null, data: wide, previousData: {}, meta: { id: 5 } });
  // One nested too deep to list: its deepest listed path is OPEN.
  /** @type {Record<string, any>} */
  const deep = {};
  let at = deep;
  for (let i = 0; i < FIELD_LIMITS.maxDepth + 3; i++) at = at.x = {};
  at.leaf = 1;
  entries.push({ resource: "products", action: "update", createdAt: new Date(time + 1).toISOString(), author: AUTHORS[1], name: null, data: { deep }, previousData: { deep: {} }, meta: { id: 6 } });
  return entries;
}

const entries = makeEntries();

/** What the reference reads of each row, by its id (1-based, in insertion order). */
const reference = entries.map((entry, index) => {
  const author = authorColumns(entry.author);
  return {
    id: index + 1,
    entry,
    author,
    paths: changedFieldPaths(entry.action, entry.data, entry.previousData),
    records: recordIdsOf(entry.meta),
    recordId: typeof entry.meta.id === "number" || typeof entry.meta.id === "string" ? String(entry.meta.id) : "",
  };
});

/** @param {string} a @param {string} b */
const compareText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rows a query should answer, in order, computed without SQL.
 * @param {import("../server/auditQuery.mjs").AuditQuery} query
 */
function expected(query) {
  const { filters } = query;
  const rows = reference.filter(({ entry, author, paths, records }) => {
    if (entry.resource !== query.resource) return false;
    if (query.recordId !== undefined && !records.includes(query.recordId)) return false;
    if (filters.actions && !filters.actions.includes(entry.action)) return false;
    if (filters.authors && ![author.author_id, author.author_name, author.author_email].some((value) => value !== null && filters.authors?.includes(value))) return false;
    if (filters.fields) {
      const hit = filters.fields.some((field) => paths.has(field) || [...ancestorsOf(field), TRUNCATED].some((path) => paths.get(path) === OPEN));
      if (!hit) return false;
    }
    if (filters.namedOnly && !entry.name) return false;
    if (filters.from !== undefined && entry.createdAt < filters.from) return false;
    if (filters.to !== undefined && entry.createdAt > filters.to) return false;
    if (filters.search) {
      const text = [entry.name ?? "", author.author_name ?? "", author.author_email ?? "", author.author_id ?? "", entry.action].join(" ").toLowerCase();
      if (!filters.search.every((word) => text.includes(word) || records.some((id) => id.toLowerCase().includes(word)))) return false;
    }
    return true;
  });
  /** @param {(typeof reference)[number]} row @param {string} field @returns {Array<string | number>} */
  const keysOf = (row, field) => {
    if (field === "createdAt") return [row.entry.createdAt];
    if (field === "action") return [row.entry.action];
    if (field === "author") return [row.author.author_label];
    if (field === "name") return [row.entry.name ?? ""];
    return [row.recordId.length, row.recordId];
  };
  const last = query.sorters[query.sorters.length - 1];
  rows.sort((x, y) => {
    for (const sorter of query.sorters) {
      const a = keysOf(x, sorter.field);
      const b = keysOf(y, sorter.field);
      for (let i = 0; i < a.length; i++) {
        const order = typeof a[i] === "number" ? Number(a[i]) - Number(b[i]) : compareText(String(a[i]), String(b[i]));
        if (order !== 0) return sorter.order === "asc" ? order : -order;
      }
    }
    return last.order === "asc" ? x.id - y.id : y.id - x.id;
  });
  return rows.map((row) => row.id);
}

/** @type {import("better-sqlite3").Database} */
let sqlite;
/** @type {PGlite} */
let pg;

before(async () => {
  sqlite = new Database(":memory:");
  sqlite.pragma("foreign_keys = ON");
  sqlite.exec(SQLITE_AUDIT_TABLES + SQLITE_AUDIT_INDEXES);
  const writeSqlite = createSqliteAuditWriter(sqlite);
  sqlite.transaction(() => entries.forEach((entry) => writeSqlite(entry)))();
  sqlite.exec("ANALYZE");

  pg = new PGlite();
  await pg.exec(POSTGRES_AUDIT_TABLES + POSTGRES_AUDIT_INDEXES);
  await pg.transaction(async (tx) => {
    const writePg = createPostgresAuditWriter(tx);
    for (const entry of entries) await writePg(entry);
  });
  await pg.exec("ANALYZE");
});
after(async () => {
  sqlite?.close();
  await pg?.close();
});

/** @typedef {import("../server/auditQuery.mjs").AuditQuery} AuditQuery */
/** @typedef {import("../server/auditQuery.mjs").Driver} Driver */
/** Each engine's runner (answers typed loosely: the tests read their rows). @type {Record<string, (query: AuditQuery, driver?: Driver) => Promise<any>>} */
const ENGINES = {
  sqlite: (query, driver) => Promise.resolve(runAuditQuerySqlite(sqlite, query, { driver })),
  postgres: (query, driver) => runAuditQueryPostgres(pg, query, { driver }),
};

/** @param {Record<string, string | string[]>} params */
const toParams = (params) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  return search;
};

/**
 * Reads every page of a query in cursor mode; checks each page's size and cursor.
 * @param {(query: AuditQuery) => Promise<any>} run
 * @param {Record<string, string | string[]>} params
 * @param {number} pageSize
 */
async function readAllPages(run, params, pageSize) {
  /** @type {number[]} */
  const ids = [];
  /** @type {string | undefined} */
  let cursor;
  for (let requests = 0; ; requests++) {
    assert.ok(requests < 1000, "paging does not end");
    const answer = await run(parseAuditQuery(toParams({ ...params, _pageSize: String(pageSize), ...(cursor ? { _cursor: cursor } : {}) })));
    assert.equal(answer.total, null, "no total unless asked");
    assert.ok(answer.data.length <= pageSize);
    ids.push(...answer.data.map((/** @type {{ id: number }} */ row) => row.id));
    if (answer.nextCursor === null) return ids;
    assert.equal(answer.data.length, pageSize, "only the last page is short");
    cursor = answer.nextCursor;
  }
}

const FILTER_CASES = /** @type {Array<[string, Record<string, string | string[]>]>} */ ([
  ["no filter", {}],
  ["a record (bulk rows included)", { id: "7" }],
  ["actions", { action: ["update", "delete"] }],
  ["a custom action", { action: "publish" }],
  ["authors by id, name and email", { author: ["1", "Lucía Ortega", "ops@northwind.example"] }],
  ["an author by a text id", { author: "u-3" }],
  ["a changed field", { field: "price" }],
  ["a parent of changed fields", { field: "supplier" }],
  ["a field inside an object replaced whole", { field: "supplier.address.street" }],
  ["a field below the depth cap", { field: "deep.x.x.x.x.x.x.x.x.x" }],
  ["a field nobody changed (only the truncated row)", { field: "colour" }],
  ["several fields", { field: ["dimensions.width", "stock"] }],
  ["named only", { named: "1" }],
  ["from", { from: "2024-03-10T00:00:00.000Z" }],
  ["to, as a day", { to: "2024-03-12" }],
  ["from and to with an offset", { from: "2024-03-05T12:00:00+02:00", to: "2024-03-20T00:00:00.000Z" }],
  ["search in names, with LIKE's special characters", { q: "50%_off sale" }],
  ["search: a backslash and a percent sign, matched as themselves", { q: "\\%" }],
  ["search: every word, author and action", { q: "amira UPDATE" }],
  ["search: three words, the most", { q: "amira update ha" }],
  ["search in record ids", { q: "11" }],
  ["search in a name, Unicode", { q: "zürich" }],
  ["everything at once", { id: "3", action: ["update", "updateMany"], author: ["1", "2", "u-3"], field: ["price", "dimensions"], from: "2024-03-02", to: "2024-04-30" }],
]);

const SORT_CASES = /** @type {Array<[string, string]>} */ ([
  ["createdAt", "desc"],
  ["createdAt", "asc"],
  ["action", "asc"],
  ["action", "desc"],
  ["author", "asc"],
  ["author", "desc"],
  ["name", "asc"],
  ["name", "desc"],
  ["id", "asc"],
  ["id", "desc"],
  ["createdAt,action", "desc,asc"],
  ["author,name,createdAt", "asc,desc,asc"],
]);

for (const [engine, run] of Object.entries(ENGINES)) {
  describe(`${engine}: the query contract`, () => {
    test("every filter, in cursor mode, through every page, as the reference says, whichever filter drives", async () => {
      for (const [label, filters] of FILTER_CASES) {
        for (const resource of ["products", "categories"]) {
          const params = { resource, ...filters };
          const query = parseAuditQuery(toParams({ ...params, _pageSize: "5" }));
          const want = expected(query);
          // The probes' choice, then each way of reading the same rows.
          assert.deepEqual(await readAllPages(run, params, 5), want, `${label} (${resource})`);
          for (const driver of /** @type {Driver[]} */ (["scan", ...driversOf(query)])) {
            assert.deepEqual(await readAllPages((q) => run(q, driver), params, 5), want, `${label} (${resource}), driven by ${driver}`);
            const counted = await run(parseAuditQuery(toParams({ ...params, _pageSize: "5", _total: "1" })), driver);
            assert.equal(counted.total, want.length, `${label} (${resource}): the total, driven by ${driver}`);
          }
        }
      }
      // The cases are not vacuous.
      assert.ok(expected(parseAuditQuery(toParams({ resource: "products", field: "supplier.address.street", _pageSize: "5" }))).length > 3);
      assert.ok(expected(parseAuditQuery(toParams({ resource: "products", q: "50%_off sale", _pageSize: "5" }))).length > 3);
      assert.ok(expected(parseAuditQuery(toParams({ resource: "products", q: "amira update ha", _pageSize: "5" }))).length > 3);
    });

    test("every sort, both ways, paged by cursor with ties on createdAt, without duplicates or gaps", async () => {
      const times = entries.map((entry) => entry.createdAt);
      assert.ok(new Set(times).size < times.length / 2, "the rows share createdAt a lot");
      for (const [sort, order] of SORT_CASES) {
        for (const pageSize of [1, 7, 200]) {
          const params = { resource: "products", _sort: sort, _order: order };
          const want = expected(parseAuditQuery(toParams({ ...params, _pageSize: String(pageSize) })));
          const got = await readAllPages(run, params, pageSize);
          assert.equal(new Set(got).size, got.length, `${sort} ${order}: no row twice`);
          assert.deepEqual(got, want, `${sort} ${order} by ${pageSize}`);
        }
      }
      // Sorted and filtered together.
      const params = { resource: "products", _sort: "name", _order: "desc", field: "price", author: ["1", "2"] };
      assert.deepEqual(await readAllPages(run, params, 3), expected(parseAuditQuery(toParams({ ...params, _pageSize: "3" }))));
    });

    test("the record id sorts numbers in numeric order", async () => {
      const answer = await run(parseAuditQuery(toParams({ resource: "products", _sort: "id", _order: "asc", _pageSize: "200", action: "update" })));
      const ids = answer.data.map((/** @type {any} */ row) => Number(row.meta.id));
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
    });

    test("page mode: any page, and the total", async () => {
      const params = { resource: "products", _sort: "author,createdAt", _order: "asc,desc", action: ["update", "create"] };
      const all = expected(parseAuditQuery(toParams({ ...params, _pageSize: "9" })));
      for (let page = 1; page <= Math.ceil(all.length / 9) + 1; page++) {
        const answer = await run(parseAuditQuery(toParams({ ...params, _page: String(page), _pageSize: "9", _total: "1" })));
        assert.deepEqual(
          answer.data.map((/** @type {{ id: number }} */ row) => row.id),
          all.slice((page - 1) * 9, page * 9),
          `page ${page}`,
        );
        assert.equal(answer.total, all.length);
        assert.equal("nextCursor" in answer, false, "no cursor in page mode");
      }
      // The total counts every page in cursor mode too, and follows the filters.
      for (const [label, filters] of FILTER_CASES) {
        const query = parseAuditQuery(toParams({ resource: "products", ...filters, _pageSize: "2", _total: "1" }));
        assert.equal((await run(query)).total, expected(query).length, label);
      }
    });

    test("rows as the kit reads them, and the legacy answer without total", async () => {
      const answer = await run(parseAuditQuery(toParams({ resource: "products", id: "5", _pageSize: "200" })));
      const row = answer.data.find((/** @type {{ id: number }} */ item) => item.id === entries.length - 1);
      const entry = entries[entries.length - 2];
      assert.deepEqual(row, {
        id: entries.length - 1,
        resource: "products",
        action: "update",
        createdAt: entry.createdAt,
        author: AUTHORS[0],
        data: entry.data,
        previousData: {},
        meta: { id: 5 },
      });
      const legacy = await run(parseAuditQuery(toParams({ resource: "products", id: "7", pageSize: "3" })));
      assert.deepEqual(Object.keys(legacy).sort(), ["data", "nextCursor"]);
      const rest = await run(parseAuditQuery(toParams({ resource: "products", id: "7", pageSize: "3", cursor: legacy.nextCursor })));
      assert.equal("total" in rest, false);
      const want = expected(parseAuditQuery(toParams({ resource: "products", id: "7" })));
      assert.deepEqual([...legacy.data, ...rest.data].map((/** @type {{ id: number }} */ item) => item.id), want.slice(0, legacy.data.length + rest.data.length));
      const last = await run(parseAuditQuery(toParams({ resource: "products", id: "7", pageSize: "200" })));
      assert.equal("nextCursor" in last, false, "the old last page has no nextCursor");
    });

    test("bad input: a 400 that names the parameter", async () => {
      const sorted = await run(parseAuditQuery(toParams({ resource: "products", _sort: "action", _pageSize: "2" })));
      /** @type {Array<[Record<string, string | string[]>, RegExp]>} */
      const cases = [
        [{}, /resource/],
        [{ resource: "products", _sort: "price" }, /_sort: "price" is not a sort field/],
        [{ resource: "products", _sort: "action", _order: "up" }, /_order must be asc or desc/],
        [{ resource: "products", _sort: "action,name", _order: "asc" }, /as many/],
        [{ resource: "products", _sort: "action,action" }, /twice/],
        [{ resource: "products", from: "yesterday" }, /from must be an ISO 8601 instant/],
        [{ resource: "products", to: "2024-02-31" }, /to must be an ISO 8601/],
        [{ resource: "products", from: "2024-05-01", to: "2024-04-01" }, /from is after to/],
        [{ resource: "products", _pageSize: "0" }, /_pageSize must be a whole number from 1 to 200/],
        [{ resource: "products", _pageSize: "201" }, /_pageSize/],
        [{ resource: "products", _page: "0" }, /_page/],
        [{ resource: "products", _page: "2", _cursor: "abc" }, /_page and _cursor/],
        [{ resource: "products", _cursor: "not a cursor!" }, /_cursor is not a cursor/],
        [{ resource: "products", _cursor: Buffer.from('{"v":1,"s":"createdAt:desc","k":["x",1]}').toString("base64url") }, /_cursor is not a cursor/],
        [{ resource: "products", _cursor: Buffer.from('{"v":1,"s":"createdAt:desc","k":["2024-01-01T00:00:00.000Z",-1]}').toString("base64url") }, /_cursor is not a cursor/],
        [{ resource: "products", _cursor: sorted.nextCursor }, /another sort order/],
        [{ resource: "products", pageSize: "0" }, /pageSize/],
        [{ resource: "products", cursor: "bogus" }, /cursor/],
        [{ resource: "products", _total: "yes" }, /_total must be 1 or 0/],
        [{ resource: "products", named: "2" }, /named must be 1 or 0/],
        [{ resource: "products", _pageSize: "5", pageSize: "5" }, /old paging/],
        [{ resource: "products", field: "price..x" }, /not a field path/],
        [{ resource: "products", author: Array.from({ length: 51 }, (_, i) => String(i)) }, /at most 50 times/],
        // Each word of q is a LIKE scan of every row left: at most 3, none a single letter.
        [{ resource: "products", q: "ab cd ef gh" }, /q can hold at most 3 words, not 4/],
        [{ resource: "products", q: "a b c d e f g h i j k" }, /q can hold at most 3 words/],
        [{ resource: "products", q: "lamp a" }, /Each word in q needs at least 2 characters, not "a"/],
        [{ resource: "products", q: "ö" }, /Each word in q needs at least 2 characters/],
      ];
      for (const [params, message] of cases) {
        await assert.rejects(
          async () => run(parseAuditQuery(toParams(params))),
          (/** @type {unknown} */ error) => error instanceof AuditQueryError && error.status === 400 && message.test(error.message),
          JSON.stringify(params),
        );
      }
    });
  });
}

describe("values the engines cannot take: a 400 before any SQL, on both engines", () => {
  /** A cursor of the default order (createdAt desc) whose time is `time`. @param {string} time */
  const timeCursor = (time) => Buffer.from(JSON.stringify({ v: 1, s: "createdAt:desc", k: [time, 5] })).toString("base64url");
  /** @type {Array<[Record<string, string | string[]>, RegExp]>} */
  const cases = [
    // PostgreSQL's text cannot hold a NUL ("invalid byte sequence for encoding UTF8: 0x00").
    [{ resource: "products", q: "ab\u0000cd" }, /q must not hold a NUL character/],
    [{ resource: "products", author: ["1", "Amira\u0000"] }, /author must not hold a NUL character/],
    [{ resource: "products", field: "price\u0000" }, /field must not hold a NUL character/],
    [{ resource: "products", id: "7\u0000" }, /id must not hold a NUL character/],
    [{ resource: "products", action: "update\u0000" }, /action must not hold a NUL character/],
    [{ resource: "products", action: ["update", "\u0000"] }, /action must not hold a NUL character/],
    [{ resource: "products\u0000" }, /resource must not hold a NUL character/],
    [{ resource: "products", _sort: "action", _cursor: encodeCursor([{ field: "action", order: "asc" }], ["up\u0000date", 5]) }, /_cursor is not a cursor/],
    [{ resource: "products", _sort: "id", _cursor: encodeCursor([{ field: "id", order: "asc" }], [1, "7\u0000", 5]) }, /_cursor is not a cursor/],
    // Times beyond years 0001 to 9999 once their offset is applied (PostgreSQL has no year 0 and no year 10000).
    [{ resource: "products", _cursor: timeCursor("0000-01-01T00:00+00:01") }, /_cursor is not a cursor/],
    [{ resource: "products", _cursor: timeCursor("9999-12-31T23:59:59.999-23:59") }, /_cursor is not a cursor/],
    [{ resource: "products", _cursor: timeCursor("0000-06-01T00:00:00.000Z") }, /_cursor is not a cursor/],
    [{ resource: "products", cursor: timeCursor("0000-01-01T00:00+00:01") }, /cursor is not a cursor/],
    [{ resource: "products", from: "0000-06-01T00:00:00Z" }, /from must be an ISO 8601 instant/],
    [{ resource: "products", to: "9999-12-31T23:59:59.999-23:59" }, /to must be an ISO 8601 instant/],
    // The record id's length is an integer on PostgreSQL.
    [{ resource: "products", _sort: "id", _cursor: encodeCursor([{ field: "id", order: "asc" }], [2 ** 40, "7", 5]) }, /_cursor is not a cursor/],
  ];
  for (const [engine, run] of Object.entries(ENGINES)) {
    test(`${engine}: refused with a 400 naming the parameter`, async () => {
      for (const [params, message] of cases) {
        await assert.rejects(
          async () => run(parseAuditQuery(toParams(params))),
          (/** @type {unknown} */ error) => error instanceof AuditQueryError && error.status === 400 && message.test(error.message),
          JSON.stringify(params),
        );
      }
    });

    test(`${engine}: the bounds themselves are fine`, async () => {
      const all = { resource: "products", from: "0001-01-01T00:00:00.000Z", to: "9999-12-31T23:59:59.999Z", _pageSize: "200" };
      const want = expected(parseAuditQuery(toParams(all)));
      assert.ok(want.length > 100);
      assert.deepEqual((await run(parseAuditQuery(toParams(all)))).data.map((/** @type {{ id: number }} */ row) => row.id), want.slice(0, 200));
      // A cursor at either end: every row is before the last instant, none before the first.
      const first = await run(parseAuditQuery(toParams({ resource: "products", _pageSize: "200", _cursor: timeCursor("9999-12-31T23:59:59.999Z") })));
      assert.deepEqual(first.data.map((/** @type {{ id: number }} */ row) => row.id), want.slice(0, 200));
      const none = await run(parseAuditQuery(toParams({ resource: "products", _pageSize: "200", _cursor: timeCursor("0001-01-01T00:00+00:00") })));
      assert.deepEqual(none.data, []);
    });
  }
});

describe("the SQL", () => {
  test("is the same for both engines but for placeholders, and never holds a request's value", () => {
    const cursor = encodeCursor([{ field: "name", order: "asc" }, { field: "createdAt", order: "desc" }], ["o'brien", "2024-02-01T00:00:00.000Z", 5]);
    const query = parseAuditQuery(
      toParams({ resource: "products'; DROP TABLE audit_logs; --", id: "7", action: "x'y", author: "o'brien", field: "a.b", q: "it's", from: "2024-01-01", _sort: "name,createdAt", _order: "asc,desc", _cursor: cursor, _total: "1" }),
    );
    const sqlite = buildAuditQuery("sqlite", query);
    const postgres = buildAuditQuery("postgres", query);
    let n = 0;
    // A list of rows is said two ways (see createParams' oneOf); all else is the same.
    const lists = (/** @type {string} */ sql) => sql.replace(/= ANY \(ARRAY\((SELECT [^()]*(?:\([^()]*\)[^()]*)*)\)\)/g, "IN ($1)");
    assert.equal(sqlite.page.sql.replace(/\?/g, () => `$${++n}`), lists(postgres.page.sql));
    assert.deepEqual(sqlite.page.args, postgres.page.args);
    for (const sql of [sqlite.page.sql, postgres.page.sql, sqlite.count?.sql ?? "", postgres.count?.sql ?? ""]) {
      for (const value of ["DROP", "o'brien", "x'y", "it's", "a.b", "2024"]) assert.equal(sql.includes(value), false, `${value} in ${sql}`);
    }
  });

  test("SQLite's plans use the indexes: no sort for a scan in index order; a driving filter's own index", () => {
    const plan = (/** @type {Record<string, string | string[]>} */ params, /** @type {Driver} */ driver = "scan") => {
      const { page } = buildAuditQuery("sqlite", parseAuditQuery(toParams({ _pageSize: "50", ...params })), { driver });
      return sqlite
        .prepare(`EXPLAIN QUERY PLAN ${page.sql}`)
        .all(...page.args)
        .map((/** @type {any} */ row) => row.detail)
        .join("\n");
    };
    const first = plan({ resource: "products" });
    assert.match(first, /audit_logs_by_time/);
    assert.doesNotMatch(first, /TEMP B-TREE/, first);
    assert.match(plan({ resource: "products", from: "2024-03-05", to: "2024-03-06" }), /audit_logs_by_time \(resource=\? AND created_at>\? AND created_at<\?\)/);
    assert.match(plan({ resource: "products", id: "7" }), /audit_log_records_by_record/);
    for (const [sort, index] of [["action", "audit_logs_by_action"], ["author", "audit_logs_by_author"], ["name", "audit_logs_by_name"], ["id", "audit_logs_by_record_id"]]) {
      for (const order of ["asc", "desc"]) {
        const sorted = plan({ resource: "products", _sort: sort, _order: order });
        assert.match(sorted, new RegExp(index), sorted);
        assert.doesNotMatch(sorted, /TEMP B-TREE/, sorted);
      }
    }
    // Scanning in time order, a filter is checked on the way (no sort)…
    const scanned = plan({ resource: "products", field: "price" });
    assert.match(scanned, /audit_logs_by_time[\s\S]*SEARCH f EXISTS USING PRIMARY KEY \(log_id=\?\)/, scanned);
    assert.doesNotMatch(scanned, /TEMP B-TREE/, scanned);
    // …or the driving filter's index gives the rows, which are then sorted.
    assert.match(plan({ resource: "products", field: "price" }, "fields"), /audit_log_fields_by_path[\s\S]*TEMP B-TREE FOR ORDER BY/);
    assert.match(plan({ resource: "products", action: "delete" }, "actions"), /audit_logs_by_action \(resource=\? AND action=\?\)/);
    const byAuthor = plan({ resource: "products", author: ["1", "Lucía Ortega"] }, "authors");
    for (const index of ["audit_logs_by_author_id", "audit_logs_by_author_name", "audit_logs_by_author_email"]) assert.match(byAuthor, new RegExp(index), byAuthor);
    assert.match(plan({ resource: "products", named: "1" }, "named"), /audit_logs_named/);
  });

  test("the probes count each filter's rows, capped, and the fewest drive", () => {
    const query = parseAuditQuery(toParams({ resource: "products", field: "price", action: "update", _pageSize: "50" }));
    const probes = buildDriverProbes("sqlite", query);
    assert.deepEqual(
      probes.map((probe) => probe.driver),
      ["fields", "actions"],
    );
    const counts = probes.map(({ driver, sql, args }) => ({ driver, n: /** @type {any} */ (sqlite.prepare(sql).get(...args)).n }));
    assert.equal(counts[1].n, expected(parseAuditQuery(toParams({ resource: "products", action: "update", _pageSize: "50" }))).length);
    assert.equal(chooseDriver([{ driver: "fields", n: 30 }, { driver: "actions", n: 12 }]), "actions");
    assert.equal(chooseDriver([{ driver: "fields", n: DRIVER_LIMIT }, { driver: "actions", n: DRIVER_LIMIT }]), "scan");
    assert.equal(chooseDriver([]), "scan");
  });

  test("PostgreSQL's plans can use the same indexes", async () => {
    const plan = async (/** @type {Record<string, string | string[]>} */ params, /** @type {Driver} */ driver = "scan") => {
      const { page } = buildAuditQuery("postgres", parseAuditQuery(toParams({ _pageSize: "50", ...params })), { driver });
      // A few hundred rows: the planner would rather scan the table; forbid it to see what the indexes serve.
      await pg.exec("SET enable_seqscan = off");
      try {
        const { rows } = await pg.query(`EXPLAIN ${page.sql}`, page.args);
        return rows.map((/** @type {any} */ row) => row["QUERY PLAN"]).join("\n");
      } finally {
        await pg.exec("RESET enable_seqscan");
      }
    };
    const first = await plan({ resource: "products" });
    assert.match(first, /Index Scan Backward using audit_logs_by_time/, first);
    assert.doesNotMatch(first, /Sort/, first);
    for (const [sort, index] of [["action", "audit_logs_by_action"], ["author", "audit_logs_by_author"], ["name", "audit_logs_by_name"], ["id", "audit_logs_by_record_id"]]) {
      const sorted = await plan({ resource: "products", _sort: sort });
      assert.match(sorted, new RegExp(index), sorted);
      assert.doesNotMatch(sorted, /Sort Key/, sorted);
    }
    assert.match(await plan({ resource: "products", id: "7" }), /audit_log_records_by_record/);
    assert.match(await plan({ resource: "products", field: "price" }, "fields"), /audit_log_fields_by_path/);
    assert.match(await plan({ resource: "products", action: "delete" }, "actions"), /audit_logs_by_action/);
    assert.match(await plan({ resource: "products", named: "1" }, "named"), /audit_logs_named/);
  });
});

describe("changed field paths (written with each row)", () => {
  test("leaves, parents, items by id, whole objects listed part by part", () => {
    const paths = (/** @type {string} */ action, /** @type {unknown} */ data, /** @type {unknown} */ previous) => Object.fromEntries(changedFieldPaths(action, data, previous));
    assert.deepEqual(paths("update", { price: 5, dimensions: { width: 3, height: 2 } }, { price: 4, dimensions: { width: 2, height: 2 } }), {
      price: CHANGED,
      dimensions: PARENT,
      "dimensions.width": CHANGED,
    });
    assert.deepEqual(paths("update", { supplier: null }, { supplier: { address: { city: "Lyon" } } }), {
      supplier: CHANGED,
      "supplier.address": CHANGED,
      "supplier.address.city": CHANGED,
    });
    assert.deepEqual(paths("update", { variants: [{ id: "b", price: 2 }, { id: "a", price: 1 }] }, { variants: [{ id: "a", price: 1 }, { id: "b", price: 1 }] }), {
      variants: PARENT,
      "variants.0": PARENT,
      "variants.0.price": CHANGED,
    });
    assert.deepEqual(paths("updateMany", [{ id: 1, price: 2 }, { id: 2, price: 3 }], [{ id: 2, price: 3 }, { id: 1, price: 1 }]), { price: CHANGED });
    assert.deepEqual(paths("create", { title: "Lamp", tags: ["a"] }, undefined), { title: CHANGED, tags: CHANGED, "tags.0": CHANGED });
    assert.deepEqual(paths("delete", undefined, { id: 3, title: "Lamp" }), { id: CHANGED, title: CHANGED });
    assert.deepEqual(paths("update", { same: { a: [1, { b: 2 }] } }, { same: { a: [1, { b: 2 }] } }), {});
  });

  test("bounded: depth, count, key length and work, without recursion", () => {
    /** @type {Record<string, any>} */
    const deep = {};
    let at = deep;
    for (let i = 0; i < 100_000; i++) at = at.x = {};
    const deepPaths = changedFieldPaths("update", { deep }, { deep: { x: 1 } });
    assert.ok(deepPaths.size <= FIELD_LIMITS.maxDepth + 1);
    assert.equal(deepPaths.get(["deep", ...Array(FIELD_LIMITS.maxDepth - 1).fill("x")].join(".")), OPEN);

    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    const widePaths = changedFieldPaths("create", wide, undefined);
    assert.equal(widePaths.size, FIELD_LIMITS.maxPaths + 1);
    assert.equal(widePaths.get(TRUNCATED), OPEN);

    assert.deepEqual(Object.fromEntries(changedFieldPaths("update", { a: { ["x".repeat(500)]: 1 } }, { a: {} })), { a: OPEN });
    assert.equal(changedFieldPaths("update", { ["x".repeat(500)]: 1 }, {}).get(TRUNCATED), OPEN);

    // Two large equal documents: the comparison stops at the work cap and says so.
    const big = Array.from({ length: 50_000 }, (_, i) => ({ i }));
    const equalBig = changedFieldPaths("update", { big }, { big: structuredClone(big) });
    assert.equal(equalBig.get(TRUNCATED), OPEN);
  });
});
