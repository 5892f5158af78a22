import type { DataAttributes } from "./dataAttributes";

/**
 * A component's markup contract, declared once (after Zag.js's `createAnatomy`): its
 * `data-scope` and the `data-part` name of each of its parts. Every element a component
 * renders carries both attributes, so one selector form serves CSS, tests and stories:
 * `[data-scope="record-diff"][data-part="before"]`.
 */
export interface Anatomy<Parts extends Record<string, string>> {
  /** The component's `data-scope`. */
  readonly scope: string;
  /** Every part name, keyed by its JavaScript name (`showMore` → `"show-more"`). */
  readonly parts: Parts;
  /** `{ "data-scope", "data-part" }` for one part: spread it on the part's element. */
  attrs(part: Parts[keyof Parts]): { "data-scope": string; "data-part": Parts[keyof Parts] } & DataAttributes;
  /** The CSS selector of one part: `[data-scope="…"][data-part="…"]`. */
  selector(part: Parts[keyof Parts]): string;
}

/**
 * Declares a component's anatomy (see {@link Anatomy}). Attribute objects are made once
 * per part and shared: spreading them costs no allocation per element.
 *
 * @example
 * const anatomy = createAnatomy("record-diff", { root: "root", field: "field" } as const);
 * <div {...anatomy.attrs("root")} />               // data-scope="record-diff" data-part="root"
 * container.querySelector(anatomy.selector("field"))
 */
export function createAnatomy<const Parts extends Record<string, string>>(scope: string, parts: Parts): Anatomy<Parts> {
  const cache = new Map<string, { "data-scope": string; "data-part": Parts[keyof Parts] }>();
  for (const name of Object.values(parts) as Parts[keyof Parts][]) {
    cache.set(name, Object.freeze({ "data-scope": scope, "data-part": name }));
  }
  return Object.freeze({
    scope,
    parts,
    attrs: (part: Parts[keyof Parts]) => cache.get(part) ?? { "data-scope": scope, "data-part": part },
    selector: (part: Parts[keyof Parts]) => `[data-scope="${scope}"][data-part="${part}"]`,
  });
}
