import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useRecordDiff, type UseRecordDiffOptions } from "../../src/index";

const hook = (options: UseRecordDiffOptions) => renderHook((props: UseRecordDiffOptions) => useRecordDiff(props), { initialProps: options });

describe("useRecordDiff", () => {
  it("returns all changes, the visible rows and the counts", () => {
    const { result } = hook({ previousData: { a: 1, b: 2, secret: 1, list: [1, 2, 3, 4] }, data: { a: 1, b: 3, secret: 2, list: [1, 2, 3, 4, 5] }, fields: { secret: { hidden: true } } });
    // The policy is applied before anything else sees the changes: the hidden field is not in them.
    expect(result.current.changes.map((c) => c.key)).toEqual(["a", "b", "list.0", "list.4"]);
    expect(result.current.rows.map((r) => r.change.key)).toEqual(["b", "list.4"]);
    expect(result.current.unchangedCount).toBe(5); // a, and a run of 4 items
    expect(result.current.hiddenCount).toBe(1);
    expect(result.current.changedCount).toBe(2);
    expect(result.current.isEmpty).toBe(false);
  });

  it("toggles the unchanged rows in and out", () => {
    const { result } = hook({ previousData: { a: 1, b: 2 }, data: { a: 1, b: 3 } });
    expect(result.current.isShowingUnchanged).toBe(false);
    act(() => result.current.toggleUnchanged());
    expect(result.current.isShowingUnchanged).toBe(true);
    expect(result.current.rows.map((r) => r.label)).toEqual(["A", "B"]);
    expect(result.current.getToggleUnchangedProps()["aria-expanded"]).toBe(true);
  });

  it("renders 200 rows at first by default", () => {
    const before = Object.fromEntries(Array.from({ length: 230 }, (_, i) => [`f${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 230 }, (_, i) => [`f${i}`, i + 1]));
    const { result } = hook({ previousData: before, data: after });
    expect(result.current.rows).toHaveLength(200);
    expect(result.current.remainingCount).toBe(30);
  });

  it("pages the rows", () => {
    const before = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i}`, i + 1]));
    const { result } = hook({ previousData: before, data: after, pageSize: 10 });
    expect(result.current.rows).toHaveLength(10);
    expect(result.current.remainingCount).toBe(15);
    act(() => result.current.showMore());
    act(() => result.current.showMore());
    expect(result.current.rows).toHaveLength(25);
    expect(result.current.hasMore).toBe(false);
  });

  it("recomputes only when its inputs change (ignore is compared by content)", () => {
    const previousData = { a: 1, t: 1 };
    const data = { a: 2, t: 2 };
    const { result, rerender } = hook({ previousData, data, ignore: ["t"] });
    const first = result.current.changes;
    rerender({ previousData, data, ignore: ["t"] });
    expect(result.current.changes).toBe(first);
    rerender({ previousData, data: { a: 3, t: 2 }, ignore: ["t"] });
    expect(result.current.changes).not.toBe(first);
    expect(result.current.changes.map((c) => c.after)).toEqual([3]);
  });

  it("turns values into words, with formatters, redaction and runs", () => {
    const { result } = hook({
      locale: "en-US",
      previousData: { price: 1000, pin: 1234, tags: ["a", "b", "c"] },
      data: { price: 2000, pin: 4321, tags: ["a", "b", "c", "d"] },
      fields: { pin: { redact: true }, price: { format: (value, { side }) => `${side}:${value}` } },
      defaultShowUnchanged: true,
    });
    const [price, pin, run] = result.current.rows;
    expect(result.current.getFormattedValue(price!, "after")).toEqual({ type: "text", text: "after:2000" });
    expect(pin!.isRedacted).toBe(true);
    expect(String(pin!.before)).toBe("(hidden)");
    expect(JSON.stringify(result.current.rows)).not.toMatch(/1234|4321/);
    expect(result.current.getFormattedValue(pin!, "before")).toEqual({ type: "redacted", text: "(hidden)" });
    expect(run!.label).toBe("Tags › items 1–3");
    expect(result.current.getFormattedValue(run!, "after").text).toBe("3 unchanged items");
  });

  it("reports a log row it cannot read, with nothing to show", () => {
    const { result } = hook({ log: "not a row" });
    expect(result.current.error?.reason).toMatch(/not an object/);
    expect(result.current.rows).toEqual([]);
  });

  it("gives prop getters that merge the user's props", () => {
    const { result } = hook({ previousData: { a: 1 }, data: { a: 2 }, view: "split" });
    const root = result.current.getRootProps({ "aria-label": "Price history", className: "x" });
    expect(root).toMatchObject({ "data-scope": "record-diff", "data-view": "split", role: "group", "aria-label": "Price history", className: "x" });
    const row = result.current.getRowProps(result.current.rows[0]!, { id: "r" });
    expect(row).toMatchObject({ "data-part": "field", "data-path": "a", "data-change": "changed", id: "r" });
    expect(row["data-inferred"]).toBeUndefined();
  });
});
