export { AuditLogTable, type AuditLogTableProps, type AuditLogTableOwnProps } from "./AuditLogTable";
export { AuditLogTableFilters, type AuditLogTableFiltersProps } from "./AuditLogTableFilters";
export { AuditLogTableColumnMenu, type AuditLogTableColumnMenuProps } from "./AuditLogTableColumnMenu";
export { AuditLogTablePagination, type AuditLogTablePaginationProps } from "./AuditLogTablePagination";
export { AuditLogTableRow, type AuditLogTableRowProps, type AuditLogRowDiffProps } from "./AuditLogTableRow";
export {
  useAuditLogTable,
  auditLogTableOptionKeys,
  type UseAuditLogTableOptions,
  type UseAuditLogTableResult,
  type AuditLogTableInstance,
  type AuditLogTableState,
  type AuditLogFilterChoices,
  type AuditLogExport,
  type AuditLogCsvExportOptions,
  type AuditLogTablePartProps,
  type AuditLogTableRow as AuditLogTableRowModel,
  type AuditLogTableHeader,
  type AuditLogTableCell,
} from "./useAuditLogTable";
export { getAuditLogStatusText } from "./statusText";
export { getActionChoiceLabel } from "./columnLabels";
export { downloadExport } from "./downloadExport";
export { toEntriesCsv, toChangesCsv, toEntriesJson, getEarlierValueState, type EntryExportColumn, type ChangesExportOptions, type EarlierValueState } from "./exportAuditLog";
export {
  auditLogTableFeatures,
  createAuditLogColumns,
  getColumnHeaderText,
  AUDIT_LOG_COLUMN_IDS,
  type AuditLogTableFeatures,
  type AuditLogColumnDef,
  type AuditLogColumnId,
  type AuditLogColumnContext,
} from "./auditLogColumns";
export { AUDIT_LOG_TABLE_SCOPE, auditLogTableParts, auditLogTableAnatomy, type AuditLogTablePart } from "./parts";
