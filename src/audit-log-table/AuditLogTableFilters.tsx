import { useId } from "react";
import type { AuditLogFilters } from "../core/filterEntries";
import { getActionChoiceLabel } from "./columnLabels";
import { auditLogTableParts as parts } from "./parts";
import type { UseAuditLogTableResult } from "./useAuditLogTable";

/** Props of {@link AuditLogTableFilters}. */
export interface AuditLogTableFiltersProps {
  /** The table's hook result. */
  table: UseAuditLogTableResult;
}

const one = (value: AuditLogFilters["action"] | AuditLogFilters["author"] | AuditLogFilters["field"]) =>
  Array.isArray(value) ? String(value[0] ?? "") : value === undefined ? "" : String(value);
const asDay = (value: AuditLogFilters["from"]) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : "");

/** The filter controls of `<AuditLogTable>`: action, author, date range, changed field (with suggestions), search. */
export function AuditLogTableFilters({ table: result }: AuditLogTableFiltersProps) {
  const { t, filters, setFilters, choices, getPartProps } = result;
  const fieldListId = useId();
  const update = (patch: Partial<AuditLogFilters>) =>
    setFilters((current) => {
      const next: AuditLogFilters = { ...current, ...patch };
      for (const key of Object.keys(patch) as (keyof AuditLogFilters)[]) if (next[key] === "" || next[key] === undefined) delete next[key];
      return next;
    });
  const filter = (name: string) => getPartProps(parts.filter, { "data-filter": name });
  return (
    <div {...getPartProps(parts.filters, { role: "group", "aria-label": t("auditLog.table.filters", "Filters") })}>
      <label {...filter("action")}>
        {t("auditLog.table.filter.action", "Action")}{" "}
        <select value={one(filters.action)} onChange={(event) => update({ action: event.target.value || undefined })}>
          <option value="">{t("auditLog.table.filter.allActions", "All actions")}</option>
          {choices.actions.map((action) => (
            <option key={action} value={action}>
              {getActionChoiceLabel(action, t)}
            </option>
          ))}
        </select>
      </label>
      <label {...filter("author")}>
        {t("auditLog.table.filter.author", "Author")}{" "}
        <select value={one(filters.author)} onChange={(event) => update({ author: event.target.value || undefined })}>
          <option value="">{t("auditLog.table.filter.allAuthors", "All authors")}</option>
          {choices.authors.map((author) => (
            <option key={author.value} value={author.value}>
              {author.label}
            </option>
          ))}
        </select>
      </label>
      <label {...filter("from")}>
        {t("auditLog.table.filter.from", "From")}{" "}
        <input type="date" value={asDay(filters.from)} max={asDay(filters.to) || undefined} onChange={(event) => update({ from: event.target.value || undefined })} />
      </label>
      <label {...filter("to")}>
        {t("auditLog.table.filter.to", "To")}{" "}
        <input type="date" value={asDay(filters.to)} min={asDay(filters.from) || undefined} onChange={(event) => update({ to: event.target.value || undefined })} />
      </label>
      <label {...filter("field")}>
        {t("auditLog.table.filter.field", "Changed field")}{" "}
        <input
          type="text"
          list={fieldListId}
          value={one(filters.field)}
          placeholder={t("auditLog.table.filter.fieldPlaceholder", "e.g. price")}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => update({ field: event.target.value || undefined })}
        />
        <datalist id={fieldListId}>
          {choices.fields.map((field) => (
            <option key={field} value={field} />
          ))}
        </datalist>
      </label>
      <label {...filter("search")}>
        {t("auditLog.table.filter.search", "Search")}{" "}
        <input
          type="search"
          size={result.isServerSide ? 36 : undefined}
          value={filters.search ?? ""}
          placeholder={
            result.isServerSide
              ? t("auditLog.table.filter.searchPlaceholderServer", "Names, authors, actions, record ids")
              : t("auditLog.table.filter.searchPlaceholder", "Names and values")
          }
          onChange={(event) => update({ search: event.target.value || undefined })}
        />
      </label>
      {result.isFiltered && (
        <button {...getPartProps(parts.clearFilters)} type="button" onClick={() => setFilters({})}>
          {t("auditLog.table.clearFilters", "Clear filters")}
        </button>
      )}
    </div>
  );
}
