import { describe, expect, it } from "vitest";
import { createFormatters, formatRelativeTime, formatSummary, formatSummaryValue, shorten } from "../../src/core/formatEntry";
import { toIntlLocale } from "../../src/core/intl";
import type { ChangeSummary } from "../../src/core/summarizeChanges";
import { interpolate } from "../../src/refine/useAuditTranslate";

const t = (_key: string, message: string, params?: Record<string, string | number>) => interpolate(message, params);
const en = createFormatters("en-US", "UTC");

describe("formatRelativeTime", () => {
  const now = new Date("2024-05-10T12:00:00Z");
  it.each([
    [0, "now"],
    [-30, "30 seconds ago"],
    [-5 * 60, "5 minutes ago"],
    [-3 * 3600, "3 hours ago"],
    [-26 * 3600, "yesterday"],
    [-10 * 86400, "last week"],
    [-90 * 86400, "3 months ago"],
    [-800 * 86400, "2 years ago"],
    [2 * 3600, "in 2 hours"],
  ])("%i seconds → %s", (seconds, expected) => {
    expect(formatRelativeTime(new Date(now.getTime() + seconds * 1000), now, en)).toBe(expected);
  });

  it("speaks the locale", () => {
    expect(formatRelativeTime(new Date("2024-05-10T11:55:00Z"), now, createFormatters("fr-FR"))).toBe("il y a 5 minutes");
  });
});

describe("formatSummary", () => {
  const change = (fields: object) => ({ path: ["price"], key: "price", kind: "changed" as const, ...fields });
  it.each<[ChangeSummary, string]>([
    [{ type: "created", fieldCount: 6 }, "Created with 6 fields"],
    [{ type: "created", fieldCount: 1 }, "Created with 1 field"],
    [{ type: "createdMany", recordCount: 3 }, "Created 3 records"],
    [{ type: "deleted" }, "Deleted"],
    [{ type: "changed", first: change({ before: 50, after: 100 }), moreCount: 2, unknownCount: 0 }, "Changed Price from 50 to 100 and 2 more fields"],
    [{ type: "changed", first: change({ before: 1500, after: 2000.5 }), moreCount: 1, unknownCount: 0 }, "Changed Price from 1,500 to 2,000.5 and 1 more field"],
    [{ type: "changed", first: { ...change({ after: "Published" }), path: ["status"], key: "status", isBeforeUnknown: true }, moreCount: 0, unknownCount: 0 }, "Set Status to Published (earlier value not recorded)"],
    [{ type: "changed", first: { ...change({ after: "Published" }), path: ["status"], key: "status", isBeforeUnknown: true }, moreCount: 0, unknownCount: 3 }, "Set Status to Published and 3 more fields (earlier values not recorded)"],
    [{ type: "changed", first: change({ before: 50, after: 100 }), moreCount: 0, unknownCount: 2 }, "Changed Price from 50 to 100; 2 more fields written, their earlier values not recorded"],
    [{ type: "changed", first: change({ before: 50, after: 100 }), moreCount: 4, unknownCount: 0, isIncomplete: true }, "Changed Price from 50 to 100 and 4 more fields (too large to compare in full)"],
    [{ type: "changed", first: { path: ["tags", 1], key: "tags.1", kind: "added", after: "b" }, moreCount: 0, unknownCount: 0 }, "Added b to Tags"],
    [{ type: "changed", first: change({ before: null, after: "{count} $& <b>" }), moreCount: 0, unknownCount: 0 }, "Changed Price from empty to {count} $& <b>"],
  ])("%j → %s", (summary, expected) => {
    expect(formatSummary(summary, t, en)).toBe(expected);
  });
});

describe("values in a summary", () => {
  it("shortens long values, never splitting an emoji, and names objects by their size, never as JSON", () => {
    expect(shorten("a".repeat(50), 10)).toBe("aaaaaaaaa…");
    expect(shorten("😀".repeat(20), 5)).toBe("😀😀😀😀…");
    expect(formatSummaryValue({ a: [1, 2] }, t, en)).toBe("(1 field)");
    expect(formatSummaryValue("  ", t, en)).toBe("empty text");
    expect(formatSummaryValue(true, t, en)).toBe("Yes");
    expect(formatSummaryValue(0.0001, t, en)).toBe("0.0001");
  });

  it("accepts odd locales without throwing", () => {
    expect(toIntlLocale("en_GB")).toBe("en-GB");
    expect(toIntlLocale("not a locale!")).toBeUndefined();
    expect(() => createFormatters("??", "Not/AZone")).not.toThrow();
  });
});
