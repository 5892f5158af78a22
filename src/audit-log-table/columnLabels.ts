import type { AuditTranslate } from "../core/translate";

/** The column headers in words (translatable under `auditLog.table.column.<id>`). */
export function getColumnLabel(id: string, t: AuditTranslate): string {
  const defaults: Record<string, string> = {
    time: "Time",
    author: "Author",
    action: "Action",
    record: "Record",
    name: "Name",
    summary: "Changes",
  };
  return Object.hasOwn(defaults, id) ? t(`auditLog.table.column.${id}`, defaults[id]!) : id;
}
