import { ResourceContext, type IResourceItem } from "@refinedev/core";
import { useContext } from "react";
import { humanizeKey } from "../core/humanizeKey";

/**
 * A resource in words: its `meta.label` in `<Refine resources>` (found by identifier, then
 * by name), else its name humanised ("product-variants" → "Product variants"). Outside
 * `<Refine>`, the name humanised. Text: render it through React.
 *
 * @example
 * const label = useResourceLabel("products"); // "Products", or the resource's meta.label
 */
export function useResourceLabel(resource: string): string {
  const { resources } = useContext(ResourceContext) ?? { resources: [] };
  return getResourceLabel(resource, resources);
}

/** {@link useResourceLabel} over a list of Refine resources. */
export function getResourceLabel(resource: string, resources: readonly IResourceItem[] | undefined): string {
  const label: unknown = findResource(resources, resource)?.meta?.label;
  return typeof label === "string" && label.trim() !== "" ? label : humanizeKey(resource);
}

/** A resource of `<Refine resources>` by its identifier, else by its name. */
export function findResource(resources: readonly IResourceItem[] | undefined, name: string): IResourceItem | undefined {
  const list = resources ?? [];
  return list.find((item) => (item.identifier ?? item.name) === name) ?? list.find((item) => item.name === name);
}
