import { toCsv, toJsonText, type ExportCell } from "../core/exportEntries";
import { getAuthorLabel, type AuditLogEntry } from "../core/normalizeLog";
import { formatValue } from "../core/formatValue";
import { formatPath } from "../core/path";
import { createItemAt, isItemListEntry, policyPath } from "../core/pipeline";
import type { CompiledFields } from "../core/policy";
import type { AuditEntryDescription } from "../core/readEntries";
import { getValueField, type ReferenceLookup } from "../core/references";
import type { AuditTranslate } from "../core/translate";
import type { FieldChange } from "../core/types";
import { getValueType, isRedactedValue } from "../core/values";
import { getColumnLabel } from "./columnLabels";

// Pure: the table's exports, read from described entries only (the policy applied),
// never from an entry's raw `data` / `previousData`.

/** A column of the one-row-per-entry CSV: its id, its header text, and (for a column of yours) its plain value. */
export interface EntryExportColumn {
  id: string;
  header: string;
  /** The cell of a column that is not a default one. */
  getValue?: (entry: AuditLogEntry) => ExportCell;
}

/** How the earlier value of a change is known: in the log, reconstructed from earlier entries, or not at all. */
export type EarlierValueState = "recorded" | "inferred" | "not-recorded";

/** How the earlier value of a change is known; `undefined` for an added value (there was none). */
export function getEarlierValueState(change: FieldChange): EarlierValueState | undefined {
  if (change.kind === "added") return undefined;
  if (change.isBeforeUnknown) return "not-recorded";
  if (change.isBeforeInferred) return "inferred";
  return "recorded";
}

/** A value whole, as one CSV cell: text as it is, numbers and booleans bare, others (objects, dates) as compact JSON; a redacted marker is its text. */
export function toExportValue(value: unknown): ExportCell {
  if (isRedactedValue(value)) return String(value);
  switch (getValueType(value)) {
    case "undefined":
    case "null":
      return "";
    case "string":
    case "number":
    case "boolean":
      return value as ExportCell;
    default:
      // toJsonText never throws and keeps the markers' "(hidden)"; re-parsed to one line.
      return JSON.stringify(JSON.parse(toJsonText(value)));
  }
}

const entryCell = (entry: AuditLogEntry, column: string, description: AuditEntryDescription): ExportCell => {
  switch (column) {
    case "time":
      return entry.createdAt?.toISOString() ?? "";
    case "author":
      return getAuthorLabel(entry.author) ?? "";
    case "action":
      return entry.action;
    case "record":
      return entry.recordIds.map(String).join(" ");
    case "name":
      return entry.name ?? "";
    case "summary":
      return description.getFullSummaryText();
    default:
      return "";
  }
};

// A row per change repeats its entry's cells: a bulk entry's record list is cut to this many
// ids there, so one entry of 60,000 records cannot make the export quadratic in its size.
const MAX_RECORD_IDS_PER_CHANGE = 20;

/**
 * The record a change belongs to, for the one-row-per-change CSV: in a bulk entry seen
 * from the resource, the item's own record (items follow `meta.ids`, as Refine logs
 * them); else the entry's records, at most 20 ids ("… and N more").
 */
function recordOfChange(entry: AuditLogEntry, change: FieldChange, isItemList: boolean): ExportCell {
  const index = change.path[0];
  // Items follow `meta.ids` as Refine logs them (invalid ids keep their place there).
  const positions = Array.isArray(entry.meta.ids) ? (entry.meta.ids as unknown[]) : entry.recordIds;
  const id = isItemList && typeof index === "number" ? positions[index] : undefined;
  if ((typeof id === "string" && id !== "") || (typeof id === "number" && Number.isFinite(id))) return String(id);
  const ids = entry.recordIds;
  if (ids.length <= MAX_RECORD_IDS_PER_CHANGE) return ids.map(String).join(" ");
  return `${ids.slice(0, MAX_RECORD_IDS_PER_CHANGE).map(String).join(" ")} … (+${ids.length - MAX_RECORD_IDS_PER_CHANGE})`;
}

/**
 * A change's field in words, as in its diff ("Variants › LGT-ARC-BLK › Price"), inside its
 * record: in a bulk entry seen from the resource the record column says which one.
 */
function changeLabel(change: FieldChange, description: AuditEntryDescription, isItemList: boolean, { fields, t, locale }: ChangesExportOptions): string {
  const at = policyPath(change.path, isItemList);
  const lead = change.path.slice(0, change.path.length - at.length);
  const itemAt = createItemAt(description.readItem, change);
  return fields.getLabel(at, "", { itemAt: itemAt && ((prefix) => itemAt([...lead, ...prefix])), t, locale });
}

/** One CSV row per entry, the given columns in their order; the summary whole (`getFullSummaryText`). */
export function toEntriesCsv(descriptions: readonly AuditEntryDescription[], columns: readonly EntryExportColumn[]): string {
  return toCsv(
    columns.map((column) => column.header),
    descriptions.map((description) =>
      columns.map((column) => (column.getValue ? column.getValue(description.entry) : entryCell(description.entry, column.id, description))),
    ),
  );
}

/** What {@link toChangesCsv} needs to name fields and say things in words. */
export interface ChangesExportOptions {
  /** The compiled policy: field labels. */
  fields: CompiledFields;
  t: AuditTranslate;
  /** Labels of referenced records (`fields[…].reference`): a reference is exported as "Lighting (#7)". */
  references?: ReferenceLookup;
  locale?: string;
}

/** A referenced value as an export says it, the label with its id ("Lighting (#7)"); `undefined` for any other value. */
function referenceExportText(change: FieldChange, side: "before" | "after", isItemList: boolean, options: Partial<ChangesExportOptions>): string | undefined {
  if (!options.fields || change.isRedacted) return undefined;
  const field = getValueField(options.fields, policyPath(change.path, isItemList));
  if (!field?.reference) return undefined;
  const value = side === "before" ? change.before : change.after;
  if (value == null) return undefined;
  const formatted = formatValue(value, { t: options.t, locale: options.locale, field: { reference: field.reference }, references: options.references });
  return formatted.type === "reference" ? formatted.exportText : undefined;
}

/**
 * One CSV row per changed field: time, author, action, record, name, field (its label),
 * path, kind of change, before, after (whole), and whether the earlier value was
 * recorded, inferred or not recorded. An entry without changes gets one row with the
 * change columns empty, so every entry is in the file. Redacted values are "(hidden)".
 */
export function toChangesCsv(descriptions: readonly AuditEntryDescription[], options: ChangesExportOptions): string {
  const { fields, t } = options;
  const header = [
    ...(["time", "author", "action", "record", "name"] as const).map((id) => getColumnLabel(id, t)),
    t("auditLog.table.export.field", "Field"),
    t("auditLog.table.export.path", "Path"),
    t("auditLog.table.export.change", "Change"),
    t("auditLog.table.export.before", "Before"),
    t("auditLog.table.export.after", "After"),
    t("auditLog.table.export.earlierValue", "Earlier value"),
  ];
  const earlier: Record<EarlierValueState, string> = {
    recorded: t("auditLog.table.export.earlierRecorded", "recorded"),
    inferred: t("auditLog.table.export.earlierInferred", "inferred"),
    "not-recorded": t("auditLog.table.export.earlierNotRecorded", "not recorded"),
  };
  const rows: ExportCell[][] = [];
  for (const description of descriptions) {
    const { entry } = description;
    const lead: ExportCell[] = [entryCell(entry, "time", description), entryCell(entry, "author", description), entry.action, entryCell(entry, "record", description), entry.name ?? ""];
    const changes = description.changes.filter((change) => change.kind !== "unchanged");
    // As `getChangedFieldPaths`: a bulk entry seen from the resource has paths that start with the item's index.
    const isItemList = isItemListEntry(entry);
    if (changes.length === 0) rows.push([...lead, "", "", "", "", "", ""]);
    for (const change of changes) {
      const state = getEarlierValueState(change);
      rows.push([
        ...lead.slice(0, 3),
        recordOfChange(entry, change, isItemList),
        lead[4],
        changeLabel(change, description, isItemList, options),
        formatPath(change.path),
        change.kind,
        change.kind === "added" || change.isBeforeUnknown ? "" : (referenceExportText(change, "before", isItemList, options) ?? toExportValue(change.before)),
        change.kind === "removed" ? "" : (referenceExportText(change, "after", isItemList, options) ?? toExportValue(change.after)),
        state ? earlier[state] : "",
      ]);
    }
  }
  return toCsv(header, rows);
}

/**
 * The entries as JSON text, with their described changes (values whole, the policy
 * applied: hidden fields gone, redacted values "(hidden)"); `visible` says which of
 * time, author, action, records, name and summary to include. `__proto__` keys stay plain fields.
 */
export function toEntriesJson(descriptions: readonly AuditEntryDescription[], visible: ReadonlySet<string>, options: Partial<ChangesExportOptions> = {}): string {
  const out = descriptions.map((description) => {
    const { entry } = description;
    const row: Record<string, unknown> = { id: entry.id, resource: entry.resource };
    if (visible.has("time")) row.time = entry.createdAt?.toISOString() ?? null;
    if (visible.has("author")) row.author = entry.author ? { id: entry.author.id, name: entry.author.name, email: entry.author.email } : null;
    if (visible.has("action")) row.action = entry.action;
    if (visible.has("record")) row.records = entry.recordIds;
    if (visible.has("name")) row.name = entry.name ?? null;
    if (visible.has("summary")) row.summary = description.getFullSummaryText();
    row.changes = description.changes
      .filter((change) => change.kind !== "unchanged")
      .map((change) => {
        const item: Record<string, unknown> = { path: formatPath(change.path), kind: change.kind };
        if (change.kind !== "added" && !change.isBeforeUnknown) item.before = change.before;
        if (change.kind !== "removed") item.after = change.after;
        // A reference keeps its id (`before` / `after`) and gains its label.
        const isItemList = isItemListEntry(entry);
        const beforeLabel = "before" in item ? referenceExportText(change, "before", isItemList, options) : undefined;
        const afterLabel = "after" in item ? referenceExportText(change, "after", isItemList, options) : undefined;
        if (beforeLabel !== undefined) item.beforeLabel = beforeLabel;
        if (afterLabel !== undefined) item.afterLabel = afterLabel;
        if (change.isBeforeInferred) item.beforeInferred = true;
        if (change.isBeforeUnknown) item.beforeUnknown = true;
        return item;
      });
    if (description.overflow) row.overflow = { ...description.overflow };
    return row;
  });
  return toJsonText(out);
}
