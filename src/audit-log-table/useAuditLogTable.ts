import { useTable, type ReactTable, type TableOptions, type TableState } from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { toCsv, toJsonText, type ExportCell } from "../core/exportEntries";
import { toDayKey } from "../core/groupByDay";
import { canonicalizeFilters, createEntryFilter, type AuditLogFilters } from "../core/filterEntries";
import { getAuthorLabel, type AuditLogEntry, type MalformedLogEntry } from "../core/normalizeLog";
import { formatPath } from "../core/path";
import { getValueType, safeGet, safeKeys, toArray } from "../core/values";
import type { RecordDiffFields } from "../record-diff/compileFields";
import { useAuditLogEntries, type AuditLogError, type AuditLogListState, type UseAuditLogEntriesOptions } from "../refine/useAuditLogEntries";
import type { AuditTranslate } from "../refine/useAuditTranslate";
import type { TimelineFormatters } from "../shared/formatEntry";
import { useAuditEntryDescriber, type AuditEntryDescription } from "../shared/useAuditEntryDescriber";
import { useControllableState } from "../shared/useControllableState";
import { useIncrementalFilter } from "../shared/useIncrementalFilter";
import { auditLogTableFeatures, createAuditLogColumns, getColumnLabel, type AuditLogColumnDef, type AuditLogTableFeatures } from "./auditLogColumns";

/** The TanStack Table instance of the audit log table (see `useTable` in `@tanstack/react-table` 9). */
export type AuditLogTableInstance = ReactTable<AuditLogTableFeatures, AuditLogEntry>;

/** The table state the kit manages (sorting, pagination, column visibility, expanded rows). */
export type AuditLogTableState = TableState<AuditLogTableFeatures>;

/** Options of {@link useAuditLogTable}. */
export interface UseAuditLogTableOptions extends Pick<UseAuditLogEntriesOptions, "resource" | "id" | "live" | "meta"> {
  /**
   * Rows asked of the provider per request (`meta.pageSize`, the paging convention the
   * timeline uses). Default 100. A provider that pages is read one page at a time: "Next"
   * on the last page read asks for the next one. At most 10 requests (see `isTruncated`).
   */
  requestPageSize?: number;
  /**
   * The filters (controlled). Applied in the browser to the entries read, with the
   * timeline's `filterEntries`; with a provider that pages, only to the pages read so far.
   */
  filters?: AuditLogFilters;
  /** The filters at first (uncontrolled). */
  defaultFilters?: AuditLogFilters;
  /** Called with the new filters when a control changes them. */
  onFiltersChange?: (filters: AuditLogFilters) => void;
  /**
   * Where the table starts: sorting (default newest first: `[{ id: "time", desc: true }]`),
   * pagination (default 25 rows a page), column visibility, expanded rows.
   */
  initialState?: Partial<AuditLogTableState>;
  /**
   * More options for TanStack's `useTable` (controlled `state` slices with their
   * `on…Change`, `enableMultiSort`, …). The kit's `features`, `data` and `getRowId` stay.
   */
  tableOptions?: Partial<Omit<TableOptions<AuditLogTableFeatures, AuditLogEntry>, "features" | "data" | "getRowId">>;
  /**
   * The columns: the default ones ({@link createAuditLogColumns}) changed or extended.
   * Receives the defaults; return the list to use. Keep it stable (`useCallback`).
   */
  columns?: (defaults: AuditLogColumnDef[]) => AuditLogColumnDef[];
  /** The name cell: editable (`<RenameLogEntry>`) by default, your renderer, or `null` for plain text. */
  renderName?: ((entry: AuditLogEntry) => ReactNode) | null;
  /** Paths left out of summaries, diffs and exports (`updatedAt`, `*.version`). */
  ignore?: readonly string[];
  /** The field that holds a record's id in bulk `data` / `previousData` items. Default `"id"`. */
  idField?: string;
  /**
   * Labels, hidden and redacted fields, as `<RecordDiff fields>`: hidden fields are left
   * out of summaries, searches and exports; redacted values are never searched, shown or
   * exported (the fact of the change is kept).
   */
  fields?: RecordDiffFields;
  /** Overrides the app's locale for dates and numbers. */
  locale?: string;
  /** An IANA time zone for times and for the days of the date filters. Default: the viewer's. */
  timeZone?: string;
}

/** What the filter controls offer, from the entries read. */
export interface AuditLogFilterChoices {
  /** The actions in the log, sorted. */
  actions: string[];
  /** The authors in the log: `value` to filter with (id, else name, else email), `label` to show. */
  authors: { value: string; label: string }[];
  /** Field paths the entries wrote (two levels deep, hidden fields left out), sorted. */
  fields: string[];
}

/** An export of the filtered rows. */
export interface AuditLogExport {
  /** The file's text. */
  text: string;
  /** A file name: `audit-log-<resource>-<yyyy-mm-dd>.<csv|json>` (today in the table's time zone). */
  fileName: string;
  /** `text/csv;charset=utf-8` or `application/json`. */
  mimeType: string;
  /** How many entries it holds. */
  count: number;
}

/** The result of {@link useAuditLogTable}. */
export interface UseAuditLogTableResult {
  /** The TanStack Table instance: render it with any table components (`table.getHeaderGroups()`, `table.getRowModel()`…). */
  table: AuditLogTableInstance;
  state: AuditLogListState;
  /** Why the log could not be loaded (state `error`). */
  error: AuditLogError | null;
  /** Why a further page (or a refresh) could not be loaded; the rows read stay. */
  loadMoreError: AuditLogError | null;
  /** Rows the provider returned that could not be read (show them, never drop them silently). */
  malformed: MalformedLogEntry[];
  /** The filters in force. */
  filters: AuditLogFilters;
  /** Sets the filters (a value or an updater); the table goes back to its first page. */
  setFilters: (next: AuditLogFilters | ((current: AuditLogFilters) => AuditLogFilters)) => void;
  /** A filter is set. */
  isFiltered: boolean;
  /** The filters are being applied to a large log (the rows shown, and exported, are those of the previous filters meanwhile). */
  isFiltering: boolean;
  /** What the filter controls offer. */
  choices: AuditLogFilterChoices;
  /**
   * How many entries were read, and how many of them match the filters. With a provider
   * that pages and has more (`hasMoreOnServer`), both count the pages read so far only.
   */
  counts: { read: number; matching: number };
  /** The provider has more entries than were read so far (also while the next page is on its way). */
  hasMoreOnServer: boolean;
  /** A page is on its way from the provider. */
  isLoadingMore: boolean;
  /** The request cap was reached while the provider still had more: the rows are not the whole log. */
  isTruncated: boolean;
  /** The next page of rows: the next page read, else the provider's next page (then moves to it). */
  nextPage: () => void;
  /** There is a next page, read or to be read. */
  canNextPage: boolean;
  /** Asks the provider again after an error. */
  retry: () => void;
  /** The same reading of entries the timeline uses: author, action, summary, changes. */
  describe: (entry: AuditLogEntry) => AuditEntryDescription;
  /**
   * The filtered rows (every table page of the entries read) in their current order, as
   * CSV: visible columns, formulas made inert. Entries a paging provider has not sent yet
   * are not in it (see `hasMoreOnServer`).
   */
  exportCsv: () => AuditLogExport;
  /** The same rows as JSON, with their changes; hidden fields left out, redacted values replaced by "(hidden)". */
  exportJson: () => AuditLogExport;
  t: AuditTranslate;
  locale: string | undefined;
  formatters: TimelineFormatters;
}

const DEFAULT_SORTING = [{ id: "time", desc: true }];
const DEFAULT_PAGINATION = { pageIndex: 0, pageSize: 25 };
// Field suggestions are read from this many entries, this deep: a hint, not an index.
const FIELD_SCAN_ENTRIES = 1000;
const FIELD_SCAN_DEPTH = 2;

function collectFields(entries: readonly AuditLogEntry[], isHidden: (path: readonly (string | number)[]) => boolean): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, path: string[]) => {
    if (path.length >= FIELD_SCAN_DEPTH || getValueType(value) !== "object") return;
    for (const key of safeKeys(value as object).slice(0, 200)) {
      const child = [...path, key];
      if (isHidden(child)) continue;
      found.add(child.join("."));
      visit(safeGet(value as object, key), child);
    }
  };
  for (const entry of entries.slice(0, FIELD_SCAN_ENTRIES)) {
    for (const side of [entry.data, entry.previousData]) {
      // A bulk entry's sides are lists of records: their fields are the records' fields.
      if (getValueType(side) === "array") for (const item of toArray(side).slice(0, 20)) visit(item, []);
      else visit(side, []);
    }
  }
  return [...found].sort();
}

/** `audit-log-<resource>-<the viewer's (or the time zone's) day>.<extension>`, safe for any file system. */
const toFileName = (resource: string, extension: string, timeZone: string | undefined) =>
  `audit-log-${resource.replace(/[^\w-]+/g, "_").slice(0, 60) || "log"}-${toDayKey(new Date(), { timeZone })}.${extension}`;

/**
 * The headless audit log table: reads a resource's log (or one record's) through
 * `useAuditLogEntries`, the same reading, filtering (`filterEntries`) and summaries
 * (`useAuditEntryDescriber`) as the timeline, and returns a TanStack Table 9 instance with
 * sorting, pagination, column visibility and row expansion, plus filters, their choices,
 * and CSV / JSON exports of the filtered rows. Render `table` with any table components;
 * `<AuditLogTable>` is the kit's own rendering.
 *
 * Work is bounded for large logs: past 2,000 entries, filters apply in slices between
 * frames (typing stays responsive; the previous rows stay meanwhile, `isFiltering`), a
 * search text is built once per entry, and summaries are computed only for the rows on screen.
 *
 * @example
 * const { table, state } = useAuditLogTable({ resource: "products" });
 * return (
 *   <table>
 *     <tbody>
 *       {table.getRowModel().rows.map((row) => (
 *         <tr key={row.id}>
 *           {row.getVisibleCells().map((cell) => (
 *             <td key={cell.id}><table.FlexRender cell={cell} /></td>
 *           ))}
 *         </tr>
 *       ))}
 *     </tbody>
 *   </table>
 * );
 */
export function useAuditLogTable(options: UseAuditLogTableOptions): UseAuditLogTableResult {
  const { resource, id, live, meta, idField, ignore, timeZone, renderName } = options;
  const log = useAuditLogEntries({ resource, id, live, meta, pageSize: options.requestPageSize ?? 100 });
  const { describe, t, locale, formatters, fields, isExcluded } = useAuditEntryDescriber({
    allEntries: log.allEntries,
    recordId: id,
    idField,
    ignore,
    fields: options.fields,
    locale: options.locale,
    timeZone,
  });

  const { onFiltersChange } = options;
  const [filters, setFilters] = useControllableState<AuditLogFilters>({
    value: options.filters,
    defaultValue: options.defaultFilters ?? {},
    onChange: onFiltersChange,
  });
  // Filtering a large log takes a moment: the controls update at once, the rows follow,
  // filtered in slices between frames (the previous rows stay meanwhile, `isFiltering`).
  const filterKey = JSON.stringify(canonicalizeFilters(filters) ?? null);
  const keep = useMemo(
    () => createEntryFilter(filters, { timeZone: formatters.timeZone, isExcluded }),
    // The key stands for the filters: callers often pass new literals on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filterKey, formatters.timeZone, isExcluded],
  );
  const { items: filtered, isPending: isFiltering } = useIncrementalFilter(log.entries, keep);

  const userColumns = options.columns;
  const columns = useMemo(() => {
    const defaults = createAuditLogColumns({ resource, describe, t, formatters, renderName });
    return userColumns ? userColumns(defaults) : defaults;
  }, [resource, describe, t, formatters, renderName, userColumns]);

  const table = useTable({
    autoResetPageIndex: false,
    autoResetExpanded: false,
    ...options.tableOptions,
    features: auditLogTableFeatures,
    columns: options.tableOptions?.columns ?? columns,
    data: filtered,
    getRowId: (entry) => String(entry.id),
    getRowCanExpand: options.tableOptions?.getRowCanExpand ?? (() => true),
    initialState: { sorting: DEFAULT_SORTING, pagination: DEFAULT_PAGINATION, ...options.initialState },
  });

  // New filters start from the first page; a shorter list never leaves the page past its end.
  const appliedFilterKey = useRef(filterKey);
  const pageCount = table.getPageCount();
  const { pageIndex } = table.state.pagination;
  useEffect(() => {
    if (appliedFilterKey.current !== filterKey) {
      appliedFilterKey.current = filterKey;
      if (pageIndex !== 0) table.setPageIndex(0);
    } else if (pageIndex > 0 && pageIndex >= pageCount) {
      table.setPageIndex(Math.max(0, pageCount - 1));
    }
  }, [filterKey, pageIndex, pageCount, table]);

  // "Next" past the last page read asks the provider for its next page, then moves on.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = log;
  const [pendingNext, setPendingNext] = useState(false);
  const canNextPageRead = table.getCanNextPage();
  useEffect(() => {
    if (!pendingNext || isFetchingNextPage) return;
    setPendingNext(false);
    if (canNextPageRead) table.nextPage();
  }, [pendingNext, isFetchingNextPage, canNextPageRead, table]);
  const nextPage = useCallback(() => {
    if (table.getCanNextPage()) table.nextPage();
    else if (hasNextPage && !isFetchingNextPage) {
      setPendingNext(true);
      fetchNextPage();
    }
  }, [table, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const choices = useMemo<AuditLogFilterChoices>(() => {
    const actions = new Set<string>();
    const authors = new Map<string, string>();
    for (const entry of log.entries) {
      actions.add(entry.action);
      const author = entry.author;
      const value = author?.id !== undefined ? String(author.id) : (author?.name ?? author?.email);
      if (value !== undefined && !authors.has(value)) authors.set(value, getAuthorLabel(author) ?? value);
    }
    return {
      actions: [...actions].sort(),
      authors: [...authors].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, formatters.locale)),
      fields: collectFields(log.entries, fields.isHidden),
    };
  }, [log.entries, fields, formatters.locale]);

  const exportRows = useCallback(() => table.getPrePaginatedRowModel().rows.map((row) => row.original), [table]);

  const exportCsv = useCallback((): AuditLogExport => {
    const entries = exportRows();
    const visible = table.getVisibleLeafColumns().map((column) => column.id);
    const header = visible.map((columnId) => getColumnLabel(columnId, t));
    const rows = entries.map((entry) =>
      visible.map((columnId): ExportCell => {
        switch (columnId) {
          case "time":
            return entry.createdAt?.toISOString() ?? "";
          case "author":
            return getAuthorLabel(entry.author) ?? "";
          case "action":
            return entry.action;
          case "record":
            return entry.recordIds.map(String).join(" ");
          case "name":
            return entry.name ?? "";
          case "summary":
            return describe(entry).summaryText;
          default: {
            // A column of yours: its accessor value, when it is plain.
            const value = table.getRow(String(entry.id), true)?.getValue(columnId);
            const type = getValueType(value);
            return type === "string" || type === "number" || type === "boolean" ? (value as ExportCell) : "";
          }
        }
      }),
    );
    return { text: toCsv(header, rows), fileName: toFileName(resource, "csv", formatters.timeZone), mimeType: "text/csv;charset=utf-8", count: entries.length };
  }, [exportRows, table, t, describe, resource, formatters.timeZone]);

  const exportJson = useCallback((): AuditLogExport => {
    const entries = exportRows();
    const visible = new Set(table.getVisibleLeafColumns().map((column) => column.id));
    const hidden = t("auditLog.recordDiff.redacted", "(hidden)");
    const show = (value: unknown, path: readonly (string | number)[]) => (fields.isRedacted(path) ? hidden : fields.scrub(value, path, hidden));
    const out = entries.map((entry) => {
      const description = describe(entry);
      const row: Record<string, unknown> = { id: entry.id, resource: entry.resource };
      if (visible.has("time")) row.time = entry.createdAt?.toISOString() ?? null;
      if (visible.has("author")) row.author = entry.author ? { id: entry.author.id, name: entry.author.name, email: entry.author.email } : null;
      if (visible.has("action")) row.action = entry.action;
      if (visible.has("record")) row.records = entry.recordIds;
      if (visible.has("name")) row.name = entry.name ?? null;
      if (visible.has("summary")) row.summary = description.summaryText;
      row.changes = description.changes.map((change) => {
        const item: Record<string, unknown> = { path: formatPath(change.path), kind: change.kind };
        if (change.kind !== "added" && !change.isBeforeUnknown) item.before = show(change.before, change.path);
        if (change.kind !== "removed") item.after = show(change.after, change.path);
        if (change.isBeforeInferred) item.beforeInferred = true;
        return item;
      });
      return row;
    });
    return { text: toJsonText(out), fileName: toFileName(resource, "json", formatters.timeZone), mimeType: "application/json", count: entries.length };
  }, [exportRows, table, t, describe, fields, resource, formatters.timeZone]);

  return {
    table,
    state: log.state,
    error: log.error,
    loadMoreError: log.pageError,
    malformed: log.malformed,
    filters,
    setFilters,
    isFiltered: canonicalizeFilters(filters) !== undefined,
    isFiltering,
    choices,
    counts: { read: log.entries.length, matching: filtered.length },
    hasMoreOnServer: hasNextPage,
    isLoadingMore: isFetchingNextPage,
    isTruncated: log.isTruncated,
    nextPage,
    canNextPage: canNextPageRead || hasNextPage,
    retry: log.retry,
    describe,
    exportCsv,
    exportJson,
    t,
    locale,
    formatters,
  };
}
