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

/** An action as a choice of the action filter: "Update", "Update (bulk)"; a custom action as given. */
export function getActionChoiceLabel(action: string, t: AuditTranslate): string {
  switch (action) {
    case "create":
      return t("auditLog.table.filter.action.create", "Create");
    case "update":
      return t("auditLog.table.filter.action.update", "Update");
    case "delete":
      return t("auditLog.table.filter.action.delete", "Delete");
    case "createMany":
      return t("auditLog.table.filter.action.createMany", "Create (bulk)");
    case "updateMany":
      return t("auditLog.table.filter.action.updateMany", "Update (bulk)");
    case "deleteMany":
      return t("auditLog.table.filter.action.deleteMany", "Delete (bulk)");
    default:
      return action;
  }
}
