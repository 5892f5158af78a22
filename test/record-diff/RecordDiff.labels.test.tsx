import { render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AuditTimeline, RecordDiff, createEntryReader, createInMemoryAuditLogProvider, normalizeLog, recordDiffParts as parts, useResourceLabel, type RecordDiffFields } from "../../src/index";
import { renderWithRefine } from "../audit-timeline/renderWithRefine";

const rowAt = (container: HTMLElement, path: string) => {
  const row = container.querySelector<HTMLElement>(`[data-part="${parts.field}"][data-path="${path}"]`);
  if (!row) throw new Error(`no row for ${path}`);
  return row;
};

const before = {
  name: "Arc floor lamp",
  variants: [
    { id: 1, sku: "LGT-ARC-BLK", name: "Black", price: 349 },
    { id: 2, sku: "LGT-ARC-BRS", name: "Brass", price: 389 },
  ],
};
const after = { ...before, variants: [{ ...before.variants[0]!, price: 359 }, before.variants[1]!] };
const fields: RecordDiffFields = { variants: { itemLabel: "sku" } };

describe("RecordDiff: labels people can read", () => {
  it("names a list item by its itemLabel in the row's label", () => {
    const { container } = render(<RecordDiff locale="en-US" previousData={before} data={after} fields={fields} />);
    expect(within(rowAt(container, "variants.0.price")).getByText("Variants › LGT-ARC-BLK › Price")).toBeTruthy();
  });

  it("names it by its name by default, and never by a redacted field", () => {
    const { container, rerender } = render(<RecordDiff locale="en-US" previousData={before} data={after} />);
    expect(within(rowAt(container, "variants.0.price")).getByText("Variants › Black › Price")).toBeTruthy();
    rerender(<RecordDiff locale="en-US" previousData={before} data={after} fields={{ ...fields, "variants.*.sku": { redact: true } }} />);
    expect(within(rowAt(container, "variants.0.price")).getByText("Variants › item 1 › Price")).toBeTruthy();
    expect(container.textContent).not.toContain("LGT-ARC-BLK");
  });

  it("names items of given changes through the entry's readItem", () => {
    const row = normalizeLog({ id: 1, resource: "products", action: "update", data: { variants: after.variants }, previousData: { variants: before.variants }, meta: { id: 7 } });
    if (!row.ok) throw new Error(row.error.reason);
    const description = createEntryReader({ fields }).describe(row.entry);
    const { container, rerender } = render(<RecordDiff locale="en-US" changes={description.getChanges()} readItem={description.readItem} fields={fields} />);
    expect(within(rowAt(container, "variants.0.price")).getByText("Variants › LGT-ARC-BLK › Price")).toBeTruthy();
    rerender(<RecordDiff locale="en-US" changes={description.getChanges()} fields={fields} />);
    expect(within(rowAt(container, "variants.0.price")).getByText("Variants › item 1 › Price")).toBeTruthy();
  });

  it("names items in the timeline's open diff and its summary", async () => {
    const provider = createInMemoryAuditLogProvider({
      initial: [
        { id: 1, resource: "products", action: "create", createdAt: "2024-05-01T10:00:00.000Z", data: before, meta: { id: 7 } },
        { id: 2, resource: "products", action: "update", createdAt: "2024-05-02T10:00:00.000Z", data: { variants: after.variants }, previousData: {}, meta: { id: 7 } },
      ],
    });
    const { container } = renderWithRefine(<AuditTimeline resource="products" id={7} fields={fields} defaultExpanded={["2"]} locale="en-US" />, { auditLogProvider: provider });
    await waitFor(() => expect(container.querySelector('[data-part="field"][data-path="variants.0.price"]')).not.toBeNull());
    expect(within(rowAt(container, "variants.0.price")).getByText("Variants › LGT-ARC-BLK › Price")).toBeTruthy();
    expect(screen.getByText("Changed Variants › LGT-ARC-BLK › Price from 349 to 359")).toBeTruthy();
  });
});

describe("useResourceLabel", () => {
  const Label = ({ name }: { name: string }) => <span data-testid={name}>{useResourceLabel(name)}</span>;

  it("reads Refine's meta.label, else humanises the name, in or outside <Refine>", () => {
    renderWithRefine(
      <>
        <Label name="products" />
        <Label name="product-variants" />
      </>,
      { resources: [{ name: "products", meta: { label: "Catalogue" } }, { name: "product-variants" }] },
    );
    expect(screen.getByTestId("products").textContent).toBe("Catalogue");
    expect(screen.getByTestId("product-variants").textContent).toBe("Product variants");
  });

  it("humanises the name outside <Refine>", () => {
    render(<Label name="purchase_orders" />);
    expect(screen.getByTestId("purchase_orders").textContent).toBe("Purchase orders");
  });
});
