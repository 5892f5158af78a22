import { describe, expect, it } from "vitest";
import { compileFields } from "../../src/index";

describe("compileFields", () => {
  const fields = compileFields({
    address: { label: "Address" },
    "address.zip": { label: "Postcode" },
    items: { label: "Items" },
    "items.*.qty": { label: "Quantity" },
    "**.password": { redact: true },
    meta: { hidden: true },
  });

  it("labels paths, and the paths below a labelled one", () => {
    expect(fields.getLabel([], "Value")).toBe("Value");
    expect(fields.getLabel(["address"], "Value")).toBe("Address");
    expect(fields.getLabel(["address", "city"], "Value")).toBe("Address › City");
    expect(fields.getLabel(["address", "postalCode", "first_line"], "Value")).toBe("Address › Postal code › First line");
    expect(fields.getLabel(["address", "zip"], "Value")).toBe("Postcode");
    expect(fields.getLabel(["items", 2, "qty"], "Value")).toBe("Items › item 3 › Quantity");
    expect(fields.getLabel(["items", 2, "sku"], "Value")).toBe("Items › item 3 › Sku");
    expect(fields.getLabel(["other", 0], "Value")).toBe("Other › item 1");
  });

  it("names a deep path in time linear in its depth, and matches `**` without recursion", () => {
    const deep = Array.from({ length: 50_000 }, (_, i) => (i % 2 ? i : `k${i}`));
    const policy = compileFields({ "**.secret": { redact: true }, k0: { label: "Root" }, "**.x": { label: "X" } });
    expect(policy.getLabel(deep, "Value").startsWith("Root › item 2 › K2 › item 4 › K4")).toBe(true);
    expect(policy.isRedacted([...deep, "secret"])).toBe(true);
    expect(policy.get([...deep, "x"])?.label).toBe("X");
  });

  it("hides and redacts at and below a pattern", () => {
    expect(fields.isHidden(["meta", "x"])).toBe(true);
    expect(fields.isHidden(["metadata"])).toBe(false);
    expect(fields.isRedacted(["user", "password"])).toBe(true);
    expect(fields.isRedacted(["password"])).toBe(true);
  });

  it("scrubs objects shown whole", () => {
    const value = { name: "Ada", password: "x", meta: { a: 1 }, nested: [{ password: "y" }] };
    expect(fields.scrub(value, [], "(hidden)")).toEqual({ name: "Ada", password: "(hidden)", nested: [{ password: "(hidden)" }] });
    expect(fields.scrub("plain", ["a"], "(hidden)")).toBe("plain");
  });

  it("keeps a __proto__ key as an own key of the copy, scrubbed", () => {
    const value = JSON.parse('{"__proto__": {"password": "leak", "name": "x"}}');
    const copy = fields.scrub(value, [], "(hidden)") as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, "__proto__")).toBe(true);
    expect(JSON.stringify(copy)).not.toContain("leak");
    expect((copy as { password?: unknown }).password).toBeUndefined();
  });

  it("never leaks past its budget", () => {
    let deep: unknown = { password: "leak" };
    for (let i = 0; i < 20; i++) deep = { child: deep };
    expect(JSON.stringify(fields.scrub(deep, [], "(hidden)"))).not.toContain("leak");
  });
});
