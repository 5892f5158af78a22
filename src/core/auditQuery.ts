import { canonicalizeFilters, type AuditLogFilters } from "./filterEntries";
import { shiftDayKey, startOfDay } from "./groupByDay";
import { resolveTimeZone } from "./intl";
import type { AuditId, AuditLogEntry } from "./normalizeLog";
import type { Path } from "./types";
import { getValueType, safeGet } from "./values";

/** A field the server sorts by: the entry's time, action, author, name, or record id (`id`). */
export type AuditLogSortField = "createdAt" | "action" | "author" | "name" | "id";

/** One sorter, in Refine's `CrudSort` shape. */
export interface AuditLogSorter {
  /** What to sort by: the time, the action, the author (name, else email, else id), the entry's name, the record id. */
  field: AuditLogSortField;
  /** Ascending or descending; ties are broken by the row id in the last sorter's direction. */
  order: "asc" | "desc";
}

/**
 * How a page is asked for: `cursor` (keyset pages, the timeline: `cursor` is the previous
 * answer's `nextCursor`, opaque) or `page` (page `currentPage`, 1-based, of the sorted,
 * filtered rows: the table, any page reachable). `pageSize` is 1 to 200.
 */
export type AuditLogPagination = { mode: "cursor"; pageSize: number; cursor?: string } | { mode: "page"; currentPage: number; pageSize: number };

/**
 * The filters of an {@link AuditLogQuery}: the kit's canonical filters (sorted lists,
 * empty criteria left out) with `from` / `to` as ISO instants. `search`: every word must
 * appear, case-insensitively, in the entry's name, author name / email / id, action or
 * record id; values are not searched on the server (the redaction policy lives in the browser).
 * Declared on its own, not as `CanonicalAuditLogFilters`: it is a versioned wire contract,
 * which must not change when the kit's own filters do.
 */
export interface AuditLogQueryFilters {
  /** Action IN (…). */
  actions?: string[];
  /** The author's id, name or email equals one of these (as text). */
  authors?: string[];
  /** The entry changed one of these dotted paths, or a parent or a child of one. Hidden fields are never sent. */
  fields?: string[];
  /** Only entries with a (non-empty) name. */
  namedOnly?: true;
  /** An ISO instant, inclusive. */
  from?: string;
  /** An ISO instant, inclusive. */
  to?: string;
  /** Trimmed, lower-cased, single spaces. */
  search?: string;
}

/**
 * The server-side query contract, version 1: what the kit sends in `meta.auditQuery`
 * (beside the legacy `meta.id`, `meta.pageSize`, `meta.cursor`, `meta.filters`). A provider
 * that applies it answers an {@link AuditLogServerAnswer}.
 *
 * @example
 * { version: 1, id: "7", filters: { actions: ["update"] }, sorters: [{ field: "createdAt", order: "desc" }],
 *   pagination: { mode: "page", currentPage: 2, pageSize: 25 }, total: true }
 */
export interface AuditLogQuery {
  version: 1;
  /** The record (its id as text: 7 and "7" are the same); absent for the whole resource. Matches the row's record id or one of a bulk row's `meta.ids`. */
  id?: string;
  /** Absent when nothing filters. */
  filters?: AuditLogQueryFilters;
  /** Default `[{ field: "createdAt", order: "desc" }]`; ties are broken by the row id in the direction of the last sorter. */
  sorters: AuditLogSorter[];
  pagination: AuditLogPagination;
  /** Whether the answer should count the matching rows (`total`). */
  total: boolean;
}

/**
 * The answer of a provider that applied an {@link AuditLogQuery} (a "server-side" answer):
 * the key `total` (a number, or `null` when it was not asked for) next to the `data` array
 * marks it. The kit never filters or sorts it again (its policy still applies).
 */
export interface AuditLogServerAnswer<TRow = Record<string, unknown>> {
  /** This page's rows, in the order asked: Refine log rows, each with its `createdAt`. */
  data: TRow[];
  /** How many rows match the filters (all pages), when asked; else `null`. */
  total: number | null;
  /** Cursor mode: the next page's cursor; `null` or absent on the last page. */
  nextCursor?: string | null;
}

/** A server-side answer as the kit read it (see {@link readServerAnswer}). */
export interface AuditLogServerPage {
  /** The rows, at most {@link MAX_SERVER_ANSWER_ROWS}. */
  rows: unknown[];
  /** How many rows the answer held (more than `rows` when it held too many). */
  rowCount: number;
  /** A valid count (a whole number from 0), else `null`. */
  total: number | null;
  /** The answer's `total` was a number but not a count (negative, fractional, NaN…). */
  isTotalInvalid: boolean;
  /** The next page's cursor; `undefined` on the last page. */
  nextCursor: string | undefined;
}

/** The sort fields of the contract. */
export const AUDIT_LOG_SORT_FIELDS: readonly AuditLogSortField[] = ["createdAt", "action", "author", "name", "id"];
/** The largest `pageSize` of the contract. */
export const MAX_AUDIT_QUERY_PAGE_SIZE = 200;
/** The most rows read from one answer: a larger answer is cut (and reported as one). */
export const MAX_SERVER_ANSWER_ROWS = 1000;
/** The longest cursor the kit keeps (it goes into `meta` and the query keys); a longer one ends the paging. */
export const MAX_CURSOR_LENGTH = 4096;

/** Options of {@link buildAuditLogQuery}. */
export interface BuildAuditLogQueryOptions {
  /** The record; absent for the whole resource. */
  id?: AuditId;
  /** The view's filters (see `AuditLogFilters`). */
  filters?: AuditLogFilters;
  /** Default newest first. Unknown fields are left out. */
  sorters?: readonly AuditLogSorter[];
  /** Cursor or page mode (see `AuditLogPagination`); `pageSize` is kept within 1–200. */
  pagination: AuditLogPagination;
  /** Ask for `total`. Default `false`. */
  total?: boolean;
  /** The IANA time zone `YYYY-MM-DD` bounds are days of (as `filterEntries` reads them). Default: the viewer's. */
  timeZone?: string;
  /** The policy's `isHidden` (see `compileFields`): a hidden field is never sent, and matches nothing. */
  isHidden?: (path: Path) => boolean;
  /**
   * The policy's `canFilterOn` (see `compileFields`): a field it refuses is never sent, and
   * matches nothing (the server cannot know the policy: a filter on `supplier` would match
   * an entry that changed only a hidden `supplier.email`).
   */
  canFilterOn?: (path: Path) => boolean;
}

/** The result of {@link buildAuditLogQuery}. */
export interface BuiltAuditLogQuery {
  /** The query to send in `meta.auditQuery`. */
  query: AuditLogQuery;
  /**
   * Every changed field asked for is one the policy keeps back (hidden, or one whose match
   * could reveal a hidden or redacted value): nothing can match, whatever the server
   * answers. The query leaves those fields out.
   */
  matchesNothing: boolean;
  /**
   * The changed fields asked for that were left out (see `canFilterOn`), as given: a view
   * says so (`getRefusedFieldsText`), so a narrower or empty answer is not taken for the
   * whole truth.
   */
  refusedFields: string[];
}

const clampInteger = (value: number, min: number, max: number) => (Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : min);

/**
 * A filter bound as an ISO instant: a `YYYY-MM-DD` day's first (or, with `end`, last)
 * millisecond in the time zone; any other text as it is.
 */
export function toInstant(bound: string, end: boolean, timeZone: string | undefined): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(bound)) return bound;
  // Normalised first ("2024-13-01" reads as the day it sorts as): the same days filterEntries compares.
  const day = shiftDayKey(bound, 0);
  // A zone Intl does not know is the viewer's, as everywhere in the kit (never a throw mid-render).
  const zone = resolveTimeZone(timeZone);
  return new Date(end ? startOfDay(shiftDayKey(day, 1), zone) - 1 : startOfDay(day, zone)).toISOString();
}

/**
 * Builds the {@link AuditLogQuery} of a view: its filters canonical (as `canonicalizeFilters`),
 * `YYYY-MM-DD` days turned into the instants they start and end at in the viewer's time
 * zone (the days `filterEntries` compares), hidden fields left out of the changed-field
 * filter, sorters checked (newest first by default), the page size kept within 1–200.
 *
 * @example
 * buildAuditLogQuery({ id: 7, filters: { from: "2024-11-01" }, pagination: { mode: "page", currentPage: 1, pageSize: 25 }, total: true, timeZone: "Europe/Paris" })
 * // { query: { version: 1, id: "7", filters: { from: "2024-10-31T23:00:00.000Z" }, … }, matchesNothing: false, refusedFields: [] }
 */
export function buildAuditLogQuery(options: BuildAuditLogQueryOptions): BuiltAuditLogQuery {
  const canonical = canonicalizeFilters(options.filters);
  let matchesNothing = false;
  const refusedFields: string[] = [];
  let filters: AuditLogQueryFilters | undefined;
  if (canonical) {
    filters = { ...canonical };
    if (filters.fields) {
      const { isHidden, canFilterOn } = options;
      // A server stores a change's path with its keys joined by dots, so "card.cvv" also
      // stands for the one key "card.cvv": every reading of the text must be allowed.
      const shown = filters.fields.filter((field) => {
        const readings = readingsOf(field);
        const ok = readings !== undefined && readings.every((path) => !isHidden?.(path) && (canFilterOn?.(path) ?? true));
        if (!ok) refusedFields.push(field);
        return ok;
      });
      matchesNothing = shown.length === 0;
      if (matchesNothing) delete filters.fields;
      else filters.fields = shown;
    }
    if (filters.from !== undefined) filters.from = toInstant(filters.from, false, options.timeZone);
    if (filters.to !== undefined) filters.to = toInstant(filters.to, true, options.timeZone);
    if (Object.keys(filters).length === 0) filters = undefined;
  }
  const seen = new Set<string>();
  const sorters = (options.sorters ?? []).filter((sorter) => {
    const ok = AUDIT_LOG_SORT_FIELDS.includes(sorter?.field) && (sorter.order === "asc" || sorter.order === "desc") && !seen.has(sorter.field);
    if (ok) seen.add(sorter.field);
    return ok;
  }).map(({ field, order }) => ({ field, order }));
  const given = options.pagination;
  const pageSize = clampInteger(given.pageSize, 1, MAX_AUDIT_QUERY_PAGE_SIZE);
  const pagination: AuditLogPagination =
    given.mode === "page"
      ? { mode: "page", currentPage: clampInteger(given.currentPage, 1, Number.MAX_SAFE_INTEGER), pageSize }
      : given.cursor === undefined || given.cursor === ""
        ? { mode: "cursor", pageSize }
        : { mode: "cursor", pageSize, cursor: String(given.cursor) };
  const query: AuditLogQuery = {
    version: 1,
    sorters: sorters.length > 0 ? sorters : [{ field: "createdAt", order: "desc" }],
    pagination,
    total: options.total === true,
  };
  if (options.id !== undefined && options.id !== null) query.id = String(options.id);
  if (filters) query.filters = filters;
  return { query, matchesNothing, refusedFields };
}

/** More dots than this in a changed-field filter, and it is not sent (its readings double with each dot). */
const MAX_FIELD_DOTS = 8;

/**
 * Every path a dotted field's text may stand for once a server joins keys with dots:
 * `a.b.c` is `[a, b, c]`, `[a.b, c]`, `[a, b.c]` and `[a.b.c]`. `undefined` when the text
 * cannot be read safely (a backslash, empty keys, too many dots).
 */
function readingsOf(field: string): Path[] | undefined {
  const parts = field.split(".");
  if (field.includes("\\") || parts.length - 1 > MAX_FIELD_DOTS || parts.some((part) => part === "")) return undefined;
  const readings: Path[] = [];
  for (let mask = 0; mask < 1 << (parts.length - 1); mask++) {
    const path: (string | number)[] = [];
    let key = parts[0]!;
    for (let i = 1; i < parts.length; i++) {
      if (mask & (1 << (i - 1))) key += `.${parts[i]}`;
      else {
        path.push(/^\d+$/.test(key) ? Number(key) : key);
        key = parts[i]!;
      }
    }
    path.push(/^\d+$/.test(key) ? Number(key) : key);
    readings.push(path);
  }
  return readings;
}

/**
 * Whether the rows a query asks for are a stretch of the history: sorted by time, filtered
 * by time at most. Only then may a view replay them to infer missing before-values; a page
 * filtered by author (or sorted by action) skips the entries in between, and would infer
 * wrong ones.
 */
export function isHistoryStretch(query: Pick<AuditLogQuery, "sorters" | "filters">): boolean {
  return query.sorters[0]?.field === "createdAt" && Object.keys(query.filters ?? {}).every((key) => key === "from" || key === "to");
}

/**
 * Reads a provider's answer as a server-side one: an object with a `data` array and a
 * `total` that is a number or `null`. `undefined` for anything else (a plain array, or
 * `{ data, nextCursor }` without `total`: a provider that did not apply the query).
 * Defensive: getters that throw, a huge `data` (at most {@link MAX_SERVER_ANSWER_ROWS}
 * rows are read), a `total` that is no count (`null` then, `isTotalInvalid`), a cursor that
 * is not short text or a number (none then).
 */
export function readServerAnswer(response: unknown): AuditLogServerPage | undefined {
  if (getValueType(response) !== "object") return undefined;
  const answer = response as object;
  const total = safeGet(answer, "total");
  const data = safeGet(answer, "data");
  if ((total !== null && typeof total !== "number") || !Array.isArray(data)) return undefined;
  const rows: unknown[] = [];
  let rowCount = 0;
  try {
    rowCount = clampInteger(data.length, 0, Number.MAX_SAFE_INTEGER);
    for (let index = 0; index < Math.min(rowCount, MAX_SERVER_ANSWER_ROWS); index++) rows.push(data[index]);
  } catch {
    rowCount = Math.max(rowCount, rows.length);
  }
  const isCount = typeof total === "number" && Number.isSafeInteger(total) && total >= 0;
  const cursor = safeGet(answer, "nextCursor");
  const nextCursor =
    (typeof cursor === "string" && cursor !== "" && cursor.length <= MAX_CURSOR_LENGTH) || (typeof cursor === "number" && Number.isFinite(cursor)) ? String(cursor) : undefined;
  return { rows, rowCount, total: isCount ? total : null, isTotalInvalid: total !== null && !isCount, nextCursor };
}

/**
 * Why an answer may not be the whole story (see {@link findAnswerProblem}):
 * - `out-of-order`: rows out of the order asked (within a page or across pages), or the same row twice;
 * - `too-many-rows`: a page held more rows than asked for;
 * - `missing-rows`: a page shorter than its `total` says, or a page missing between pages shown;
 * - `inconsistent`: an invalid `total`, or server-side and plain answers mixed;
 * - `truncated-list`: a provider that does not page answered exactly a usual page size of
 *   entries, oldest first, with no next page: most likely the first page of a longer log.
 */
export type AuditLogAnswerProblem = "out-of-order" | "too-many-rows" | "missing-rows" | "inconsistent" | "truncated-list";

/** One page of an answer, as {@link findAnswerProblem} checks it. */
export interface AnswerPageCheck {
  /** The page's entries, in the provider's order. */
  entries: readonly Pick<AuditLogEntry, "id" | "createdAt">[];
  /** The rows the answer held (readable or not). */
  rowCount: number;
  /** The rows asked for. */
  pageSize: number;
  /** The server-side reading of the answer; `undefined` for a plain (legacy) answer. */
  server?: AuditLogServerPage;
}

/** Options of {@link findAnswerProblem}. */
export interface FindAnswerProblemOptions {
  /** The sorters asked for (server-side answers). */
  sorters?: readonly AuditLogSorter[];
  /** Page mode: the page asked for (1-based), to compare its rows with `total`. */
  currentPage?: number;
}

/** Typical default page sizes of REST backends: a plain answer of exactly this many rows, oldest first, is suspect. */
const USUAL_CAPS = new Set([10, 20, 25, 30, 50, 100, 200, 250, 500, 1000]);

/**
 * Checks what a provider answered against what was asked, conservatively (an honest
 * answer never trips it): `pages` are consecutive pages in order: the only page of a plain
 * answer with no next page, or the server-side pages shown. The order is checked by time only, when the
 * first sorter is `createdAt` (text collations differ between databases). Returns the
 * first {@link AuditLogAnswerProblem} found, else `undefined`.
 *
 * @example
 * findAnswerProblem([{ entries, rowCount: 10, pageSize: 50 }]) // "truncated-list" when the 10 rows are oldest first
 */
export function findAnswerProblem(pages: readonly AnswerPageCheck[], options: FindAnswerProblemOptions = {}): AuditLogAnswerProblem | undefined {
  const first = pages[0];
  if (!first) return undefined;
  if (!first.server) {
    if (pages.length !== 1 || (!USUAL_CAPS.has(first.rowCount) && first.rowCount !== first.pageSize)) return undefined;
    const times = first.entries.flatMap((entry) => (entry.createdAt ? [entry.createdAt.getTime()] : []));
    return times.length === first.rowCount && times[0]! < times[times.length - 1]! && times.every((time, index) => index === 0 || time >= times[index - 1]!) ? "truncated-list" : undefined;
  }
  const sorter = options.sorters?.[0] ?? { field: "createdAt", order: "desc" };
  const direction = sorter.field === "createdAt" ? (sorter.order === "asc" ? 1 : -1) : 0;
  const seen = new Set<string>();
  let previous: number | undefined;
  for (const page of pages) {
    const server = page.server;
    if (!server || server.isTotalInvalid) return "inconsistent";
    if (server.rowCount > page.pageSize) return "too-many-rows";
    if (options.currentPage !== undefined && server.total !== null) {
      const expected = Math.min(page.pageSize, Math.max(0, server.total - (options.currentPage - 1) * page.pageSize));
      if (server.rowCount < expected) return "missing-rows";
    }
    for (const entry of page.entries) {
      const key = String(entry.id);
      if (seen.has(key)) return "out-of-order";
      seen.add(key);
      const time = entry.createdAt?.getTime();
      if (time === undefined || direction === 0) continue;
      if (previous !== undefined && (time - previous) * direction < 0) return "out-of-order";
      previous = time;
    }
  }
  return undefined;
}
