import { describe, expect, it } from "vitest";
import { compileFields } from "../../src/core/policy";
import { getEntryDiff } from "../../src/core/pipeline";
import { normalizeLogs } from "../../src/core/normalizeLog";
import { collectReferences, formatReference, getReferenceLabel, MAX_REFERENCE_IDS, type ReferenceRequests } from "../../src/core/references";
import { createEntryReader } from "../../src/core/readEntries";

const categories = { resource: "categories", label: "title" } as const;
const fields = compileFields({
  categoryId: { label: "Category", reference: categories },
  tagIds: { reference: { resource: "tags" } },
  "variants.*.categoryId": { reference: categories },
  secretId: { reference: { resource: "people" }, redact: true },
});

const entry = (data: unknown, previousData: unknown) => normalizeLogs([{ id: 1, resource: "products", action: "update", data, previousData, meta: { id: 1 } }]).entries[0]!;
const idsOf = (requests: ReferenceRequests) => Object.fromEntries([...requests.values()].map((request) => [request.reference.resource, [...request.ids].sort()]));

describe("collectReferences", () => {
  it("collects both sides, arrays of ids and references inside changed objects, never a redacted one", () => {
    const changes = getEntryDiff(
      entry({ categoryId: 7, tagIds: ["a", "c"], variants: [{ id: "v1", categoryId: 11 }], secretId: 42 }, { categoryId: 3, tagIds: ["a", "b"], variants: [], secretId: 41 }),
      { fields },
    ).changes;
    const requests: ReferenceRequests = new Map();
    collectReferences(changes, fields, false, requests);
    expect(idsOf(requests)).toEqual({ categories: ["11", "3", "7"], tags: ["a", "b", "c"] });
  });

  it("bounds the ids of one resource", () => {
    const many = Array.from({ length: MAX_REFERENCE_IDS + 50 }, (_, i) => i);
    const requests: ReferenceRequests = new Map();
    collectReferences(getEntryDiff(entry({ tagIds: many }, {}), { fields }).changes, fields, false, requests);
    expect(requests.get("\u0000tags")!.ids.size).toBe(MAX_REFERENCE_IDS);
  });

  it("walks deep values without recursion", () => {
    let deep: Record<string, unknown> = { categoryId: 1 };
    for (let i = 0; i < 20_000; i++) deep = { next: deep };
    const requests: ReferenceRequests = new Map();
    expect(() => collectReferences([{ path: ["variants"], key: "variants", kind: "added", after: deep }], fields, false, requests)).not.toThrow();
  });
});

describe("formatReference", () => {
  const lookup = (_reference: unknown, id: string) =>
    id === "7" ? ({ status: "resolved", label: "Lighting" } as const) : id === "9" ? ({ status: "missing" } as const) : id === "5" ? ({ status: "error" } as const) : ({ status: "loading" } as const);

  it("reads an id by its label, a deleted one as such, and keeps the id for exports", () => {
    expect(formatReference(7, categories, lookup)).toMatchObject({ text: "Lighting", exportText: "Lighting (#7)", status: "resolved" });
    expect(formatReference(9, categories, lookup)).toMatchObject({ text: "#9 (deleted)", status: "missing" });
    expect(formatReference(5, categories, lookup)).toMatchObject({ text: "#5", status: "error" });
    expect(formatReference(3, categories, lookup)).toMatchObject({ text: "#3", status: "loading" });
    expect(formatReference(3, categories, undefined)).toMatchObject({ text: "#3", status: undefined });
  });

  it("reads an array of ids as a list, and leaves values that are not ids alone", () => {
    expect(formatReference([7, 9], categories, lookup, { locale: "en" })?.text).toBe("Lighting, #9 (deleted)");
    expect(formatReference({ id: 7 }, categories, lookup)).toBeUndefined();
    expect(formatReference([7, { x: 1 }], categories, lookup)).toBeUndefined();
    expect(formatReference("", categories, lookup)).toBeUndefined();
  });
});

describe("getReferenceLabel", () => {
  it("reads the label field, a function, or a name, title or label, shortened", () => {
    expect(getReferenceLabel({ id: 1, title: "Lamps" }, categories)).toBe("Lamps");
    expect(getReferenceLabel({ id: 1, name: "Ada" }, { resource: "people" })).toBe("Ada");
    expect(getReferenceLabel({ id: 1, first: "Ada", last: "L" }, { resource: "people", label: (r) => `${String(r.first)} ${String(r.last)}` })).toBe("Ada L");
    expect(
      getReferenceLabel({ id: 1 }, {
        resource: "people",
        label: () => {
          throw new Error("boom");
        },
      }),
    ).toBeUndefined();
    expect(getReferenceLabel({ id: 1, title: "x".repeat(500) }, categories)!.length).toBe(80);
    expect(getReferenceLabel("not a record", categories)).toBeUndefined();
  });
});

describe("the reader with references", () => {
  it("summarises by label, searches by label, and gives the id beside the label for exports", () => {
    const reader = createEntryReader({
      fields,
      references: (reference, id) => (reference.resource === "categories" && id === "7" ? { status: "resolved", label: "Lighting" } : { status: "resolved", label: "Lamps" }),
    });
    const described = reader.describe(entry({ categoryId: 7 }, { categoryId: 3 }));
    expect(described.summaryText).toBe("Changed Category from Lamps to Lighting");
    expect(described.getFullSummaryText()).toContain("Lamps (#3)");
    expect(described.getFullSummaryText()).toContain("Lighting (#7)");
    expect(reader.getSearchText(described.entry)).toContain("lighting");
  });
});
