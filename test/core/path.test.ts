import { describe, expect, it } from "vitest";
import { compilePathPatterns, formatPath, toPathKey } from "../../src/index";

describe("paths", () => {
  it.each([
    [["address", "city"], "address.city", "address.city"],
    [["items", 2, "qty"], "items[2].qty", "items.2.qty"],
    [[0], "[0]", "0"],
    [["first name", "x"], '["first name"].x', "first name.x"],
    [[], "", ""],
  ])("%j reads %s and keys as %s", (path, readable, key) => {
    expect(formatPath(path)).toBe(readable);
    expect(toPathKey(path)).toBe(key);
  });

  it("matches patterns with * and ** and everything below a match", () => {
    const match = compilePathPatterns(["updatedAt", "*.version", "meta.**", "items.*.sku"])!;
    expect(match(["updatedAt"])).toBe(true);
    expect(match(["updatedAt", "nested"])).toBe(true);
    expect(match(["variant", "version"])).toBe(true);
    expect(match(["version"])).toBe(false);
    expect(match(["meta"])).toBe(true);
    expect(match(["items", 3, "sku"])).toBe(true);
    expect(match(["items", 3, "qty"])).toBe(false);
    expect(compilePathPatterns([])).toBeUndefined();
    expect(compilePathPatterns(["**.secret"])!(["a", "b", "secret"])).toBe(true);
  });
});
