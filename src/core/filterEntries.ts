import { sameId, type AuditId, type AuditLogEntry } from "./normalizeLog";
import { getValueType, safeGet, toArray } from "./values";

/**
 * Which entries to show. Every criterion narrows the list; a list criterion keeps an
 * entry that matches any of its values.
 *
 * @example
 * { action: ["update", "updateMany"], author: 7, field: "status", namedOnly: true }
 */
export interface AuditLogFilters {
  /** Only these actions (`"update"`, `["create", "createMany"]`, a custom action). */
  action?: string | readonly string[];
  /** Only entries by these authors, matched by id (by value: `7` is `"7"`), name or email. */
  author?: AuditId | readonly AuditId[];
  /**
   * Only entries that wrote one of these fields, as dotted paths: `status`,
   * `address.city` (`address` also matches a patch of `address.city`).
   */
  field?: string | readonly string[];
  /** Only entries that were given a name (named versions). */
  namedOnly?: boolean;
}

/**
 * Filters in one canonical shape, for a query key or a provider's `meta.filters`: sorted
 * lists of strings, empty criteria left out. `undefined` when nothing filters.
 */
export interface CanonicalAuditLogFilters {
  actions?: string[];
  authors?: string[];
  fields?: string[];
  namedOnly?: true;
}

const toList = (value: unknown): string[] => {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return [...new Set(items.filter((item) => (typeof item === "string" && item !== "") || typeof item === "number").map(String))].sort();
};

/**
 * Puts filters in their canonical shape (see {@link CanonicalAuditLogFilters}), so two
 * equal filters give equal query keys whatever their order or form.
 */
export function canonicalizeFilters(filters: AuditLogFilters | undefined): CanonicalAuditLogFilters | undefined {
  if (!filters) return undefined;
  const out: CanonicalAuditLogFilters = {};
  const actions = toList(filters.action);
  const authors = toList(filters.author);
  const fields = toList(filters.field);
  if (actions.length > 0) out.actions = actions;
  if (authors.length > 0) out.authors = authors;
  if (fields.length > 0) out.fields = fields;
  if (filters.namedOnly) out.namedOnly = true;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** True when the entry concerns the record (its `recordIds` hold the id, compared by value). */
export function entryConcernsRecord(entry: AuditLogEntry, recordId: AuditId): boolean {
  return entry.recordIds.some((id) => sameId(id, recordId));
}

function hasPath(value: unknown, path: readonly string[]): boolean {
  const type = getValueType(value);
  if (path.length === 0) return value !== undefined;
  if (type === "array") {
    const items = toArray(value);
    // An index segment reads one item; otherwise the items are records of a bulk entry.
    return /^\d+$/.test(path[0]!) ? hasPath(items[Number(path[0])], path.slice(1)) : items.some((item) => hasPath(item, path));
  }
  if (type !== "object") return false;
  let own: boolean;
  try {
    own = Object.hasOwn(value as object, path[0]!);
  } catch {
    own = false;
  }
  return own && hasPath(safeGet(value as object, path[0]!), path.slice(1));
}

/**
 * True when the entry wrote the field (a dotted path) in its `data` or `previousData`;
 * bulk entries match when any of their items does.
 */
export function entryTouchesField(entry: AuditLogEntry, field: string): boolean {
  const path = field.split(".");
  return hasPath(entry.data, path) || hasPath(entry.previousData, path);
}

function authorMatches(entry: AuditLogEntry, wanted: readonly string[]): boolean {
  const author = entry.author;
  if (!author) return false;
  return wanted.some((value) => sameId(author.id, value) || author.name === value || author.email === value);
}

/**
 * Keeps the entries that match every filter (see {@link AuditLogFilters}), in their
 * order. Providers may ignore the filters a kit sends them: apply this on what they return.
 */
export function filterEntries(entries: readonly AuditLogEntry[], filters: AuditLogFilters | undefined): AuditLogEntry[] {
  const canonical = canonicalizeFilters(filters);
  if (!canonical) return [...entries];
  const actions = canonical.actions ? new Set(canonical.actions) : undefined;
  return entries.filter(
    (entry) =>
      (!actions || actions.has(entry.action)) &&
      (!canonical.authors || authorMatches(entry, canonical.authors)) &&
      (!canonical.fields || canonical.fields.some((field) => entryTouchesField(entry, field))) &&
      (!canonical.namedOnly || entry.name !== undefined),
  );
}
