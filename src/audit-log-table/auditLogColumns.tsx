import {
  columnVisibilityFeature,
  createColumnHelper,
  createPaginatedRowModel,
  createSortedRowModel,
  rowExpandingFeature,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  type Column,
  type ColumnDef,
} from "@tanstack/react-table";
import type { ReactNode } from "react";
import { getAuthorLabel, type AuditLogEntry } from "../core/normalizeLog";
import type { AuditTranslate } from "../refine/useAuditTranslate";
import { getColumnLabel } from "./columnLabels";
import { RenameLogEntry } from "../rename-log-entry/RenameLogEntry";
import type { TimelineFormatters } from "../core/formatEntry";
import type { AuditEntryDescription } from "../core/readEntries";
import { AUDIT_LOG_TABLE_SCOPE, auditLogTableParts as parts } from "./parts";

/**
 * The TanStack Table features the audit log table registers: sorting, pagination, column
 * visibility and row expansion (a row's diff). Filtering is the kit's own (`filterEntries`,
 * shared with the timeline) and happens before rows reach the table.
 */
// Pure: an app that does not use the table drops all of it (and TanStack Table with it).
export const auditLogTableFeatures = /* @__PURE__ */ tableFeatures({
  rowSortingFeature,
  sortedRowModel: /* @__PURE__ */ createSortedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text, alphanumeric: sortFn_alphanumeric },
  rowPaginationFeature,
  paginatedRowModel: /* @__PURE__ */ createPaginatedRowModel(),
  columnVisibilityFeature,
  rowExpandingFeature,
});

/** The features of the audit log table's instance (see {@link auditLogTableFeatures}). */
export type AuditLogTableFeatures = typeof auditLogTableFeatures;

/** A column of the audit log table. */
export type AuditLogColumnDef = ColumnDef<AuditLogTableFeatures, AuditLogEntry, any>;

/** The ids of the default columns, in their order. */
export const AUDIT_LOG_COLUMN_IDS = ["time", "author", "action", "record", "name", "summary"] as const;

/** The id of a default column. */
export type AuditLogColumnId = (typeof AUDIT_LOG_COLUMN_IDS)[number];

/** What the default columns' cells read: the shared entry reading and the app's strings. */
export interface AuditLogColumnContext {
  resource: string;
  describe: (entry: AuditLogEntry) => AuditEntryDescription;
  t: AuditTranslate;
  formatters: TimelineFormatters;
  /** Renders the name cell: the entry's name, editable (`<RenameLogEntry>`) unless `null` is given. */
  renderName?: ((entry: AuditLogEntry) => ReactNode) | null;
}

const helper = /* @__PURE__ */ createColumnHelper<AuditLogTableFeatures, AuditLogEntry>();


/**
 * A column's header as text, for the column menu and the CSV header: its own `header`
 * when that is a string (a default column's is its translated label), else the default
 * label of its id (or the id itself).
 */
export function getColumnHeaderText(column: Column<AuditLogTableFeatures, AuditLogEntry, any>, t: AuditTranslate): string {
  const header = column.columnDef.header;
  return typeof header === "string" && header.trim() !== "" ? header : getColumnLabel(column.id, t);
}

/**
 * The default columns (ids in {@link AUDIT_LOG_COLUMN_IDS}): time (sorted by instant,
 * entries without a time last), author, action, record (`meta.id`, or `meta.ids` of a
 * bulk entry), name (editable in place) and a summary of the changes (not sortable).
 * Cells render text through React; the summary is computed only for rendered rows.
 */
export function createAuditLogColumns(context: AuditLogColumnContext): AuditLogColumnDef[] {
  const { describe, t, formatters, renderName } = context;
  return [
    helper.accessor((entry) => entry.createdAt?.getTime(), {
      id: "time",
      header: getColumnLabel("time", t),
      sortFn: "basic",
      sortUndefined: "last",
      sortDescFirst: true,
      cell: ({ row }) => {
        const date = row.original.createdAt;
        if (!date) return t("auditLog.table.unknownTime", "Unknown");
        return (
          <time data-scope={AUDIT_LOG_TABLE_SCOPE} data-part={parts.time} dateTime={date.toISOString()} title={formatters.absolute.format(date)}>
            {formatters.short.format(date)}
          </time>
        );
      },
    }),
    helper.accessor((entry) => getAuthorLabel(entry.author), {
      id: "author",
      header: getColumnLabel("author", t),
      sortFn: "text",
      sortUndefined: "last",
      cell: ({ row }) => describe(row.original).authorLabel,
    }),
    helper.accessor((entry) => entry.action, {
      id: "action",
      header: getColumnLabel("action", t),
      sortFn: "text",
      cell: ({ row }) => describe(row.original).actionLabel,
    }),
    helper.accessor((entry) => entry.recordIds.map(String).join(", "), {
      id: "record",
      header: getColumnLabel("record", t),
      sortFn: "alphanumeric",
      cell: ({ getValue }) => getValue<string>(),
    }),
    helper.accessor((entry) => entry.name, {
      id: "name",
      header: getColumnLabel("name", t),
      sortFn: "text",
      sortUndefined: "last",
      cell: ({ row }) =>
        renderName === null ? (row.original.name ?? "") : renderName ? renderName(row.original) : <RenameLogEntry log={row.original} />,
    }),
    helper.display({
      id: "summary",
      header: getColumnLabel("summary", t),
      enableSorting: false,
      // Values shortened on screen; exports read `getFullSummaryText()`.
      cell: ({ row }) => describe(row.original).summaryText,
    }),
  ];
}
