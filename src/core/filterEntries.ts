import { compareDayKeys, toDayKey } from "./groupByDay";
import { sameId, type AuditId, type AuditLogEntry } from "./normalizeLog";
import { createEntryReader, matchAnyField, type EntryReader } from "./readEntries";
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
   * Only entries that changed one of these fields, as dotted paths: `status`,
   * `address.city` (a change of `address` as a whole counts). Changed means the value
   * differs from its earlier one (reconstructed from earlier entries when the log lacks
   * it); an entry that wrote the field without a recorded earlier value is kept too, as
   * one that may have changed it (`EntryReader.matchField` says `"possible"`). A hidden
   * field matches nothing.
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
   * action, record ids or one of the values it changed (before or after), as the
   * pipeline gives them: values of fields a UI hides or redacts are not searched, so a
   * search cannot reveal them.
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

/** Whether `value` has the path (a list of keys); arrays are looked through (a bulk entry's records). Iterative, bounded. */
function hasPath(root: unknown, path: readonly string[]): boolean {
  const stack: { value: unknown; at: number }[] = [{ value: root, at: 0 }];
  let budget = 10_000;
  while (stack.length > 0 && budget-- > 0) {
    const { value, at } = stack.pop()!;
    if (at === path.length) {
      if (value !== undefined) return true;
      continue;
    }
    const type = getValueType(value);
    if (type === "array") {
      const items = toArray(value);
      // An index segment reads one item; otherwise the items are records of a bulk entry.
      if (/^\d+$/.test(path[at]!)) stack.push({ value: items[Number(path[at])], at: at + 1 });
      else for (const item of items) if (getValueType(item) === "object") stack.push({ value: item, at });
    } else if (type === "object") {
      let own = false;
      try {
        own = Object.hasOwn(value as object, path[at]!);
      } catch {
        own = false;
      }
      if (own) stack.push({ value: safeGet(value as object, path[at]!), at: at + 1 });
    }
  }
  return false;
}

/**
 * True when the entry wrote the field (a dotted path) in its `data` or `previousData`,
 * changed or not; bulk entries match when any of their items does. The changed-field
 * filter reads `EntryReader.matchField` instead (changed, not just written).
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
   * The pipeline's reader the changed-field and search filters read entries through
   * (`createEntryReader`, with the history and the policy of the view), so that they
   * see what the view shows: before-values reconstructed, hidden fields gone, redacted
   * values never searched. Default: a reader without history or policy.
   */
  reader?: Pick<EntryReader, "matchField" | "getSearchText">;
}

/** True when the entry's time lies within the bounds (day keys compare as whole days). */
function withinDates(entry: AuditLogEntry, from: string | undefined, to: string | undefined, timeZone: string | undefined): boolean {
  const date = entry.createdAt;
  if (!date) return false;
  if ((from && DAY.test(from)) || (to && DAY.test(to))) {
    const day = toDayKey(date, { timeZone });
    if (from && DAY.test(from) && compareDayKeys(day, from) < 0) return false;
    if (to && DAY.test(to) && compareDayKeys(day, to) > 0) return false;
  }
  const time = date.getTime();
  if (from && !DAY.test(from) && time < Date.parse(from)) return false;
  if (to && !DAY.test(to) && time > Date.parse(to)) return false;
  return true;
}

/**
 * The predicate behind {@link filterEntries}: `undefined` when nothing filters. Build it
 * once per filter change and apply it to many entries. A changed-field filter keeps the
 * entries that changed the field and those that may have (written without a recorded
 * earlier value): tell them apart with `reader.matchField`.
 */
export function createEntryFilter(filters: AuditLogFilters | undefined, options: FilterEntriesOptions = {}): ((entry: AuditLogEntry) => boolean) | undefined {
  const canonical = canonicalizeFilters(filters);
  if (!canonical) return undefined;
  const { timeZone } = options;
  const reader = options.reader ?? (canonical.fields || canonical.search ? createEntryReader() : undefined);
  const actions = canonical.actions ? new Set(canonical.actions) : undefined;
  const words = canonical.search?.split(" ");
  const hasDates = canonical.from !== undefined || canonical.to !== undefined;
  return (entry) =>
    (!actions || actions.has(entry.action)) &&
    (!canonical.authors || authorMatches(entry, canonical.authors)) &&
    (!canonical.namedOnly || entry.name !== undefined) &&
    (!hasDates || withinDates(entry, canonical.from, canonical.to, timeZone)) &&
    (!canonical.fields || matchAnyField(reader!, entry, canonical.fields) !== false) &&
    (!words || words.every((word) => reader!.getSearchText(entry).includes(word)));
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
