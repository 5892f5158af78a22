import { Fragment, useId, useState, type HTMLAttributes, type ReactNode } from "react";
import type { AuditLogFilters } from "../core/filterEntries";
import type { AuditLogEntry } from "../core/normalizeLog";
import { RecordDiff, type RecordDiffProps } from "../record-diff/RecordDiff";
import { VisuallyHidden } from "../record-diff/VisuallyHidden";
import { describeUnreadableRow } from "../shared/describeUnreadableRow";
import { formatNumber } from "../shared/intl";
import { plural } from "../shared/plural";
import { getColumnLabel } from "./auditLogColumns";
import { AUDIT_LOG_TABLE_SCOPE, auditLogTableParts as parts, type AuditLogTablePart } from "./parts";
import { useAuditLogTable, type AuditLogExport, type UseAuditLogTableOptions, type UseAuditLogTableResult } from "./useAuditLogTable";

/** Props of {@link AuditLogTable}: the hook's options, the diff's props, and the root `<div>`'s attributes. */
export interface AuditLogTableProps extends UseAuditLogTableOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof UseAuditLogTableOptions | "children" | "defaultValue"> {
  /** Props for each row's `<RecordDiff>` (`fields` also applies to summaries, searches and exports). */
  diffProps?: Omit<RecordDiffProps, "changes" | "log" | "data" | "previousData" | "ignore" | "getItemId" | "minTextDiffLength">;
  /** The page sizes offered. Default `[10, 25, 50, 100]`. */
  pageSizes?: readonly number[];
  /** The table's accessible name. Default "Audit log". */
  label?: string;
}

const part = (name: AuditLogTablePart) => ({ "data-scope": AUDIT_LOG_TABLE_SCOPE, "data-part": name });

function download(file: AuditLogExport) {
  const url = URL.createObjectURL(new Blob([file.mimeType.startsWith("text/csv") ? "\ufeff" : "", file.text], { type: file.mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Filters({ result }: { result: UseAuditLogTableResult }) {
  const { t, filters, setFilters, choices } = result;
  const fieldListId = useId();
  const one = (value: AuditLogFilters["action"] | AuditLogFilters["author"]) => (Array.isArray(value) ? String(value[0] ?? "") : value === undefined ? "" : String(value));
  const update = (patch: Partial<AuditLogFilters>) =>
    setFilters((current) => {
      const next: AuditLogFilters = { ...current, ...patch };
      for (const key of Object.keys(patch) as (keyof AuditLogFilters)[]) if (next[key] === "" || next[key] === undefined) delete next[key];
      return next;
    });
  const asDay = (value: AuditLogFilters["from"]) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : "");
  return (
    <div {...part(parts.filters)} role="group" aria-label={t("auditLog.table.filters", "Filters")}>
      <label {...part(parts.filter)} data-filter="action">
        {t("auditLog.table.filter.action", "Action")}{" "}
        <select value={one(filters.action)} onChange={(event) => update({ action: event.target.value || undefined })}>
          <option value="">{t("auditLog.table.filter.allActions", "All actions")}</option>
          {choices.actions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </label>
      <label {...part(parts.filter)} data-filter="author">
        {t("auditLog.table.filter.author", "Author")}{" "}
        <select value={one(filters.author)} onChange={(event) => update({ author: event.target.value || undefined })}>
          <option value="">{t("auditLog.table.filter.allAuthors", "All authors")}</option>
          {choices.authors.map((author) => (
            <option key={author.value} value={author.value}>
              {author.label}
            </option>
          ))}
        </select>
      </label>
      <label {...part(parts.filter)} data-filter="from">
        {t("auditLog.table.filter.from", "From")}{" "}
        <input type="date" value={asDay(filters.from)} max={asDay(filters.to) || undefined} onChange={(event) => update({ from: event.target.value || undefined })} />
      </label>
      <label {...part(parts.filter)} data-filter="to">
        {t("auditLog.table.filter.to", "To")}{" "}
        <input type="date" value={asDay(filters.to)} min={asDay(filters.from) || undefined} onChange={(event) => update({ to: event.target.value || undefined })} />
      </label>
      <label {...part(parts.filter)} data-filter="field">
        {t("auditLog.table.filter.field", "Changed field")}{" "}
        <input
          type="text"
          list={fieldListId}
          value={one(filters.field as string | string[] | undefined)}
          placeholder={t("auditLog.table.filter.fieldPlaceholder", "e.g. price")}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => update({ field: event.target.value || undefined })}
        />
        <datalist id={fieldListId}>
          {choices.fields.map((field) => (
            <option key={field} value={field} />
          ))}
        </datalist>
      </label>
      <label {...part(parts.filter)} data-filter="search">
        {t("auditLog.table.filter.search", "Search")}{" "}
        <input
          type="search"
          value={filters.search ?? ""}
          placeholder={t("auditLog.table.filter.searchPlaceholder", "Names and values")}
          onChange={(event) => update({ search: event.target.value || undefined })}
        />
      </label>
      {result.isFiltered && (
        <button {...part(parts.clearFilters)} type="button" onClick={() => setFilters({})}>
          {t("auditLog.table.clearFilters", "Clear filters")}
        </button>
      )}
    </div>
  );
}

function ColumnMenu({ result }: { result: UseAuditLogTableResult }) {
  const { table, t } = result;
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  const visibleCount = columns.filter((column) => column.getIsVisible()).length;
  return (
    <details {...part(parts.columns)}>
      <summary>{t("auditLog.table.columns", "Columns")}</summary>
      <fieldset>
        <legend>{t("auditLog.table.columnsLegend", "Columns to show")}</legend>
        {columns.map((column) => (
          <label key={column.id}>
            <input
              type="checkbox"
              checked={column.getIsVisible()}
              // The last visible column stays: a table with no columns shows nothing at all.
              disabled={column.getIsVisible() && visibleCount === 1}
              onChange={(event) => column.toggleVisibility(event.target.checked)}
            />{" "}
            {getColumnLabel(column.id, t)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/**
 * A resource's audit log as a table (or one record's, with `id`), on TanStack Table:
 * time, author, action, record, name (renamed in place) and a summary of the changes;
 * sortable headers; filters for action, author, date range, changed field and free text;
 * column visibility; pages (the entries read, and the provider's next page when it
 * pages); each row opens its `<RecordDiff>`; CSV and JSON exports of the filtered rows
 * (formulas made inert, hidden and redacted values left out). It reads, filters and
 * summarises entries exactly as `<AuditTimeline>` does.
 *
 * Markup (unstyled; see `auditLogTableParts`; every part has `data-scope="audit-log-table"` too):
 * root `data-part="root"` with `data-state`; `filters` (each `filter` with `data-filter`),
 * `clear-filters`, `columns`, `export` (`data-format`), `status`, `<table data-part="table">`
 * with `header` / `sort`, `<tr data-part="row" data-action data-log-id data-state>` and
 * `cell` (`data-column`), `toggle`, `detail`; `pagination` with `page-button`
 * (`data-page`), `page-info`, `page-size`; `empty`, `error` + `retry`, `unconfigured`,
 * `skeleton`, `malformed`, `truncated`.
 *
 * For other table components (Ant Design, MUI…), use {@link useAuditLogTable}.
 *
 * @example
 * <AuditLogTable resource="products" />
 * <AuditLogTable resource="products" defaultFilters={{ action: "update" }} diffProps={{ fields: { password: { redact: true } } }} />
 */
export function AuditLogTable(props: AuditLogTableProps) {
  const {
    resource,
    id,
    live,
    meta,
    requestPageSize,
    filters,
    defaultFilters,
    onFiltersChange,
    initialState,
    tableOptions,
    columns,
    renderName,
    ignore,
    idField,
    locale,
    timeZone,
    diffProps,
    pageSizes = [10, 25, 50, 100],
    label,
    ...rootProps
  } = props;
  const result = useAuditLogTable({
    resource,
    id,
    live,
    meta,
    requestPageSize,
    filters,
    defaultFilters,
    onFiltersChange,
    initialState,
    tableOptions,
    columns,
    renderName,
    ignore,
    idField,
    fields: diffProps?.fields,
    locale,
    timeZone,
  });
  const { table, t, state, formatters } = result;
  const baseId = useId();
  const [exportMessage, setExportMessage] = useState("");
  const number = (value: number) => formatNumber(value, formatters.locale);

  const runExport = (format: "csv" | "json") => {
    try {
      const file = format === "csv" ? result.exportCsv() : result.exportJson();
      download(file);
      const done = plural(t, formatters.locale, "auditLog.table.exported", file.count, "Exported {count} entry to {file}", "Exported {count} entries to {file}", {
        file: file.fileName,
      });
      setExportMessage(
        result.hasMoreOnServer ? `${done} ${t("auditLog.table.exportedPartly", "(the entries read so far; the log holds more)")}` : done,
      );
    } catch (error) {
      setExportMessage(t("auditLog.table.exportFailed", "The export failed: {message}", { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  let body: ReactNode;
  if (state === "unconfigured") {
    body = (
      <p {...part(parts.unconfigured)}>
        {t(
          "auditLog.table.unconfigured",
          "No audit log provider is configured, so there is no history to show. Pass an auditLogProvider with a get method to <Refine>.",
        )}
      </p>
    );
  } else if (state === "error") {
    const message = result.error?.message;
    body = (
      <div {...part(parts.error)} role="alert">
        <p>
          {message
            ? t("auditLog.table.errorWithMessage", "The audit log could not be loaded: {message}", { message })
            : t("auditLog.table.error", "The audit log could not be loaded.")}
        </p>
        <button {...part(parts.retry)} type="button" onClick={result.retry}>
          {t("auditLog.table.retry", "Try again")}
        </button>
      </div>
    );
  } else if (state === "empty") {
    body = <p {...part(parts.empty)}>{t("auditLog.table.empty", "No changes recorded yet")}</p>;
  } else {
    const headerGroups = table.getHeaderGroups();
    const rows = table.getRowModel().rows;
    const columnCount = table.getVisibleLeafColumns().length + 1;
    const { pageIndex, pageSize } = table.state.pagination;
    const pageCount = Math.max(1, table.getPageCount());
    const first = result.counts.matching === 0 ? 0 : pageIndex * pageSize + 1;
    const last = Math.min(result.counts.matching, (pageIndex + 1) * pageSize);
    body = (
      <>
        <div {...part(parts.toolbar)}>
          <Filters result={result} />
          <ColumnMenu result={result} />
          <button {...part(parts.export)} data-format="csv" type="button" onClick={() => runExport("csv")} disabled={state !== "ready" || result.isFiltering}>
            {t("auditLog.table.exportCsv", "Export CSV")}
          </button>
          <button {...part(parts.export)} data-format="json" type="button" onClick={() => runExport("json")} disabled={state !== "ready" || result.isFiltering}>
            {t("auditLog.table.exportJson", "Export JSON")}
          </button>
        </div>
        <p {...part(parts.status)} role="status">
          {state === "loading"
            ? t("auditLog.table.loading", "Loading the audit log…")
            : result.isFiltered
              ? t("auditLog.table.showingFiltered", "Showing {first}–{last} of {matching} matching entries ({read} read)", {
                  first: number(first),
                  last: number(last),
                  matching: number(result.counts.matching),
                  read: number(result.counts.read),
                }) + (result.hasMoreOnServer ? ` ${t("auditLog.table.moreOnServer", "More entries are on the server: Next reads them.")}` : "")
              : t("auditLog.table.showing", "Showing {first}–{last} of {matching} entries", {
                  first: number(first),
                  last: number(last),
                  matching: number(result.counts.matching),
                })}
          {exportMessage && ` ${exportMessage}`}
        </p>
        <table {...part(parts.table)} aria-label={label ?? t("auditLog.table.label", "Audit log")} aria-busy={state === "loading" || result.isFiltering || undefined}>
          <thead>
            {headerGroups.map((group) => (
              <tr key={group.id}>
                <th {...part(parts.header)} scope="col" data-column="expand">
                  <VisuallyHidden>{t("auditLog.table.column.expand", "Details")}</VisuallyHidden>
                </th>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                  return (
                    <th
                      key={header.id}
                      {...part(parts.header)}
                      scope="col"
                      data-column={header.column.id}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button {...part(parts.sort)} type="button" data-sort={sorted || undefined} onClick={header.column.getToggleSortingHandler()}>
                          {content}
                          <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}</span>
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {state === "loading"
              ? [0, 1, 2].map((index) => (
                  <tr key={index} {...part(parts.skeleton)} aria-hidden="true">
                    <td colSpan={columnCount} />
                  </tr>
                ))
              : rows.map((row) => {
                  const entry: AuditLogEntry = row.original;
                  const isOpen = row.getIsExpanded();
                  const detailId = `${baseId}-${row.index}-detail`;
                  // The toggle is described by the row's summary, so "Show changes" says which changes.
                  const summaryId = `${baseId}-${row.index}-summary`;
                  const cells = row.getVisibleCells();
                  const hasSummary = cells.some((cell) => cell.column.id === "summary");
                  const description = result.describe(entry);
                  return (
                    <Fragment key={row.id}>
                      <tr
                        {...part(parts.row)}
                        data-action={entry.action}
                        data-log-id={row.id}
                        data-state={isOpen ? "open" : "closed"}
                        data-bulk={description.isBulk ? "" : undefined}
                        data-named={entry.name !== undefined ? "" : undefined}
                      >
                        <td {...part(parts.cell)} data-column="expand">
                          {description.hasChanges && (
                            <button
                              {...part(parts.toggle)}
                              type="button"
                              aria-expanded={isOpen}
                              aria-controls={isOpen ? detailId : undefined}
                              aria-describedby={hasSummary ? summaryId : undefined}
                              onClick={() => row.toggleExpanded()}
                            >
                              {isOpen ? t("auditLog.table.hideChanges", "Hide changes") : t("auditLog.table.showChanges", "Show changes")}
                            </button>
                          )}
                        </td>
                        {cells.map((cell) => (
                          <td key={cell.id} {...part(parts.cell)} data-column={cell.column.id} id={cell.column.id === "summary" ? summaryId : undefined}>
                            <table.FlexRender cell={cell} />
                          </td>
                        ))}
                      </tr>
                      {isOpen && (
                        <tr {...part(parts.detail)} id={detailId}>
                          <td colSpan={columnCount}>
                            <RecordDiff {...diffProps} changes={description.getChanges()} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
          </tbody>
        </table>
        {state === "ready" && result.counts.matching === 0 && (
          <p {...part(parts.empty)}>
            {t("auditLog.table.emptyFiltered", "No entries match these filters.")}{" "}
            {result.isFiltered && (
              <button {...part(parts.clearFilters)} type="button" onClick={() => result.setFilters({})}>
                {t("auditLog.table.clearFilters", "Clear filters")}
              </button>
            )}
          </p>
        )}
        <nav {...part(parts.pagination)} aria-label={t("auditLog.table.pagination", "Pages")}>
          <button {...part(parts.pageButton)} data-page="first" type="button" onClick={() => table.firstPage()} disabled={!table.getCanPreviousPage()}>
            {t("auditLog.table.firstPage", "First")}
          </button>
          <button {...part(parts.pageButton)} data-page="previous" type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            {t("auditLog.table.previousPage", "Previous")}
          </button>
          <span {...part(parts.pageInfo)}>
            {result.hasMoreOnServer
              ? t("auditLog.table.pageOfMore", "Page {page} of {count}+", { page: number(pageIndex + 1), count: number(pageCount) })
              : t("auditLog.table.pageOf", "Page {page} of {count}", { page: number(pageIndex + 1), count: number(pageCount) })}
          </span>
          <button
            {...part(parts.pageButton)}
            data-page="next"
            type="button"
            onClick={result.nextPage}
            disabled={!result.canNextPage}
            aria-busy={result.isLoadingMore || undefined}
          >
            {result.isLoadingMore ? t("auditLog.table.loadingMore", "Loading more…") : t("auditLog.table.nextPage", "Next")}
          </button>
          <button {...part(parts.pageButton)} data-page="last" type="button" onClick={() => table.lastPage()} disabled={!table.getCanNextPage()}>
            {t("auditLog.table.lastPage", "Last")}
          </button>
          <label>
            {t("auditLog.table.pageSize", "Rows per page")}{" "}
            <select {...part(parts.pageSize)} value={pageSize} onChange={(event) => table.setPageSize(Number(event.target.value))}>
              {[...new Set([...pageSizes, pageSize])]
                .sort((a, b) => a - b)
                .map((size) => (
                  <option key={size} value={size}>
                    {number(size)}
                  </option>
                ))}
            </select>
          </label>
        </nav>
        {result.loadMoreError && (
          <div {...part(parts.error)} role="alert">
            <p>{t("auditLog.table.loadMoreError", "More entries could not be loaded: {message}", { message: result.loadMoreError.message })}</p>
            <button {...part(parts.retry)} type="button" onClick={result.retry}>
              {t("auditLog.table.retry", "Try again")}
            </button>
          </div>
        )}
        {result.isTruncated && (
          <p {...part(parts.truncated)}>
            {t("auditLog.table.truncated", "The log holds more entries than were read; narrow it down (a record, a filter on the server) to see older ones.")}
          </p>
        )}
      </>
    );
  }

  const malformed = result.malformed;
  return (
    <div {...part(parts.root)} data-state={state} aria-busy={state === "loading" || undefined} {...rootProps}>
      {body}
      {malformed.length > 0 && (
        <details {...part(parts.malformed)}>
          <summary>
            {plural(t, formatters.locale, "auditLog.table.malformed", malformed.length, "{count} entry could not be read", "{count} entries could not be read")}
          </summary>
          <ul>
            {malformed.map((row) => {
              const identity = describeUnreadableRow(row.raw);
              return (
                <li key={row.key}>
                  {row.reason}
                  {identity && (
                    <>
                      {" "}
                      <code>{identity}</code>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </div>
  );
}
