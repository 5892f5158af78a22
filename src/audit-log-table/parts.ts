/**
 * The `data-scope` of every element `<AuditLogTable>` renders. Each element carries it
 * with its `data-part`, so selectors never reach into a nested `<RecordDiff>` or
 * `<RenameLogEntry>`: `[data-scope="audit-log-table"][data-part="row"]`.
 */
export const AUDIT_LOG_TABLE_SCOPE = "audit-log-table";

/**
 * Every `data-part` of `<AuditLogTable>`, declared once: markup, styles.css, tests and
 * stories use these names. Each element also has `data-scope="audit-log-table"`.
 */
export const auditLogTableParts = {
  /** The root `<div>`. `data-state="loading" | "error" | "empty" | "ready" | "unconfigured"`; `aria-busy` while loading. */
  root: "root",
  /** `<div>` above the table: filters, the column menu, the export buttons. */
  toolbar: "toolbar",
  /** `<div role="group">` of filter controls. */
  filters: "filters",
  /** `<label>` wrapping one filter control; `data-filter="action" | "author" | "from" | "to" | "field" | "search"`. */
  filter: "filter",
  /** `<button>`: clears every filter (shown while one is set). */
  clearFilters: "clear-filters",
  /** `<details>`: the column visibility menu ("Columns"), a checkbox per column. */
  columns: "columns",
  /** `<button>`s "Export CSV" and "Export JSON"; `data-format="csv" | "json"`. */
  export: "export",
  /** `<p role="status">`: "Showing 1–25 of 312 entries", "Loading…", the result of an export. */
  status: "status",
  /** The `<table>`. */
  table: "table",
  /** `<th>`: a column header; `aria-sort` when sorted. */
  header: "header",
  /** `<button>` in a sortable header: `data-sort="asc" | "desc"` when sorted. */
  sort: "sort",
  /**
   * `<tr>` for one log entry: `data-action="<action>"`, `data-log-id="<id>"`,
   * `data-state="open" | "closed"` (its diff), `data-bulk`, `data-named` when they apply.
   */
  row: "row",
  /** `<td>`: one cell; `data-column="<column id>"` (`time`, `author`, `action`, `record`, `name`, `summary`, `expand`). */
  cell: "cell",
  /** `<button aria-expanded aria-controls>`: shows or hides the row's diff ("Show changes"). */
  toggle: "toggle",
  /** `<tr>` under an open row, holding its `<RecordDiff>` in one cell spanning the table. */
  detail: "detail",
  /** `<time dateTime title>`: an entry's time, compact ("May 1, 2024, 10:00 AM UTC"), the full date and time as its title; in the viewer's (or `timeZone`'s) zone. */
  time: "time",
  /** `<nav>`: paging controls. */
  pagination: "pagination",
  /** `<button>`s in the pagination: `data-page="first" | "previous" | "next" | "last"`. */
  pageButton: "page-button",
  /** `<span>`: "Page 2 of 13" (with "+" while the provider has more). */
  pageInfo: "page-info",
  /** `<select>`: rows per page. */
  pageSize: "page-size",
  /** `<p>`: no entries, or none match the filters (with a button to clear them). */
  empty: "empty",
  /** `<div role="alert">`: the log could not be loaded (with `retry`). */
  error: "error",
  /** `<button>`: asks the provider again. */
  retry: "retry",
  /** `<p>`: no audit log provider is configured. */
  unconfigured: "unconfigured",
  /** `<tr aria-hidden>`: a placeholder row while loading. */
  skeleton: "skeleton",
  /** `<details>`: the rows the provider returned that could not be read, each as identifying JSON text. */
  malformed: "malformed",
  /** `<p>`: more history exists than the kit reads. */
  truncated: "truncated",
} as const;

/** A `data-part` name of `<AuditLogTable>`. */
export type AuditLogTablePart = (typeof auditLogTableParts)[keyof typeof auditLogTableParts];
