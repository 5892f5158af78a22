import { getColumnHeaderText } from "./auditLogColumns";
import { auditLogTableParts as parts } from "./parts";
import type { UseAuditLogTableResult } from "./useAuditLogTable";

/** Props of {@link AuditLogTableColumnMenu}. */
export interface AuditLogTableColumnMenuProps {
  /** The table's hook result. */
  table: UseAuditLogTableResult;
}

/** The column visibility menu of `<AuditLogTable>`: a checkbox per column, named by the column's own header. */
export function AuditLogTableColumnMenu({ table: result }: AuditLogTableColumnMenuProps) {
  const { table, t, getPartProps } = result;
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  const visibleCount = columns.filter((column) => column.getIsVisible()).length;
  return (
    <details {...getPartProps(parts.columns)}>
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
            {getColumnHeaderText(column, t)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
