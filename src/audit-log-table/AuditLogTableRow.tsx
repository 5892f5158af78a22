import { useCallback, type ReactNode } from "react";
import { FieldHistoryToggle, toFieldPath } from "../field-history/FieldHistoryToggle";
import type { RecordDiffRow } from "../record-diff/useRecordDiff";
import { isItemListEntry } from "../core/pipeline";
import { RecordDiff, type RecordDiffProps } from "../record-diff/RecordDiff";
import { ErrorBoundary } from "../shared/ErrorBoundary";
import { auditLogTableParts as parts } from "./parts";
import type { AuditLogTableRow as Row, UseAuditLogTableResult } from "./useAuditLogTable";

/** What each row's `<RecordDiff>` receives besides its changes (the table's policy, locale and time zone included). */
export type AuditLogRowDiffProps = Omit<RecordDiffProps, "changes" | "overflow" | "readItem" | "log" | "data" | "previousData" | "getItemId" | "minTextDiffLength">;

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
  // "History of <field>" on each row of the diff, for an entry of one record.
  const { entry } = description;
  const recordId = entry.recordIds.length === 1 ? entry.recordIds[0] : undefined;
  const { fields, locale, timeZone } = diffProps;
  const renderRowActions = useCallback(
    (diffRow: RecordDiffRow) => {
      const field = recordId === undefined || diffRow.change.kind === "unchanged" ? undefined : toFieldPath(diffRow.change.path);
      return field === undefined ? null : <FieldHistoryToggle resource={entry.resource} id={recordId!} field={field} label={diffRow.label} fields={fields} locale={locale} timeZone={timeZone} />;
    },
    [entry.resource, recordId, fields, locale, timeZone],
  );
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
            <RecordDiff
              renderRowActions={renderRowActions}
              {...diffProps}
              changes={description.getChanges()}
              overflow={description.getDiff().overflow}
              isItemList={isItemListEntry(description.entry)}
              readItem={description.readItem}
            />
          </td>
        </tr>
      )}
    </>
  );
}
