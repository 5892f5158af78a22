import { describe, expect, it } from "vitest";
import { getEntryChanges, replayHistory } from "../../src/core/history";
import { normalizeLog, type AuditId, type AuditLogEntry } from "../../src/core/normalizeLog";
import { summarizeChanges } from "../../src/core/summarizeChanges";

let clock = 0;
/** Entries made in the order of the calls, one minute apart. */
function entry(action: string, data?: unknown, meta: Record<string, unknown> = { id: 1 }, previousData?: unknown): AuditLogEntry {
  clock++;
  const createdAt = new Date(Date.UTC(2024, 4, 1, 10, clock)).toISOString();
  const result = normalizeLog({ id: clock, resource: "products", action, createdAt, data, previousData, meta });
  if (!result.ok) throw new Error(result.error.reason);
  return result.entry;
}

const summarize = (target: AuditLogEntry, entries: AuditLogEntry[] = [target], recordId?: unknown) =>
  summarizeChanges(target, getEntryChanges(target, { history: replayHistory(entries), includeUnchanged: false }), { recordId: recordId as AuditId | undefined });

describe("summarizeChanges", () => {
  it("counts a create's fields", () => {
    expect(summarize(entry("create", { a: 1, b: 2, c: { d: 3 } }))).toEqual({ type: "created", fieldCount: 3 });
  });

  it("counts the records of a bulk create seen from the resource, and the fields of the record's own part", () => {
    const bulk = entry("createMany", [{ id: 1, a: 1 }, { id: 2, a: 2, b: 3 }], { ids: [1, 2] });
    expect(summarize(bulk)).toEqual({ type: "createdMany", recordCount: 2 });
    expect(summarizeChanges(bulk, getEntryChanges(bulk, { recordId: 2 }), { recordId: 2 })).toEqual({ type: "created", fieldCount: 3 });
  });

  it("says deleted for deletes, with or without known fields", () => {
    expect(summarize(entry("delete"))).toEqual({ type: "deleted" });
    expect(summarize(entry("deleteMany", undefined, { ids: [1, 2] }))).toEqual({ type: "deleted" });
  });

  it("gives the first change and how many more", () => {
    const create = entry("create", { price: 50, stock: 1, name: "Lamp" });
    const update = entry("update", { price: 100, stock: 2, name: "Lamp" }, { id: 1 }, {});
    const summary = summarize(update, [create, update]);
    expect(summary).toMatchObject({ type: "changed", first: { key: "price", before: 50, after: 100, isBeforeInferred: true }, moreCount: 1 });
  });

  it("says a field was set when its before-value is unknown", () => {
    expect(summarize(entry("update", { status: "Published" }, { id: 1 }, {}))).toMatchObject({
      type: "changed",
      first: { key: "status", kind: "changed", isBeforeUnknown: true, after: "Published" },
      moreCount: 0,
    });
  });

  it("tells an update that changed nothing from an entry without data", () => {
    const create = entry("create", { price: 50 });
    const same = entry("update", { price: 50 });
    expect(summarize(same, [create, same])).toEqual({ type: "unchanged" });
    expect(summarize(entry("export"))).toEqual({ type: "empty" });
  });

  it("leaves hidden fields out (not counted, never first) and drops a redacted first change's values", () => {
    const create = entry("create", { password: "hunter2", token: "t1", price: 50 });
    const update = entry("update", { password: "s3cret!", token: "t2", price: 60 }, { id: 1 }, {});
    const changes = getEntryChanges(update, { history: replayHistory([create, update]), includeUnchanged: false });
    const isHidden = (path: readonly unknown[]) => path[0] === "token";
    const isRedacted = (path: readonly unknown[]) => path[0] === "password";
    const summary = summarizeChanges(update, changes, { isHidden, isRedacted });
    expect(summary).toMatchObject({ type: "changed", first: { key: "password", kind: "changed" }, moreCount: 1, isFirstRedacted: true });
    expect(JSON.stringify(summary)).not.toMatch(/hunter2|s3cret/);
    expect(summarizeChanges(create, getEntryChanges(create), { isHidden })).toEqual({ type: "created", fieldCount: 2 });
  });

  it("gives an added or removed list item whole, so that it can be named", () => {
    const create = entry("create", { variants: [{ id: 1, sku: "A" }, { id: 2, sku: "B" }] });
    const update = entry("update", { variants: [{ id: 2, sku: "B" }, { id: 3, sku: "TXT-JUT-LTD" }] }, { id: 1 }, { variants: [{ id: 1, sku: "A" }, { id: 2, sku: "B" }] });
    expect(summarize(update, [create, update])).toMatchObject({
      type: "changed",
      first: { kind: "removed", path: ["variants", 0], before: { id: 1, sku: "A" } },
      moreCount: 1,
    });
  });

  it("drops a redacted first change's word diff with its values", () => {
    const long = "The monitor arm in oak and steel. Revised clamp fits desks up to 8 cm thick.";
    const update = entry("update", { notes: long.replace("8", "9") }, { id: 1 }, { notes: long });
    const changes = getEntryChanges(update, { history: replayHistory([update]), includeUnchanged: false });
    expect(changes[0]?.text).toBeDefined();
    const summary = summarizeChanges(update, changes, { isRedacted: (path) => path[0] === "notes" });
    expect(summary).toMatchObject({ type: "changed", isFirstRedacted: true, first: { key: "notes" } });
    expect(JSON.stringify(summary)).not.toMatch(/monitor|clamp/);
  });
});
