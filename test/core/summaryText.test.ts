import { describe, expect, it } from "vitest";
import { createFormatters, formatSummary, formatSummaryValue, formatTextChange, getItemName, shorten } from "../../src/core/formatEntry";
import { createEntryReader } from "../../src/core/readEntries";
import type { RecordDiffFields } from "../../src/core/policy";
import type { ChangeSummary } from "../../src/core/summarizeChanges";
import { englishTranslate as t, type AuditTranslate } from "../../src/core/translate";
import { RedactedValue } from "../../src/core/values";
import { createUpdateEntries } from "../support/logEntries";

const en = createFormatters("en-US", "UTC");
const update = createUpdateEntries();
/** The summary line and the export's whole one, as a table row and a CSV cell read them. */
const read = (data: unknown, previousData: unknown, fields?: RecordDiffFields) => {
  const description = createEntryReader({ fields }).describe(update(data, previousData));
  return [description.summaryText, description.getFullSummaryText()];
};

const ARM = "The monitor arm in oak and steel. Revised clamp fits desks up to 8 cm thick.";

describe("a long text change is said by what changed", () => {
  it("shows the changed words in a little context, never two prefixes that read the same", () => {
    const before = "Patient seen on visit 19, with notes about the arm and a long tail of text here";
    const [line, full] = read({ note: before.replace("19", "59") }, { note: before });
    expect(line).toBe("Changed Note: …on visit 19 → 59, with…");
    // The export keeps the values whole.
    expect(full).toBe(`Changed Note from ${before} to ${before.replace("19", "59")}`);
    expect(read({ description: ARM.replace("8 cm", "9 cm") }, { description: ARM })[0]).toBe("Changed Description: …up to 8 → 9 cm thick.");
  });

  it("reads an insertion or a deletion with its neighbouring word on both sides", () => {
    expect(read({ d: ARM.replace("oak and", "oak, walnut and") }, { d: ARM })[0]).toBe("Changed D: …arm in oak → oak, walnut and steel…");
    expect(read({ d: ARM }, { d: ARM.replace("oak and", "oak, walnut and") })[0]).toBe("Changed D: …arm in oak, walnut → oak and steel…");
    expect(read({ d: `New: ${ARM}` }, { d: ARM })[0]).toBe("Changed D: The → New: The monitor arm…");
  });

  it("says a rewritten text by its two versions, shortened by words", () => {
    const [line] = read({ d: "Completely different words that share nothing with the old description at all" }, { d: ARM });
    expect(line).toBe("Changed D from The monitor arm in oak and steel… to Completely different words that share…");
  });

  it("keeps short values, dates and a field's own formatter as they are", () => {
    expect(read({ status: "Published" }, { status: "Draft" })[0]).toBe("Changed Status from Draft to Published");
    expect(read({ d: `${ARM}!` }, { d: ARM }, { d: { format: (value) => `«${String(value).slice(0, 5)}»` } })[0]).toBe("Changed D from «The m» to «The m»");
  });

  it("never prints a redacted text, nor anything of it", () => {
    const [line, full] = read({ secret: ARM.replace("8", "9") }, { secret: ARM }, { secret: { redact: true } });
    expect(line).toBe("Changed Secret (hidden)");
    expect(full).toBe("Changed Secret (hidden)");
  });

  it("costs bounded work on a text of megabytes", () => {
    const big = "word ".repeat(200_000);
    const started = performance.now();
    expect(formatTextChange(`${big}one`, `${big}two`, undefined, 40, t)).toBe("…word word one → two");
    expect(formatTextChange(`x ${big}`, `y ${big}z`, undefined, 40, t)).toBeUndefined(); // too little in common: said as two versions
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("objects and list items are named, never printed as JSON", () => {
  it("names an added or removed item by its name, title, label or sku, else its position", () => {
    expect(read({ variants: [{ id: 1, sku: "A" }, { id: 2, sku: "TXT-JUT-LTD", price: 3 }] }, { variants: [{ id: 1, sku: "A" }] })[0]).toBe("Added TXT-JUT-LTD to Variants");
    expect(read({ variants: [{ id: 1, sku: "A" }] }, { variants: [{ id: 1, sku: "A" }, { id: 2, color: "red" }] })[0]).toBe("Removed item 2 from Variants");
    expect(read({ tags: ["sale", "new"] }, { tags: ["sale"] })[0]).toBe("Added new to Tags");
    expect(read({ items: [{ id: 2, title: "B" }, { id: 1, title: "A" }] }, { items: [{ id: 1, title: "A" }, { id: 2, title: "B" }] })[0]).toBe("Moved B in Items");
  });

  it("says an object set whole by its name or its size, a short list by its items", () => {
    expect(read({ supplier: { a: 1, b: 2, c: 3 } }, {})[0]).toBe("Set Supplier (3 fields) (earlier value not recorded)");
    expect(read({ supplier: { name: "Acme", city: "Lyon" } }, {})[0]).toBe("Set Supplier to Acme (earlier value not recorded)");
    expect(read({ tags: ["sale", "new"] }, {})[0]).toBe("Set Tags to sale, new (earlier value not recorded)");
    expect(read({ dims: { w: 1 } }, { dims: "small" })[0]).toBe("Changed Dims from small to (1 field)");
    const added: ChangeSummary = { type: "changed", first: { path: ["box"], key: "box", kind: "added", after: { w: 1, h: 2 } }, moreCount: 0, unknownCount: 0 };
    expect(formatSummary(added, t, en)).toBe("Added Box (2 fields)");
  });

  it("never names an item by a redacted or hidden field", () => {
    const data = { variants: [{ id: 1, name: "Public" }, { id: 2, name: "Secret name", code: "x" }] };
    const previous = { variants: [{ id: 1, name: "Public" }] };
    for (const fields of [{ "variants.*.name": { redact: true } }, { "variants.*.name": { hidden: true } }]) {
      const [line, full] = read(data, previous, fields);
      expect(line).toBe("Added item 2 to Variants");
      expect(full).not.toContain("Secret");
    }
    expect(getItemName({ name: new RedactedValue(), sku: "S-1" })).toBe("S-1");
  });

  it("translates the new words", () => {
    const fr: AuditTranslate = (key, message, params) =>
      ({ "auditLog.summary.addedItem": `${params?.item} ajouté à ${params?.list}`, "auditLog.summary.item": `élément ${params?.position}` })[key] ?? t(key, message, params);
    const summary: ChangeSummary = { type: "changed", first: { path: ["tags", 2], key: "tags.2", kind: "added", after: { a: 1 } }, moreCount: 0, unknownCount: 0 };
    expect(formatSummary(summary, fr, en)).toBe("élément 3 ajouté à Tags");
    expect(formatSummaryValue([{ a: 1 }, 2], t, en)).toBe("(2 items)");
    expect(formatSummaryValue(Array.from({ length: 30 }, (_, i) => i), t, en)).toBe("(30 items)");
  });
});

describe("shortening by words", () => {
  it("cuts at a word boundary, drops punctuation before the ellipsis, and still cuts one long word", () => {
    expect(shorten("The monitor arm in oak and steel. Revised clamp fits desks", 40)).toBe("The monitor arm in oak and steel…");
    expect(shorten("a".repeat(50), 10)).toBe("aaaaaaaaa…");
    expect(shorten("short  text\n", 40)).toBe("short text");
    expect(shorten(`${" ".repeat(500)}x`, 10)).toBe("x");
  });
});
