import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyChanges, computeChanges } from "../../src/index";

const canonical = (value: unknown) => JSON.parse(JSON.stringify(value));
const realChanges = (previous: unknown, next: unknown) => computeChanges(previous, next).filter((c) => c.kind !== "unchanged");

// Records shaped like real ones: scalar fields, nested objects, and arrays of items that
// carry an id (so identity matching, inserts and moves get exercised) or do not.
const { record } = fc.letrec((tie) => ({
  scalar: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom("a", "b", "", "Draft", "Published"), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true })),
  item: fc.record({ id: fc.integer({ min: 0, max: 6 }), qty: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: ["qty"] }),
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("scalar"), tie("record"), fc.array(tie("item"), { maxLength: 8 }), fc.array(tie("scalar"), { maxLength: 6 })),
  record: fc.dictionary(fc.constantFrom("a", "b", "c", "name", "items", "__proto__"), tie("value"), { maxKeys: 5 }),
}));

const container = fc.oneof(record, fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 6 }));

describe("computeChanges: properties", () => {
  it("applying the changes to previous reproduces next (related records)", () => {
    fc.assert(
      fc.property(record, record, (previous, next) => {
        expect(canonical(applyChanges(previous, computeChanges(previous, next)))).toEqual(canonical(next));
      }),
      { numRuns: 1500 },
    );
  });

  it("applying the changes to previous reproduces next (any JSON containers)", () => {
    fc.assert(
      fc.property(container, container, (previous, next) => {
        expect(canonical(applyChanges(previous, computeChanges(previous, next)))).toEqual(canonical(next));
      }),
      { numRuns: 800 },
    );
  });

  it("also without the unchanged entries", () => {
    fc.assert(
      fc.property(record, record, (previous, next) => {
        expect(canonical(applyChanges(previous, computeChanges(previous, next, { includeUnchanged: false })))).toEqual(canonical(next));
      }),
      { numRuns: 500 },
    );
  });

  it("a value compared with itself, or with a copy of itself, yields no changes", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(realChanges(value, value)).toEqual([]);
        expect(realChanges(value, structuredClone(value))).toEqual([]);
      }),
      { numRuns: 800 },
    );
  });

  it("applyChanges leaves previous untouched", () => {
    fc.assert(
      fc.property(record, record, (previous, next) => {
        const snapshot = structuredClone(previous);
        applyChanges(previous, computeChanges(previous, next));
        expect(previous).toEqual(snapshot);
      }),
      { numRuns: 300 },
    );
  });
});
