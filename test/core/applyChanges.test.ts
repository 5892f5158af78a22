import { afterEach, describe, expect, it } from "vitest";
import { applyChanges, computeChanges, type FieldChange } from "../../src/index";

const own = (value: unknown, key: string) => Object.getOwnPropertyDescriptor(value, key)?.value;

describe("applyChanges: keys that Object.prototype also has", () => {
  afterEach(() => {
    // A failing run must not leave the prototype polluted for the next tests.
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('applies a change at ["__proto__", "polluted"] to an own field, never to a prototype', () => {
    const before = JSON.parse('{"__proto__": {"polluted": false, "keep": 1}, "name": "Lamp"}');
    const after = JSON.parse('{"__proto__": {"polluted": true, "keep": 1}, "name": "Lamp"}');
    const changes = computeChanges(before, after, { includeUnchanged: false });
    expect(changes.map((change) => change.path)).toEqual([["__proto__", "polluted"]]);
    const added: FieldChange = { path: ["__proto__", "polluted"], key: "__proto__.polluted", kind: "added", after: true };

    for (const [base, list, expected] of [
      [before, changes, { polluted: true, keep: 1 }],
      // Applied to a record without the field (a restore preview on another version).
      [{ name: "Lamp" }, changes, { polluted: true }],
      [{}, [added], { polluted: true }],
    ] as const) {
      const result = applyChanges(base, list) as Record<string, unknown>;
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
      expect(Object.keys(result)).toContain("__proto__");
      expect(own(result, "__proto__")).toEqual(expected);
      expect(result.polluted).toBeUndefined();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(own(before, "__proto__")).toEqual({ polluted: false, keep: 1 });
  });

  it("applies changes under `constructor` and `toString` to fields, not to Object.prototype's members", () => {
    const changes = computeChanges({ constructor: { x: 1 } }, { constructor: { x: 2 } }, { includeUnchanged: false });
    expect(changes.map((change) => change.key)).toEqual(["constructor.x"]);
    // The record being restored has no `constructor` field: it is built, not read from Object.
    expect(applyChanges({ name: "Lamp" }, changes)).toEqual({ name: "Lamp", constructor: { x: 2 } });
    expect(applyChanges({ constructor: { x: 1, y: 0 } }, changes)).toEqual({ constructor: { x: 2, y: 0 } });

    const toString: FieldChange = { path: ["toString", "a"], key: "toString.a", kind: "added", after: 1 };
    const result = applyChanges({ name: "Lamp" }, [toString]) as Record<string, unknown>;
    expect(own(result, "toString")).toEqual({ a: 1 });
    expect(typeof result.toString).toBe("object");
  });

  it("leaves a key the record lacks absent when the changes only remove under it", () => {
    const removed: FieldChange = { path: ["constructor", "x"], key: "constructor.x", kind: "removed", before: 1 };
    const result = applyChanges({ name: "Lamp" }, [removed]) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(["name"]);
    expect(result.constructor).toBe(Object);
  });
});
