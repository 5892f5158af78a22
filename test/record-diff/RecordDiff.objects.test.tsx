import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { RecordDiff, recordDiffParts as parts, type RecordDiffFields } from "../../src/index";

// An added or removed object (an array item, a record set where there was none) shows as
// its fields, one per line, behind a disclosure button; never as one JSON string.

const root = () => screen.getByRole("group", { name: "Changes" });
const rowAt = (path: string) => {
  const row = root().querySelector<HTMLElement>(`[data-part="${parts.field}"][data-path="${path}"]`);
  if (!row) throw new Error(`no row for ${path}`);
  return row;
};
const sel = (part: string) => `[data-scope="record-diff"][data-part="${part}"]`;
/** The fields directly in an object's `<dl>`: [label, value text]. */
const fieldsOf = (dl: Element) =>
  [...dl.querySelectorAll(`:scope > ${sel(parts.objectField)}`)].map((field) => [
    field.querySelector(`:scope > ${sel(parts.objectLabel)}`)!.textContent,
    field.querySelector(`:scope > ${sel(parts.objectValue)}`)!.textContent,
  ]);
/** How deep `<dl>`s of fields nest under `element`. */
const nestingOf = (element: Element) => {
  let depth = 0;
  let dl = element.querySelector(sel(parts.objectFields));
  while (dl) {
    depth++;
    dl = dl.querySelector(sel(parts.objectFields));
  }
  return depth;
};

const lamp = { id: 1, sku: "LGT-DSK-WHT", price: 59.9 };
const arc = { id: 2, sku: "LGT-ARC-BLK", price: 369.99, inStock: true, releasedOn: "2024-05-01", weight: 4.2 };
const fields: RecordDiffFields = {
  "variants.*.price": { type: "currency", currency: "EUR" },
  "variants.*.sku": { label: "SKU" },
  "variants.*.weight": { format: (value) => `${String(value)} kg` },
};

describe("RecordDiff: added and removed objects", () => {
  it("shows an added array item field by field, one per line, with labels and typed values", () => {
    render(<RecordDiff locale="en-US" previousData={{ variants: [lamp] }} data={{ variants: [lamp, arc] }} fields={fields} />);
    const row = rowAt("variants.1");
    expect(row.getAttribute("data-change")).toBe("added");
    expect(row.querySelector(sel(parts.json))).toBeNull();
    const object = row.querySelector(`ins ${sel(parts.object)}`)!;
    expect(object.getAttribute("data-state")).toBe("open");
    const dl = object.querySelector(sel(parts.objectFields))!;
    expect(dl.tagName).toBe("DL");
    const releasedOn = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(2024, 4, 1));
    expect(fieldsOf(dl)).toEqual([
      ["Id", "2"],
      ["SKU", "LGT-ARC-BLK"],
      ["Price", "€369.99"],
      ["In stock", "Yes"],
      ["Released on", releasedOn],
      ["Weight", "4.2 kg"],
    ]);
    // Each field is its own group, named by its path as a row is.
    expect(dl.querySelector(`${sel(parts.objectField)}[data-path="variants.1.releasedOn"] > dd > time`)!.getAttribute("dateTime")).toBe("2024-05-01");
    // Few fields: open at first, with a button that hides them.
    const toggle = within(row).getByRole("button", { name: "Hide fields" });
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(toggle.getAttribute("aria-controls")).toBe(dl.id);
    expect(dl.hasAttribute("hidden")).toBe(false);
  });

  it("shows a nested value whose formatter throws the default way, marked, and the rest as usual", () => {
    const throwing: RecordDiffFields = { "variants.*.price": { format: (value) => (value as { toFixed: (n: number) => string }).toFixed(2) } };
    render(<RecordDiff locale="en-US" previousData={{ variants: [] }} data={{ variants: [{ id: 3, price: null }] }} fields={throwing} />);
    const failed = rowAt("variants.0").querySelector(`[data-path="variants.0.price"] ${sel(parts.valueError)}`)!;
    expect(failed.getAttribute("title")).toMatch(/formatter failed/);
    expect(failed.textContent).toBe("empty");
  });

  it("shows a removed object the same way, on the before side, in both views", () => {
    const { rerender } = render(<RecordDiff locale="en-US" previousData={{ variants: [lamp, arc] }} data={{ variants: [lamp] }} fields={fields} />);
    const check = () => {
      const row = rowAt("variants.1");
      expect(row.getAttribute("data-change")).toBe("removed");
      expect(row.querySelector(`ins ${sel(parts.object)}`)).toBeNull();
      const dl = row.querySelector(`del ${sel(parts.object)} ${sel(parts.objectFields)}`)!;
      expect(fieldsOf(dl).slice(0, 3)).toEqual([
        ["Id", "2"],
        ["SKU", "LGT-ARC-BLK"],
        ["Price", "€369.99"],
      ]);
    };
    check();
    rerender(<RecordDiff locale="en-US" previousData={{ variants: [lamp, arc] }} data={{ variants: [lamp] }} fields={fields} view="split" />);
    check();
    expect(rowAt("variants.1").querySelector(`td[data-side="before"] ${sel(parts.object)}`)).not.toBeNull();
  });

  it("shows a record set where there was none, nested objects and lists nested the same way", () => {
    const supplier = { name: "Acme", address: { city: "Paris", postalCode: "75001" }, tags: ["eco", "local"], contacts: [{ name: "Ada", phone: "+33 1" }], notes: {} };
    render(<RecordDiff locale="en-US" previousData={{ supplier: null, sku: "A" }} data={{ supplier, sku: "A" }} fields={{ "supplier.address.postalCode": { label: "Postcode" } }} />);
    const dl = rowAt("supplier").querySelector(sel(parts.objectFields))!;
    expect(fieldsOf(dl).map(([label]) => label)).toEqual(["Name", "Address", "Tags", "Contacts", "Notes"]);
    const address = dl.querySelector(`[data-path="supplier.address"] > dd > ${sel(parts.objectFields)}`)!;
    expect(fieldsOf(address)).toEqual([
      ["City", "Paris"],
      ["Postcode", "75001"],
    ]);
    const tags = dl.querySelector(`[data-path="supplier.tags"] > dd > ${sel(parts.objectFields)}`)!;
    expect(fieldsOf(tags).map(([, value]) => value)).toEqual(["eco", "local"]);
    // An item of a nested list is named by its name when it has one.
    const contacts = dl.querySelector(`[data-path="supplier.contacts"] > dd > ${sel(parts.objectFields)}`)!;
    expect(fieldsOf(contacts)[0]![0]).toBe("Ada");
    expect(dl.querySelector(`[data-path="supplier.notes"] ${sel(parts.empty)}`)!.textContent).toBe("empty object");
  });

  it("shows a redacted nested field as the marker, never its value, and leaves a hidden one out", () => {
    const secretive: RecordDiffFields = {
      "variants.*.cost": { redact: true, type: "currency", currency: "EUR", format: () => "formatted secret" },
      "variants.*.internalNote": { hidden: true },
    };
    render(<RecordDiff locale="en-US" previousData={{ variants: [] }} data={{ variants: [{ id: 9, cost: 123.45, internalNote: "do-not-show", supplier: { apiKey: "k-777" } }] }} fields={{ ...secretive, "**.apiKey": { redact: true } }} />);
    const row = rowAt("variants.0");
    const dl = row.querySelector(sel(parts.objectFields))!;
    expect(fieldsOf(dl).map(([label]) => label)).toEqual(["Id", "Cost", "Supplier"]);
    const cost = dl.querySelector(`[data-path="variants.0.cost"] ${sel(parts.redacted)}`)!;
    expect(cost.textContent).toBe("(hidden)");
    expect(dl.querySelector(`[data-path="variants.0.supplier.apiKey"] ${sel(parts.redacted)}`)!.textContent).toBe("(hidden)");
    expect(row.querySelector('[data-path="variants.0.internalNote"]')).toBeNull();
    expect(root().textContent).not.toMatch(/123|do-not-show|k-777|formatted secret|€/);
  });

  it("starts closed past a few fields, named, and toggles with the keyboard", async () => {
    const user = userEvent.setup();
    const product = Object.fromEntries([["name", "Desk lamp"], ...Array.from({ length: 9 }, (_, i) => [`option${i}`, i])]);
    render(<RecordDiff locale="en-US" previousData={{}} data={{ product }} />);
    const row = rowAt("product");
    const object = row.querySelector(sel(parts.object))!;
    expect(object.getAttribute("data-state")).toBe("closed");
    expect(object.querySelector(sel(parts.objectName))!.textContent).toBe("Desk lamp");
    const toggle = within(row).getByRole("button", { name: "Show 10 fields" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    const dl = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(dl.hasAttribute("hidden")).toBe(true);
    expect(dl.children).toHaveLength(0);

    await user.tab();
    expect(document.activeElement).toBe(toggle);
    await user.keyboard("{Enter}");
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(toggle.textContent).toBe("Hide fields");
    expect(object.getAttribute("data-state")).toBe("open");
    const open = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(open.hasAttribute("hidden")).toBe(false);
    expect(fieldsOf(open)).toHaveLength(10);
    expect(object.querySelector(sel(parts.objectName))).toBeNull();

    await user.keyboard(" ");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(toggle.textContent).toBe("Show 10 fields");
  });

  it("opens by maxOpenObjectFields, and says lists in items", () => {
    render(<RecordDiff locale="en-US" previousData={{}} data={{ point: { x: 1, y: 2 }, tags: ["a", "b", "c"] }} maxOpenObjectFields={0} />);
    expect(within(rowAt("point")).getByRole("button", { name: "Show 2 fields" }).getAttribute("aria-expanded")).toBe("false");
    expect(within(rowAt("tags")).getByRole("button", { name: "Show 3 items" })).toBeTruthy();
  });

  it("lists at most 200 fields of a 1,000-field object and says how many more, quickly", async () => {
    const user = userEvent.setup();
    const big = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`field${i}`, i]));
    const start = performance.now();
    render(<RecordDiff locale="en-US" previousData={{}} data={{ big }} />);
    await user.click(within(rowAt("big")).getByRole("button", { name: "Show 1,000 fields" }));
    const row = rowAt("big");
    expect(row.querySelectorAll(sel(parts.objectField))).toHaveLength(200);
    expect(row.querySelector(sel(parts.objectMore))!.textContent).toBe("800 more fields not shown");
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it("lists a 50-deep object 6 levels deep and counts the rest, without overflowing the stack", () => {
    let deep: Record<string, unknown> = { leaf: "bottom" };
    for (let i = 0; i < 50; i++) deep = { level: 50 - i, child: deep };
    const start = performance.now();
    render(<RecordDiff locale="en-US" previousData={{}} data={{ deep }} />);
    const row = rowAt("deep");
    expect(nestingOf(row)).toBe(6);
    const more = [...row.querySelectorAll(sel(parts.objectMore))];
    expect(more.map((p) => p.textContent)).toEqual(["2 more fields not shown"]);
    expect(row.textContent).not.toContain("bottom");
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it("handles a 100,000-deep object without recursion", () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 100_000; i++) deep = { child: deep };
    render(<RecordDiff locale="en-US" previousData={{}} data={{ deep }} />);
    expect(nestingOf(rowAt("deep"))).toBe(6);
  });

  it("leaves primitives, changes, word diffs and unchanged rows as they were", () => {
    render(
      <RecordDiff
        locale="en-US"
        previousData={{ same: { x: 1 }, moved: { a: 1 }, bio: "The quick brown fox jumps over the lazy dog, as it always did", price: 5 }}
        data={{ same: { x: 1 }, moved: { a: 2 }, bio: "The quick red fox jumps over the lazy dog, as it always did", price: 5, color: "red" }}
        defaultShowUnchanged
      />,
    );
    expect(rowAt("color").querySelector("ins")!.textContent).toBe("red");
    expect(root().querySelector(sel(parts.object))).toBeNull();
    expect(rowAt("same").querySelector(sel(parts.json))!.textContent).toBe('{"x": 1}');
    expect(rowAt("bio").querySelector(sel(parts.text))).not.toBeNull();
  });
});
