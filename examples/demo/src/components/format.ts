import type { RecordDiffFields } from "refine-audit-trail";
import type { DemoTranslate } from "../i18n/useDemoTranslate";
import type { Product } from "../types";

/** Formats a price in the product's currency (EUR when it has none), in the app's locale. */
export function formatPrice(value: unknown, currency: string = "EUR", locale?: string): string {
  return typeof value === "number" ? new Intl.NumberFormat(locale, { style: "currency", currency }).format(value) : String(value ?? "");
}

/** "40 × 190 × 120 cm" */
export function formatDimensions(dimensions: Product["dimensions"], locale?: string): string {
  if (!dimensions) return "—";
  const { width, height, depth, unit = "cm" } = dimensions;
  const number = new Intl.NumberFormat(locale);
  return `${[width, height, depth].map((n) => (n === undefined ? "?" : number.format(n))).join(" × ")} ${unit}`;
}

/** The product photos the server accepts (`/photos/arc-floor-lamp.svg`), as server/resources.mjs checks them. */
const PHOTO_PATH = /^\/photos\/[a-z0-9][a-z0-9-]{0,80}\.(svg|png|jpg|webp)$/;

/** A photo's path to load, or `undefined` for anything that is not one of the server's photos. */
export function toPhotoSrc(value: unknown): string | undefined {
  return typeof value === "string" && PHOTO_PATH.test(value) ? value : undefined;
}

/** A nested field's name as the kit writes a path of labels: "Supplier › Address › City". */
const crumbs = (...labels: string[]) => labels.join(" › ");

/**
 * How the diffs name and show product fields, in the app's language: labels for every
 * field (nested ones as their path of labels), prices as money, the status by its name,
 * the category by its title (the kit reads it with Refine's `useMany`), variants by their
 * SKU, the photo as a thumbnail.
 *
 * Prices are shown in euros: the kit's `currency` is one code per field, and the seed's
 * products are all in euros. A product in another currency would show its amounts with
 * the euro sign in the diffs (the product page itself uses the product's own currency).
 *
 * @param origin where the app runs: photos are stored as paths (`/photos/…`) and load
 *   from it, and only from it.
 */
export function productDiffFields(t: DemoTranslate, origin: string = window.location.origin): RecordDiffFields {
  const price = { label: t("product.field.price"), type: "currency", currency: "EUR" } as const;
  const dimensions = t("product.field.dimensions");
  const supplier = t("product.field.supplier");
  const address = crumbs(supplier, t("product.field.address"));
  return {
    title: { label: t("product.field.title") },
    sku: { label: t("product.field.sku") },
    status: {
      label: t("product.field.status"),
      type: "enum",
      options: { draft: t("product.status.draft"), active: t("product.status.active"), discontinued: t("product.status.discontinued") },
    },
    price,
    currency: { label: t("product.field.currency") },
    stock: { label: t("product.field.stock") },
    categoryId: { label: t("product.field.category"), reference: { resource: "categories", label: "title" } },
    tags: { label: t("product.field.tags") },
    description: { label: t("product.field.description") },
    photo: { label: t("product.field.photo"), type: "image", baseUrl: `${origin}/photos/`, allowedOrigins: [origin] },
    dimensions: { label: dimensions },
    "dimensions.width": { label: crumbs(dimensions, t("product.field.width")) },
    "dimensions.height": { label: crumbs(dimensions, t("product.field.height")) },
    "dimensions.depth": { label: crumbs(dimensions, t("product.field.depth")) },
    "dimensions.unit": { label: crumbs(dimensions, t("product.field.unit")) },
    supplier: { label: supplier },
    "supplier.name": { label: crumbs(supplier, t("product.field.name")) },
    "supplier.email": { label: crumbs(supplier, t("product.field.email")) },
    "supplier.address": { label: address },
    "supplier.address.street": { label: crumbs(address, t("product.field.street")) },
    "supplier.address.city": { label: crumbs(address, t("product.field.city")) },
    "supplier.address.postalCode": { label: crumbs(address, t("product.field.postalCode")) },
    "supplier.address.country": { label: crumbs(address, t("product.field.country")) },
    variants: { label: t("product.field.variants"), itemLabel: "sku" },
    "variants.*.id": { label: t("product.field.variantId") },
    "variants.*.sku": { label: t("product.field.sku") },
    "variants.*.price": price,
  };
}

/** How the diffs name category fields, in the app's language. */
export function categoryDiffFields(t: DemoTranslate): RecordDiffFields {
  return {
    title: { label: t("category.field.title") },
    slug: { label: t("category.field.slug") },
    description: { label: t("category.field.description") },
  };
}
