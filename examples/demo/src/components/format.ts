import type { RecordDiffFields } from "refine-audit-trail";
import type { Product } from "../types";

/** Formats a price in the product's currency (EUR when it has none). */
export function formatPrice(value: unknown, currency: string = "EUR"): string {
  return typeof value === "number" ? new Intl.NumberFormat(undefined, { style: "currency", currency }).format(value) : String(value ?? "");
}

/** "40 × 190 × 120 cm" */
export function formatDimensions(dimensions: Product["dimensions"]): string {
  if (!dimensions) return "—";
  const { width, height, depth, unit = "cm" } = dimensions;
  return `${[width, height, depth].map((n) => (n === undefined ? "?" : String(n))).join(" × ")} ${unit}`;
}

/**
 * How the diffs name and show product fields: readable labels, prices as money, and the
 * category by its title rather than its id.
 */
export function productDiffFields(categoryTitles: ReadonlyMap<string, string>): RecordDiffFields {
  const category = (value: unknown) => categoryTitles.get(String(value)) ?? `Category #${String(value)}`;
  return {
    title: { label: "Title" },
    sku: { label: "SKU" },
    status: { label: "Status" },
    price: { label: "Price", format: (value) => formatPrice(value) },
    currency: { label: "Currency" },
    stock: { label: "Stock" },
    categoryId: { label: "Category", format: category },
    tags: { label: "Tags" },
    description: { label: "Description" },
    dimensions: { label: "Dimensions" },
    supplier: { label: "Supplier" },
    variants: { label: "Variants" },
    "variants.*.price": { label: "Price", format: (value) => formatPrice(value) },
  };
}

/** How the diffs name category fields. */
export const categoryDiffFields: RecordDiffFields = {
  title: { label: "Title" },
  slug: { label: "Slug" },
  description: { label: "Description" },
};
