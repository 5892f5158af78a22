import { describe, expect, it } from "vitest";
import { getValueType, isDateOnly, parseIsoDate, toCompactJson } from "../../src/index";

describe("values", () => {
  it("classifies values", () => {
    expect([null, undefined, 1, 1n, "s", true, new Date(), [], new Map(), new Set(), {}, () => 1, Symbol()].map(getValueType)).toEqual([
      "null", "undefined", "number", "bigint", "string", "boolean", "date", "array", "array", "array", "object", "function", "symbol",
    ]);
  });

  it("parses ISO dates only", () => {
    expect(parseIsoDate("2024-05-01")?.toISOString()).toBe("2024-05-01T00:00:00.000Z");
    expect(parseIsoDate("2024-05-01T10:00:00+02:00")?.toISOString()).toBe("2024-05-01T08:00:00.000Z");
    expect(parseIsoDate("05/06/2024")).toBeUndefined();
    expect(parseIsoDate("2024-13-45")).toBeUndefined();
    expect(parseIsoDate("1234")).toBeUndefined();
    expect(isDateOnly("2024-05-01")).toBe(true);
    expect(isDateOnly("2024-05-01T00:00Z")).toBe(false);
  });

  it("renders compact JSON for anything, bounded", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(toCompactJson({ name: "Lamp", tags: ["a", "b"] })).toBe('{"name": "Lamp", "tags": ["a", "b"]}');
    expect(toCompactJson(cyclic)).toBe('{"a": 1, "self": [Circular]}');
    expect(toCompactJson({ n: 12n, d: new Date(0), u: undefined, f: function named() {} })).toBe('{"n": 12n, "d": 1970-01-01T00:00:00.000Z, "u": undefined, "f": [Function named]}');
    expect(toCompactJson(Array.from({ length: 10_000 }, (_, i) => i), { maxLength: 20 })).toBe("[0, 1, 2, 3, 4, 5, 6…");
    let deep: unknown = 1;
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(toCompactJson(deep, { maxDepth: 3 })).toBe("[[[[…]]]]");
    expect(toCompactJson("<img src=x onerror=alert(1)>")).toBe('"<img src=x onerror=alert(1)>"');
  });
});
