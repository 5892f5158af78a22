import { describe, expect, it } from "vitest";
import { findCachedLogRow, updateCachedLogRow } from "../../src/index";

const rename = (name: string) => (row: Record<string, unknown>) => ({ ...row, name });

describe("updateCachedLogRow", () => {
  const rows = [
    { id: 1, name: "Old", action: "update" },
    { id: 2, action: "create" },
  ];

  it("renames the matching row of an array, immutably", () => {
    const next = updateCachedLogRow(rows, 1, rename("Spring price list"));
    expect(next).toEqual([{ id: 1, name: "Spring price list", action: "update" }, { id: 2, action: "create" }]);
    expect(rows[0].name).toBe("Old");
    expect(next).not.toBe(rows);
    expect(next[1]).toBe(rows[1]);
  });

  it.each<[string, unknown, unknown]>([
    ["a number id matched by a string", [{ id: 7 }], "7"],
    ["a string id matched by a number", [{ id: "7" }], 7],
    ["an _id when there is no id", [{ _id: "abc" }], "abc"],
  ])("matches ids by value: %s", (_label, response, id) => {
    expect(findCachedLogRow(updateCachedLogRow(response, id as string, rename("X")), id as string)?.name).toBe("X");
  });

  it.each(["data", "items", "logs"])("keeps the paging shape with rows under %s", (key) => {
    const response = { [key]: rows, total: 2, cursor: "next" };
    const next = updateCachedLogRow(response, 2, rename("Named"));
    expect(next).toEqual({ [key]: [rows[0], { id: 2, action: "create", name: "Named" }], total: 2, cursor: "next" });
    expect(response[key]).toBe(rows);
  });

  it("walks the pages of an infinite query", () => {
    const response = { pages: [[{ id: 1 }], { data: [{ id: 2 }] }], pageParams: [undefined, "b"] };
    const next = updateCachedLogRow(response, 2, rename("Second page"));
    expect(next.pages[0]).toBe(response.pages[0]);
    expect(next.pages[1]).toEqual({ data: [{ id: 2, name: "Second page" }] });
  });

  it.each<[string, unknown]>([
    ["an array without the id", rows],
    ["undefined (a list not loaded yet)", undefined],
    ["a string", "not rows"],
    ["an object without rows", { total: 0 }],
    ["malformed rows", [null, 3, "x", { id: null }, { noId: true }]],
  ])("returns the same reference when nothing matches: %s", (_label, response) => {
    expect(updateCachedLogRow(response, 99, rename("X"))).toBe(response);
  });

  it("does not treat a missing id as a match for an empty one", () => {
    expect(updateCachedLogRow([{ name: "a" }, { id: "" }], "", rename("X"))).toEqual([{ name: "a" }, { id: "" }]);
  });
});
