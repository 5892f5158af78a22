import { createContext, useContext, type ComponentType } from "react";
import { AuditLogTable, type UseAuditLogTableOptions } from "refine-audit-trail";

/** What the history page gives its table, whichever UI renders it. */
export type HistoryTableProps = Pick<UseAuditLogTableOptions, "resource" | "columns" | "fields">;

/**
 * The history page's table: the kit's `<AuditLogTable>` by default; the Ant Design and MUI
 * shells provide their own, `useAuditLogTable` rendered with the framework's table.
 */
export const HistoryTableContext = createContext<ComponentType<HistoryTableProps>>(AuditLogTable);

/** The table the current UI renders the history with. */
export const useHistoryTable = () => useContext(HistoryTableContext);
