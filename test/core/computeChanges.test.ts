import { describe, expect, it } from "vitest";
import { applyChanges, computeChangeSet, computeChanges, createWorkBudget, type ComputeChangesOptions, type FieldChange } from "../../src/index";

/** The changes as compact rows: [key, kind, before?, after?] plus the extras that matter. */
function rows(previous: unknown, next: unknown, options?: ComputeChangesOptions) {
  return computeChanges(previous, next, { includeUnchanged: false, ...options }).map(summarize);
}

function summarize(change: FieldChange) {
  const row: Record<string, unknown> = { key: change.key, kind: change.kind };
  if ("before" in change) row.before = change.before;
  if ("after" in change) row.after = change.after;
  if (change.fromIndex !== undefined) row.fromIndex = change.fromIndex;
  if (change.count !== undefined) row.count = change.count;
  if (change.note) row.note = change.note;
  return row;
}

describe("computeChanges: objects", () => {
  it.each<[string, unknown, unknown, ReturnType<typeof rows>]>([
    ["a changed leaf", { price: 50 }, { price: 100 }, [{ key: "price", kind: "changed", before: 50, after: 100 }]],
    ["an added key", { a: 1 }, { a: 1, b: 2 }, [{ key: "b", kind: "added", after: 2 }]],
    ["a removed key", { a: 1, b: 2 }, { a: 1 }, [{ key: "b", kind: "removed", before: 2 }]],
    ["nested leaves, walked to the leaf", { address: { city: "Oslo", zip: "0150" } }, { address: { city: "Bergen", zip: "0150" } }, [{ key: "address.city", kind: "changed", before: "Oslo", after: "Bergen" }]],
    ["an added subtree is one entry", { a: 1 }, { a: 1, address: { city: "Oslo" } }, [{ key: "address", kind: "added", after: { city: "Oslo" } }]],
    ["a key set to undefined counts as absent", { a: 1, b: undefined }, { a: 1 }, []],
    ["null to a value is a change", { a: null }, { a: 3 }, [{ key: "a", kind: "changed", before: null, after: 3, note: "type-changed" }]],
    ["an object replaced by an array", { a: { x: 1 } }, { a: [1] }, [{ key: "a", kind: "changed", before: { x: 1 }, after: [1], note: "type-changed" }]],
    ["a number that became a numeric string", { qty: 5 }, { qty: "5" }, [{ key: "qty", kind: "changed", before: 5, after: "5", note: "type-changed" }]],
    ["NaN equals NaN", { n: Number.NaN }, { n: Number.NaN }, []],
    ["Infinity to -Infinity", { n: Infinity }, { n: -Infinity }, [{ key: "n", kind: "changed", before: Infinity, after: -Infinity }]],
    ["BigInts compare by value", { n: 10n, m: 1n }, { n: 10n, m: 2n }, [{ key: "m", kind: "changed", before: 1n, after: 2n }]],
    ["a BigInt and a number differ in type", { n: 1n }, { n: 1 }, [{ key: "n", kind: "changed", before: 1n, after: 1, note: "type-changed" }]],
    ["keys that are not identifiers", { "first name": "A" }, { "first name": "B" }, [{ key: "first name", kind: "changed", before: "A", after: "B" }]],
  ])("%s", (_, previous, next, expected) => {
    expect(rows(previous, next)).toEqual(expected);
  });

  it("keeps document order: fields in the new record's order, removed fields after", () => {
    expect(rows({ a: 1, b: 1, c: 1 }, { c: 2, d: 2, a: 2 }).map((row) => `${row.key}:${row.kind}`)).toEqual([
      "c:changed",
      "d:added",
      "a:changed",
      "b:removed",
    ]);
  });
});

describe("computeChanges: the root", () => {
  it("a create lists each field of the new record as added", () => {
    expect(rows(undefined, { name: "Lamp", tags: ["a"] })).toEqual([
      { key: "name", kind: "added", after: "Lamp" },
      { key: "tags", kind: "added", after: ["a"] },
    ]);
    expect(rows(null, { name: "Lamp" })).toEqual([{ key: "name", kind: "added", after: "Lamp" }]);
  });

  it("a delete lists each field of the old record as removed", () => {
    expect(rows({ name: "Lamp" }, undefined)).toEqual([{ key: "name", kind: "removed", before: "Lamp" }]);
  });

  it("two leaves give one entry at the empty path", () => {
    expect(rows(1, 2)).toEqual([{ key: "", kind: "changed", before: 1, after: 2 }]);
    expect(rows("x", { a: 1 })).toEqual([{ key: "", kind: "changed", before: "x", after: { a: 1 }, note: "type-changed" }]);
    expect(rows(undefined, 5)).toEqual([{ key: "", kind: "added", after: 5 }]);
    expect(rows(null, undefined)).toEqual([]);
  });

  it("lists the unchanged fields of an unchanged record, so a UI can count them", () => {
    const same = { a: 1, b: { c: 2 } };
    const changes = computeChanges(same, same);
    expect(changes.map((c) => `${c.key}:${c.kind}`)).toEqual(["a:unchanged", "b:unchanged"]);
  });
});

describe("computeChanges: dates", () => {
  it("compares Dates by time, and a Date with the ISO string of the same instant as equal", () => {
    const at = "2024-05-01T10:00:00.000Z";
    expect(rows({ d: new Date(at) }, { d: new Date(at) })).toEqual([]);
    expect(rows({ d: new Date(at) }, { d: at })).toEqual([]);
    expect(rows({ d: at }, { d: new Date(at) })).toEqual([]);
    expect(rows({ d: new Date(at) }, { d: new Date("2024-05-02T10:00:00.000Z") })).toHaveLength(1);
  });

  it("treats two ISO strings as text: a different spelling of the same instant is a change", () => {
    expect(rows({ d: "2024-05-01T10:00:00Z" }, { d: "2024-05-01T10:00:00.000Z" })).toEqual([
      { key: "d", kind: "changed", before: "2024-05-01T10:00:00Z", after: "2024-05-01T10:00:00.000Z" },
    ]);
  });

  it("invalid Dates equal each other", () => {
    expect(rows({ d: new Date("nope") }, { d: new Date("also nope") })).toEqual([]);
  });
});

describe("computeChanges: arrays", () => {
  const item = (id: number, qty = id) => ({ id, name: `Item ${id}`, qty });

  it("an inserted item with an identity is one added entry, not every later index changed", () => {
    const before = { items: [item(1), item(2), item(3)] };
    const after = { items: [item(1), item(9), item(2), item(3)] };
    expect(rows(before, after)).toEqual([{ key: "items.1", kind: "added", after: item(9) }]);
  });

  it("a removed item carries its old index", () => {
    expect(rows({ items: [item(1), item(2), item(3)] }, { items: [item(1), item(3)] })).toEqual([
      { key: "items.1", kind: "removed", before: item(2) },
    ]);
  });

  it("a moved item carries its new index and where it came from; its own edits follow it", () => {
    const before = { items: [item(1), item(2), item(3)] };
    const after = { items: [item(3, 30), item(1), item(2)] };
    expect(rows(before, after)).toEqual([
      { key: "items.0", kind: "moved", before: item(3), after: item(3, 30), fromIndex: 2 },
      { key: "items.0.qty", kind: "changed", before: 3, after: 30 },
    ]);
  });

  it("matches by _id and key too, and ids by value across types", () => {
    expect(rows([{ _id: "a", v: 1 }, { _id: "b", v: 1 }], [{ _id: "b", v: 2 }, { _id: "a", v: 1 }])).toEqual([
      { key: "0", kind: "moved", before: { _id: "b", v: 1 }, after: { _id: "b", v: 2 }, fromIndex: 1 },
      { key: "0.v", kind: "changed", before: 1, after: 2 },
    ]);
    expect(rows([{ key: 1, v: 1 }], [{ key: "1", v: 2 }])).toEqual([{ key: "0.key", kind: "changed", before: 1, after: "1", note: "type-changed" }, { key: "0.v", kind: "changed", before: 1, after: 2 }]);
  });

  it("uses a custom identity", () => {
    const options = { getItemId: (value: unknown) => (value as { sku: string }).sku };
    expect(rows([{ sku: "A", n: 1 }, { sku: "B", n: 1 }], [{ sku: "B", n: 1 }], options)).toEqual([
      { key: "0", kind: "removed", before: { sku: "A", n: 1 } },
    ]);
  });

  it("an item whose identity disappears is removed, and one that appears is added, even facing each other", () => {
    expect(rows([item(1)], [item(2)])).toEqual([
      { key: "0", kind: "removed", before: item(1) },
      { key: "0", kind: "added", after: item(2) },
    ]);
  });

  it("primitives: an edit in place is a change at that index", () => {
    expect(rows(["a", "b", "c"], ["a", "x", "c"])).toEqual([{ key: "1", kind: "changed", before: "b", after: "x" }]);
  });

  it("primitives: an insertion, a removal and a move", () => {
    expect(rows([1, 2, 3, 4], [1, 3, 2, 4, 5])).toEqual([
      { key: "1", kind: "moved", before: 3, after: 3, fromIndex: 2 },
      { key: "4", kind: "added", after: 5 },
    ]);
    expect(rows(["a", "b", "c"], ["b", "c"])).toEqual([{ key: "0", kind: "removed", before: "a" }]);
  });

  it("objects without identity facing each other are compared field by field", () => {
    expect(rows([{ a: 1, b: 2 }], [{ a: 1, b: 3 }])).toEqual([{ key: "0.b", kind: "changed", before: 2, after: 3 }]);
  });

  it("folds runs of unchanged items into one entry with a count", () => {
    const before = { items: Array.from({ length: 10 }, (_, i) => item(i)) };
    const after = { items: before.items.map((it) => (it.id === 5 ? { ...it, qty: 50 } : it)) };
    const changes = computeChanges(before, after).filter((c) => c.path[0] === "items");
    expect(changes.map(summarize)).toEqual([
      { key: "items.0", kind: "unchanged", before: item(0), after: item(0), count: 5 },
      { key: "items.5.id", kind: "unchanged", before: 5, after: 5 },
      { key: "items.5.name", kind: "unchanged", before: "Item 5", after: "Item 5" },
      { key: "items.5.qty", kind: "changed", before: 5, after: 50 },
      { key: "items.6", kind: "unchanged", before: item(6), after: item(6), count: 4 },
    ]);
  });

  it("duplicate identities: the first is matched by identity, the rest by content", () => {
    expect(rows([item(1), item(1, 7)], [item(1), item(1, 7), item(1, 8)])).toEqual([{ key: "2", kind: "added", after: item(1, 8) }]);
  });

  it("Maps and Sets are compared by content, as lists of entries and values", () => {
    expect(rows({ s: new Set([1, 2]) }, { s: new Set([1, 2, 3]) })).toEqual([{ key: "s.2", kind: "added", after: 3 }]);
    expect(rows({ m: new Map([["a", 1]]) }, { m: new Map([["a", 2]]) })).toEqual([{ key: "m.0.1", kind: "changed", before: 1, after: 2 }]);
  });
});

describe("computeChanges: options", () => {
  const before = { updatedAt: "1", price: 1, items: [{ id: 1, version: 1, qty: 1 }], meta: { a: 1, b: { c: 1 } } };
  const after = { updatedAt: "2", price: 2, items: [{ id: 1, version: 2, qty: 2 }], meta: { a: 2, b: { c: 2 } } };

  it("ignores exact paths, `*` for one segment and `**` for any depth", () => {
    expect(rows(before, after, { ignore: ["updatedAt", "items.*.version", "meta.**"] }).map((r) => r.key)).toEqual(["price", "items.0.qty"]);
    expect(rows(before, after, { ignore: ["**.c", "*.version"] }).map((r) => r.key)).toEqual(["updatedAt", "price", "items.0.version", "items.0.qty", "meta.a"]);
  });

  it("includes unchanged entries by default, and leaves them out on request", () => {
    expect(computeChanges({ a: 1, b: 1 }, { a: 1, b: 2 }).map((c) => c.kind)).toEqual(["unchanged", "changed"]);
    expect(computeChanges({ a: 1, b: 1 }, { a: 1, b: 2 }, { includeUnchanged: false }).map((c) => c.kind)).toEqual(["changed"]);
  });

  it("word-diffs strings from minTextDiffLength on", () => {
    const long = "The quick brown fox jumps over the lazy dog by the river bank.";
    const edited = long.replace("lazy", "sleepy");
    expect(computeChanges({ d: long }, { d: edited })[0]!.text).toEqual([
      { type: "equal", text: "The quick brown fox jumps over the " },
      { type: "delete", text: "lazy" },
      { type: "insert", text: "sleepy" },
      { type: "equal", text: " dog by the river bank." },
    ]);
    expect(computeChanges({ d: "short text" }, { d: "short test" })[0]!.text).toBeUndefined();
    expect(computeChanges({ d: "short text" }, { d: "short test" }, { minTextDiffLength: 5 })[0]!.text).toHaveLength(3);
  });

  it("maxDepth reports deeper differences without walking them", () => {
    expect(rows({ a: { b: { c: 1 } } }, { a: { b: { c: 2 } } }, { maxDepth: 2 })).toEqual([
      { key: "a.b", kind: "changed", before: { c: 1 }, after: { c: 2 }, note: "too-deep" },
    ]);
  });
});

describe("computeChanges: hostile input never throws", () => {
  it("a cycle on one side", () => {
    const a: Record<string, unknown> = { name: "x" };
    a.self = a;
    const result = rows(a, { name: "x", self: { name: "x" } });
    expect(result).toEqual([{ key: "self", kind: "changed", before: a, after: { name: "x" }, note: "circular" }]);
  });

  it("the same cycle on both sides is unchanged; edits beside it are found", () => {
    const a: Record<string, unknown> = { n: 1 };
    a.self = a;
    const b: Record<string, unknown> = { n: 2 };
    b.self = b;
    expect(rows(a, b)).toEqual([{ key: "n", kind: "changed", before: 1, after: 2 }]);
  });

  it("functions and symbols are incomparable unless identical", () => {
    const f = () => 1;
    const s = Symbol("s");
    expect(rows({ f, s }, { f, s })).toEqual([]);
    expect(rows({ f }, { f: () => 1 })).toEqual([expect.objectContaining({ key: "f", kind: "changed", note: "incomparable" })]);
    expect(rows({ s }, { s: Symbol("s") })).toEqual([expect.objectContaining({ key: "s", kind: "changed", note: "incomparable" })]);
  });

  it("getters that throw and revoked proxies are reported as unreadable, never thrown", () => {
    const hostile = Object.defineProperty({}, "boom", { enumerable: true, get: () => { throw new Error("no"); } });
    expect(() => computeChanges(hostile, { boom: 1 })).not.toThrow();
    const [change] = rows(hostile, { boom: 1 });
    expect(change).toMatchObject({ key: "boom", kind: "changed", after: 1, note: "incomparable" });
    expect(String(change!.before)).toBe("[unreadable: no]");
    // Two unreadable values are never "unchanged": nothing is known about them.
    expect(rows(hostile, Object.defineProperty({}, "boom", { enumerable: true, get: () => { throw new Error("no"); } }))).toEqual([
      expect.objectContaining({ key: "boom", kind: "changed", note: "incomparable" }),
    ]);
    const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
    revoke();
    expect(rows({ p: proxy }, { p: 1 })).toEqual([expect.objectContaining({ key: "p", kind: "changed", note: "incomparable" })]);
    expect(() => computeChanges(proxy, { a: 1 })).not.toThrow();
    expect(() => computeChanges([proxy], [{ id: 1 }])).not.toThrow();
  });

  it("nesting tens of thousands of levels deep", () => {
    let a: unknown = { leaf: 1 };
    let b: unknown = { leaf: 2 };
    for (let i = 0; i < 30_000; i++) {
      a = { n: a };
      b = { n: b };
    }
    const [change] = rows(a, b);
    expect(change).toMatchObject({ kind: "changed", before: 1, after: 2 });
    expect((change!.key as string).split(".")).toHaveLength(30_001);
    // Ignored paths are matched one segment at a time, not by rebuilding each path.
    expect(rows(a, b, { ignore: ["**.leaf"] })).toEqual([]);
    expect(rows(a, b, { ignore: ["n.n.updatedAt"] })).toHaveLength(1);
    // And the changes rebuild the deep value without running out of stack.
    const rebuilt = applyChanges(a, computeChanges(a, b));
    expect(rows(rebuilt, b)).toEqual([]);
    expect(rows(rebuilt, a)).toHaveLength(1);
  }, 30_000);

  it("a multi-megabyte string with a small edit gets a word diff", { timeout: 30_000 }, () => {
    const words = Array.from({ length: 400_000 }, (_, i) => `word${i % 977}`).join(" ");
    const at = words.indexOf(" ", 1_000_000) + 1;
    const edited = `${words.slice(0, at)}CHANGED ${words.slice(at)}`;
    const [change] = computeChanges({ t: words }, { t: edited });
    expect(change!.text?.filter((s) => s.type !== "equal")).toEqual([{ type: "insert", text: "CHANGED " }]);
  });

  it("two unrelated multi-megabyte strings give up on the word diff instead of hanging", { timeout: 30_000 }, () => {
    const a = Array.from({ length: 200_000 }, (_, i) => `a${i}`).join(" ");
    const b = Array.from({ length: 200_000 }, (_, i) => `b${i}`).join(" ");
    const [change] = computeChanges({ t: a }, { t: b });
    expect(change).toMatchObject({ kind: "changed" });
    expect(change!.text).toBeUndefined();
  });

  it("arrays of 100,000 items, with and without identity", () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => ({ id: i, v: i }));
    const edited = [...ids.slice(0, 50_000), { id: -1, v: 0 }, ...ids.slice(50_000)];
    expect(rows(ids, edited)).toEqual([{ key: "50000", kind: "added", after: { id: -1, v: 0 } }]);
    const numbers = Array.from({ length: 100_000 }, (_, i) => i);
    expect(rows(numbers, [...numbers].reverse()).length).toBeGreaterThan(0);
    expect(rows(numbers, numbers.slice(1))).toEqual([{ key: "0", kind: "removed", before: 0 }]);
  }, 30_000); // a test of results on large input, not of speed: speed is measured in benchmarks

  it("a value compared with a copy of itself has no changes, whatever it holds", () => {
    const value = { a: [1, { b: new Date(0), c: null, d: [[]] }], e: Number.NaN, f: 10n };
    expect(rows(value, structuredClone(value))).toEqual([]);
  });
});

describe("computeChanges: scoped ignore and the work budget", () => {
  it("does not reuse an equal pair found under a path-scoped ignore at another path", () => {
    const before = { secret: "a", name: "x" };
    const after = { secret: "b", name: "x" };
    const changes = computeChanges({ x: before, y: before }, { x: after, y: after }, { ignore: ["x.secret"], includeUnchanged: false });
    expect(changes.map((change) => change.key)).toEqual(["y.secret"]);
  });

  it("lists at most maxChanges changes and counts the rest exactly", () => {
    const before = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, i + 1]));
    const set = computeChangeSet(before, after, { budget: { maxChanges: 10 } });
    expect(set.changes.filter((change) => change.kind !== "unchanged")).toHaveLength(10);
    expect(set.overflow).toEqual({ omittedCount: 40, isIncomplete: false });
  });

  it("stops past maxWork, says the rest is incomplete, and never throws on any depth", () => {
    let before: unknown = { leaf: 1 };
    let after: unknown = { leaf: 2 };
    for (let i = 0; i < 100_000; i++) {
      before = { next: before, [`k${i % 7}`]: i };
      after = { next: after, [`k${i % 7}`]: i + 1 };
    }
    const budget = createWorkBudget({ maxWork: 5_000, maxDepth: Number.POSITIVE_INFINITY });
    const set = computeChangeSet(before, after, { budget });
    expect(set.overflow?.isIncomplete).toBe(true);
    expect(budget.work).toBeLessThan(5_100);
  });

  it("compares deeper than maxDepth as one changed value", () => {
    const set = computeChangeSet({ a: { b: { c: { d: 1 } } } }, { a: { b: { c: { d: 2 } } } }, { budget: { maxDepth: 2 } });
    expect(set.changes.filter((change) => change.kind !== "unchanged")).toMatchObject([{ key: "a.b", note: "too-deep" }]);
  });

  it("shares the word-diff budget among the texts of one entry", () => {
    const text = (seed: number) => Array.from({ length: 600 }, (_, i) => `w${(i * 7919 + seed) % 100_003}`).join(" ");
    const before = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`t${i}`, text(i)]));
    const after = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`t${i}`, text(i + 50_000)]));
    const budget = createWorkBudget({ maxTextWork: 1_000_000 });
    const set = computeChangeSet(before, after, { budget });
    expect(set.changes).toHaveLength(20);
    // The first texts spend the budget; past it the rest are shown whole (no word diff), never unbounded.
    expect(budget.textWork).toBeLessThan(1_020_000);
    expect(set.changes.filter((change) => change.text === undefined).length).toBeGreaterThan(0);
  });
});
