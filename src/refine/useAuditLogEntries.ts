import { useLogList, type BaseKey, type HttpError } from "@refinedev/core";
import type { Query, QueryKey, UseQueryResult } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  buildAuditLogQuery,
  isHistoryStretch,
  MAX_CURSOR_LENGTH,
  findAnswerProblem,
  readServerAnswer,
  type AnswerPageCheck,
  type AuditLogAnswerProblem,
  type AuditLogQuery,
  type AuditLogSorter,
} from "../core/auditQuery";
import { canonicalizeFilters, entryConcernsRecord, type AuditLogFilters, type CanonicalAuditLogFilters } from "../core/filterEntries";
import { extractRows, normalizeLogs, sameId, type AuditLogEntry, type MalformedLogEntry } from "../core/normalizeLog";
import type { RecordDiffFields } from "../core/policy";
import { getValueType, safeGet } from "../core/values";
import { useCompiledFields } from "./useAuditEntryDescriber";
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
  /**
   * The query contract (version 1): filters, sorters, pagination and whether to count, for
   * a provider that applies them and answers `{ data, total, nextCursor }` (see `AuditLogQuery`).
   */
  auditQuery: AuditLogQuery;
  [key: string]: unknown;
}

/**
 * The server-side query of a view, beyond `filters` (see `AuditLogQuery`): what a provider
 * that follows the query contract applies. A provider that does not is read as before.
 */
export interface AuditLogEntriesQuery {
  /**
   * Filters sent in `meta.auditQuery` only (not in the legacy `meta.filters`): for a view
   * that filters the entries of a legacy provider itself. Default: the `filters` option.
   */
  filters?: AuditLogFilters;
  /** The order asked for. Default newest first. */
  sorters?: readonly AuditLogSorter[];
  /**
   * Page mode: page `currentPage` (1-based) of `pageSize` rows (at most 200), any page
   * reachable (the table). Without it, cursor mode: pages of the `pageSize` option, one after another.
   */
  page?: { currentPage: number; pageSize: number };
  /** Ask for `total`. Default: `true` in page mode, `false` in cursor mode. */
  total?: boolean;
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
  /** The policy (as `<RecordDiff fields>`): a hidden field is never sent in the server-side changed-field filter (it matches nothing). */
  fields?: RecordDiffFields;
  /** The IANA time zone whose days `YYYY-MM-DD` filter bounds are, for the server-side query. Default: the viewer's. */
  timeZone?: string;
}

/** Options of {@link useAuditLogEntries} with a view's own server-side query (the table's). */
export interface UseAuditLogEntriesQueryOptions extends UseAuditLogEntriesOptions {
  /** The server-side query beyond `filters` (sorters, page mode, total); see {@link AuditLogEntriesQuery}. */
  query?: AuditLogEntriesQuery;
  /**
   * Server-side cursor paging past {@link MAX_AUDIT_LOG_PAGES} pages slides the window on
   * (the first page held leaves; `fetchPreviousPage` brings it back). Default `true`.
   * `false` keeps every page read, up to the cap (`isTruncated` past it): for a view that
   * needs the history whole (versions, a field's history).
   */
  slidingWindow?: boolean;
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
  /**
   * The provider applied the query (its answer carries `total`; see `AuditLogQuery`):
   * `entries` are its rows as they are, filtered and sorted by the server. A view must not
   * filter or sort them again (its policy still applies), and pages have no request cap.
   */
  isServerSide: boolean;
  /** The server's count of the matching rows (server-side answers, when asked for); else `null`. */
  total: number | null;
  /** The entries are the previous query's, kept on screen while the new one (a page, a sort, a filter) is on its way. */
  isPreviousData: boolean;
  /**
   * Server-side cursor paging slides a window over the pages: at most
   * {@link MAX_AUDIT_LOG_PAGES} pages are held, `entries` are theirs, and this is the index
   * (0-based) of the first one. Always 0 otherwise.
   */
  firstPageIndex: number;
  /** Pages before the window exist (server-side cursor paging past {@link MAX_AUDIT_LOG_PAGES} pages). */
  hasPreviousPage: boolean;
  /** The newer page the window let go is on its way back (`fetchPreviousPage`). */
  isFetchingPreviousPage: boolean;
  /** Moves the window one page back (newer entries); no-op on the first page. */
  fetchPreviousPage: () => void;
  /**
   * Why the answer may be incomplete or contradictory (rows out of order, more rows than
   * asked for, pages missing rows, a plain list that looks cut short…): a view must say so
   * (`getAuditLogProblemText`). `undefined` when nothing looks wrong.
   */
  problem: AuditLogAnswerProblem | undefined;
  /**
   * Whether the entries may be replayed to infer missing before-values: a legacy list (the
   * history as read), or a server-side one that is a stretch of the history (sorted by time,
   * filtered by time at most: `isHistoryStretch`). Hand it to `useAuditEntryDescriber({ replay })`.
   */
  canReplay: boolean;
  /**
   * Server-side: the changed fields of the filters that were not sent, because their match
   * could reveal what the policy keeps back (`canFilterOn`). A view says so
   * (`getRefusedFieldsText`). Empty for a legacy provider (the browser filters them).
   */
  refusedFields: string[];
  /**
   * The filters match nothing before anything is asked: every changed field they name is
   * one the policy keeps back (see `buildAuditLogQuery`). Server-side, `entries` is empty.
   */
  matchesNothing: boolean;
  /** Asks again for every page that failed. */
  retry: () => void;
  /** The `meta` of the first request, as the provider receives it. */
  requestMeta: AuditLogRequestMeta;
}

/** What the first answer of a request scope said: server-side or not, with the query it answered. */
interface KnownAnswer {
  base: string;
  isServerSide: boolean;
  /** The query a legacy provider was sent: kept, so that a view's own sorting, paging and filtering never refetch it. */
  query: AuditLogQuery;
  total: number | null;
}

/** The pages held: `start` to `start + count - 1`; `cursors[p]` opens page `p` (server-side paging). */
interface PageWindow {
  scope: string;
  start: number;
  count: number;
  cursors: (string | number | undefined)[];
}

type Cursor = string | number | undefined;
type Placeholder = (previous: unknown, previousQuery: Query<unknown, HttpError, unknown, QueryKey> | undefined) => unknown;

const metaOf = (query: Query<unknown, HttpError, unknown, QueryKey> | undefined) => query?.queryKey[3] as Partial<AuditLogRequestMeta> | undefined;

/** A request's meta without its cursor: what tells two scopes apart. */
function scopeOf(meta: Partial<AuditLogRequestMeta> | undefined): string {
  if (!meta) return "";
  const { cursor: _cursor, auditQuery, ...rest } = meta;
  const pagination = auditQuery?.pagination;
  return JSON.stringify([rest, auditQuery && { ...auditQuery, pagination: pagination && { ...pagination, cursor: undefined } }]);
}

/** The query of page `p` in cursor mode: its cursor in `pagination` too. */
function withCursor(query: AuditLogQuery, cursor: Cursor): AuditLogQuery {
  return query.pagination.mode === "cursor" && cursor !== undefined ? { ...query, pagination: { ...query.pagination, cursor: String(cursor) } } : query;
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

const NO_FIELDS: string[] = [];

const isObject = (value: unknown): value is object => getValueType(value) === "object";

/** The `nextCursor` of a paged answer, else `undefined`. */
export function readNextCursor(response: unknown): string | number | undefined {
  if (!isObject(response)) return undefined;
  const cursor = safeGet(response, "nextCursor");
  // As `readServerAnswer` reads one: short text (it goes into `meta` and the query keys) or a finite number.
  return (typeof cursor === "string" && cursor !== "" && cursor.length <= MAX_CURSOR_LENGTH) || (typeof cursor === "number" && Number.isFinite(cursor)) ? cursor : undefined;
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
  const server = readServerAnswer(response);
  const isList = server !== undefined || Array.isArray(response) || (isObject(response) && ["data", "items", "logs"].some((key) => Array.isArray(safeGet(response, key))));
  if (!isList) {
    result = {
      entries: [],
      malformed: [{ key: `page-${page}`, reason: "The audit log provider answered with something that is not a list of entries.", raw: response }],
    };
  } else {
    const { entries, malformed } = normalizeLogs(server ? server.rows : response);
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
 * Server-side (the query contract, `meta.auditQuery`): a provider that answers
 * `{ data, total, nextCursor }` applied the filters, the order and the paging itself.
 * Its rows are returned as they are (`isServerSide`), counted by `total`, with no request
 * cap: cursor pages slide through a window of at most {@link MAX_AUDIT_LOG_PAGES} pages
 * (`firstPageIndex`, `fetchPreviousPage`), and `query.page` asks for any page directly.
 * Answers that contradict the query are reported in `problem`.
 *
 * Independent of any UI: the timeline and the table both build on it.
 *
 * @example
 * const { state, entries, malformed, retry } = useAuditLogEntries({ resource: "products", id: 7 });
 * // The table's server-side page 3, sorted by action:
 * useAuditLogEntries({ resource: "products", query: { page: { currentPage: 3, pageSize: 25 }, sorters: [{ field: "action", order: "asc" }] } });
 */
export function useAuditLogEntries(options: UseAuditLogEntriesQueryOptions): UseAuditLogEntriesResult {
  const { resource, id, filters, live = true, meta: extraMeta, query: view, timeZone, slidingWindow = true } = options;
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? 50));
  const canonical = canonicalizeFilters(filters);
  const canonicalKey = JSON.stringify(canonical ?? null);
  const extraKey = JSON.stringify(extraMeta ?? null);
  const policy = useCompiledFields(options.fields);

  // Today's keys, for providers that know nothing of the query contract.
  const legacyMeta = useMemo(() => {
    const meta: Omit<AuditLogRequestMeta, "auditQuery"> = { ...(extraMeta ?? {}), pageSize };
    if (id !== undefined) meta.id = id;
    else delete meta.id;
    delete meta.cursor;
    delete meta.auditQuery;
    // The fields the policy keeps back are left out here too: a provider that reads these
    // keys (and answers server-side) must not filter on them either.
    const sendable = canonical?.fields ? buildAuditLogQuery({ filters: { field: canonical.fields }, isHidden: policy.isHidden, canFilterOn: policy.canFilterOn, pagination: { mode: "cursor", pageSize } }).query.filters?.fields : undefined;
    const legacyFilters = canonical && canonical.fields ? { ...canonical, fields: sendable ?? [] } : canonical;
    if (legacyFilters) meta.filters = legacyFilters;
    else delete meta.filters;
    return meta;
    // The keys stand for the objects: callers often pass new literals on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, pageSize, canonicalKey, extraKey, policy]);
  const base = `${resource}\u0000${JSON.stringify(legacyMeta)}`;

  const page = view?.page;
  const viewKey = JSON.stringify([view?.filters === undefined ? null : (canonicalizeFilters(view.filters) ?? {}), view?.sorters ?? null, page?.currentPage, page?.pageSize, view?.total, timeZone]);
  const built = useMemo(
    () =>
      buildAuditLogQuery({
        id,
        filters: view?.filters ?? filters,
        sorters: view?.sorters,
        pagination: page ? { mode: "page", currentPage: page.currentPage, pageSize: page.pageSize } : { mode: "cursor", pageSize },
        total: view?.total ?? page !== undefined,
        timeZone,
        isHidden: policy.isHidden,
        canFilterOn: policy.canFilterOn,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id, canonicalKey, viewKey, pageSize, policy],
  );

  // Whether the provider applies the query is known from its first answer. A legacy one
  // keeps receiving the query it first got, so a view's own sorting, paging and filtering
  // (done in the browser for it) never refetch it.
  const [known, setKnown] = useState<KnownAnswer>();
  const knownHere = known?.base === base ? known : undefined;
  const isServerMode = knownHere?.isServerSide === true;
  const auditQuery = knownHere && !isServerMode ? knownHere.query : built.query;
  const requestMeta = useMemo(() => ({ ...legacyMeta, auditQuery }) as AuditLogRequestMeta, [legacyMeta, auditQuery]);

  // The pages held belong to one query scope; a new scope starts over.
  const scope = `${resource}\u0000${JSON.stringify(requestMeta)}`;
  const [paging, setPaging] = useState<PageWindow>({ scope, start: 0, count: 1, cursors: [] });
  const pages: PageWindow = paging.scope === scope ? paging : { scope, start: 0, count: 1, cursors: [] };

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
      metaOf(previousQuery)?.cursor !== undefined ? keepSameScope(previous, previousQuery) : undefined,
    [keepSameScope],
  );

  // Server-side pages move between slots as the window slides: a slot keeps its previous
  // answer only when it was the same page (its cursor moved), never a neighbour's.
  const keepServerPage = (pageIndex: number): Placeholder => (previous, previousQuery) => {
    const cursor = metaOf(previousQuery)?.cursor;
    if (pageIndex === 0 || cursor === undefined) return pageIndex === 0 && cursor === undefined ? keepSameScope(previous, previousQuery) : undefined;
    const held = pages.cursors.indexOf(cursor);
    return held === pageIndex || (held === -1 && scopeOf(metaOf(previousQuery)) === scopeOf(requestMeta)) ? keepSameScope(previous, previousQuery) : undefined;
  };

  // A fixed number of calls, so the hook order never changes (see MAX_AUDIT_LOG_PAGES).
  // Unused calls are disabled and parked on the first page's key, which costs no request.
  // Legacy: page p in slot p, its cursor read from the page before. Server-side: page p in
  // slot p % MAX_AUDIT_LOG_PAGES (sliding the window moves one slot), its cursor remembered.
  const slots: { result: UseQueryResult<unknown, HttpError>; page: number | undefined }[] = [];
  let cursor: Cursor;
  for (let slot = 0; slot < MAX_AUDIT_LOG_PAGES; slot++) {
    const offset = isServerMode ? (slot - (pages.start % MAX_AUDIT_LOG_PAGES) + MAX_AUDIT_LOG_PAGES) % MAX_AUDIT_LOG_PAGES : slot;
    const pageIndex = offset < pages.count ? pages.start + offset : undefined;
    if (isServerMode) cursor = pageIndex === undefined ? undefined : pages.cursors[pageIndex];
    const isUsed = pageIndex === 0 || (pageIndex !== undefined && cursor !== undefined);
    const meta = pageIndex === 0 || !isUsed ? requestMeta : { ...requestMeta, cursor, auditQuery: withCursor(auditQuery, cursor) };
    // eslint-disable-next-line react-hooks/rules-of-hooks
    const result = useLogList<unknown, HttpError>({
      resource,
      meta,
      queryOptions: !isUsed
        ? { enabled: false, placeholderData: keepSamePage }
        : isServerMode
          ? // Pages the window slid past are not kept in the cache either.
            { placeholderData: keepServerPage(pageIndex!), ...(pageIndex! >= MAX_AUDIT_LOG_PAGES ? { gcTime: 0 } : {}) }
          : pageIndex === 0
            ? { placeholderData: keepSameScope }
            : { enabled: true, placeholderData: keepSamePage },
    });
    slots.push({ result, page: isUsed ? pageIndex : undefined });
    if (!isServerMode) cursor = isUsed ? readNextCursor(result.data) : undefined;
  }

  useLiveAuditRefresh({ resource, enabled: live });

  // The pages held, in order.
  const held = slots.filter((slot) => slot.page !== undefined).sort((a, b) => a.page! - b.page!);
  const head = (held[0] ?? slots[0]!).result;
  const last = held[held.length - 1]!.result;
  const headServer = readServerAnswer(head.data);
  const isServerSide = head.data === undefined ? isServerMode : headServer !== undefined;
  const datas = slots.map((slot) => (slot.page === undefined ? undefined : slot.result.data));

  // Learn the server-side nature of the scope, and each page's next cursor.
  useEffect(() => {
    if (head.data !== undefined && !head.isPlaceholderData) {
      const total = headServer?.total ?? null;
      if (knownHere?.isServerSide !== isServerSide || (isServerSide && knownHere.total !== total)) setKnown({ base, isServerSide, query: auditQuery, total });
    }
    if (!isServerMode) return;
    const cursors = [...pages.cursors];
    for (const slot of held) if (slot.result.data !== undefined) cursors[slot.page! + 1] = readServerAnswer(slot.result.data)?.nextCursor;
    if (cursors.some((value, index) => value !== pages.cursors[index])) setPaging({ ...pages, cursors });
  });

  const { entries, allEntries, malformed, problem } = useMemo(() => {
    const seen = new Set<string>();
    const all: AuditLogEntry[] = [];
    const bad: MalformedLogEntry[] = [];
    const checks: AnswerPageCheck[] = [];
    let problem: AuditLogAnswerProblem | undefined;
    const add = (data: unknown, pageIndex: number) => {
      const normalized = normalizePage(data, pageIndex);
      bad.push(...normalized.malformed);
      const server = readServerAnswer(data);
      checks.push({ entries: normalized.entries, rowCount: server?.rowCount ?? extractRows(data).length, pageSize: server ? auditQuery.pagination.pageSize : pageSize, server });
      for (const entry of normalized.entries) {
        const key = String(entry.id);
        if (seen.has(key) || entry.resource !== resource) continue;
        // An entry that names no record cannot be checked: the provider chose it, keep it.
        if (id !== undefined && entry.recordIds.length > 0 && !entryConcernsRecord(entry, id)) continue;
        seen.add(key);
        all.push(entry);
      }
    };
    if (!isServerSide) {
      datas.forEach((data, pageIndex) => data !== undefined && add(data, pageIndex));
      // A plain list that looks like the first page of a longer log (a REST default page).
      if (checks.length === 1 && readNextCursor(datas[0]) === undefined && head.data !== undefined) problem = findAnswerProblem(checks);
    } else if (!built.matchesNothing || !isServerMode) {
      // The pages in order, from the first that has arrived; a page missing after it ends
      // the list (what comes after is not shown: rows would be missing in between).
      let ended = false;
      for (const slot of held) {
        const data = slot.result.data;
        if (data === undefined) {
          if (all.length > 0 || bad.length > 0) ended = true;
        } else if (ended) problem = "missing-rows";
        else add(data, slot.page!);
      }
      problem ??= head.isPlaceholderData ? undefined : findAnswerProblem(checks, { sorters: auditQuery.sorters, currentPage: page && auditQuery.pagination.mode === "page" ? auditQuery.pagination.currentPage : undefined });
    }
    return { allEntries: all, entries: all, malformed: bad, problem };
    // One dependency per page answer (a fixed count), not the array that holds them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...datas, resource, id, isServerSide, isServerMode, built.matchesNothing, pages.start, pages.count, head.isPlaceholderData, auditQuery]);

  const pageMode = isServerSide && auditQuery.pagination.mode === "page";
  const total = isServerSide ? (built.matchesNothing && isServerMode ? 0 : head.data === undefined ? (knownHere?.total ?? null) : (headServer?.total ?? null)) : null;
  const nextCursor = isServerSide ? readServerAnswer(last.data)?.nextCursor : readNextCursor(last.data);
  const isFetchingNextPage = held.length > 1 && last.isFetching && last.data === undefined;
  const isFetchingPreviousPage = pages.start > 0 && head.isFetching && head.data === undefined;
  const isCapped = !isServerSide || (!slidingWindow && !pageMode);
  const isTruncated = isCapped && nextCursor !== undefined && held.length >= MAX_AUDIT_LOG_PAGES;
  // A page on its way counts as "more": whatever offers it (a "Show more" button) stays put meanwhile.
  // Without a total, a full page means more: full by the rows the server sent, since an
  // unreadable row or one of another record fills the server's page without being an entry.
  const hasNextPage = pageMode
    ? total !== null
      ? (auditQuery.pagination as { currentPage: number }).currentPage * auditQuery.pagination.pageSize < total
      : (headServer?.rowCount ?? 0) >= auditQuery.pagination.pageSize
    : isFetchingNextPage || (nextCursor !== undefined && !isTruncated && !last.isError);
  const failedPage = held.find(({ result }) => result.isError && (result !== head || head.data !== undefined || pageMode));

  const fetchNextPage = useCallback(() => {
    if (!hasNextPage || isFetchingNextPage || pageMode) return;
    if (!isServerMode || (isCapped && held.length >= MAX_AUDIT_LOG_PAGES)) {
      if (!isServerMode && held.length < MAX_AUDIT_LOG_PAGES) setPaging({ scope, start: 0, count: held.length + 1, cursors: [] });
      return;
    }
    // Server-side: one page more, or the window slides one page on (its first page leaves).
    const next = pages.start + pages.count;
    const cursors = [...pages.cursors];
    cursors[next] = nextCursor;
    setPaging({ scope, start: pages.count < MAX_AUDIT_LOG_PAGES ? pages.start : pages.start + 1, count: Math.min(pages.count + 1, MAX_AUDIT_LOG_PAGES), cursors });
  }, [hasNextPage, isFetchingNextPage, pageMode, isServerMode, isCapped, held.length, scope, pages, nextCursor]);

  const fetchPreviousPage = useCallback(() => {
    if (pages.start > 0 && !isFetchingPreviousPage) setPaging({ ...pages, start: pages.start - 1, count: Math.min(pages.count + 1, MAX_AUDIT_LOG_PAGES) });
  }, [pages, isFetchingPreviousPage]);

  const retry = () => {
    for (const { result } of held) if (result.isError) void result.refetch();
  };

  let state: AuditLogListState;
  // Refine disables the query only when the provider has no `get`; a cancelled first load is also pending + idle, but still loading.
  if (!head.isEnabled && head.data === undefined) state = "unconfigured";
  else if (head.status === "pending" && !(isServerMode && built.matchesNothing)) state = "loading";
  // A server-side page that fails keeps the table (its paging, its filters) with the error beside it.
  else if (head.status === "error" && head.data === undefined && !pageMode) state = "error";
  else if (entries.length === 0 && malformed.length === 0 && !hasNextPage && !isTruncated && !(isServerSide && (pages.start > 0 || auditQuery.filters || built.matchesNothing || (pageMode && (auditQuery.pagination as { currentPage: number }).currentPage > 1))))
    state = "empty";
  else state = "ready";

  return {
    state,
    entries,
    allEntries,
    malformed,
    error: state === "error" ? head.error : null,
    pageError: failedPage?.result.error ?? null,
    isFetching: held.some(({ result }) => result.isFetching),
    hasNextPage,
    isTruncated,
    isFetchingNextPage,
    fetchNextPage,
    isServerSide,
    total,
    isPreviousData: head.isPlaceholderData,
    firstPageIndex: pages.start,
    hasPreviousPage: pages.start > 0,
    isFetchingPreviousPage,
    fetchPreviousPage,
    problem,
    matchesNothing: built.matchesNothing,
    canReplay: !isServerSide || isHistoryStretch(auditQuery),
    refusedFields: isServerSide ? built.refusedFields : NO_FIELDS,
    retry,
    requestMeta,
  };
}
