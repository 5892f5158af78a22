import type { AuditLogFilters, UseAuditLogTableResult } from "refine-audit-trail";

// What the Ant Design and MUI renderings of `useAuditLogTable` share besides what the kit
// exports for them (`getActionChoiceLabel`, `getAuditLogStatusText`, `downloadExport`).

/** Sets some filters; an emptied one is removed (as the kit's filter controls do). */
export function patchFilters(result: UseAuditLogTableResult, patch: Partial<AuditLogFilters>): void {
  result.setFilters((current) => {
    const next: AuditLogFilters = { ...current, ...patch };
    for (const key of Object.keys(patch) as (keyof AuditLogFilters)[]) if (next[key] === "" || next[key] === undefined) delete next[key];
    return next;
  });
}

/** A filter that may hold a list, as the one value a single control shows. */
export const firstOf = (value: AuditLogFilters["action"] | AuditLogFilters["author"] | AuditLogFilters["field"]): string | undefined =>
  Array.isArray(value) ? (value[0] === undefined ? undefined : String(value[0])) : value === undefined ? undefined : String(value);

/** A date filter as a `YYYY-MM-DD` day (what the date controls hold), else undefined. */
export const dayOf = (value: AuditLogFilters["from"]): string | undefined => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

/** Goes to a page (0-based): past the pages read, the hook reads the provider's next one. */
export function goToPage(result: UseAuditLogTableResult, pageIndex: number): void {
  if (pageIndex >= result.table.getPageCount()) result.nextPage();
  else result.table.setPageIndex(pageIndex);
}
