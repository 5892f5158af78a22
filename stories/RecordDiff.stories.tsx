import type { Meta, StoryObj } from "@storybook/react-vite";
import type { ReactNode } from "react";
import { expect, userEvent, within } from "storybook/test";
import { RecordDiff, recordDiffParts as parts, useRecordDiff, type FieldChange, type RenderValue, type UseRecordDiffOptions } from "../src/index";
import { isStyled, withDarkTheme, withStylesheet } from "./support/decorators";
import { account, accountUpdated, categories, logRows, makeHugeChange, order, orderUpdated, product, productUpdated } from "./support/diffFixtures";
import { withRefine } from "./support/withRefine";

const meta = {
  title: "Components/RecordDiff",
  component: RecordDiff,
  args: { locale: "en-US" },
} satisfies Meta<typeof RecordDiff>;
export default meta;
type Story = StoryObj<typeof meta>;

const rowsOf = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll<HTMLElement>(`[data-part="${parts.field}"]`)];

/** A create: every field is added. */
export const Create: Story = { args: { previousData: undefined, data: product } };

/** An update: only what changed, with the unchanged fields folded into a count. */
export const Update: Story = { args: { previousData: product, data: productUpdated } };

/** A delete: every field is removed. */
export const Delete: Story = { args: { previousData: product, data: undefined } };

/** Nested objects: each changed key is its own row, with a readable path. */
export const Nested: Story = {
  args: {
    previousData: { customer: { name: "Ada", address: { city: "Lyon", zip: "69001", lines: ["1 Main St"] } } },
    data: { customer: { name: "Ada", address: { city: "Paris", zip: "75001", lines: ["1 Main St", "Floor 3"] }, phone: "+33 1 23 45 67 89" } },
  },
};

/** Arrays of items with ids: an insert, a moved item and an edited quantity. */
export const ArraysWithInsertsAndMoves: Story = {
  decorators: [withStylesheet],
  args: { previousData: order, data: orderUpdated, defaultShowUnchanged: true },
};

const longBefore = `${product.description} `.repeat(6).trim();
const longAfter = longBefore.replace("adjustable arm", "adjustable aluminium arm").replace("steady", "perfectly steady");

/**
 * Long texts get a word diff, with long unchanged stretches shortened; a very long
 * value without one is cut. "Show all" shows either whole.
 */
export const LongText: Story = {
  decorators: [withStylesheet],
  args: {
    previousData: { description: longBefore, notes: "" },
    data: { description: longAfter, notes: "Lorem ipsum dolor sit amet. ".repeat(200) },
    maxValueLength: 400,
  },
  play: async ({ canvasElement }) => {
    const description = canvasElement.querySelector<HTMLElement>('[data-path="description"]')!;
    await expect([...description.querySelectorAll("ins")].map((ins) => ins.textContent?.trim())).toEqual(["aluminium", "perfectly"]);
    await expect(description).toHaveTextContent("…");
    await userEvent.click(within(description).getByRole("button", { name: /Show all/ }));
    await expect(description).not.toHaveTextContent("…");
  },
};

/** The unchanged fields toggle: the play function opens it and checks the rows appear. */
export const UnchangedToggle: Story = {
  args: { previousData: product, data: { ...product, price: 52 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(rowsOf(canvasElement).map((row) => row.dataset.path)).toEqual(["price"]);
    const toggle = canvas.getByRole("button", { name: /Show \d+ unchanged fields/ });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const unchanged = rowsOf(canvasElement).filter((row) => row.dataset.change === "unchanged");
    await expect(unchanged.length).toBeGreaterThan(5);
    await expect(canvas.getByText("Sku")).toBeVisible();
  },
};

/** Numbers and dates follow the locale (the app's i18nProvider, or the `locale` prop as here). */
export const Localized: Story = {
  args: { locale: "de-DE", previousData: { price: 1234.5, releasedOn: "2024-05-01", stock: 12000 }, data: { price: 1499.99, releasedOn: "2024-06-15", stock: 9500 } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-path="price"] ins')).toHaveTextContent("1.499,99");
  },
};

/** The unified view (the default): one row per field, old value then new. */
export const Unified: Story = { args: { previousData: account, data: accountUpdated, view: "unified" } };

/** The split view: a real table with Field, Before and After columns. */
export const Split: Story = { args: { previousData: product, data: productUpdated, view: "split" } };

/** Also split, styled. */
export const SplitStyled: Story = { ...Split, decorators: [withStylesheet] };

const euros = new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" });
/** Only URLs a browser shows as an image, never `javascript:`. */
const isImageUrl = (value: unknown): value is string => typeof value === "string" && /^(https:\/\/|data:image\/)/i.test(value);

const renderProductValue: RenderValue = ({ path, value, side }) => {
  const field = path[path.length - 1];
  if (field === "image" && isImageUrl(value)) {
    const alt = `Product image (${side === "before" ? "old" : "new"})`;
    return <img src={value} alt={alt} width={48} height={48} style={{ verticalAlign: "middle", imageRendering: "pixelated" }} />;
  }
  if (field === "price" && typeof value === "number") return euros.format(value);
  if (field === "categoryId" && typeof value === "number") return `${categories[value] ?? "Unknown category"} (#${value})`;
  return undefined; // everything else: the default rendering
};

/** `renderValue`: an image, a currency, and a reference shown by its title; the rest falls back. */
export const CustomRenderers: Story = {
  decorators: [withStylesheet],
  args: { previousData: product, data: productUpdated, view: "split", renderValue: renderProductValue },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("img", { name: "Product image (new)" })).toBeVisible();
    await expect(canvas.getByText("Home office (#5)")).toBeVisible();
    await expect(canvas.getByText("€59.90")).toBeVisible();
  },
};

/** `fields`: labels (also for the paths below), a formatter, a hidden field and a redacted secret. */
export const Fields: Story = {
  args: {
    previousData: { ...account, address: { city: "Lyon", zip: "69001" } },
    data: { ...accountUpdated, address: { city: "Paris", zip: "75001" } },
    fields: {
      email: { label: "E-mail address" },
      address: { label: "Address" },
      "address.zip": { label: "Postcode" },
      role: { label: "Role", format: (value) => (value === "admin" ? "Administrator" : value === "editor" ? "Editor" : String(value)) },
      updatedAt: { hidden: true },
      password: { label: "Password", redact: true },
    },
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement).not.toHaveTextContent(/hunter2|correct horse/);
    await expect(canvasElement.querySelector('[data-path="password"]')).toHaveTextContent("changed (hidden)");
    await expect(canvasElement.querySelector('[data-path="updatedAt"]')).toBeNull();
  },
};

const huge = makeHugeChange(1000);

/**
 * A huge change (1,000 fields) renders one page of rows and a "Show N more" button. The
 * page is 200 rows by default; 100 here, to keep the story's accessibility check quick.
 */
export const HugeChange: Story = {
  args: { previousData: huge.before, data: huge.after, pageSize: 100 },
  play: async ({ canvasElement }) => {
    await expect(rowsOf(canvasElement)).toHaveLength(100);
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Show 100 more (900 not shown)" }));
    await expect(rowsOf(canvasElement)).toHaveLength(200);
  },
};

/** The `log` prop with a Refine v5 update row (no before-values: "earlier value not recorded"). */
export const FromLogEntry: Story = {
  decorators: [withRefine],
  args: { log: logRows.update },
};

/** A log row that cannot be read shows a readable fallback, with the raw row in the details. */
export const MalformedLogEntry: Story = {
  decorators: [withRefine],
  args: { log: logRows.malformed },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector(`[data-part="${parts.fallback}"]`)).toHaveTextContent(/could not be read/);
  },
};

/** Nothing changed: a clear message, and the unchanged fields one click away. */
export const NoChanges: Story = { args: { previousData: product, data: { ...product } } };

/** No stylesheet at all: semantic markup with the browser's defaults. */
export const Unstyled: Story = {
  args: { previousData: product, data: productUpdated, defaultShowUnchanged: true },
  play: async ({ canvasElement }) => {
    await expect(isStyled(canvasElement.querySelector('[data-scope="record-diff"]')!)).toBe(false);
  },
};

/** With `refine-audit-trail/styles.css`. */
export const WithStylesheet: Story = {
  ...Unstyled,
  decorators: [withStylesheet],
  play: async ({ canvasElement }) => {
    await expect(isStyled(canvasElement.querySelector('[data-scope="record-diff"]')!)).toBe(true);
  },
};

/** The stylesheet under a `data-theme="dark"` ancestor. */
export const Dark: Story = { ...WithStylesheet, args: { ...Unstyled.args, view: "split" }, decorators: [withDarkTheme, withStylesheet] };

function HeadlessDiff(options: UseRecordDiffOptions) {
  const diff = useRecordDiff(options);
  const signs = { added: "+", removed: "−", changed: "~", moved: "↕", unchanged: "=" } as const;
  return (
    <section {...diff.getRootProps({ style: { fontFamily: "Georgia, serif", maxWidth: 560, overflowWrap: "anywhere" } })}>
      <button {...diff.getToggleUnchangedProps({ style: { marginBottom: 8 } })} />
      <ol style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {diff.rows.map((row) => (
          <li key={row.key} {...diff.getRowProps(row, { style: { display: "flex", gap: 8, padding: "4px 0", borderBottom: "1px dashed #999" } })}>
            <span aria-hidden="true">{signs[row.change.kind]}</span>
            <strong>{row.label}</strong>
            <em>{row.kindText}</em>
            {row.hasBefore && row.change.kind !== "unchanged" && <s>{diff.getFormattedValue(row, "before").text}</s>}
            {row.hasAfter && <span>{diff.getFormattedValue(row, "after").text}</span>}
          </li>
        ))}
      </ol>
      {diff.hasMore && <button {...diff.getShowMoreProps()} />}
    </section>
  );
}

/** Headless: the same diff rendered entirely with your own markup, through `useRecordDiff` only. */
export const HeadlessCustomRendering: Story = {
  render: (args) => <HeadlessDiff previousData={args.previousData} data={args.data} locale={args.locale} fields={{ sku: { label: "SKU" } }} />,
  args: { previousData: product, data: productUpdated },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('[data-scope="record-diff"]')?.tagName).toBe("SECTION");
    await userEvent.click(canvas.getByRole("button", { name: /unchanged/ }));
    await expect(canvas.getByText("SKU")).toBeVisible();
  },
};

const stateChanges: { title: string; changes: FieldChange[] }[] = [
  { title: "added", changes: [{ path: ["color"], key: "color", kind: "added", after: "red" }] },
  { title: "removed", changes: [{ path: ["color"], key: "color", kind: "removed", before: "red" }] },
  { title: "changed", changes: [{ path: ["price"], key: "price", kind: "changed", before: 50, after: 100 }] },
  { title: "changed (inferred before)", changes: [{ path: ["price"], key: "price", kind: "changed", before: 50, after: 100, isBeforeInferred: true }] },
  { title: "earlier value not recorded", changes: [{ path: ["price"], key: "price", kind: "changed", after: 100, isBeforeUnknown: true }] },
  { title: "moved", changes: [{ path: ["items", 0], key: "items.0", kind: "moved", before: { id: 3 }, after: { id: 3 }, fromIndex: 2 }] },
  { title: "unchanged run", changes: [{ path: ["tags", 3], key: "tags.3", kind: "unchanged", before: "a", after: "a", count: 7 }] },
  { title: "type changed", changes: [{ path: ["zip"], key: "zip", kind: "changed", before: 69001, after: "69001", note: "type-changed" }] },
  { title: "empty values", changes: [{ path: ["notes"], key: "notes", kind: "changed", before: null, after: "" }] },
  { title: "object added", changes: [{ path: ["address"], key: "address", kind: "added", after: { city: "Paris", zip: "75001" } }] },
  { title: "object removed", changes: [{ path: ["items", 1], key: "items.1", kind: "removed", before: { id: 7, name: "Bulb", qty: 2 } }] },
  {
    title: "object added, closed",
    changes: [{ path: ["items", 2], key: "items.2", kind: "added", after: { id: 8, name: "Shade", color: "linen", qty: 1, price: 24, size: "M", material: "cotton" } }],
  },
  {
    title: "word diff",
    changes: [
      {
        path: ["bio"],
        key: "bio",
        kind: "changed",
        before: "The quick brown fox",
        after: "The quick red fox",
        text: [
          { type: "equal", text: "The quick " },
          { type: "delete", text: "brown" },
          { type: "insert", text: "red" },
          { type: "equal", text: " fox" },
        ],
      },
    ],
  },
  { title: "no changes", changes: [] },
];

/** A Refine v5 update logged without before-values, with no earlier entry to infer them from. */
const notRecordedLog = { id: 8, resource: "products", action: "update", data: { price: 39, status: "published" }, previousData: {}, meta: { id: 1 } };
/** Forty changed fields: more than a budget of five changes lists. */
const wide = {
  before: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, i])),
  after: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, i + 1])),
};
/** An app's formatter that assumes a number, met with `null`. */
const throwingFormat = { price: { format: (value: unknown) => (value as number).toFixed(2) } };

const arcLamp = { id: 1, sku: "LGT-ARC-WHT", price: 349, color: "white" };
/** A lamp's variants: one removed, one added (with a nested size), a supplier set where there was none. */
const catalogBefore = {
  name: "Arc floor lamp",
  supplier: null,
  variants: [arcLamp, { id: 2, sku: "LGT-ARC-BRS", price: 389, color: "brass", cost: 201.5 }],
};
const catalogAfter = {
  name: "Arc floor lamp",
  supplier: { name: "Lumen & Co", country: "PT", contact: { email: "orders@lumen.example", phone: "+351 21 000 0000" } },
  variants: [arcLamp, { id: 3, sku: "LGT-ARC-BLK", price: 369.99, cost: 190, size: { height: 180, reach: 95 }, releasedOn: "2024-09-01" }],
};
/** Labels, types and a redacted cost, by path patterns inside the list's items. */
const catalogFields: UseRecordDiffOptions["fields"] = {
  "variants.*.sku": { label: "SKU" },
  "variants.*.price": { type: "currency", currency: "EUR" },
  "variants.*.cost": { redact: true },
  "variants.*.size.height": { label: "Height (cm)" },
  "supplier.country": { type: "enum", options: { PT: "Portugal", FR: "France" } },
};

/**
 * An added or removed object (an array item, a record set where there was none) shows
 * as its fields, one per line (`data-part="object"`, `object-fields`, `object-field`),
 * labelled and formatted as rows are, with a "Hide fields" / "Show N fields" button
 * (`object-toggle`, `aria-expanded`). The redacted cost says "(hidden)".
 */
export const AddedAndRemovedObjects: Story = {
  decorators: [withStylesheet],
  args: { previousData: catalogBefore, data: catalogAfter, fields: catalogFields },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector(`[data-scope="record-diff"][data-part="${parts.json}"]`)).toBeNull();
    const added = canvasElement.querySelector<HTMLElement>('[data-part="field"][data-change="added"]')!;
    await expect(added.querySelector('[data-part="object-field"][data-path="variants.1.price"] dd')).toHaveTextContent("€369.99");
    await expect(added.querySelector('[data-part="object-field"][data-path="variants.1.cost"] [data-part="redacted"]')).toHaveTextContent("(hidden)");
    await expect(canvasElement).not.toHaveTextContent(/201\.5|190/);
    const removed = canvasElement.querySelector<HTMLElement>('[data-part="field"][data-change="removed"]')!;
    await expect(removed.querySelector('del [data-part="object"]')).not.toBeNull();
    const hide = within(added).getByRole("button", { name: "Hide fields" });
    await userEvent.click(hide);
    await expect(hide).toHaveAttribute("aria-expanded", "false");
    await expect(within(added).getByText("LGT-ARC-BLK")).toBeVisible();
    await userEvent.click(hide);
    await expect(hide).toHaveAttribute("aria-expanded", "true");
    await expect(canvas.getByText("Portugal")).toBeVisible();
  },
};

/**
 * The same in the split view, under a dark theme, with `maxOpenObjectFields={0}`: every
 * object starts closed (named when it has a name); the play function opens them all.
 */
export const AddedAndRemovedObjectsDark: Story = {
  ...AddedAndRemovedObjects,
  args: { ...AddedAndRemovedObjects.args, view: "split", maxOpenObjectFields: 0 },
  decorators: [withDarkTheme, withStylesheet],
  play: async ({ canvasElement }) => {
    const objects = () => [...canvasElement.querySelectorAll('[data-scope="record-diff"][data-part="object"]')];
    await expect(objects().map((object) => object.getAttribute("data-state"))).toEqual(["closed", "closed", "closed"]);
    for (const toggle of within(canvasElement).getAllByRole("button", { name: /^Show \d+ fields$/ })) await userEvent.click(toggle);
    await expect(objects().map((object) => object.getAttribute("data-state"))).toEqual(["open", "open", "open"]);
    await expect(canvasElement.querySelector('td[data-side="before"] [data-part="object"] [data-part="object-fields"]')).not.toBeNull();
  },
};

/** A product with 240 fields: more than an object view lists (200). */
const largeProduct = {
  name: "Studio lamp",
  ...Object.fromEntries(Array.from({ length: 239 }, (_, i) => [`attribute${i + 1}`, `value ${i + 1}`])),
};

/**
 * A large object starts closed, named ("Studio lamp") with a "Show 240 fields" button;
 * open, it lists 200 fields and says how many more are not shown (`object-more`).
 */
export const LargeObjectCollapsed: Story = {
  decorators: [withStylesheet],
  args: { previousData: { products: [] }, data: { products: [largeProduct] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const object = canvasElement.querySelector('[data-scope="record-diff"][data-part="object"]')!;
    await expect(object).toHaveAttribute("data-state", "closed");
    await expect(canvas.getByText("Studio lamp")).toBeVisible();
    const toggle = canvas.getByRole("button", { name: "Show 240 fields" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    toggle.focus();
    await userEvent.keyboard("{Enter}");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(canvasElement.querySelectorAll('[data-part="object-field"]')).toHaveLength(200);
    await expect(canvas.getByText("40 more fields not shown")).toBeVisible();
  },
};

/** An update whose earlier values the log never recorded: said in words, never "set" nor "added". */
export const EarlierValueNotRecorded: Story = {
  decorators: [withStylesheet],
  args: { log: notRecordedLog },
  play: async ({ canvasElement }) => {
    const notRecorded = canvasElement.querySelectorAll(`[data-scope="record-diff"][data-part="${parts.notRecorded}"]`);
    await expect(notRecorded).toHaveLength(2);
    await expect(notRecorded[0]!.textContent).toBe("earlier value not recorded");
  },
};

/** A diff past its work budget: what was compared, and a note of what was left out. */
export const TooLargeToCompare: Story = {
  decorators: [withStylesheet],
  args: { previousData: wide.before, data: wide.after, budget: { maxChanges: 5 } },
  play: async ({ canvasElement }) => {
    await expect(rowsOf(canvasElement)).toHaveLength(5);
    const note = canvasElement.querySelector(`[data-scope="record-diff"][data-part="${parts.overflow}"]`)!;
    await expect(note.textContent).toBe("Too large to compare in full: 35 more changes not shown.");
  },
};

/** An app's formatter that throws on one value: that value shows the default way, marked; the rest of the diff stays. */
export const FormatterThrows: Story = {
  decorators: [withStylesheet],
  args: { previousData: { price: 5, name: "Lamp" }, data: { price: null, name: "Desk lamp" }, fields: throwingFormat },
  play: async ({ canvasElement }) => {
    await expect(rowsOf(canvasElement)).toHaveLength(2);
    const failed = canvasElement.querySelector(`[data-scope="record-diff"][data-part="${parts.valueError}"]`)!;
    await expect(failed.getAttribute("title")).toMatch(/formatter failed/);
    await expect(failed.textContent).toBe("empty");
  },
};

function StateGrid({ children }: { children: ReactNode }) {
  return <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(340px, 1fr))", gap: "1rem" }}>{children}</div>;
}

/** Every kind of change, in both views, with the stylesheet. */
export const States: Story = {
  decorators: [withStylesheet],
  render: (args) => (
    <StateGrid>
      {stateChanges.flatMap(({ title, changes }) =>
        (["unified", "split"] as const).map((view) => (
          <figure key={`${title}-${view}`} style={{ margin: 0 }}>
            <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>
              {title} · {view}
            </figcaption>
            <RecordDiff changes={changes} view={view} locale={args.locale} aria-label={`${title}, ${view}`} defaultShowUnchanged />
          </figure>
        )),
      )}
      <figure style={{ margin: 0 }}>
        <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>redacted</figcaption>
        <RecordDiff previousData={{ secret: "a" }} data={{ secret: "b" }} fields={{ secret: { redact: true } }} locale={args.locale} aria-label="redacted" />
      </figure>
      <figure style={{ margin: 0 }}>
        <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>malformed log entry</figcaption>
        <RecordDiff log={42} locale={args.locale} aria-label="malformed" />
      </figure>
      <figure style={{ margin: 0 }}>
        <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>earlier value not recorded</figcaption>
        <RecordDiff log={notRecordedLog} locale={args.locale} aria-label="earlier value not recorded" />
      </figure>
      <figure style={{ margin: 0 }}>
        <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>too large to compare in full</figcaption>
        <RecordDiff previousData={wide.before} data={wide.after} budget={{ maxChanges: 5 }} locale={args.locale} aria-label="too large" />
      </figure>
      <figure style={{ margin: 0 }}>
        <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>a formatter that throws</figcaption>
        <RecordDiff previousData={{ price: 5, name: "Lamp" }} data={{ price: null, name: "Desk lamp" }} fields={throwingFormat} locale={args.locale} aria-label="formatter throws" />
      </figure>
    </StateGrid>
  ),
};

/**
 * Items named in labels: with `fields.variants.itemLabel: "sku"`, a variant's rows read
 * "Variants › LGT-ARC-BLK › Price", not `variants[0].price`. Without `itemLabel` an item is
 * named by its `name`, `title`, `label` or `sku`, else its position ("item 2"); a
 * redacted or hidden field never names one.
 */
export const NamedItems: Story = {
  name: "Named items",
  args: {
    previousData: {
      variants: [
        { id: 1, sku: "LGT-ARC-BLK", price: 349, stock: 12 },
        { id: 2, sku: "LGT-ARC-BRS", price: 389, stock: 3 },
      ],
      parts: [{ id: "a", weight: 2.4 }, { id: "b", weight: 1.1 }],
    },
    data: {
      variants: [
        { id: 1, sku: "LGT-ARC-BLK", price: 369, stock: 12 },
        { id: 2, sku: "LGT-ARC-BRS", price: 389, stock: 0 },
      ],
      parts: [{ id: "a", weight: 2.4 }, { id: "b", weight: 1.3 }],
    },
    fields: { variants: { itemLabel: "sku" }, "variants.*.price": { type: "currency", currency: "EUR" } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Variants › LGT-ARC-BLK › Price")).toBeVisible();
    await expect(canvas.getByText("Variants › LGT-ARC-BRS › Stock")).toBeVisible();
    await expect(canvas.getByText("Parts › item 2 › Weight")).toBeVisible();
  },
};
