import { ReferenceLookupContext } from "../refine/useReferenceLabels";
import { getAuditLogProblemText, getRefusedFieldsText } from "../refine/getAuditLogProblemText";
import { getAuditLogStatusText } from "./statusText";
import { useState, type HTMLAttributes, type ReactNode } from "react";
import { formatNumber } from "../core/intl";
import { plural } from "../core/plural";
import { VisuallyHidden } from "../record-diff/VisuallyHidden";
import { describeUnreadableRow } from "../shared/describeUnreadableRow";
import { defineOptionKeys, splitProps } from "../shared/splitProps";
import { UnconfiguredRoot } from "../refine/UnconfiguredRoot";
import { useHasQueryClient } from "../refine/useHasQueryClient";
import { AuditLogTableColumnMenu } from "./AuditLogTableColumnMenu";
import { AuditLogTableFilters } from "./AuditLogTableFilters";
import { AuditLogTablePagination } from "./AuditLogTablePagination";
import { AuditLogTableRow, type AuditLogRowDiffProps } from "./AuditLogTableRow";
import { downloadExport } from "./downloadExport";
import { auditLogTableAnatomy, auditLogTableParts as parts } from "./parts";
import { auditLogTableOptionKeys, useAuditLogTable, type AuditLogCsvExportOptions, type UseAuditLogTableOptions, type UseAuditLogTableResult } from "./useAuditLogTable";

/** The props of {@link AuditLogTable} that are its own (not the hook's options, not the root's attributes). */
export interface AuditLogTableOwnProps {
  /**
   * Props for each row's `<RecordDiff>` (its view, page size, value renderer…). The table
   * passes it its changes and its own `fields`, `ignore`, `locale` and `timeZone`.
   *
   * @deprecated `diffProps.fields`: pass `fields` to the table (it applies to summaries,
   * filters, search, exports and diffs). Still read, only when `fields` is absent.
   */
  diffProps?: Omit<AuditLogRowDiffProps, "ignore">;
  /** The page sizes offered. Default `[10, 25, 50, 100]`. */
  pageSizes?: readonly number[];
  /** The table's accessible name. Default "Audit log". */
  label?: string;
}

/** The keys of {@link AuditLogTableOwnProps}, declared once. */
const ownPropKeys = defineOptionKeys<AuditLogTableOwnProps>()(["diffProps", "pageSizes", "label"]);

/** Props of {@link AuditLogTable}: the hook's options, its own props, and the root `<div>`'s attributes. */
export interface AuditLogTableProps
  extends UseAuditLogTableOptions,
    AuditLogTableOwnProps,
    Omit<HTMLAttributes<HTMLDivElement>, keyof UseAuditLogTableOptions | keyof AuditLogTableOwnProps | "children" | "defaultValue"> {}

const DEFAULT_PAGE_SIZES = [10, 25, 50, 100] as const;

type ExportKind = { format: "json" } | { format: "csv"; rows: NonNullable<AuditLogCsvExportOptions["rows"]> };

/**
 * A resource's audit log as a table (or one record's, with `id`), on TanStack Table:
 * time, author, action, record, name (renamed in place) and a summary of the changes;
 * sortable headers; filters for action, author, date range, changed field and free text;
 * column visibility; pages (the entries read, and the provider's next page when it
 * pages); each row opens its `<RecordDiff>`; CSV (one row per entry, or per change) and
 * JSON exports of the filtered rows (formulas made inert, hidden and redacted values left
 * out). It reads, filters and summarises entries exactly as `<AuditTimeline>` does, with
 * one policy (`fields`, `ignore`) and one work budget (`budget`) for all of it.
 *
 * Markup (unstyled; see `auditLogTableParts`; every part has `data-scope="audit-log-table"` too):
 * root `data-part="root"` with `data-state`; `filters` (each `filter` with `data-filter`),
 * `clear-filters`, `columns`, `export` (`data-format`, `data-rows`), `status`,
 * `<table data-part="table">` with `header` / `sort`, `<tr data-part="row" data-action
 * data-log-id data-state data-match>` and `cell` (`data-column`), `toggle`,
 * `possible-note`, `row-error`, `detail`; `pagination` with `page-button` (`data-page`),
 * `page-info`, `page-size`, and for a server-side log `page-jump` with `page-input`;
 * `empty`, `error` + `retry`, `unconfigured`, `skeleton`, `malformed`, `truncated`,
 * `incomplete` (the provider's answer may be incomplete).
 *
 * A provider that follows the query contract (its answer carries `total`) is paged,
 * sorted and filtered on the server: page N of M, any page one request away.
 *
 * For other table components (Ant Design, MUI…), use {@link useAuditLogTable} and its props getters.
 *
 * @example
 * <AuditLogTable resource="products" />
 * <AuditLogTable resource="users" defaultFilters={{ action: "update" }} fields={{ password: { redact: true } }} />
 */
export function AuditLogTable(props: AuditLogTableProps) {
  // Outside <Refine> (no QueryClient) Refine's hooks throw: say what is missing instead.
  if (!useHasQueryClient()) return <UnconfiguredTable {...props} />;
  return <ConnectedAuditLogTable {...props} />;
}

/** The table outside `<Refine>`: its root in the `unconfigured` state, with the message. */
function UnconfiguredTable(props: AuditLogTableProps) {
  const [options, rest] = splitProps(props, auditLogTableOptionKeys);
  const [, rootProps] = splitProps(rest, ownPropKeys);
  return <UnconfiguredRoot anatomy={auditLogTableAnatomy} messageKey="auditLog.table.unconfigured" rootProps={rootProps} locale={options.locale} />;
}

function ConnectedAuditLogTable(props: AuditLogTableProps) {
  const [options, rest] = splitProps(props, auditLogTableOptionKeys);
  const [own, rootProps] = splitProps(rest, ownPropKeys);
  const { diffProps, pageSizes = DEFAULT_PAGE_SIZES, label } = own;
  // `diffProps.fields` is the deprecated spelling of `fields`.
  const fields = options.fields ?? diffProps?.fields;
  const result = useAuditLogTable({ ...options, fields });
  const { t, state, formatters } = result;
  const [exportMessage, setExportMessage] = useState("");

  const runExport = async (kind: ExportKind) => {
    setExportMessage("");
    try {
      // A server-side log is read whole first (up to `exportLimit`), page after page.
      const whole = result.isServerSide ? await result.readWholeLog() : undefined;
      const file = kind.format === "csv" ? result.exportCsv({ rows: kind.rows, entries: whole?.entries }) : result.exportJson({ entries: whole?.entries });
      downloadExport(file);
      const params = { file: file.fileName, total: number(whole?.total ?? 0) };
      if (whole?.total && file.count < whole.total) {
        setExportMessage(t("auditLog.table.exportedFirst", "Exported the first {count} of {total} entries to {file}", { ...params, count: number(file.count) }));
        return;
      }
      const done = plural(t, formatters.locale, "auditLog.table.exported", file.count, "Exported {count} entry to {file}", "Exported {count} entries to {file}", params);
      setExportMessage(result.hasMoreOnServer && !whole ? `${done} ${t("auditLog.table.exportedPartly", "(the entries read so far; the log holds more)")}` : done);
    } catch (error) {
      if (error instanceof Error && error.name === "AbortError") return;
      setExportMessage(t("auditLog.table.exportFailed", "The export failed: {message}", { message: error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error) }));
    }
  };
  const number = (value: number) => formatNumber(value, formatters.locale);
  const progress = result.exportProgress;

  // No provider with a `get`: the same root and words as outside <Refine>.
  if (state === "unconfigured") return <UnconfiguredRoot anatomy={auditLogTableAnatomy} messageKey="auditLog.table.unconfigured" rootProps={rootProps} locale={options.locale} />;

  let body: ReactNode;
  if (state === "error") {
    const message = result.error?.message;
    body = (
      <div {...result.getPartProps(parts.error, { role: "alert" })}>
        <p>
          {message
            ? t("auditLog.table.errorWithMessage", "The audit log could not be loaded: {message}", { message })
            : t("auditLog.table.error", "The audit log could not be loaded.")}
        </p>
        <button {...result.getPartProps(parts.retry)} type="button" onClick={result.retry}>
          {t("auditLog.table.retry", "Try again")}
        </button>
      </div>
    );
  } else if (state === "empty") {
    body = <p {...result.getPartProps(parts.empty)}>{t("auditLog.table.empty", "No changes recorded yet")}</p>;
  } else {
    const exportDisabled = state !== "ready" || result.isFiltering || progress !== undefined;
    const exportButton = (kind: ExportKind, text: string) => (
      <button
        {...result.getPartProps(parts.export, { "data-format": kind.format, "data-rows": kind.format === "csv" ? kind.rows : "entries" })}
        type="button"
        onClick={() => void runExport(kind)}
        disabled={exportDisabled}
      >
        {text}
      </button>
    );
    body = (
      <>
        <div {...result.getPartProps(parts.toolbar)}>
          <AuditLogTableFilters table={result} />
          <AuditLogTableColumnMenu table={result} />
          {exportButton({ format: "csv", rows: "entries" }, t("auditLog.table.exportCsv", "Export CSV"))}
          {exportButton({ format: "csv", rows: "changes" }, t("auditLog.table.exportCsvChanges", "Export CSV (one row per change)"))}
          {exportButton({ format: "json" }, t("auditLog.table.exportJson", "Export JSON"))}
          {progress && (
            <div {...result.getPartProps(parts.exportProgress)}>
              <progress value={progress.read} max={Math.min(progress.total ?? progress.limit, progress.limit) || 1} aria-label={t("auditLog.table.exportProgress", "Reading the log for the export")} />{" "}
              {t("auditLog.table.exportRead", "{read} of {total} entries read", { read: number(progress.read), total: progress.total === null ? "…" : number(Math.min(progress.total, progress.limit)) })}{" "}
              <button {...result.getPartProps(parts.exportCancel)} type="button" onClick={result.cancelExport}>
                {t("auditLog.table.exportCancel", "Cancel export")}
              </button>
            </div>
          )}
        </div>
        <p {...result.getPartProps(parts.status, { role: "status" })}>
          {getAuditLogStatusText(result)}
          {exportMessage && ` ${exportMessage}`}
        </p>
        {result.refusedFields.length > 0 && <p {...result.getPartProps(parts.filterNote, { role: "note" })}>{getRefusedFieldsText(result.refusedFields, t)}</p>}
        {result.problem && (
          <p {...result.getPartProps(parts.incomplete, { role: "note" })}>
            {getAuditLogProblemText(result.problem, t, { count: result.counts.read, locale: formatters.locale })}
          </p>
        )}
        <AuditLogTableGrid result={result} label={label} diffProps={{ ...diffProps, fields, locale: options.locale, timeZone: options.timeZone }} />
        {state === "ready" && result.counts.matching + result.counts.possible === 0 && !result.loadMoreError && (
          <p {...result.getPartProps(parts.empty)}>
            {t("auditLog.table.emptyFiltered", "No entries match these filters.")}{" "}
            {result.isFiltered && (
              <button {...result.getPartProps(parts.clearFilters)} type="button" onClick={() => result.setFilters({})}>
                {t("auditLog.table.clearFilters", "Clear filters")}
              </button>
            )}
          </p>
        )}
        <AuditLogTablePagination table={result} pageSizes={pageSizes} />
        {result.loadMoreError && (
          <div {...result.getPartProps(parts.error, { role: "alert" })}>
            <p>
              {result.isServerSide
                ? t("auditLog.table.pageError", "This page could not be loaded: {message}", { message: result.loadMoreError.message })
                : t("auditLog.table.loadMoreError", "More entries could not be loaded: {message}", { message: result.loadMoreError.message })}
            </p>
            <button {...result.getPartProps(parts.retry)} type="button" onClick={result.retry}>
              {t("auditLog.table.retry", "Try again")}
            </button>
          </div>
        )}
        {result.isTruncated && (
          <p {...result.getPartProps(parts.truncated)}>
            {t("auditLog.table.truncated", "The log holds more entries than were read; narrow it down (a record, a filter on the server) to see older ones.")}
          </p>
        )}
      </>
    );
  }

  const malformed = result.malformed;
  return (
    <ReferenceLookupContext.Provider value={result.references}>
      <div {...result.getRootProps(rootProps)}>
        {body}
        {malformed.length > 0 && (
          <details {...result.getPartProps(parts.malformed)}>
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
    </ReferenceLookupContext.Provider>
  );
}

/** The `<table>`: headers (sortable), rows (each in its own error boundary), skeleton rows while loading. */
function AuditLogTableGrid({ result, label, diffProps }: { result: UseAuditLogTableResult; label: string | undefined; diffProps: AuditLogRowDiffProps }) {
  const { table, t, state } = result;
  const columnCount = table.getVisibleLeafColumns().length + 1;
  return (
    <table {...result.getTableProps(label === undefined ? undefined : { "aria-label": label })}>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            <th {...result.getPartProps(parts.header, { "data-column": "expand" })} scope="col">
              <VisuallyHidden>{t("auditLog.table.column.expand", "Details")}</VisuallyHidden>
            </th>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
              return (
                <th key={header.id} {...result.getHeaderProps(header)}>
                  {header.column.getCanSort() ? (
                    <button {...result.getSortProps(header)}>
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
              <tr key={index} {...result.getPartProps(parts.skeleton, { "aria-hidden": true })}>
                <td colSpan={columnCount} />
              </tr>
            ))
          : table.getRowModel().rows.map((row) => <AuditLogTableRow key={row.id} table={result} row={row} columnCount={columnCount} diffProps={diffProps} />)}
      </tbody>
    </table>
  );
}
