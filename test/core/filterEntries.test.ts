import { describe, expect, it } from "vitest";
import { canonicalizeFilters, entryTouchesField, filterEntries, type AuditLogFilters } from "../../src/core/filterEntries";
import { normalizeLog, type AuditLogEntry } from "../../src/core/normalizeLog";
import { createEntryReader } from "../../src/core/readEntries";
import { replayHistory } from "../../src/core/history";

function entry(id: number, row: Record<string, unknown>): AuditLogEntry {
  const result = normalizeLog({ id, resource: "products", createdAt: "2024-05-01T10:00:00Z", meta: { id: 1 }, ...row });
  if (!result.ok) throw new Error(result.error.reason);
  return result.entry;
}

const entries = [
  entry(1, { action: "create", author: { id: 7, name: "Ada" }, data: { name: "Lamp", address: { city: "Paris" } } }),
  entry(2, { action: "update", author: { id: "8", email: "bob@example.com" }, data: { status: "published" }, name: "Launch" }),
  entry(3, { action: "updateMany", data: { status: "archived" }, previousData: [{ status: "published" }], meta: { ids: [1, 2] } }),
  entry(4, { action: "delete", author: { id: 7 } }),
];

describe("filterEntries", () => {
  it.each<{ filters: AuditLogFilters; expected: number[] }>([
    { filters: {}, expected: [1, 2, 3, 4] },
    { filters: { action: "update" }, expected: [2] },
    { filters: { action: ["update", "updateMany"] }, expected: [2, 3] },
    { filters: { author: "7" }, expected: [1, 4] },
    { filters: { author: 8 }, expected: [2] },
    { filters: { author: "bob@example.com" }, expected: [2] },
    { filters: { author: "Ada" }, expected: [1] },
    { filters: { field: "status" }, expected: [2, 3] },
    { filters: { field: "address" }, expected: [1] },
    { filters: { field: "address.city" }, expected: [1] },
    { filters: { field: "address.zip" }, expected: [] },
    { filters: { namedOnly: true }, expected: [2] },
    { filters: { action: "update", namedOnly: true, field: "status" }, expected: [2] },
  ])("$filters keeps $expected", ({ filters, expected }) => {
    expect(filterEntries(entries, filters).map((e) => e.id)).toEqual(expected);
  });

  it("means changed: a save that writes every field matches only the fields whose value moved", () => {
    const create = entry(10, { action: "create", data: { title: "Lamp", status: "draft", price: 5 } });
    const save = entry(11, { action: "update", createdAt: "2024-05-01T11:00:00Z", data: { title: "Lamp", status: "published", price: 5 }, previousData: {} });
    const again = entry(12, { action: "update", createdAt: "2024-05-01T12:00:00Z", data: { title: "Desk lamp", status: "published", price: 5 }, previousData: {} });
    const all = [create, save, again];
    const reader = createEntryReader({ history: replayHistory(all) });
    const changed = (field: string) => filterEntries(all, { field }, { reader }).map((e) => e.id);
    expect(changed("status")).toEqual([10, 11]);
    expect(changed("title")).toEqual([10, 12]);
    expect(changed("price")).toEqual([10]);
    expect(reader.matchField(save, "status")).toBe("changed");
  });

  it("keeps an entry whose earlier value is unknown as one that may have changed the field", () => {
    const orphan = entry(20, { action: "update", data: { status: "published" }, previousData: {} });
    const reader = createEntryReader({ history: replayHistory([orphan]) });
    expect(filterEntries([orphan], { field: "status" }, { reader }).map((e) => e.id)).toEqual([20]);
    expect(reader.matchField(orphan, "status")).toBe("possible");
  });

  it("never matches a hidden field, and never overflows the stack on deep data", () => {
    const reader = createEntryReader({ fields: { status: { hidden: true } } });
    expect(filterEntries(entries, { field: "status" }, { reader })).toEqual([]);
    let deep: unknown = [1];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const nested = entry(30, { action: "update", data: { items: deep } });
    expect(() => filterEntries([nested], { field: "items." })).not.toThrow();
    expect(() => filterEntries([nested], { field: "items.qty" })).not.toThrow();
    expect(entryTouchesField(nested, "items.qty")).toBe(false);
  });

  it("reads array indices in field paths and ignores inherited names", () => {
    const withItems = entry(5, { action: "update", data: { items: [{ qty: 1 }] } });
    expect(entryTouchesField(withItems, "items.0.qty")).toBe(true);
    expect(entryTouchesField(withItems, "items.1.qty")).toBe(false);
    expect(entryTouchesField(withItems, "constructor")).toBe(false);
  });
});

describe("canonicalizeFilters", () => {
  it("gives equal filters one shape and drops empty criteria", () => {
    expect(canonicalizeFilters({ action: ["b", "a", "a"], author: 7 })).toEqual(canonicalizeFilters({ author: "7", action: ["a", "b"], field: [] }));
    expect(canonicalizeFilters({ action: [], namedOnly: false })).toBeUndefined();
    expect(canonicalizeFilters({ namedOnly: true })).toEqual({ namedOnly: true });
  });
});

describe("filterEntries: dates and free text", () => {
  const at = (id: number, createdAt: string, row: Record<string, unknown> = {}) => entry(id, { action: "update", createdAt, ...row });
  const dated = [
    at(1, "2024-05-01T23:30:00Z", { data: { city: "Paris" } }),
    at(2, "2024-05-02T00:30:00Z", { data: { secret: "swordfish", note: "Shipping soon" } }),
    at(3, "2024-05-03T12:00:00Z", { name: "Price update before launch", data: { price: 9 } }),
  ];
  const ids = (filters: AuditLogFilters, options = {}) => filterEntries(dated, filters, options).map((e) => e.id);

  it("compares days as days: a time in year 10000 is not before 2024, one before 1 AD not after it", () => {
    const odd = [...dated, at(4, "+010000-01-01T00:00:00Z"), at(5, "-010000-06-01T00:00:00Z")];
    for (const timeZone of ["UTC", undefined]) {
      expect(filterEntries(odd, { to: "2024-12-31" }, { timeZone }).map((e) => e.id)).toEqual([1, 2, 3, 5]);
      expect(filterEntries(odd, { from: "2024-01-01" }, { timeZone }).map((e) => e.id)).toEqual([1, 2, 3, 4]);
    }
  });

  it("keeps whole calendar days for YYYY-MM-DD bounds, in the given time zone", () => {
    expect(ids({ from: "2024-05-02" }, { timeZone: "UTC" })).toEqual([2, 3]);
    expect(ids({ to: "2024-05-01" }, { timeZone: "UTC" })).toEqual([1]);
    // 23:30 UTC on May 1st is already May 2nd in Paris (UTC+2).
    expect(ids({ from: "2024-05-02", to: "2024-05-02" }, { timeZone: "Europe/Paris" })).toEqual([1, 2]);
  });

  it("compares instants exactly, and leaves out entries without a time", () => {
    expect(ids({ from: new Date("2024-05-02T00:00:00Z") })).toEqual([2, 3]);
    expect(ids({ to: "2024-05-02T00:30:00Z" })).toEqual([1, 2]);
    const undated = entry(9, { action: "update", createdAt: undefined, data: { a: 1 } });
    expect(filterEntries([undated], { from: "2000-01-01" })).toEqual([]);
    expect(canonicalizeFilters({ from: "not a date", to: "" })).toBeUndefined();
  });

  it("searches names, authors and values, case-insensitively, every word", () => {
    expect(ids({ search: "price UPDATE" })).toEqual([3]);
    expect(ids({ search: "paris" })).toEqual([1]);
    expect(ids({ search: "shipping   soon" })).toEqual([2]);
    expect(ids({ search: "shipping paris" })).toEqual([]);
    expect(ids({ search: "   " })).toEqual([1, 2, 3]);
  });

  it("never searches the values of excluded (hidden or redacted) fields", () => {
    expect(ids({ search: "swordfish" })).toEqual([2]);
    expect(ids({ search: "swordfish" }, { reader: createEntryReader({ fields: { secret: { redact: true } } }) })).toEqual([]);
    expect(ids({ search: "swordfish" }, { reader: createEntryReader({ fields: { secret: { hidden: true } } }) })).toEqual([]);
    expect(ids({ search: "shipping" }, { reader: createEntryReader({ fields: { secret: { redact: true } } }) })).toEqual([2]);
  });

  it("survives cyclic, deep and throwing data", () => {
    const cyclic: Record<string, unknown> = { label: "loop" };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: "bottom" };
    for (let i = 0; i < 5000; i++) deep = { next: deep };
    const throwing = Object.defineProperty({}, "boom", { enumerable: true, get: () => { throw new Error("no"); } });
    const rows = [entry(1, { action: "update", data: cyclic }), entry(2, { action: "update", data: deep }), entry(3, { action: "update", data: throwing })];
    expect(filterEntries(rows, { search: "loop" }).map((e) => e.id)).toEqual([1]);
    expect(filterEntries(rows, { search: "bottom" }).map((e) => e.id)).toEqual([]);
    expect(filterEntries(rows, { search: "anything" })).toEqual([]);
  });
});
