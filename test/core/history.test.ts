import { describe, expect, it } from "vitest";
import { getEntryChanges, getRecordPart, replayHistory, sortEntriesByTime } from "../../src/core/history";
import { normalizeLog, type AuditLogEntry } from "../../src/core/normalizeLog";
import type { FieldChange } from "../../src/core/types";

let nextId = 1;
/** A log row as Refine writes it, read through normalizeLog. */
function log(row: { action: string; minute: number; data?: unknown; previousData?: unknown; meta?: Record<string, unknown>; id?: number | string }): AuditLogEntry {
  const result = normalizeLog({
    id: row.id ?? nextId++,
    resource: "products",
    action: row.action,
    createdAt: new Date(Date.UTC(2024, 4, 1, 10, row.minute)).toISOString(),
    data: row.data,
    previousData: row.previousData,
    meta: row.meta ?? { id: 7 },
  });
  if (!result.ok) throw new Error(result.error.reason);
  return result.entry;
}

/** The rows a user would read: key, kind, before/after, and the inference flags. */
const rows = (changes: FieldChange[]) =>
  changes
    .filter((change) => change.kind !== "unchanged")
    .map(({ key, kind, before, after, isBeforeInferred, isBeforeUnknown }) => ({
      key,
      kind,
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
      ...(isBeforeInferred ? { isBeforeInferred } : {}),
      ...(isBeforeUnknown ? { isBeforeUnknown } : {}),
    }));

describe("replayHistory", () => {
  it("replays a create then patches, whatever order the provider returned them in", () => {
    const create = log({ action: "create", minute: 0, data: { name: "Lamp", price: 50, status: "draft" } });
    const first = log({ action: "update", minute: 1, data: { price: 60 }, previousData: {} });
    const second = log({ action: "update", minute: 2, data: { status: "published" }, previousData: {} });
    for (const order of [
      [second, first, create],
      [create, first, second],
      [first, second, create],
    ]) {
      const history = replayHistory(order);
      expect(history.entries.map((entry) => entry.action)).toEqual(["create", "update", "update"]);
      expect(history.stateBefore(first, 7)).toEqual({ name: "Lamp", price: 50, status: "draft" });
      expect(history.stateBefore(second, 7)).toEqual({ name: "Lamp", price: 60, status: "draft" });
      expect(history.stateAfter(second, "7")).toEqual({ name: "Lamp", price: 60, status: "published" });
    }
  });

  const table: { name: string; entries: () => AuditLogEntry[]; check: number; recordId: number; expected: Record<string, unknown> | undefined }[] = [
    {
      name: "nothing known before the first entry",
      entries: () => [log({ action: "update", minute: 1, data: { price: 60 } })],
      check: 0,
      recordId: 7,
      expected: undefined,
    },
    {
      name: "patches alone build up what is known",
      entries: () => [log({ action: "update", minute: 1, data: { price: 60 } }), log({ action: "update", minute: 2, data: { stock: 3 } })],
      check: 1,
      recordId: 7,
      expected: { price: 60 },
    },
    {
      name: "a backend-filled previousData teaches fields the patches never wrote",
      entries: () => [
        log({ action: "update", minute: 1, data: { price: 60 }, previousData: { price: 50, sku: "L-1" } }),
        log({ action: "update", minute: 2, data: { sku: "L-2" } }),
      ],
      check: 1,
      recordId: 7,
      expected: { price: 60, sku: "L-1" },
    },
    {
      name: "Refine v5's undefined previousData values never erase known values",
      entries: () => [
        log({ action: "create", minute: 0, data: { price: 50 } }),
        log({ action: "update", minute: 1, data: { stock: 1 }, previousData: { price: undefined } }),
        log({ action: "update", minute: 2, data: { price: 70 } }),
      ],
      check: 2,
      recordId: 7,
      expected: { price: 50, stock: 1 },
    },
    {
      name: "a delete forgets the record",
      entries: () => [
        log({ action: "create", minute: 0, data: { price: 50 } }),
        log({ action: "delete", minute: 1 }),
        log({ action: "update", minute: 2, data: { price: 70 } }),
      ],
      check: 2,
      recordId: 7,
      expected: undefined,
    },
    {
      name: "updateMany applies its one patch to each record of meta.ids",
      entries: () => [
        log({ action: "create", minute: 0, data: { price: 50, stock: 2 } }),
        log({ action: "updateMany", minute: 1, data: { stock: 0 }, previousData: [{}, {}], meta: { ids: [3, 7] } }),
        log({ action: "update", minute: 2, data: { stock: 5 } }),
      ],
      check: 2,
      recordId: 7,
      expected: { price: 50, stock: 0 },
    },
    {
      name: "createMany gives each record its own item (matched by id field)",
      entries: () => [
        log({ action: "createMany", minute: 0, data: [{ id: 7, name: "Lamp" }, { id: 3, name: "Desk" }], meta: { ids: [3, 7] } }),
        log({ action: "update", minute: 1, data: { name: "Big lamp" } }),
      ],
      check: 1,
      recordId: 7,
      expected: { id: 7, name: "Lamp" },
    },
    {
      name: "createMany items without ids follow meta.ids order",
      entries: () => [
        log({ action: "createMany", minute: 0, data: [{ name: "Desk" }, { name: "Lamp" }], meta: { ids: [3, "7"] } }),
        log({ action: "update", minute: 1, data: { name: "Big lamp" } }),
      ],
      check: 1,
      recordId: 7,
      expected: { name: "Lamp" },
    },
    {
      name: "a custom action's object data is replayed as a patch",
      entries: () => [log({ action: "create", minute: 0, data: { status: "draft" } }), log({ action: "publish", minute: 1, data: { status: "live" } }), log({ action: "update", minute: 2, data: { status: "draft" } })],
      check: 2,
      recordId: 7,
      expected: { status: "live" },
    },
    {
      name: "entries at the same instant replay in id order",
      entries: () => [log({ id: 11, action: "update", minute: 1, data: { price: 2 } }), log({ id: 10, action: "update", minute: 1, data: { price: 1 } })],
      check: 0,
      recordId: 7,
      expected: { price: 1 },
    },
  ];

  it.each(table)("$name", ({ entries, check, recordId, expected }) => {
    const list = entries();
    const history = replayHistory(list);
    expect(history.stateBefore(list[check]!, recordId)).toEqual(expected);
  });

  it("keeps a `__proto__` field a plain field", () => {
    const create = log({ action: "create", minute: 0, data: JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}') });
    const update = log({ action: "update", minute: 1, data: { name: "y" } });
    const state = replayHistory([create, update]).stateBefore(update, 7)!;
    expect(Object.keys(state)).toEqual(["__proto__", "name"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("sortEntriesByTime", () => {
  it("sorts newest or oldest first, undated entries last either way", () => {
    const a = log({ action: "update", minute: 5 });
    const b = log({ action: "update", minute: 1 });
    const undated = { ...log({ action: "update", minute: 0 }), createdAt: undefined };
    expect(sortEntriesByTime([a, undated, b], "oldest")).toEqual([b, a, undated]);
    expect(sortEntriesByTime([a, undated, b], "newest")).toEqual([a, b, undated]);
  });

  it("orders undated entries by numeric id, after the dated ones, newest first when asked", () => {
    const undated = (id: number | string) => ({ ...log({ id, action: "update", minute: 0 }), createdAt: undefined });
    const dated = log({ id: 1, action: "update", minute: 5 });
    const older = log({ id: 2, action: "update", minute: 1 });
    // The provider's order says nothing here: the ids do (providers number logs in order).
    const list = [undated(11), dated, undated(13), older, undated("12")];
    const ids = (order: "oldest" | "newest") => sortEntriesByTime(list, order).map((entry) => entry.id);
    expect(ids("oldest")).toEqual([2, 1, 11, "12", 13]);
    expect(ids("newest")).toEqual([1, 2, 13, "12", 11]);
  });

  it("orders undated entries without numeric ids by the provider's order, read as newest first", () => {
    const undated = (id: string) => ({ ...log({ id, action: "update", minute: 0 }), createdAt: undefined });
    const dated = log({ id: "d", action: "update", minute: 5 });
    // As a provider answers: newest first.
    const list = [undated("c"), undated("b"), dated, undated("a")];
    const ids = (order: "oldest" | "newest") => sortEntriesByTime(list, order).map((entry) => entry.id);
    expect(ids("newest")).toEqual(["d", "c", "b", "a"]);
    expect(ids("oldest")).toEqual(["d", "a", "b", "c"]);
  });

  it("keeps the provider's newest-first order for ties between non-numeric ids", () => {
    const newer = log({ id: "b", action: "update", minute: 1 });
    const older = log({ id: "a2", action: "update", minute: 1 });
    expect(sortEntriesByTime([newer, older], "oldest")).toEqual([older, newer]);
  });
});

describe("getRecordPart", () => {
  const entry = log({ action: "updateMany", minute: 0, meta: { ids: [1, "2", 3] } });
  it.each([
    { value: [{ id: 3, v: "c" }, { id: 1, v: "a" }], recordId: "3", expected: { id: 3, v: "c" } },
    { value: [{ v: "a" }, { v: "b" }, { v: "c" }], recordId: 2, expected: { v: "b" } },
    { value: [{ v: "a" }], recordId: 3, expected: undefined },
    { value: { v: "patch" }, recordId: 1, expected: { v: "patch" } },
  ])("picks record $recordId's part", ({ value, recordId, expected }) => {
    expect(getRecordPart(value, entry, recordId)).toEqual(expected);
  });
});

describe("getEntryChanges", () => {
  const create = log({ action: "create", minute: 0, data: { name: "Lamp", price: 50, tags: ["a"] } });

  it.each([
    {
      name: "a create lists its fields as added",
      entries: [create],
      pick: create,
      expected: [
        { key: "name", kind: "added", after: "Lamp" },
        { key: "price", kind: "added", after: 50 },
        { key: "tags", kind: "added", after: ["a"] },
      ],
    },
    (() => {
      const update = log({ action: "update", minute: 1, data: { price: 100 }, previousData: {} });
      return {
        name: "Refine v5's empty previousData: the before-value is inferred from the create",
        entries: [create, update],
        pick: update,
        expected: [{ key: "price", kind: "changed", before: 50, after: 100, isBeforeInferred: true }],
      };
    })(),
    (() => {
      const update = log({ action: "update", minute: 1, data: { price: 100 }, previousData: { price: 40 } });
      return {
        name: "a before-value in the log wins over the replay and is not marked",
        entries: [create, update],
        pick: update,
        expected: [{ key: "price", kind: "changed", before: 40, after: 100 }],
      };
    })(),
    (() => {
      const update = log({ action: "update", minute: 1, data: { status: "published" }, previousData: {} });
      return {
        name: "a field never seen before is 'set to', not 'added'",
        entries: [update],
        pick: update,
        expected: [{ key: "status", kind: "changed", after: "published", isBeforeUnknown: true }],
      };
    })(),
    (() => {
      const update = log({ action: "update", minute: 1, data: { tags: ["a", "b"] } });
      return {
        name: "nested changes under an inferred field are marked inferred",
        entries: [create, update],
        pick: update,
        expected: [{ key: "tags.1", kind: "added", after: "b", isBeforeInferred: true }],
      };
    })(),
    (() => {
      const remove = log({ action: "delete", minute: 2 });
      return {
        name: "a delete lists the last known fields as removed, inferred",
        entries: [create, remove],
        pick: remove,
        expected: [
          { key: "name", kind: "removed", before: "Lamp", isBeforeInferred: true },
          { key: "price", kind: "removed", before: 50, isBeforeInferred: true },
          { key: "tags", kind: "removed", before: ["a"], isBeforeInferred: true },
        ],
      };
    })(),
    (() => {
      const remove = log({ action: "delete", minute: 2 });
      return { name: "a delete of an unknown record has no rows", entries: [remove], pick: remove, expected: [] };
    })(),
    (() => {
      const custom = log({ action: "export", minute: 2 });
      return { name: "a custom action without data has no rows", entries: [custom], pick: custom, expected: [] };
    })(),
  ])("$name", ({ entries, pick, expected }) => {
    expect(rows(getEntryChanges(pick, { history: replayHistory(entries) }))).toEqual(expected);
  });

  it("shows this record's part of an updateMany (previousData matched by id, else by meta.ids order)", () => {
    const bulk = log({
      action: "updateMany",
      minute: 1,
      data: { price: 10 },
      previousData: [{ id: 9, price: 90 }, { price: 70 }],
      meta: { ids: [9, 7] },
    });
    expect(rows(getEntryChanges(bulk, { recordId: 7 }))).toEqual([{ key: "price", kind: "changed", before: 70, after: 10 }]);
    expect(rows(getEntryChanges(bulk, { recordId: "9" }))).toEqual([{ key: "price", kind: "changed", before: 90, after: 10 }]);
  });

  it("infers an updateMany's before-value for the record from its own history", () => {
    const bulk = log({ action: "updateMany", minute: 1, data: { price: 10 }, previousData: [{}, {}], meta: { ids: [3, 7] } });
    expect(rows(getEntryChanges(bulk, { history: replayHistory([create, bulk]), recordId: 7 }))).toEqual([
      { key: "price", kind: "changed", before: 50, after: 10, isBeforeInferred: true },
    ]);
  });

  it("from the whole resource, a bulk before-value shows only when every record agrees", () => {
    const other = log({ action: "create", minute: 0, data: { price: 50, stock: 1 }, meta: { id: 3 } });
    const mine = log({ action: "create", minute: 0, data: { price: 50, stock: 2 }, meta: { id: 7 } });
    const bulk = log({ action: "updateMany", minute: 1, data: { price: 10, stock: 0 }, previousData: [{}, {}], meta: { ids: [3, 7] } });
    expect(rows(getEntryChanges(bulk, { history: replayHistory([other, mine, bulk]) }))).toEqual([
      { key: "price", kind: "changed", before: 50, after: 10, isBeforeInferred: true },
      { key: "stock", kind: "changed", after: 0, isBeforeUnknown: true },
    ]);
  });

  it("leaves ignored paths out", () => {
    const update = log({ action: "update", minute: 1, data: { price: 100, updatedAt: "2024-05-01" } });
    expect(rows(getEntryChanges(update, { history: replayHistory([create, update]), ignore: ["updatedAt"] })).map((row) => row.key)).toEqual(["price"]);
  });

  it("does not read inherited names as known values", () => {
    const update = log({ action: "update", minute: 1, data: { constructor: "x", toString: "y" }, previousData: {} });
    expect(rows(getEntryChanges(update, { history: replayHistory([create, update]) }))).toEqual([
      { key: "constructor", kind: "changed", after: "x", isBeforeUnknown: true },
      { key: "toString", kind: "changed", after: "y", isBeforeUnknown: true },
    ]);
  });
});

describe("sortEntriesByTime: ties", () => {
  it("orders entries of the same time the same way whatever order they arrive in, with mixed id types", () => {
    const at = "2024-05-01T10:00:00Z";
    const rows = [3, "b", 1, "a", 2].map((id) => ({ id, action: "update", resource: "p", createdAt: at }));
    const entries = rows.map((row) => {
      const result = normalizeLog(row);
      if (!result.ok) throw new Error("fixture");
      return result.entry;
    });
    const ids = (list: typeof entries) => sortEntriesByTime(list).map((entry) => entry.id);
    // Numeric ids by value first; the others keep their (reversed) provider order.
    expect(ids(entries)).toEqual([1, 2, 3, "a", "b"]);
    const numbersOnly = entries.filter((entry) => typeof entry.id === "number");
    expect(ids([...numbersOnly].reverse())).toEqual([1, 2, 3]);
  });
});
