export { AuditLogTable, type AuditLogTableProps } from "./AuditLogTable";
export {
  useAuditLogTable,
  type UseAuditLogTableOptions,
  type UseAuditLogTableResult,
  type AuditLogTableInstance,
  type AuditLogTableState,
  type AuditLogFilterChoices,
  type AuditLogExport,
} from "./useAuditLogTable";
export {
  auditLogTableFeatures,
  createAuditLogColumns,
  AUDIT_LOG_COLUMN_IDS,
  type AuditLogTableFeatures,
  type AuditLogColumnDef,
  type AuditLogColumnId,
  type AuditLogColumnContext,
} from "./auditLogColumns";
export { AUDIT_LOG_TABLE_SCOPE, auditLogTableParts, type AuditLogTablePart } from "./parts";
