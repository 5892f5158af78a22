import { useList, type HttpError } from "@refinedev/core";
import { useMemo } from "react";
import type { Category } from "../types";

/** Every category (there are few), and their titles by id: for selects, the product list's column and a product's page. */
export function useCategories() {
  const { result, query } = useList<Category, HttpError>({
    resource: "categories",
    pagination: { mode: "off" },
    sorters: [{ field: "title", order: "asc" }],
  });
  const titles = useMemo(() => new Map(result.data.map((category) => [String(category.id), category.title])), [result.data]);
  return { categories: result.data, titles, query };
}
