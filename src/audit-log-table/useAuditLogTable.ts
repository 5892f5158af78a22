import type { ReferenceLookup } from "../core/references";
import {
  useTable,
  type Cell,
  type Header,
  type ReactTable,
  type Row,
  type TableOptions,
  type TableState,
} from "@tanstack/react-table";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ButtonHTMLAttributes, type HTMLAttributes, type ReactNode } from "react";
import type { WorkBudgetLimits } from "../core/budget";
import type { ExportCell } from "../core/exportEntries";
import { toDayKey } from "../core/groupByDay";
import { isBulkAction } from "../core/history";
import type { AuditLogAnswerProblem, AuditLogSortField, AuditLogSorter } from "../core/auditQuery";
import { canonicalizeFilters, type AuditLogFilters } from "../core/filterEntries";
import { getAuthorLabel, type AuditLogEntry, type MalformedLogEntry } from "../core/normalizeLog";
import { getValueType } from "../core/values";
import type { RecordDiffFields } from "../core/policy";
import { getChangedFieldPaths, type AuditEntryDescription, type FieldMatch } from "../core/readEntries";
import type { TimelineFormatters } from "../core/formatEntry";
import { useAuditEntryDescriber } from "../refine/useAuditEntryDescriber";
import { useAuditLogEntries, type AuditLogError, type AuditLogListState, type UseAuditLogEntriesOptions } from "../refine/useAuditLogEntries";
import { useServerAuditLogExport, type AuditLogExportProgress, type AuditLogExportRead } from "../refine/useServerAuditLogExport";
import type { AuditTranslate } from "../refine/useAuditTranslate";
import type { DataAttributes } from "../shared/dataAttributes";
import { mergeProps } from "../shared/mergeProps";
import { defineOptionKeys } from "../shared/splitProps";
import { useControllableState } from "../shared/useControllableState";
import { useFilteredEntries } from "../shared/useFilteredEntries";
import { AUDIT_LOG_COLUMN_IDS, auditLogTableFeatures, createAuditLogColumns, getColumnHeaderText, type AuditLogColumnDef, type AuditLogTableFeatures } from "./auditLogColumns";
import { toChangesCsv, toEntriesCsv, toEntriesJson, type EntryExportColumn } from "./exportAuditLog";
import { auditLogTableAnatomy, auditLogTableParts as parts, type AuditLogTablePart } from "./parts";

/** The TanStack Table instance of the audit log table (see `useTable` in `@tanstack/react-table` 9). */
export type AuditLogTableInstance = ReactTable<AuditLogTableFeatures, AuditLogEntry>;

/** The table state the kit manages (sorting, pagination, column visibility, expanded rows). */
export type AuditLogTableState = TableState<AuditLogTableFeatures>;

/** Options of {@link useAuditLogTable}. */
export interface UseAuditLogTableOptions extends Pick<UseAuditLogEntriesOptions, "resource" | "id" | "live" | "meta"> {
  /**
   * Rows asked of a legacy provider per request (`meta.pageSize`, the paging convention the
   * timeline uses). Default 100. A provider that pages is read one page at a time: "Next"
   * on the last page read asks for the next one. At most 10 requests (see `isTruncated`).
   * A server-side provider (the query contract) is asked for the table's page instead.
   */
  requestPageSize?: number;
  /**
   * The filters (controlled). Sent to the provider in `meta.auditQuery`: a server-side
   * provider applies them (search then reads names, authors, actions and record ids, not
   * values). Otherwise applied in the browser to the entries read, with the timeline's
   * `filterEntries`; with a provider that pages, only to the pages read so far.
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
   * Labels, formatters, hidden and redacted fields, as `<RecordDiff fields>`, applied once
   * to everything the table shows: summaries, filters, search, field suggestions, exports
   * and each row's diff. Hidden fields are left out; redacted values are never searched,
   * shown or exported (the fact of the change is kept).
   *
   * @example
   * useAuditLogTable({ resource: "users", fields: { password: { redact: true }, "*.internal": { hidden: true } } })
   */
  fields?: RecordDiffFields;
  /** The work budget of each entry (a huge row costs bounded time); see `WorkBudgetLimits`. */
  budget?: WorkBudgetLimits;
  /** Overrides the app's locale for dates and numbers. */
  locale?: string;
  /** An IANA time zone for times and for the days of the date filters. Default: the viewer's. */
  timeZone?: string;
  /**
   * The most entries an export of a server-side log reads (`readWholeLog`). Default
   * 100,000: past it the export says how many it left out ("Exported the first 100,000 of
   * 2,300,000 entries").
   */
  exportLimit?: number;
}

/** What the filter controls offer, from the entries read. */
export interface AuditLogFilterChoices {
  /** The actions in the log, sorted. */
  actions: string[];
  /** The authors in the log: `value` to filter with (id, else name, else email), `label` to show. */
  authors: { value: string; label: string }[];
  /** Field paths the entries changed (two levels deep, from their described changes: hidden fields never), sorted. */
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
  /**
   * The labels of referenced records (`fields[…].reference`), resolved for every row read
   * at once. Diffs rendered inside read it through `ReferenceLookupContext` (the component
   * provides it; with the hook alone, provide it yourself).
   */
  references: ReferenceLookup | undefined;
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
   * How many entries were read, how many of them match the filters (`matching`), and how
   * many more are shown only because they may match a changed-field filter (`possible`:
   * they wrote the field without a recorded earlier value). The rows are `matching +
   * possible`. With a provider that pages and has more (`hasMoreOnServer`), all count the
   * pages read so far only.
   */
  counts: { read: number; matching: number; possible: number };
  /**
   * How an entry relates to the changed-field filter: `"changed"`, `"possible"` (written
   * without a recorded earlier value), or `undefined` when no field filter is set.
   * @selector `[data-part="row"][data-match="possible"]`
   */
  getFieldMatch: (entry: AuditLogEntry) => Exclude<FieldMatch, false> | undefined;
  /** The provider has more entries than were read so far (also while the next page is on its way). */
  hasMoreOnServer: boolean;
  /** A page is on its way from the provider. */
  isLoadingMore: boolean;
  /** The request cap was reached while the provider still had more: the rows are not the whole log. */
  isTruncated: boolean;
  /**
   * The provider applied the query (server-side answers, see `AuditLogQuery`): the rows
   * are one page of the server's, sorted and filtered by it; `counts.matching` is its
   * `total`; any page is one request away; only columns the server sorts by are sortable.
   */
  isServerSide: boolean;
  /** A server-side page (or sort, or filter) is on its way: the previous rows stay meanwhile (`aria-busy` on the table). */
  isLoadingPage: boolean;
  /** Why the provider's answer may be incomplete; show it (`getAuditLogProblemText`). */
  problem: AuditLogAnswerProblem | undefined;
  /** Server-side: changed fields of the filters that were not sent (see `useAuditLogEntries`); the table says so (`filter-note`). */
  refusedFields: string[];
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
   * CSV, formulas made inert, read from the described entries only (the policy applied).
   * By default one row per entry: the visible columns under their own headers, the
   * summary whole. `{ rows: "changes" }`: one row per changed field (time, author, action,
   * record, name, field, path, change, before, after, earlier value recorded / inferred /
   * not recorded). Entries a paging provider has not sent yet are not in it (see `hasMoreOnServer`).
   */
  exportCsv: (options?: AuditLogCsvExportOptions) => AuditLogExport;
  /** The same rows as JSON, with their described changes whole; hidden fields left out, redacted values "(hidden)". */
  exportJson: (options?: Pick<AuditLogCsvExportOptions, "entries">) => AuditLogExport;
  /**
   * Server-side logs: reads the whole filtered, sorted log from the provider, page after
   * page (200 rows each), up to `exportLimit` entries; give its `entries` to `exportCsv` /
   * `exportJson`. Rejects when cancelled (`cancelExport`) or when a page fails.
   *
   * @example
   * const { entries, total } = await log.readWholeLog();
   * downloadExport(log.exportCsv({ entries }));
   */
  readWholeLog: () => Promise<AuditLogExportRead>;
  /** Stops `readWholeLog`. */
  cancelExport: () => void;
  /** While `readWholeLog` reads: entries read, the server's total, the limit. */
  exportProgress: AuditLogExportProgress | undefined;
  t: AuditTranslate;
  locale: string | undefined;
  formatters: TimelineFormatters;
  /** The root: `data-state`, `aria-busy` while loading. */
  getRootProps: <P extends ElementProps>(props?: P) => AuditLogTablePartProps<P>;
  /** The `<table>`: `aria-label` ("Audit log"), `aria-busy` while loading or filtering; `data-stale` while a server-side page is on its way (its rows are the previous page's). */
  getTableProps: <P extends ElementProps>(props?: P) => AuditLogTablePartProps<P>;
  /** A column header `<th>`: `scope`, `data-column`, `aria-sort` when sorted. */
  getHeaderProps: <P extends ElementProps>(header: AuditLogTableHeader, props?: P) => AuditLogTablePartProps<P>;
  /** The sort `<button>` in a sortable header: `data-sort="asc" | "desc"`, toggles the sorting. */
  getSortProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(header: AuditLogTableHeader, props?: P) => AuditLogTablePartProps<P>;
  /** A row `<tr>`: `data-action`, `data-log-id`, `data-state`, `data-bulk`, `data-named`, `data-match`. */
  getRowProps: <P extends ElementProps>(row: AuditLogTableRow, props?: P) => AuditLogTablePartProps<P>;
  /** A cell `<td>`: `data-column` (the summary cell's `id` describes the row's toggle). */
  getCellProps: <P extends ElementProps>(cell: AuditLogTableCell, props?: P) => AuditLogTablePartProps<P>;
  /** The row's "Show changes" `<button>`: `aria-expanded`, `aria-controls`, `aria-describedby` (the summary), a label as `children`. */
  getToggleProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(row: AuditLogTableRow, props?: P) => AuditLogTablePartProps<P>;
  /** The `<tr>` under an open row holding its diff: `id` (the toggle's `aria-controls`). */
  getDetailProps: <P extends ElementProps>(row: AuditLogTableRow, props?: P) => AuditLogTablePartProps<P>;
  /** A part with no behaviour of its own (`toolbar`, `status`, `empty`, `pagination`…). */
  getPartProps: <P extends ElementProps>(part: AuditLogTablePart, props?: P) => AuditLogTablePartProps<P>;
}

/** Options of `exportCsv`. */
export interface AuditLogCsvExportOptions {
  /** `"entries"` (default): one row per entry. `"changes"`: one row per changed field. */
  rows?: "entries" | "changes";
  /** The entries to export (`readWholeLog`'s), in their order. Default: the table's filtered rows. */
  entries?: readonly AuditLogEntry[];
}

type ElementProps = HTMLAttributes<HTMLElement> & DataAttributes;

/** What a props getter returns: your props merged over the kit's, with its data attributes. */
export type AuditLogTablePartProps<P> = P & DataAttributes;
/** A row of the table instance. */
export type AuditLogTableRow = Row<AuditLogTableFeatures, AuditLogEntry>;
/** A header of the table instance. */
export type AuditLogTableHeader = Header<AuditLogTableFeatures, AuditLogEntry, any>;
/** A cell of the table instance. */
export type AuditLogTableCell = Cell<AuditLogTableFeatures, AuditLogEntry, any>;

/**
 * Every option of {@link useAuditLogTable}, declared once (checked complete at compile
 * time): `<AuditLogTable>` splits its props with it, so no option reaches the DOM.
 */
export const auditLogTableOptionKeys = defineOptionKeys<UseAuditLogTableOptions>()([
  "resource",
  "id",
  "live",
  "meta",
  "requestPageSize",
  "filters",
  "defaultFilters",
  "onFiltersChange",
  "initialState",
  "tableOptions",
  "columns",
  "renderName",
  "ignore",
  "idField",
  "fields",
  "budget",
  "locale",
  "timeZone",
  "exportLimit",
]);

/** The contract's sort field of each default column (server-side answers): the others cannot be sorted then. */
const SERVER_SORT_FIELDS: Record<string, AuditLogSortField> = { time: "createdAt", author: "author", action: "action", record: "id", name: "name" };
// Filters typed into the toolbar reach a server-side provider once typing pauses.
const SERVER_FILTER_DELAY = 300;
// Choices of a server-side log, gathered from the pages seen: a hint, bounded.
const MAX_SEEN_CHOICES = 200;

const DEFAULT_SORTING = [{ id: "time", desc: true }];
const DEFAULT_PAGINATION = { pageIndex: 0, pageSize: 25 };
// Field suggestions are read from this many entries: a hint, not an index.
const FIELD_SCAN_ENTRIES = 1000;

/** `audit-log-<resource>-<the viewer's (or the time zone's) day>.<extension>`, safe for any file system. */
const toFileName = (resource: string, extension: string, timeZone: string | undefined) =>
  `audit-log-${resource.replace(/[^\w-]+/g, "_").slice(0, 60) || "log"}-${toDayKey(new Date(), { timeZone })}.${extension}`;

const DEFAULT_COLUMN_IDS = new Set<string>(AUDIT_LOG_COLUMN_IDS);
const merge = <P extends object>(own: object, props: P | undefined) => mergeProps(own, props) as AuditLogTablePartProps<P>;
const attrs = (part: AuditLogTablePart): DataAttributes => auditLogTableAnatomy.attrs(part);

/**
 * The headless audit log table: reads a resource's log (or one record's) through
 * `useAuditLogEntries`, each entry through the same pipeline as the timeline
 * (`useAuditEntryDescriber`: the policy `fields` / `ignore` and the work `budget` applied
 * once, for summaries, filters, search, field suggestions and exports), and returns a
 * TanStack Table 9 instance with sorting, pagination, column visibility and row
 * expansion, plus filters, their choices, CSV / JSON exports of the filtered rows, and a
 * props getter per part of the markup contract (`getRootProps`, `getTableProps`,
 * `getHeaderProps`, `getSortProps`, `getRowProps`, `getCellProps`, `getToggleProps`,
 * `getDetailProps`). Render `table` with any table components; `<AuditLogTable>` is the
 * kit's own rendering.
 *
 * Work is bounded for large logs: past 2,000 entries, filters apply in slices between
 * frames (typing stays responsive; the previous rows stay meanwhile, `isFiltering`), each
 * entry is read once per policy (cached), and field suggestions read the first 1,000 entries.
 *
 * @example
 * const log = useAuditLogTable({ resource: "users", fields: { password: { redact: true } } });
 * return (
 *   <table {...log.getTableProps()}>
 *     <tbody>
 *       {log.table.getRowModel().rows.map((row) => (
 *         <tr key={row.id} {...log.getRowProps(row)}>
 *           {row.getVisibleCells().map((cell) => (
 *             <td key={cell.id} {...log.getCellProps(cell)}><log.table.FlexRender cell={cell} /></td>
 *           ))}
 *         </tr>
 *       ))}
 *     </tbody>
 *   </table>
 * );
 */
export function useAuditLogTable(options: UseAuditLogTableOptions): UseAuditLogTableResult {
  const { resource, id, live, meta, idField, ignore, timeZone, renderName } = options;
  const { onFiltersChange } = options;
  const [filters, setFilters] = useControllableState<AuditLogFilters>({
    value: options.filters,
    defaultValue: options.defaultFilters ?? {},
    onChange: onFiltersChange,
  });
  const filterKey = JSON.stringify(canonicalizeFilters(filters) ?? null);
  const [serverFilters, setServerFilters] = useState(filters);
  useEffect(() => {
    const timer = setTimeout(() => setServerFilters(filters), SERVER_FILTER_DELAY);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterKey]);
  // The table's sorting and page, as the last render left them: what a server-side provider is asked for.
  const [viewKey, setViewKey] = useState(() =>
    JSON.stringify([options.tableOptions?.state?.sorting ?? options.initialState?.sorting ?? DEFAULT_SORTING, options.tableOptions?.state?.pagination ?? options.initialState?.pagination ?? DEFAULT_PAGINATION]),
  );
  const [viewSorting, viewPagination] = JSON.parse(viewKey) as [{ id: string; desc: boolean }[], { pageIndex: number; pageSize: number }];
  const sorters = viewSorting.flatMap(({ id: column, desc }): AuditLogSorter[] => (SERVER_SORT_FIELDS[column] ? [{ field: SERVER_SORT_FIELDS[column], order: desc ? "desc" : "asc" }] : []));
  const log = useAuditLogEntries({
    resource,
    id,
    live,
    meta,
    pageSize: options.requestPageSize ?? 100,
    fields: options.fields,
    timeZone,
    query: { filters: serverFilters, sorters, page: { currentPage: viewPagination.pageIndex + 1, pageSize: viewPagination.pageSize } },
  });
  const isServerSide = log.isServerSide;
  const { describe, reader, t, locale, formatters, fields, references } = useAuditEntryDescriber({
    allEntries: log.allEntries,
    recordId: id,
    idField,
    ignore,
    fields: options.fields,
    budget: options.budget,
    locale: options.locale,
    timeZone,
    replay: log.canReplay,
  });

  // Filtering a large log takes a moment: the controls update at once, the rows follow,
  // filtered in slices between frames (the previous rows stay meanwhile, `isFiltering`).
  // A changed-field filter keeps entries that may have changed the field (no recorded
  // earlier value): they are shown, marked, and not counted as matches.
  // A server-side answer is never filtered again.
  const client = useFilteredEntries({ entries: log.entries, filters, timeZone: formatters.timeZone, reader, applied: isServerSide });
  const { entries: filtered, isPending: isFiltering, getFieldMatch } = client;
  const isFiltered = filterKey !== "null";
  const possibleCount = useMemo(() => filtered.reduce((count, entry) => count + (getFieldMatch(entry) === "possible" ? 1 : 0), 0), [filtered, getFieldMatch]);

  const userColumns = options.columns;
  const columns = useMemo(() => {
    const defaults = createAuditLogColumns({ resource, describe, t, formatters, renderName });
    const chosen = options.tableOptions?.columns ?? (userColumns ? userColumns(defaults) : defaults);
    // Server-side, a column sorts only when the server can sort by it.
    return isServerSide ? chosen.map((column) => (column.id && SERVER_SORT_FIELDS[column.id] ? column : { ...column, enableSorting: false })) : chosen;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resource, describe, t, formatters, renderName, userColumns, options.tableOptions?.columns, isServerSide]);

  const total = log.total;
  const serverRows = log.entries.length;
  const table = useTable({
    autoResetPageIndex: false,
    autoResetExpanded: false,
    ...options.tableOptions,
    ...(isServerSide
      ? {
          manualSorting: true,
          manualPagination: true,
          // Without a total: one more page while the log says there is one (its page was full).
          ...(total === null ? { pageCount: viewPagination.pageIndex + (log.hasNextPage ? 2 : 1) } : { rowCount: total }),
        }
      : {}),
    features: auditLogTableFeatures,
    columns,
    data: filtered,
    getRowId: (entry) => String(entry.id),
    getRowCanExpand: options.tableOptions?.getRowCanExpand ?? (() => true),
    initialState: { sorting: DEFAULT_SORTING, pagination: DEFAULT_PAGINATION, ...options.initialState },
  });

  // New filters (and, server-side, a new order) start from the first page; a shorter list
  // never leaves the page past its end.
  const sortingKey = JSON.stringify(table.state.sorting);
  const orderKey = isServerSide ? `${filterKey}\u0000${sortingKey}` : filterKey;
  const appliedOrderKey = useRef(orderKey);
  const pageCount = table.getPageCount();
  const { pageIndex } = table.state.pagination;
  useEffect(() => {
    if (appliedOrderKey.current !== orderKey) {
      appliedOrderKey.current = orderKey;
      if (pageIndex !== 0) table.setPageIndex(0);
    } else if (pageIndex > 0 && pageCount >= 0 && pageIndex >= pageCount) {
      table.setPageIndex(Math.max(0, pageCount - 1));
    }
  }, [orderKey, pageIndex, pageCount, table]);
  const nextViewKey = JSON.stringify([table.state.sorting, table.state.pagination]);
  useEffect(() => setViewKey(nextViewKey), [nextViewKey]);

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
    else if (hasNextPage && !isFetchingNextPage && !isServerSide) {
      setPendingNext(true);
      fetchNextPage();
    }
  }, [table, hasNextPage, isFetchingNextPage, fetchNextPage, isServerSide]);

  // Server-side, the choices gather what the pages seen held (one page alone offers little).
  const seen = useRef({ scope: "", actions: new Set<string>(), authors: new Map<string, string>() });
  const choices = useMemo<AuditLogFilterChoices>(() => {
    const scope = `${resource}\u0000${String(id)}`;
    if (!isServerSide || seen.current.scope !== scope) seen.current = { scope, actions: new Set(), authors: new Map() };
    const { actions, authors } = seen.current;
    for (const entry of log.entries) {
      if (actions.size >= MAX_SEEN_CHOICES || authors.size >= MAX_SEEN_CHOICES) break;
      actions.add(entry.action);
      const author = entry.author;
      const value = author?.id !== undefined ? String(author.id) : (author?.name ?? author?.email);
      if (value !== undefined && !authors.has(value)) authors.set(value, getAuthorLabel(author) ?? value);
    }
    // From the described changes: what the entries changed, the policy applied (a hidden field never shows).
    const changed = new Set<string>();
    for (const entry of log.entries.slice(0, FIELD_SCAN_ENTRIES)) for (const path of getChangedFieldPaths({ entry, changes: reader.getChanges(entry) })) changed.add(path);
    return {
      actions: [...actions].sort(),
      authors: [...authors].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, formatters.locale)),
      fields: [...changed].sort(),
    };
  }, [log.entries, reader, formatters.locale, isServerSide, resource, id]);

  const exportDescriptions = useCallback(
    (entries?: readonly AuditLogEntry[]) => (entries ?? table.getPrePaginatedRowModel().rows.map((row) => row.original)).map(describe),
    [table, describe],
  );

  const exportCsv = useCallback(
    (exportOptions: AuditLogCsvExportOptions = {}): AuditLogExport => {
      const descriptions = exportDescriptions(exportOptions.entries);
      let text: string;
      if (exportOptions.rows === "changes") text = toChangesCsv(descriptions, { fields, t, references, locale: formatters.locale });
      else {
        const columns = table.getVisibleLeafColumns().map((column): EntryExportColumn => {
          const header = getColumnHeaderText(column, t);
          if (DEFAULT_COLUMN_IDS.has(column.id)) return { id: column.id, header };
          return {
            id: column.id,
            header,
            // A column of yours: its accessor value, when it is plain.
            getValue: (entry): ExportCell => {
              // Read from the entry itself (a whole-log export holds entries of no page), a throwing accessor giving "".
              let value: unknown;
              try {
                value = column.accessorFn?.(entry, 0);
              } catch {
                value = undefined;
              }
              const type = getValueType(value);
              return type === "string" || type === "number" || type === "boolean" ? (value as ExportCell) : "";
            },
          };
        });
        text = toEntriesCsv(descriptions, columns);
      }
      return { text, fileName: toFileName(resource, "csv", formatters.timeZone), mimeType: "text/csv;charset=utf-8", count: descriptions.length };
    },
    [exportDescriptions, table, t, fields, resource, formatters.timeZone, formatters.locale, references],
  );

  const exportJson = useCallback(({ entries }: Pick<AuditLogCsvExportOptions, "entries"> = {}): AuditLogExport => {
    const descriptions = exportDescriptions(entries);
    const visible = new Set(table.getVisibleLeafColumns().map((column) => column.id));
    return {
      text: toEntriesJson(descriptions, visible, { fields, t, references, locale: formatters.locale }),
      fileName: toFileName(resource, "json", formatters.timeZone),
      mimeType: "application/json",
      count: descriptions.length,
    };
  }, [exportDescriptions, table, resource, formatters.timeZone, formatters.locale, fields, t, references]);

  const exporter = useServerAuditLogExport({ resource, id, requestMeta: log.requestMeta, limit: options.exportLimit ?? 100_000, matchesNothing: log.matchesNothing });

  const baseId = useId();
  const domId = (row: AuditLogTableRow, suffix: string) => `${baseId}-r${row.index}-${suffix}`;
  const isSummaryVisible = table.getVisibleLeafColumns().some((column) => column.id === "summary");
  const { state } = log;
  const isLoadingPage = isServerSide && (log.isPreviousData || (state === "ready" && log.isFetching && serverRows === 0 && !log.pageError));

  return {
    table,
    state,
    error: log.error,
    loadMoreError: log.pageError,
    malformed: log.malformed,
    filters,
    setFilters,
    isFiltered,
    isFiltering,
    choices,
    counts: isServerSide
      ? { read: serverRows, matching: total ?? viewPagination.pageIndex * viewPagination.pageSize + serverRows, possible: 0 }
      : { read: log.entries.length, matching: filtered.length - possibleCount, possible: possibleCount },
    getFieldMatch,
    hasMoreOnServer: isServerSide ? total === null && canNextPageRead : hasNextPage,
    isLoadingMore: isFetchingNextPage,
    isTruncated: log.isTruncated,
    isServerSide,
    isLoadingPage,
    problem: log.problem,
    refusedFields: log.refusedFields,
    nextPage,
    canNextPage: canNextPageRead || (hasNextPage && !isServerSide),
    retry: log.retry,
    describe,
    exportCsv,
    exportJson,
    readWholeLog: exporter.read,
    cancelExport: exporter.cancel,
    exportProgress: exporter.progress,
    t,
    locale,
    formatters,
    references,
    getRootProps: (props) => merge({ ...attrs(parts.root), "data-state": state, "aria-busy": state === "loading" || undefined }, props),
    getTableProps: (props) =>
      merge(
        {
          ...attrs(parts.table),
          "aria-label": t("auditLog.table.label", "Audit log"),
          "aria-busy": state === "loading" || isFiltering || isLoadingPage || undefined,
          "data-stale": isLoadingPage ? "" : undefined,
        },
        props,
      ),
    getHeaderProps: (header, props) => {
      const sorted = header.column.getIsSorted();
      return merge(
        {
          ...attrs(parts.header),
          scope: "col",
          "data-column": header.column.id,
          "aria-sort": sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined,
        },
        props,
      );
    },
    getSortProps: (header, props) =>
      merge(
        {
          ...attrs(parts.sort),
          type: "button" as const,
          "data-sort": header.column.getIsSorted() || undefined,
          onClick: header.column.getToggleSortingHandler(),
        },
        props,
      ),
    getRowProps: (row, props) => {
      const entry = row.original;
      return merge(
        {
          ...attrs(parts.row),
          "data-action": entry.action,
          "data-log-id": row.id,
          "data-state": row.getIsExpanded() ? "open" : "closed",
          "data-bulk": isBulkAction(entry.action) ? "" : undefined,
          "data-named": entry.name !== undefined ? "" : undefined,
          "data-match": getFieldMatch(entry),
        },
        props,
      );
    },
    getCellProps: (cell, props) =>
      merge({ ...attrs(parts.cell), "data-column": cell.column.id, id: cell.column.id === "summary" ? domId(cell.row, "summary") : undefined }, props),
    getToggleProps: (row, props) => {
      const isOpen = row.getIsExpanded();
      return merge(
        {
          ...attrs(parts.toggle),
          type: "button" as const,
          "aria-expanded": isOpen,
          "aria-controls": isOpen ? domId(row, "detail") : undefined,
          // Described by the row's summary, so "Show changes" says which changes.
          "aria-describedby": isSummaryVisible ? domId(row, "summary") : undefined,
          "data-state": isOpen ? "open" : "closed",
          onClick: () => row.toggleExpanded(),
          children: isOpen ? t("auditLog.table.hideChanges", "Hide changes") : t("auditLog.table.showChanges", "Show changes"),
        },
        props,
      );
    },
    getDetailProps: (row, props) => merge({ ...attrs(parts.detail), id: domId(row, "detail") }, props),
    getPartProps: (part, props) => merge(attrs(part), props),
  };
}
