import { useLogList, type BaseKey, type HttpError } from "@refinedev/core";
import type { Query, QueryKey, UseQueryResult } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { canonicalizeFilters, entryConcernsRecord, type AuditLogFilters, type CanonicalAuditLogFilters } from "../core/filterEntries";
import { normalizeLogs, sameId, type AuditLogEntry, type MalformedLogEntry } from "../core/normalizeLog";
import { getValueType, safeGet } from "../core/values";
import { useLiveAuditRefresh } from "./useLiveAuditRefresh";

/**
 * Where a log list stands:
 * - `unconfigured`: `<Refine>` has no `auditLogProvider` with a `get` (Refine's query never runs)
 * - `loading`: the first page has not arrived
 * - `error`: the first page failed (`error` says why; `retry()` asks again)
 * - `empty`: nothing read (no entries, no unreadable rows, no more pages); a view whose filters match nothing says so itself
 * - `ready`: entries (or unreadable rows) to show
 */
export type AuditLogListState = "unconfigured" | "loading" | "error" | "empty" | "ready";

/**
 * The `meta` the kit sends to the provider's `get` (Refine's only channel to it). The
 * paging convention: a provider that pages reads `pageSize` and `cursor` and resolves
 * `{ data: rows, nextCursor }` (no `nextCursor`, or `null`, on the last page); one that
 * does not page resolves a plain array and ignores both.
 */
export interface AuditLogRequestMeta {
  /** The record (Refine's example provider convention). Absent for a whole resource. */
  id?: BaseKey;
  /** How many rows the kit would like in this answer. */
  pageSize: number;
  /** The `nextCursor` of the previous answer; absent for the first page. */
  cursor?: string | number;
  /** The filters, canonical (sorted lists, empty criteria left out); absent when none. */
  filters?: CanonicalAuditLogFilters;
  [key: string]: unknown;
}

/** An error from the provider: an `Error`, or Refine's `HttpError` shape (`{ message, statusCode }`). */
export type AuditLogError = Error | HttpError;

/** Options of {@link useAuditLogEntries}. */
export interface UseAuditLogEntriesOptions {
  /** The resource whose logs to read (as Refine writes it in logs: the resource's `name`). */
  resource: string;
  /** One record's history; without it, the whole resource's. Compared by value (`1` is `"1"`). */
  id?: BaseKey;
  /**
   * The filters of the view, sent in `meta.filters` only (so differently filtered lists
   * never share a cache entry). Never sent as Refine's `action` param, which providers
   * apply: the entries a filter hides are still needed to reconstruct before-values. A
   * provider that applies `meta.filters` itself loses that reconstruction for the
   * entries it leaves out. The entries returned are not filtered here: the views filter
   * them through the pipeline (`filterEntries` with their `EntryReader`), which needs
   * the whole history first.
   */
  filters?: AuditLogFilters;
  /**
   * Rows to ask for in each request (`meta.pageSize`). Default 50. At most
   * {@link MAX_AUDIT_LOG_PAGES} requests are made, so at most `pageSize × 10` rows are
   * read (fewer when the provider caps its pages); beyond that `isTruncated` is true.
   */
  pageSize?: number;
  /** Refetch when Refine writes a log for this resource (see {@link useLiveAuditRefresh}). Default `true`. */
  live?: boolean;
  /** Extra keys for the provider's `meta` (your own conventions). The kit's keys win on conflict. */
  meta?: Record<string, unknown>;
}

/** The result of {@link useAuditLogEntries}. */
export interface UseAuditLogEntriesResult {
  state: AuditLogListState;
  /** The entries read: readable, of this resource (and record), in the provider's order, without duplicates. Not filtered. */
  entries: AuditLogEntry[];
  /** The same list (kept for compatibility): the record's whole known history, for replaying it (see `replayHistory`). */
  allEntries: AuditLogEntry[];
  /** Rows that could not be read (shown as fallbacks, never dropped silently). */
  malformed: MalformedLogEntry[];
  /** Why the first page failed (state `error`). */
  error: AuditLogError | null;
  /** Why a further page, or a refresh, failed (the entries already read stay on screen). */
  pageError: AuditLogError | null;
  /** True while any request runs (first page, refetch, further page). */
  isFetching: boolean;
  /** The provider pages and has more rows than were read (also true while the next page is on its way). */
  hasNextPage: boolean;
  /**
   * The request cap ({@link MAX_AUDIT_LOG_PAGES}) was reached while the provider still had
   * more: the entries are not the whole history, and a UI must say so.
   */
  isTruncated: boolean;
  isFetchingNextPage: boolean;
  /** Asks the provider for the next page (no-op without one, or while one is on its way). */
  fetchNextPage: () => void;
  /** Asks again for every page that failed. */
  retry: () => void;
  /** The `meta` of the first request, as the provider receives it. */
  requestMeta: AuditLogRequestMeta;
}

/**
 * How many requests (pages) one list may make. Refine's `useLogList` is one query per
 * call and its query function cannot be reached otherwise, so each page is one call in a
 * fixed set of calls (unused ones are disabled). Every request asks for the same
 * `pageSize`, so a list reads at most `pageSize × 10` rows (500 by default); when the
 * provider still has more, the list reports `isTruncated` rather than looking complete.
 * Further pages are only ever fetched by `fetchNextPage()` (a user action), never by themselves.
 */
export const MAX_AUDIT_LOG_PAGES = 10;

const isObject = (value: unknown): value is object => getValueType(value) === "object";

/** The `nextCursor` of a paged answer, else `undefined`. */
export function readNextCursor(response: unknown): string | number | undefined {
  if (!isObject(response)) return undefined;
  const cursor = safeGet(response, "nextCursor");
  return (typeof cursor === "string" && cursor !== "") || (typeof cursor === "number" && Number.isFinite(cursor)) ? cursor : undefined;
}

interface NormalizedPage {
  entries: AuditLogEntry[];
  malformed: MalformedLogEntry[];
}

// Pages are normalised once per answer, whoever reads them.
const normalizedPages = new WeakMap<object, NormalizedPage>();

function normalizePage(response: unknown, page: number): NormalizedPage {
  if (response === undefined || response === null) return { entries: [], malformed: [] };
  const cached = typeof response === "object" ? normalizedPages.get(response) : undefined;
  if (cached) return cached;
  let result: NormalizedPage;
  const isList = Array.isArray(response) || (isObject(response) && ["data", "items", "logs"].some((key) => Array.isArray(safeGet(response, key))));
  if (!isList) {
    result = {
      entries: [],
      malformed: [{ key: `page-${page}`, reason: "The audit log provider answered with something that is not a list of entries.", raw: response }],
    };
  } else {
    const { entries, malformed } = normalizeLogs(response);
    result = { entries, malformed: page === 0 ? malformed : malformed.map((row) => ({ ...row, key: `${page}:${row.key}` })) };
  }
  if (typeof response === "object") normalizedPages.set(response, result);
  return result;
}

/**
 * Reads a resource's (or one record's) audit log through Refine's `useLogList`, with
 * `meta: { id }` (the convention of Refine's own example provider), and turns whatever the
 * provider returns into typed entries (`normalizeLogs`): `createdAt` or `timestamp`,
 * string or number ids, missing authors and data. Rows it cannot read come back in
 * `malformed`. Entries of other resources or records (a provider that ignores `meta`)
 * are dropped; bulk entries whose `meta.ids` hold the record are kept.
 *
 * Paging (optional, see {@link AuditLogRequestMeta}): when the provider answers
 * `{ data, nextCursor }`, `fetchNextPage()` asks for the next page. Every page stays a live
 * query under `["audit", resource, "list", meta]`, so invalidating that prefix refreshes them all.
 *
 * Independent of any UI: the timeline and the table both build on it.
 *
 * @example
 * const { state, entries, malformed, retry } = useAuditLogEntries({ resource: "products", id: 7 });
 */
export function useAuditLogEntries(options: UseAuditLogEntriesOptions): UseAuditLogEntriesResult {
  const { resource, id, filters, live = true, meta: extraMeta } = options;
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 50));
  const canonical = canonicalizeFilters(filters);
  const canonicalKey = JSON.stringify(canonical ?? null);
  const extraKey = JSON.stringify(extraMeta ?? null);

  const requestMeta = useMemo<AuditLogRequestMeta>(() => {
    const meta: AuditLogRequestMeta = { ...(extraMeta ?? {}), pageSize };
    if (id !== undefined) meta.id = id;
    else delete meta.id;
    delete meta.cursor;
    if (canonical) meta.filters = canonical;
    else delete meta.filters;
    return meta;
    // The keys stand for the objects: callers often pass new literals on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, pageSize, canonicalKey, extraKey]);

  // The number of pages asked for belongs to one query scope; a new scope starts over.
  const scope = `${resource}\u0000${JSON.stringify(requestMeta)}`;
  const [pages, setPages] = useState({ scope, count: 1 });
  const pageCount = pages.scope === scope ? pages.count : 1;

  // Refine's `action` and `author` params are left out: providers apply them, and the
  // entries they would drop are the ones before-values are reconstructed from.

  // A new filter or page size keeps the previous answer on screen (filtered client-side)
  // until the new one arrives; another record or resource starts from a clean slate.
  const keepSameScope = useCallback(
    (previous: unknown, previousQuery: Query<unknown, HttpError, unknown, QueryKey> | undefined) => {
      const key = previousQuery?.queryKey;
      const previousMeta = key?.[3] as { id?: unknown } | undefined;
      const sameRecord = id === undefined ? previousMeta?.id === undefined : sameId(previousMeta?.id, id);
      return key?.[1] === resource && sameRecord ? previous : undefined;
    },
    [resource, id],
  );

  // A further page keeps its previous answer only while its cursor moves (a refreshed
  // page before it now ends elsewhere), never the first page's answer it was parked on.
  const keepSamePage = useCallback(
    (previous: unknown, previousQuery: Query<unknown, HttpError, unknown, QueryKey> | undefined) =>
      (previousQuery?.queryKey[3] as { cursor?: unknown } | undefined)?.cursor !== undefined ? keepSameScope(previous, previousQuery) : undefined,
    [keepSameScope],
  );

  const results: UseQueryResult<unknown, HttpError>[] = [];
  const datas: unknown[] = [];
  let cursor: string | number | undefined;
  // A fixed number of calls, so the hook order never changes (see MAX_AUDIT_LOG_PAGES).
  // Unused calls are disabled and parked on the first page's key, which costs no request.
  for (let page = 0; page < MAX_AUDIT_LOG_PAGES; page++) {
    const isUsed = page === 0 || (page < pageCount && cursor !== undefined);
    const meta = page === 0 || !isUsed ? requestMeta : { ...requestMeta, cursor };
    // eslint-disable-next-line react-hooks/rules-of-hooks
    const result = useLogList<unknown, HttpError>({
      resource,
      meta,
      queryOptions: page === 0 ? { placeholderData: keepSameScope } : { enabled: isUsed, placeholderData: keepSamePage },
    });
    if (isUsed) {
      results.push(result);
      datas.push(result.data);
      cursor = readNextCursor(result.data);
    } else {
      datas.push(undefined);
      cursor = undefined;
    }
  }

  useLiveAuditRefresh({ resource, enabled: live });

  const head = results[0]!;
  const last = results[results.length - 1]!;

  const { entries, allEntries, malformed } = useMemo(() => {
    const seen = new Set<string>();
    const all: AuditLogEntry[] = [];
    const bad: MalformedLogEntry[] = [];
    datas.forEach((data, page) => {
      const normalized = normalizePage(data, page);
      bad.push(...normalized.malformed);
      for (const entry of normalized.entries) {
        const key = String(entry.id);
        if (seen.has(key) || entry.resource !== resource) continue;
        // An entry that names no record cannot be checked: the provider chose it, keep it.
        if (id !== undefined && entry.recordIds.length > 0 && !entryConcernsRecord(entry, id)) continue;
        seen.add(key);
        all.push(entry);
      }
    });
    return { allEntries: all, entries: all, malformed: bad };
    // One dependency per page answer (a fixed count), not the array that holds them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...datas, resource, id]);

  const nextCursor = readNextCursor(last.data);
  const isFetchingNextPage = results.length > 1 && last.isFetching && last.data === undefined;
  const isTruncated = nextCursor !== undefined && results.length >= MAX_AUDIT_LOG_PAGES;
  // A page on its way counts as "more": whatever offers it (a "Show more" button) stays put meanwhile.
  const hasNextPage = isFetchingNextPage || (nextCursor !== undefined && !isTruncated && !last.isError);
  const failedPage = results.find((result) => result.isError && (result !== head || head.data !== undefined));

  const fetchNextPage = useCallback(() => {
    if (!hasNextPage || isFetchingNextPage || results.length >= MAX_AUDIT_LOG_PAGES) return;
    setPages({ scope, count: results.length + 1 });
  }, [hasNextPage, isFetchingNextPage, scope, results.length]);

  const retry = () => {
    for (const result of results) if (result.isError) void result.refetch();
  };

  let state: AuditLogListState;
  // Refine disables the query only when the provider has no `get`; a cancelled first load is also pending + idle, but still loading.
  if (!head.isEnabled && head.data === undefined) state = "unconfigured";
  else if (head.status === "pending") state = "loading";
  else if (head.status === "error" && head.data === undefined) state = "error";
  else if (entries.length === 0 && malformed.length === 0 && !hasNextPage && !isTruncated) state = "empty";
  else state = "ready";

  return {
    state,
    entries,
    allEntries,
    malformed,
    error: state === "error" ? head.error : null,
    pageError: failedPage?.error ?? null,
    isFetching: results.some((result) => result.isFetching),
    hasNextPage,
    isTruncated,
    isFetchingNextPage,
    fetchNextPage,
    retry,
    requestMeta,
  };
}
