import { describe, expect, it } from "vitest";
import { buildAuditLogQuery, compileFields, filterEntries, findAnswerProblem, normalizeLogs, readServerAnswer, MAX_SERVER_ANSWER_ROWS } from "../../src/core";

const cursor = { mode: "cursor", pageSize: 50 } as const;

describe("buildAuditLogQuery", () => {
  it("builds the contract's query: canonical filters, default order, the record as text", () => {
    expect(buildAuditLogQuery({ id: 7, filters: { action: ["update", "create", "update"], author: 5, search: "  Ada   PRICE ", namedOnly: false }, pagination: cursor })).toEqual({
      query: {
        version: 1,
        id: "7",
        filters: { actions: ["create", "update"], authors: ["5"], search: "ada price" },
        sorters: [{ field: "createdAt", order: "desc" }],
        pagination: { mode: "cursor", pageSize: 50 },
        total: false,
      },
      matchesNothing: false,
      refusedFields: [],
    });
    expect(buildAuditLogQuery({ filters: {}, pagination: cursor }).query.filters).toBeUndefined();
  });

  it("keeps sorters of the contract only, once each, and pages within 1–200", () => {
    const { query } = buildAuditLogQuery({
      sorters: [{ field: "action", order: "asc" }, { field: "price" as never, order: "asc" }, { field: "action", order: "desc" }, { field: "id", order: "sideways" as never }, { field: "name", order: "desc" }],
      pagination: { mode: "page", currentPage: 0, pageSize: 5000 },
      total: true,
    });
    expect(query.sorters).toEqual([{ field: "action", order: "asc" }, { field: "name", order: "desc" }]);
    expect(query.pagination).toEqual({ mode: "page", currentPage: 1, pageSize: 200 });
    expect(buildAuditLogQuery({ pagination: { mode: "cursor", pageSize: 0.5, cursor: "abc" } }).query.pagination).toEqual({ mode: "cursor", pageSize: 1, cursor: "abc" });
  });

  it.each([
    ["UTC", "2024-11-01", "2024-11-05", "2024-11-01T00:00:00.000Z", "2024-11-05T23:59:59.999Z"],
    ["Europe/Paris", "2024-11-01", "2024-11-05", "2024-10-31T23:00:00.000Z", "2024-11-05T22:59:59.999Z"],
    // The day the clocks go back in Paris is 25 hours long.
    ["Europe/Paris", "2024-10-27", "2024-10-27", "2024-10-26T22:00:00.000Z", "2024-10-27T22:59:59.999Z"],
    ["America/Los_Angeles", "2024-03-10", "2024-03-10", "2024-03-10T08:00:00.000Z", "2024-03-11T06:59:59.999Z"],
    ["Pacific/Kiritimati", "2024-01-01", "2024-01-01", "2023-12-31T10:00:00.000Z", "2024-01-01T09:59:59.999Z"],
  ])("turns days into the instants they start and end at in %s", (timeZone, from, to, start, end) => {
    expect(buildAuditLogQuery({ filters: { from, to }, timeZone, pagination: cursor }).query.filters).toEqual({ from: start, to: end });
  });

  it("selects on the server exactly the entries filterEntries keeps for the same days", () => {
    const times = Array.from({ length: 200 }, (_, index) => new Date(Date.UTC(2024, 9, 25) + index * 47 * 60_000).toISOString());
    const { entries } = normalizeLogs(times.map((createdAt, id) => ({ id, resource: "products", action: "update", createdAt })));
    for (const timeZone of ["Europe/Paris", "America/Los_Angeles", "Asia/Kolkata"]) {
      const filters = { from: "2024-10-27", to: "2024-10-28" };
      const { from, to } = buildAuditLogQuery({ filters, timeZone, pagination: cursor }).query.filters!;
      const onServer = entries.filter((entry) => entry.createdAt!.getTime() >= Date.parse(from!) && entry.createdAt!.getTime() <= Date.parse(to!));
      expect(onServer.map((entry) => entry.id)).toEqual(filterEntries(entries, filters, { timeZone }).map((entry) => entry.id));
    }
  });

  it("never sends a hidden field (itself or below it); when every field asked for is hidden, nothing matches", () => {
    const fields = compileFields({ secret: { hidden: true }, "card.cvv": { hidden: true } });
    const some = buildAuditLogQuery({ filters: { field: ["price", "secret", "secret.inner", "card.cvv", "card"] }, isHidden: fields.isHidden, pagination: cursor });
    expect(some).toMatchObject({ query: { filters: { fields: ["card", "price"] } }, matchesNothing: false });
    const none = buildAuditLogQuery({ filters: { field: "secret.inner", action: "update" }, isHidden: fields.isHidden, pagination: cursor });
    expect(none).toMatchObject({ query: { filters: { actions: ["update"] } }, matchesNothing: true });
    expect(JSON.stringify(none.query)).not.toContain("secret");
  });

  it("never sends a field whose change could reveal what the policy keeps back: a parent of a hidden or redacted field, or a part of a redacted one", () => {
    const fields = compileFields({ "supplier.email": { hidden: true }, pin: { redact: true }, "**.token": { hidden: true }, price: { label: "Price" } });
    const asked = ["supplier", "supplier.name", "pin", "pin.digits", "price", "settings", "settings.token"];
    const built = buildAuditLogQuery({ filters: { field: asked }, isHidden: fields.isHidden, canFilterOn: fields.canFilterOn, pagination: cursor });
    // "supplier" would match a change of the hidden email; "pin.digits" says which part of a redacted value changed;
    // and "**.token" may hide a "token" below any field: with it, no field can be filtered on the server.
    expect(built.query.filters?.fields).toBeUndefined();
    expect(built.matchesNothing).toBe(true);
    // Without the wildcard: the redacted field itself (its change is shown, "(hidden)"), siblings and other fields go.
    const plain = compileFields({ "supplier.email": { hidden: true }, pin: { redact: true } });
    const sent = buildAuditLogQuery({ filters: { field: asked }, isHidden: plain.isHidden, canFilterOn: plain.canFilterOn, pagination: cursor });
    expect(sent.query.filters?.fields).toEqual(["pin", "price", "settings", "settings.token", "supplier.name"]);
  });

  it("reads a dotted field every way a server may store it: a hidden key with a dot in its name is not reached by a filter typed with the dot", () => {
    const fields = compileFields({ "card\\.cvv": { hidden: true } });
    const built = buildAuditLogQuery({ filters: { field: ["card.cvv", "card", "address.city", "a\\b"] }, isHidden: fields.isHidden, canFilterOn: fields.canFilterOn, pagination: cursor });
    // "card.cvv" may be the hidden key; "card" is not its parent (the key is one segment); a backslash is never sent.
    expect(built.query.filters?.fields).toEqual(["address.city", "card"]);
    expect(built.refusedFields).toEqual(["a\\b", "card.cvv"]);
  });
});

describe("readServerAnswer", () => {
  it("recognises a server-side answer by `total` (a number or null) next to a `data` array", () => {
    expect(readServerAnswer({ data: [{ id: 1 }], total: 40_000, nextCursor: "abc" })).toEqual({ rows: [{ id: 1 }], rowCount: 1, total: 40_000, isTotalInvalid: false, nextCursor: "abc" });
    expect(readServerAnswer({ data: [], total: null, nextCursor: null })).toMatchObject({ total: null, nextCursor: undefined });
    expect(readServerAnswer([{ id: 1 }])).toBeUndefined();
    expect(readServerAnswer({ data: [{ id: 1 }], nextCursor: "abc" })).toBeUndefined();
    expect(readServerAnswer({ data: [], total: "12" })).toBeUndefined();
    expect(readServerAnswer({ items: [], total: 1 })).toBeUndefined();
    expect(readServerAnswer(null)).toBeUndefined();
  });

  it("reads hostile answers without throwing, and within bounds", () => {
    const throwing = Object.defineProperty({ total: 3 }, "data", {
      get() {
        throw new Error("boom");
      },
    });
    expect(readServerAnswer(throwing)).toBeUndefined();
    const huge = new Proxy([], {
      get: (target, key) => (key === "length" ? 2 ** 32 - 1 : typeof key === "string" && /^\d+$/.test(key) ? { id: Number(key) } : Reflect.get(target, key)),
    });
    const read = readServerAnswer({ data: huge, total: 5 })!;
    expect(read.rows).toHaveLength(MAX_SERVER_ANSWER_ROWS);
    expect(read.rowCount).toBe(2 ** 32 - 1);
    const failing = new Proxy([1, 2, 3], { get: (target, key) => (key === "2" ? (() => { throw new Error("no"); })() : Reflect.get(target, key)) });
    expect(readServerAnswer({ data: failing, total: 3 })).toMatchObject({ rows: [1, 2], rowCount: 3 });
    for (const total of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) expect(readServerAnswer({ data: [], total })).toMatchObject({ total: null, isTotalInvalid: true });
    expect(readServerAnswer({ data: [], total: 0, nextCursor: "x".repeat(5000) })!.nextCursor).toBeUndefined();
    expect(readServerAnswer({ data: [], total: 0, nextCursor: { toString: () => "x" } })!.nextCursor).toBeUndefined();
    expect(readServerAnswer({ data: [], total: 0, nextCursor: 40 })!.nextCursor).toBe("40");
  });
});

describe("findAnswerProblem", () => {
  const entriesAt = (...minutes: (number | undefined)[]) =>
    minutes.map((minute, index) => ({ id: index, createdAt: minute === undefined ? undefined : new Date(Date.UTC(2024, 0, 1, 0, minute)) }));
  const server = (rowCount: number, total: number | null = null) => ({ rows: [], rowCount, total, isTotalInvalid: false, nextCursor: undefined });

  it("finds rows out of the order asked, within and across pages, or the same row twice", () => {
    expect(findAnswerProblem([{ entries: entriesAt(5, 4, 4, undefined, 1), rowCount: 5, pageSize: 5, server: server(5) }])).toBeUndefined();
    expect(findAnswerProblem([{ entries: entriesAt(1, 2), rowCount: 2, pageSize: 5, server: server(2) }])).toBe("out-of-order");
    expect(findAnswerProblem([{ entries: entriesAt(1, 2), rowCount: 2, pageSize: 5, server: server(2) }], { sorters: [{ field: "createdAt", order: "asc" }] })).toBeUndefined();
    // Text orders are the database's (collations differ): not checked.
    expect(findAnswerProblem([{ entries: entriesAt(1, 2), rowCount: 2, pageSize: 5, server: server(2) }], { sorters: [{ field: "action", order: "asc" }] })).toBeUndefined();
    const page1 = { entries: entriesAt(9, 8), rowCount: 2, pageSize: 2, server: server(2) };
    expect(findAnswerProblem([page1, { entries: entriesAt(7, 6).map((entry) => ({ ...entry, id: entry.id + 2 })), rowCount: 2, pageSize: 2, server: server(2) }])).toBeUndefined();
    expect(findAnswerProblem([page1, { entries: entriesAt(10, 6).map((entry) => ({ ...entry, id: entry.id + 2 })), rowCount: 2, pageSize: 2, server: server(2) }])).toBe("out-of-order");
    expect(findAnswerProblem([page1, { ...page1, entries: entriesAt(7, 6) }])).toBe("out-of-order");
  });

  it("finds pages with more rows than asked, fewer than the total says, an invalid total, or answers of both kinds", () => {
    expect(findAnswerProblem([{ entries: [], rowCount: 6, pageSize: 5, server: server(6) }])).toBe("too-many-rows");
    expect(findAnswerProblem([{ entries: [], rowCount: 3, pageSize: 5, server: server(3, 12) }], { currentPage: 2 })).toBe("missing-rows");
    expect(findAnswerProblem([{ entries: [], rowCount: 2, pageSize: 5, server: server(2, 12) }], { currentPage: 3 })).toBeUndefined();
    expect(findAnswerProblem([{ entries: [], rowCount: 0, pageSize: 5, server: { ...server(0), isTotalInvalid: true } }])).toBe("inconsistent");
    expect(findAnswerProblem([{ entries: [], rowCount: 0, pageSize: 5, server: server(0) }, { entries: [], rowCount: 0, pageSize: 5 }])).toBe("inconsistent");
  });

  it("suspects a plain list of exactly a usual page size, oldest first; not an honest small log", () => {
    const oldestFirst = (count: number) => entriesAt(...Array.from({ length: count }, (_, index) => index));
    expect(findAnswerProblem([{ entries: oldestFirst(10), rowCount: 10, pageSize: 50 }])).toBe("truncated-list");
    expect(findAnswerProblem([{ entries: oldestFirst(50), rowCount: 50, pageSize: 50 }])).toBe("truncated-list");
    expect(findAnswerProblem([{ entries: oldestFirst(9), rowCount: 9, pageSize: 50 }])).toBeUndefined();
    expect(findAnswerProblem([{ entries: oldestFirst(10).reverse(), rowCount: 10, pageSize: 50 }])).toBeUndefined();
    expect(findAnswerProblem([{ entries: entriesAt(...Array(10).fill(3)), rowCount: 10, pageSize: 50 }])).toBeUndefined();
    expect(findAnswerProblem([{ entries: oldestFirst(9), rowCount: 10, pageSize: 50 }])).toBeUndefined();
  });
});
