import { toDayKey } from "./groupByDay";
import { getAuthorLabel, sameId, type AuditId, type AuditLogEntry } from "./normalizeLog";
import type { Path } from "./types";
import { getValueType, safeGet, safeKeys, toArray } from "./values";

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
  /**
   * Only entries at or after this moment. A `YYYY-MM-DD` string is a calendar day in the
   * viewer's time zone (or `FilterEntriesOptions.timeZone`): the whole day is included.
   * Entries without a time never match a date filter.
   */
  from?: Date | string | number;
  /** Only entries at or before this moment; a `YYYY-MM-DD` day includes that whole day. */
  to?: Date | string | number;
  /**
   * Free text: every word must appear (case-insensitively) in the entry's name, author,
   * action, record ids or one of its values (before or after). Values of fields a UI
   * hides or redacts are not searched (`FilterEntriesOptions.isExcluded`), so a search
   * cannot reveal them.
   */
  search?: string;
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
  /** `YYYY-MM-DD` (a day) or an ISO instant. */
  from?: string;
  to?: string;
  /** Trimmed, lower-cased, single spaces. */
  search?: string;
}

const toList = (value: unknown): string[] => {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return [...new Set(items.filter((item) => (typeof item === "string" && item.trim() !== "") || typeof item === "number").map((item) => String(item).trim()))].sort();
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date bound as a day key (`YYYY-MM-DD`) or an ISO instant; `undefined` when it is not a valid date. */
function toDateBound(value: unknown): string | undefined {
  if (typeof value === "string" && DAY.test(value.trim())) return value.trim();
  if (typeof value !== "string" && typeof value !== "number" && !(value instanceof Date)) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

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
  const from = toDateBound(filters.from);
  const to = toDateBound(filters.to);
  if (from !== undefined) out.from = from;
  if (to !== undefined) out.to = to;
  const search = typeof filters.search === "string" ? filters.search.trim().replace(/\s+/g, " ").toLowerCase() : "";
  if (search !== "") out.search = search;
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

/** Options of {@link filterEntries} and {@link createEntryFilter}. */
export interface FilterEntriesOptions {
  /** The IANA time zone that `YYYY-MM-DD` bounds are days of. Default: the viewer's. */
  timeZone?: string;
  /**
   * Paths whose values a search must not read (fields the UI hides or redacts). Keep it
   * stable (module level, `useCallback`): search texts are cached per function.
   */
  isExcluded?: (path: Path) => boolean;
}

// Values searched per entry: at most this many leaves, this deep (a search is a filter, not an index).
const MAX_SEARCH_LEAVES = 5_000;
const MAX_SEARCH_DEPTH = 32;
const searchTexts = new WeakMap<object, WeakMap<AuditLogEntry, string>>();
const NO_EXCLUSION = {};

/** The searchable words of an entry, lower-cased, cached per entry and exclusion function. */
function getSearchText(entry: AuditLogEntry, isExcluded: ((path: Path) => boolean) | undefined): string {
  const cacheKey = isExcluded ?? NO_EXCLUSION;
  let cache = searchTexts.get(cacheKey);
  if (!cache) searchTexts.set(cacheKey, (cache = new WeakMap()));
  const cached = cache.get(entry);
  if (cached !== undefined) return cached;
  let text = `${entry.action}\n${entry.name ?? ""}\n${getAuthorLabel(entry.author) ?? ""}\n${entry.author?.email ?? ""}\n${entry.recordIds.join("\n")}`;
  let leaves = 0;
  const seen = new Set<object>();
  // One path array, pushed and popped (the walk allocates nothing per value), bounded in
  // leaves and depth (so the recursion stays shallow), cycle-safe.
  const path: (string | number)[] = [];
  // A bulk entry's data is a list of records: the patterns apply inside each item.
  const items = getValueType(entry.data) === "array" || getValueType(entry.previousData) === "array";
  const excluded = (): boolean => {
    if (!isExcluded) return false;
    if (items && typeof path[0] === "number") return path.length > 1 && isExcluded(path.slice(1));
    return path.length > 0 && isExcluded(path);
  };
  const visit = (value: unknown): void => {
    if (leaves >= MAX_SEARCH_LEAVES || excluded()) return;
    switch (typeof value) {
      case "string":
      case "number":
      case "boolean":
      case "bigint":
        text += `\n${String(value)}`;
        leaves++;
        return;
      case "object":
        break;
      default:
        return;
    }
    const type = getValueType(value);
    if (type === "date") {
      const time = (value as Date).getTime();
      if (!Number.isNaN(time)) text += `\n${(value as Date).toISOString()}`;
      leaves++;
    } else if ((type === "object" || type === "array") && path.length < MAX_SEARCH_DEPTH && !seen.has(value as object)) {
      seen.add(value as object);
      if (type === "array") {
        const items = toArray(value);
        for (let index = 0; index < items.length; index++) {
          path.push(index);
          visit(items[index]);
          path.pop();
        }
      } else {
        for (const key of safeKeys(value as object)) {
          path.push(key);
          visit(safeGet(value as object, key));
          path.pop();
        }
      }
    }
  };
  visit(entry.previousData);
  visit(entry.data);
  text = text.toLowerCase();
  cache.set(entry, text);
  return text;
}

/** True when the entry's time lies within the bounds (day keys compare as whole days). */
function withinDates(entry: AuditLogEntry, from: string | undefined, to: string | undefined, timeZone: string | undefined): boolean {
  const date = entry.createdAt;
  if (!date) return false;
  if ((from && DAY.test(from)) || (to && DAY.test(to))) {
    const day = toDayKey(date, { timeZone });
    if (from && DAY.test(from) && day < from) return false;
    if (to && DAY.test(to) && day > to) return false;
  }
  const time = date.getTime();
  if (from && !DAY.test(from) && time < Date.parse(from)) return false;
  if (to && !DAY.test(to) && time > Date.parse(to)) return false;
  return true;
}

/**
 * The predicate behind {@link filterEntries}: `undefined` when nothing filters. Build it
 * once per filter change and apply it to many entries.
 */
export function createEntryFilter(filters: AuditLogFilters | undefined, options: FilterEntriesOptions = {}): ((entry: AuditLogEntry) => boolean) | undefined {
  const canonical = canonicalizeFilters(filters);
  if (!canonical) return undefined;
  const { timeZone, isExcluded } = options;
  const actions = canonical.actions ? new Set(canonical.actions) : undefined;
  const words = canonical.search?.split(" ");
  const hasDates = canonical.from !== undefined || canonical.to !== undefined;
  return (entry) =>
    (!actions || actions.has(entry.action)) &&
    (!canonical.authors || authorMatches(entry, canonical.authors)) &&
    (!canonical.fields || canonical.fields.some((field) => entryTouchesField(entry, field))) &&
    (!canonical.namedOnly || entry.name !== undefined) &&
    (!hasDates || withinDates(entry, canonical.from, canonical.to, timeZone)) &&
    (!words || words.every((word) => getSearchText(entry, isExcluded).includes(word)));
}

/**
 * Keeps the entries that match every filter (see {@link AuditLogFilters}), in their
 * order. Providers may ignore the filters a kit sends them: apply this on what they return.
 * `<AuditTimeline>` and `<AuditLogTable>` both filter through it.
 */
export function filterEntries(entries: readonly AuditLogEntry[], filters: AuditLogFilters | undefined, options: FilterEntriesOptions = {}): AuditLogEntry[] {
  const keep = createEntryFilter(filters, options);
  return keep ? entries.filter(keep) : [...entries];
}
