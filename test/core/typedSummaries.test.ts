import { describe, expect, it } from "vitest";
import { getFieldHistory } from "../../src/core/fieldHistory";
import { createFormatters } from "../../src/core/formatEntry";
import { replayHistory } from "../../src/core/history";
import { normalizeLogs } from "../../src/core/normalizeLog";
import { createEntryReader } from "../../src/core/readEntries";

const at = (minute: number) => new Date(Date.UTC(2024, 10, 3, 10, minute)).toISOString();

describe("typed values in summaries", () => {
  const { entries } = normalizeLogs([
    { id: 1, resource: "products", action: "update", createdAt: at(0), data: { price: 39, status: "pub", active: false }, previousData: { price: 45, status: "draft", active: true }, meta: { id: 7 } },
  ]);
  const fields = {
    price: { type: "currency", currency: "EUR" },
    status: { type: "enum", options: { draft: "Draft", pub: "Published" } },
    active: { type: "boolean" },
  } as const;

  it("reads money, enums and booleans in the summary as in the diff", () => {
    const reader = createEntryReader({ fields, formatters: createFormatters("en-GB", "UTC") });
    expect(reader.describe(entries[0]!).summaryText).toBe("Changed Price from €45.00 to €39.00 and 2 more fields");
    const { entries: one } = normalizeLogs([
      { id: 2, resource: "products", action: "update", createdAt: at(1), data: { status: "pub" }, previousData: { status: "draft" }, meta: { id: 7 } },
      { id: 3, resource: "products", action: "update", createdAt: at(2), data: { active: false }, previousData: { active: true }, meta: { id: 7 } },
    ]);
    expect(reader.describe(one[0]!).summaryText).toBe("Changed Status from Draft to Published");
    expect(reader.describe(one[1]!).summaryText).toBe("Changed Active from Yes to No");
  });

  it("a redacted typed field says only that it changed", () => {
    const reader = createEntryReader({ fields: { ...fields, price: { ...fields.price, redact: true } }, formatters: createFormatters("en-GB", "UTC") });
    const text = reader.describe(entries[0]!).summaryText;
    expect(text).not.toMatch(/45|39/);
  });

  it("a field's history lists typed values as they read", () => {
    const result = getFieldHistory(replayHistory(entries), 7, "price", { fields });
    expect(result.points.map((point) => point.value)).toEqual([39]);
  });
});

describe("typed values that do not fit their type (security review)", () => {
  it("a summary never shows JSON for a typed field holding an object, and hides its redacted parts", () => {
    const { entries } = normalizeLogs([
      { id: 1, resource: "p", action: "update", createdAt: at(0), data: { status: { code: "x", secret: "SECRETV", gone: "SECRETH" } }, previousData: { status: "draft" }, meta: { id: 7 } },
    ]);
    const reader = createEntryReader({ fields: { status: { type: "enum", options: { x: "X" } }, "status.secret": { redact: true }, "status.gone": { hidden: true } } });
    const description = reader.describe(entries[0]!);
    expect(description.summaryText).not.toContain('{"');
    expect(description.summaryText).not.toMatch(/SECRET/);
  });

  it("reads only decimal text as an amount, and never an infinite duration", async () => {
    const { formatValue } = await import("../../src/core/formatValue");
    const { parseDuration } = await import("../../src/core/typedValues");
    expect(formatValue("0x10", { locale: "en-US", field: { type: "currency", currency: "USD" } }).text).toBe("0x10");
    expect(formatValue("12.5", { locale: "en-US", field: { type: "currency", currency: "USD" } }).text).toBe("$12.50");
    expect(parseDuration(`P${"9".repeat(400)}D`)).toBeUndefined();
  });
});
