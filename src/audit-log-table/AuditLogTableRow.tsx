import type { ReactNode } from "react";
import { isItemListEntry } from "../core/pipeline";
import { RecordDiff, type RecordDiffProps } from "../record-diff/RecordDiff";
import { ErrorBoundary } from "../shared/ErrorBoundary";
import { auditLogTableParts as parts } from "./parts";
import type { AuditLogTableRow as Row, UseAuditLogTableResult } from "./useAuditLogTable";

/** What each row's `<RecordDiff>` receives besides its changes (the table's policy, locale and time zone included). */
export type AuditLogRowDiffProps = Omit<RecordDiffProps, "changes" | "overflow" | "log" | "data" | "previousData" | "getItemId" | "minTextDiffLength">;

/** Props of {@link AuditLogTableRow}. */
export interface AuditLogTableRowProps {
  /** The table's hook result. */
  table: UseAuditLogTableResult;
  row: Row;
  /** Cells in a row, the toggle's included (the detail and the fallback span them). */
  columnCount: number;
  diffProps: AuditLogRowDiffProps;
}

/**
 * One entry of `<AuditLogTable>`: its row, and under it its diff while open. A row that
 * cannot be rendered (a custom cell that throws) shows a fallback in its place; the
 * other rows render on. It tries again when the entry changes.
 */
export function AuditLogTableRow(props: AuditLogTableRowProps) {
  const { table: result, row, columnCount } = props;
  const { t, getRowProps, getPartProps } = result;
  return (
    <ErrorBoundary
      resetKey={row.original}
      fallback={(error) => (
        <tr {...getRowProps(row, { "data-state": "error" })}>
          <td {...getPartProps(parts.rowError, { role: "alert" })} colSpan={columnCount}>
            {t("auditLog.table.rowError", "This entry could not be shown: {message}", { message: error.message })}
          </td>
        </tr>
      )}
    >
      <RowContent {...props} />
    </ErrorBoundary>
  );
}

function RowContent({ table: result, row, columnCount, diffProps }: AuditLogTableRowProps) {
  const { table, t, getRowProps, getCellProps, getToggleProps, getDetailProps, getPartProps } = result;
  const description = result.describe(row.original);
  const isOpen = row.getIsExpanded();
  let note: ReactNode = null;
  if (result.getFieldMatch(row.original) === "possible") {
    note = <span {...getPartProps(parts.possibleNote)}>{t("auditLog.table.possibleMatch", "may have changed: earlier value not recorded")}</span>;
  }
  return (
    <>
      <tr {...getRowProps(row)}>
        <td {...getPartProps(parts.cell, { "data-column": "expand" })}>
          {description.hasChanges && <button {...getToggleProps(row)} />}
          {note && <> {note}</>}
        </td>
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id} {...getCellProps(cell)}>
            <table.FlexRender cell={cell} />
          </td>
        ))}
      </tr>
      {isOpen && (
        <tr {...getDetailProps(row)}>
          <td colSpan={columnCount}>
            <RecordDiff {...diffProps} changes={description.getChanges()} overflow={description.getDiff().overflow} isItemList={isItemListEntry(description.entry)} />
          </td>
        </tr>
      )}
    </>
  );
}
