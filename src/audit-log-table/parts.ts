import { createAnatomy } from "../shared/anatomy";

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
  /**
   * `<button>`s "Export CSV", "Export CSV (one row per change)" and "Export JSON";
   * `data-format="csv" | "json"`, `data-rows="entries" | "changes"`.
   */
  export: "export",
  /**
   * `<div>` while an export reads a whole server-side log: a `<progress>` (role
   * `progressbar`, "Reading the log for the export"), "1,200 of 40,000 entries read", and
   * `export-cancel`.
   */
  exportProgress: "export-progress",
  /** `<button>`: stops an export that is reading a server-side log ("Cancel export"). */
  exportCancel: "export-cancel",
  /** `<p role="status">`: "Showing 1–25 of 312 entries", "Loading…", the result of an export. */
  status: "status",
  /** The `<table>`: `aria-busy` while loading; `data-stale` while a server-side page is on its way (the previous page's rows stay). */
  table: "table",
  /** `<th>`: a column header; `aria-sort` when sorted. */
  header: "header",
  /** `<button>` in a sortable header: `data-sort="asc" | "desc"` when sorted. */
  sort: "sort",
  /**
   * `<tr>` for one log entry: `data-action="<action>"`, `data-log-id="<id>"`,
   * `data-state="open" | "closed" | "error"` (its diff; `error` when it could not be
   * rendered), `data-bulk`, `data-named` when they apply, and with a changed-field filter
   * `data-match="changed" | "possible"` (possible: written without a recorded earlier value).
   */
  row: "row",
  /** `<td>`: one cell; `data-column="<column id>"` (`time`, `author`, `action`, `record`, `name`, `summary`, `expand`). */
  cell: "cell",
  /** `<button aria-expanded aria-controls>`: shows or hides the row's diff ("Show changes"). */
  toggle: "toggle",
  /**
   * `<span>` in a row's first cell when a changed-field filter is set and the entry wrote
   * the field without a recorded earlier value: "may have changed: earlier value not
   * recorded". The row has `data-match="possible"` then (`"changed"` for a sure match).
   */
  possibleNote: "possible-note",
  /**
   * `<td role="alert">` in a row that could not be rendered (a custom cell threw):
   * "This entry could not be shown: {message}". Its `<tr data-part="row">` has
   * `data-state="error"`; the other rows render on.
   */
  rowError: "row-error",
  /** `<tr>` under an open row, holding its `<RecordDiff>` in one cell spanning the table. */
  detail: "detail",
  /** `<time dateTime title>`: an entry's time, compact ("May 1, 2024, 10:00 AM UTC"), the full date and time as its title; in the viewer's (or `timeZone`'s) zone. */
  time: "time",
  /** `<nav>`: paging controls. */
  pagination: "pagination",
  /** `<button>`s in the pagination: `data-page="first" | "previous" | "next" | "last"`, and `"go"` (the "Go to page" button of a server-side log). */
  pageButton: "page-button",
  /** `<span>`: "Page 2 of 13" (with "+" while the provider has more; server-side, from its `total`). */
  pageInfo: "page-info",
  /** `<select>`: rows per page. */
  pageSize: "page-size",
  /**
   * `<form>` in the pagination of a server-side log: "Go to page" with a number
   * `<input data-part="page-input">` (Enter or its button goes there).
   */
  pageJump: "page-jump",
  /** `<input type="number">`: the page to go to (server-side logs). */
  pageInput: "page-input",
  /**
   * `<p role="note">`: changed fields of the filters that were not sent to a server-side
   * provider, because a match could reveal what the `fields` policy keeps back.
   */
  filterNote: "filter-note",
  /**
   * `<p role="note">`: the provider's answer may be incomplete (rows out of order, more
   * rows than asked for, rows left out, a plain list that looks cut short); says which.
   */
  incomplete: "incomplete",
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

/**
 * The anatomy of `<AuditLogTable>` (scope and parts, see `createAnatomy`):
 * `auditLogTableAnatomy.attrs("row")`, `auditLogTableAnatomy.selector("row")`.
 */
export const auditLogTableAnatomy = /* @__PURE__ */ createAnatomy(AUDIT_LOG_TABLE_SCOPE, auditLogTableParts);
