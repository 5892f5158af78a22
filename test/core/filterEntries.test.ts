import { describe, expect, it } from "vitest";
import { canonicalizeFilters, entryTouchesField, filterEntries, type AuditLogFilters } from "../../src/core/filterEntries";
import { normalizeLog, type AuditLogEntry } from "../../src/core/normalizeLog";

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
