/** A product as the demo's API stores it. */
export interface Product {
  id: number;
  title: string;
  sku: string;
  status: ProductStatus;
  price: number;
  currency?: "EUR" | "USD" | "GBP";
  stock?: number;
  categoryId: number;
  tags?: string[];
  description?: string;
  /** A photo the server serves, as a path (`/photos/arc-floor-lamp.svg`); `null` once taken away. */
  photo?: string | null;
  dimensions?: { width?: number; height?: number; depth?: number; unit?: "mm" | "cm" | "m" };
  supplier?: {
    name: string;
    email?: string;
    address?: { street?: string; city?: string; postalCode?: string; country?: string };
  };
  variants?: ProductVariant[];
}

export type ProductStatus = "draft" | "active" | "discontinued";

export interface ProductVariant {
  id: string;
  sku: string;
  price: number;
}

/** What the product form sends (a product without its id). */
export type ProductValues = Omit<Product, "id">;

export interface Category {
  id: number;
  title: string;
  slug: string;
  description?: string;
}

export type CategoryValues = Omit<Category, "id">;

export const PRODUCT_STATUSES: readonly ProductStatus[] = ["draft", "active", "discontinued"];
