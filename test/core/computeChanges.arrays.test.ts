import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyChanges, computeChanges, type FieldChange } from "../../src/index";
import { largeArray } from "../../bench/workloads";

const countBy = (changes: readonly FieldChange[]) => {
  const counts: Record<string, number> = {};
  for (const change of changes) counts[change.kind] = (counts[change.kind] ?? 0) + 1;
  return counts;
};

describe("computeChanges: large arrays matched by identity", () => {
  // The benchmark's W3: 5,000 { id, name, qty } items, 50 modified, 20 inserted, 20 removed, 10 moved.
  const { before, after } = largeArray();
  const changes = computeChanges(before, after);

  it("reports each edit once, and folds the unchanged items into runs instead of one entry each", () => {
    const edits = changes.filter((change) => change.kind !== "unchanged");
    const counts = countBy(edits);
    expect(counts).toEqual({ added: 20, removed: 20, moved: 10, changed: 50 });
    // Every modification is one leaf (the qty of an item), not the whole item.
    expect(edits.filter((change) => change.kind === "changed").every((change) => /^items\.\d+\.qty$/.test(change.key))).toBe(true);
    // Unchanged items come as runs between edits: bounded by the edits, not by the 5,000 items.
    const runs = changes.filter((change) => change.kind === "unchanged" && change.path[0] === "items" && change.path.length === 2);
    expect(runs.length).toBeLessThanOrEqual(2 * edits.length + 1);
    const covered = runs.reduce((sum, run) => sum + (run.count ?? 1), 0);
    expect(covered).toBe(5000 - 20 - 10 - 50);
  });

  it("is complete: applying the changes to the old record rebuilds the new one", () => {
    expect(applyChanges(before, changes)).toEqual(after);
  });
});

describe("computeChanges: identities", () => {
  const shape = (changes: readonly FieldChange[]) => changes.map((c) => `${c.kind} ${c.key} ${c.fromIndex ?? ""} ${c.count ?? ""}`);

  it("matches 7 and \"7\" as the same item, as it does other equal ids", () => {
    const changes = computeChanges([{ id: 7, v: 1 }, { id: 8, v: 1 }], [{ id: "8", v: 1 }, { id: "7", v: 2 }], { includeUnchanged: false });
    expect(changes.map((c) => `${c.kind} ${c.key}`)).toEqual(["moved 0", "changed 0.id", "changed 1.id", "changed 1.v"]);
  });

  it("aligns items the same whether their ids are small integers, large numbers or strings", () => {
    // Small non-negative integers take a table-indexed path; other ids a Map: same results.
    const items = fc.array(fc.record({ id: fc.integer({ min: 0, max: 40 }), v: fc.integer({ min: 0, max: 3 }) }), { maxLength: 30 });
    fc.assert(
      fc.property(items, items, (a, b) => {
        const withIds = (list: typeof a, toId: (id: number) => unknown) => list.map((item) => ({ ...item, id: toId(item.id) }));
        const small = shape(computeChanges(a, b));
        expect(shape(computeChanges(withIds(a, (id) => id + 1e12), withIds(b, (id) => id + 1e12)))).toEqual(small);
        expect(shape(computeChanges(withIds(a, (id) => `k${id}`), withIds(b, (id) => `k${id}`)))).toEqual(small);
        expect(shape(computeChanges(withIds(a, (id) => -1 - id), withIds(b, (id) => -1 - id)))).toEqual(small);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the first item of a duplicated id keyed and matches the others by content", () => {
    const changes = computeChanges([{ id: 1, v: "a" }, { id: 1, v: "b" }], [{ id: 1, v: "a" }, { id: 1, v: "b" }, { id: 2, v: "c" }], { includeUnchanged: false });
    expect(changes.map((c) => `${c.kind} ${c.key}`)).toEqual(["added 2"]);
  });
});
