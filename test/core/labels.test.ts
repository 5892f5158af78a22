import { describe, expect, it } from "vitest";
import { createFormatters } from "../../src/core/formatEntry";
import { humanizeKey } from "../../src/core/humanizeKey";
import { normalizeLog } from "../../src/core/normalizeLog";
import { createItemAt, createItemReader, diffRecords, getEntryDiff } from "../../src/core/pipeline";
import { compileFields, type RecordDiffFields } from "../../src/core/policy";
import { createEntryReader } from "../../src/core/readEntries";
import { interpolate, type AuditTranslate } from "../../src/core/translate";
import type { Path } from "../../src/core/types";
import { isRedactedValue } from "../../src/core/values";
import { createUpdateEntries } from "../support/logEntries";

const lamp = {
  name: "Arc floor lamp",
  variants: [
    { id: 1, sku: "LGT-ARC-BLK", name: "Black", price: 349 },
    { id: 2, sku: "LGT-ARC-BRS", name: "Brass", price: 389 },
    { id: 3, color: "white", price: 329 },
  ],
};

/** A reader of one record's items, as a diff of that record gives it. */
const itemsOf = (record: unknown, fields: RecordDiffFields = {}) => {
  const read = createItemReader(undefined, record, compileFields(fields));
  return (prefix: Path) => read(prefix, "after");
};
const label = (fields: RecordDiffFields, path: Path, record: unknown = lamp, options: { t?: AuditTranslate; locale?: string } = {}) =>
  compileFields(fields).getLabel(path, "Value", { itemAt: itemsOf(record, fields), ...options });

const update = createUpdateEntries();

describe("humanised labels", () => {
  it("reads keys as words, keeping acronyms", () => {
    expect(humanizeKey("postalCode")).toBe("Postal code");
    expect(humanizeKey("unit_price")).toBe("Unit price");
    expect(humanizeKey("product-variants")).toBe("Product variants");
    expect(humanizeKey("imageURL")).toBe("Image URL");
    expect(humanizeKey("URLPath")).toBe("URL path");
    expect(humanizeKey("__proto__")).toBe("Proto");
    expect(humanizeKey("")).toBe('""');
    expect(humanizeKey("  ")).toBe('"  "');
  });

  it("stays linear on a long run of capitals (a key is user data)", () => {
    const started = performance.now();
    expect(humanizeKey(`${"A".repeat(200_000)}b`)).toHaveLength(200_002);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("names nested paths by crumbs, labels first, the keys below a label humanised", () => {
    const path = ["supplier", "address", "postalCode"];
    expect(compileFields(undefined).getLabel(path, "Value")).toBe("Supplier › Address › Postal code");
    expect(compileFields({ supplier: { label: "Vendor" } }).getLabel(path, "Value")).toBe("Vendor › Address › Postal code");
    expect(compileFields({ "supplier.address": { label: "Vendor address" } }).getLabel(path, "Value")).toBe("Vendor address › Postal code");
    expect(compileFields({ "**.postalCode": { label: "ZIP" } }).getLabel(path, "Value")).toBe("Supplier › Address › ZIP");
    expect(compileFields(undefined).getLabel([], "Value")).toBe("Value");
    expect(compileFields(undefined).getLabel(["unit_price"], "Value")).toBe("Unit price");
  });
});

describe("items named in paths", () => {
  it("names an item by its itemLabel field", () => {
    expect(label({ variants: { itemLabel: "sku" } }, ["variants", 0, "price"])).toBe("Variants › LGT-ARC-BLK › Price");
    // A pattern with wildcards names the list too; an itemLabel on the items' pattern is not the list's.
    expect(label({ "**.variants": { itemLabel: "sku" } }, ["variants", 1])).toBe("Variants › LGT-ARC-BRS");
    expect(label({ "variants.*": { itemLabel: "sku" } }, ["variants", 1])).toBe("Variants › Brass");
    // The item has no such field: its position, not another name.
    expect(label({ variants: { itemLabel: "sku" } }, ["variants", 2, "price"])).toBe("Variants › item 3 › Price");
  });

  it("names an item by default by its name, title, label or sku (text or a number), else its position", () => {
    expect(label({}, ["variants", 0, "price"])).toBe("Variants › Black › Price");
    expect(label({}, ["variants", 2, "price"])).toBe("Variants › item 3 › Price");
    const list = { items: [{ name: " ", title: "Shade" }, { label: "" , sku: 40213 }, { sku: Number.NaN }, "scalar", ["nested"]] };
    expect([0, 1, 2, 3, 4].map((i) => label({}, ["items", i], list))).toEqual(["Items › Shade", "Items › 40213", "Items › item 3", "Items › item 4", "Items › item 5"]);
  });

  it("names an item by a function of it, which sees the item with the policy applied", () => {
    const seen: unknown[] = [];
    const fields: RecordDiffFields = {
      variants: { itemLabel: (item) => (seen.push(item), `${String(item.name)} (${String(item.sku)})`) },
      "variants.*.sku": { redact: true },
      "variants.*.price": { hidden: true },
    };
    expect(label(fields, ["variants", 0, "name"])).toBe("Variants › Black ((hidden)) › Name");
    expect(seen).toHaveLength(1);
    expect(isRedactedValue((seen[0] as Record<string, unknown>).sku)).toBe(true);
    expect(seen[0]).not.toHaveProperty("price");
    expect(JSON.stringify(seen)).not.toMatch(/LGT-ARC|349/);
  });

  it("falls back to the position when the function throws or says no text", () => {
    const fails: RecordDiffFields = { variants: { itemLabel: () => { throw new Error("boom"); } } };
    expect(label(fails, ["variants", 0, "price"])).toBe("Variants › item 1 › Price");
    const answers: unknown[] = [42, undefined, "", "  ", { toString: () => "x" }];
    for (const answer of answers) {
      expect(label({ variants: { itemLabel: () => answer as string } }, ["variants", 1])).toBe("Variants › item 2");
    }
  });

  it("never names an item by a redacted or hidden field", () => {
    expect(label({ variants: { itemLabel: "sku" }, "variants.*.sku": { redact: true } }, ["variants", 0, "price"])).toBe("Variants › item 1 › Price");
    expect(label({ variants: { itemLabel: "sku" }, "**.sku": { hidden: true } }, ["variants", 0, "price"])).toBe("Variants › item 1 › Price");
    // The default skips a redacted name and takes the next field that may show.
    expect(label({ "variants.*.name": { redact: true } }, ["variants", 0, "price"])).toBe("Variants › LGT-ARC-BLK › Price");
    expect(label({ "variants.*.name": { hidden: true }, "variants.*.sku": { redact: true } }, ["variants", 0, "price"])).toBe("Variants › item 1 › Price");
    // A redacted item, or list, names nothing of it.
    expect(label({ "variants.0": { redact: true } }, ["variants", 0])).toBe("Variants › item 1");
    expect(label({ variants: { redact: true } }, ["variants", 0, "price"])).toBe("Variants › item 1 › Price");
    // Even with a raw reader (values not scrubbed), the policy is checked at the name field.
    const raw = (prefix: Path) => (prefix.length === 2 ? lamp.variants[prefix[1] as number] : undefined);
    const policy = compileFields({ "variants.*.name": { redact: true }, "variants.*.sku": { hidden: true } });
    expect(policy.getLabel(["variants", 0], "Value", { itemAt: raw })).toBe("Variants › item 1");
    expect(policy.getItemName(lamp.variants[0], ["variants", 0])).toBeUndefined();
    expect(compileFields({ "variants.*.name": { redact: true } }).getItemName(lamp.variants[0], ["variants", 0])).toBe("LGT-ARC-BLK");
  });

  it("translates the position, its number through Intl for the locale", () => {
    const de: AuditTranslate = (key, message, params) => (key === "auditLog.label.item" ? interpolate("Element {position}", params) : interpolate(message, params));
    expect(label({}, ["variants", 2, "price"], lamp, { t: de, locale: "de-DE" })).toBe("Variants › Element 3 › Price");
    const many = { list: Array.from({ length: 1500 }, () => ({})) };
    expect(label({}, ["list", 1234], many, { t: de, locale: "de-DE" })).toBe("List › Element 1.235");
    expect(label({}, ["list", 1234], many, { locale: "en_US" })).toBe("List › item 1,235");
  });

  it("shortens a name to 40 characters by words, on one line", () => {
    const record = { notes: [{ title: "A very long title\nthat goes on about the lamp and its many parts" }] };
    const text = label({}, ["notes", 0], record);
    expect(text).toBe("Notes › A very long title that goes on about…");
    expect(Array.from(text.slice("Notes › ".length)).length).toBeLessThanOrEqual(40);
  });

  it("names the records of a list of records (a bulk entry) before the path inside one", () => {
    const records = [{ id: 1, name: "Arc lamp", price: 5 }, { id: 2, price: 6 }];
    const policy = compileFields({ price: { label: "Price (EUR)" } });
    const itemAt = itemsOf(records);
    expect(policy.getLabel([0, "price"], "Value", { itemAt, isItemList: true })).toBe("Arc lamp › Price (EUR)");
    expect(policy.getLabel([1, "price"], "Value", { itemAt, isItemList: true })).toBe("item 2 › Price (EUR)");
    expect(compileFields({ "name": { redact: true } }).getLabel([0, "price"], "Value", { itemAt, isItemList: true })).toBe("item 1 › Price");
  });

  it("looks up at most 16 items per label, each walk no longer than the path", () => {
    let calls = 0;
    let walked = 0;
    const deep: Path = Array.from({ length: 2000 }, (_, i) => (i % 2 ? i : `k${i}`));
    const itemAt = (prefix: Path) => {
      calls++;
      walked += prefix.length;
      return { name: `n${prefix.length}` };
    };
    const text = compileFields(undefined).getLabel(deep, "Value", { itemAt });
    expect(calls).toBe(16);
    expect(walked).toBeLessThanOrEqual(16 * deep.length);
    expect(text.startsWith("K0 › n2 › K2 › n4")).toBe(true);
    expect(text).toContain("item 34");
  });

  it("reads a removed item from the old version and an added one from the new (never another item at that index)", () => {
    const before = { variants: [{ sku: "OLD-1" }, { sku: "OLD-2" }] };
    const after = { variants: [{ sku: "NEW-1" }] };
    const read = createItemReader(before, after, compileFields(undefined));
    const policy = compileFields({ variants: { itemLabel: "sku" } });
    const named = (kind: "removed" | "added" | "changed", path: Path) => policy.getLabel(path, "Value", { itemAt: createItemAt(read, { kind, path }) });
    expect(named("removed", ["variants", 1])).toBe("Variants › OLD-2");
    expect(named("removed", ["variants", 0])).toBe("Variants › OLD-1");
    expect(named("added", ["variants", 0])).toBe("Variants › NEW-1");
    expect(named("added", ["variants", 1])).toBe("Variants › item 2");
    expect(named("changed", ["variants", 0, "sku"])).toBe("Variants › NEW-1 › Sku");
  });

  it("gives a change set's reader with the policy applied", () => {
    const set = diffRecords(lamp, { ...lamp, variants: [{ ...lamp.variants[0], price: 359 }] }, { fields: { "variants.*.sku": { redact: true }, "variants.*.price": { hidden: true } } });
    const item = set.readItem!(["variants", 0], "after") as Record<string, unknown>;
    expect(isRedactedValue(item.sku)).toBe(true);
    expect(item).not.toHaveProperty("price");
    expect(set.readItem!(["variants", 0], "before")).toEqual(item);
    expect(set.readItem!(["variants", 7], "after")).toBeUndefined();
    expect(set.readItem!(["name", 0], "after")).toBeUndefined();
    const entry = getEntryDiff(update({ variants: [{ id: 9, sku: "S" }] }, { variants: [] }), { fields: { "variants.*.sku": { redact: true } } });
    expect(isRedactedValue((entry.readItem!(["variants", 0], "after") as Record<string, unknown>).sku)).toBe(true);
  });
});

describe("items named in summaries", () => {
  const en = createFormatters("en-US", "UTC");
  const read = (data: unknown, previousData: unknown, fields?: RecordDiffFields) => createEntryReader({ fields, formatters: en }).describe(update(data, previousData));
  const variant = { id: 3, sku: "LGT-ARC-WHT", name: "White", price: 329 };

  it("says an added or removed item by its itemLabel, and a change inside one by its path", () => {
    const fields: RecordDiffFields = { variants: { itemLabel: "sku" } };
    expect(read({ variants: [...lamp.variants, variant] }, { variants: lamp.variants }, fields).summaryText).toBe("Added LGT-ARC-WHT to Variants");
    expect(read({ variants: lamp.variants.slice(1) }, { variants: lamp.variants }, fields).summaryText).toBe("Removed LGT-ARC-BLK from Variants");
    const repriced = lamp.variants.map((item, i) => (i === 1 ? { ...item, price: 399 } : item));
    expect(read({ variants: repriced }, { variants: lamp.variants }, fields).summaryText).toBe("Changed Variants › LGT-ARC-BRS › Price from 389 to 399");
    // Without itemLabel, the default: the item's name.
    expect(read({ variants: repriced }, { variants: lamp.variants }).summaryText).toBe("Changed Variants › Brass › Price from 389 to 399");
  });

  it("never names an item in a summary by a redacted field, nor by a function that fails", () => {
    const redacted = read({ variants: [...lamp.variants, variant] }, { variants: lamp.variants }, { variants: { itemLabel: "sku" }, "variants.*.sku": { redact: true } });
    expect(redacted.summaryText).toBe("Added item 4 to Variants");
    expect(redacted.getFullSummaryText()).not.toContain("LGT-ARC-WHT");
    const failing = read({ variants: [...lamp.variants, variant] }, { variants: lamp.variants }, { variants: { itemLabel: () => { throw new Error("no"); } } });
    expect(failing.summaryText).toBe("Added item 4 to Variants");
  });

  it("names the records of a bulk entry seen from the resource", () => {
    const row = normalizeLog({ id: 90, resource: "products", action: "updateMany", meta: { ids: [1, 2] }, data: [{ id: 1, name: "Arc lamp", price: 6 }, { id: 2, name: "Desk lamp", price: 6 }], previousData: [{ id: 1, name: "Arc lamp", price: 5 }, { id: 2, name: "Desk lamp", price: 5 }] });
    if (!row.ok) throw new Error(row.error.reason);
    expect(createEntryReader({ formatters: en }).describe(row.entry).summaryText).toBe("Changed Arc lamp › Price from 5 to 6 and 1 more field");
  });
});
