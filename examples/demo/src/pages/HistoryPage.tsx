import { useList, type HttpError } from "@refinedev/core";
import { useCallback, useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import type { AuditLogColumnDef, AuditLogEntry } from "refine-audit-trail";
import { categoryDiffFields, productDiffFields } from "../components/format";
import { useDemoTranslate } from "../i18n/useDemoTranslate";
import { useHistoryTable } from "../ui/HistoryTable";

const RESOURCES = [
  { name: "products", label: "resource.products" },
  { name: "categories", label: "resource.categories" },
] as const;

type ResourceName = (typeof RESOURCES)[number]["name"];

/** The title a log entry gives its record (a deleted record is only known from its log). */
function titleInEntry(entry: AuditLogEntry): string | undefined {
  for (const value of [entry.data, entry.previousData]) {
    const title = (value as { title?: unknown } | null | undefined)?.title;
    if (typeof title === "string") return title;
  }
  return undefined;
}

/** Every change to one resource, in a table with filters and export (the kit's, or the UI's own rendering of its hook). */
export function HistoryPage() {
  const HistoryTable = useHistoryTable();
  const [params, setParams] = useSearchParams();
  const resource: ResourceName = RESOURCES.find((candidate) => candidate.name === params.get("resource"))?.name ?? "products";
  const { t } = useDemoTranslate();
  const { result: records } = useList<{ id: number; title: string }, HttpError>({ resource, pagination: { mode: "off" } });
  const fields = useMemo(() => (resource === "products" ? productDiffFields(t) : categoryDiffFields(t)), [resource, t]);
  const titles = useMemo(() => new Map(records.data.map((record) => [String(record.id), record.title])), [records.data]);

  // The record column shows titles, linked to the record's page, instead of bare ids.
  const columns = useCallback(
    (defaults: AuditLogColumnDef[]) =>
      defaults.map((column) =>
        column.id === "record"
          ? ({
              ...column,
              cell: ({ row }: { row: { original: AuditLogEntry } }) => {
                const entry = row.original;
                return entry.recordIds.map((id, index) => (
                  <span key={String(id)}>
                    {index > 0 && ", "}
                    <Link to={`/${resource}/show/${id}`} translate="no">{titles.get(String(id)) ?? (entry.recordIds.length === 1 ? titleInEntry(entry) : undefined) ?? `#${id}`}</Link>
                  </span>
                ));
              },
            } as AuditLogColumnDef)
          : column,
      ),
    [resource, titles],
  );

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t("history.title")}</h1>
      <p className="lead">{t("history.lead")}</p>
      <div className="tabs" role="group" aria-label={t("history.resource")}>
        {RESOURCES.map((candidate) => (
          <button
            key={candidate.name}
            type="button"
            aria-pressed={candidate.name === resource}
            onClick={() => setParams(candidate.name === "products" ? {} : { resource: candidate.name })}
          >
            {t(candidate.label)}
          </button>
        ))}
      </div>
      <HistoryTable key={resource} resource={resource} columns={columns} fields={fields} />
    </section>
  );
}
