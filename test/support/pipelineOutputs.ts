import { toChangesCsv, toEntriesCsv, toEntriesJson } from "../../src/audit-log-table/exportAuditLog";
import { createEntryReader, normalizeLogs, replayHistory } from "../../src/index";

/**
 * Every output of the pipeline for these rows, as one text: summaries (short and full),
 * changes, full diffs, search texts, and the CSV and JSON exports. What a leak test greps.
 */
export function everyPipelineOutput(rows: unknown[], fields: NonNullable<Parameters<typeof createEntryReader>[0]>["fields"], recordId?: number): string {
  const { entries } = normalizeLogs(rows);
  const reader = createEntryReader({ history: replayHistory(entries), fields, recordId });
  const descriptions = entries.map((entry) => reader.describe(entry));
  const columns = ["time", "author", "action", "record", "name", "summary"].map((id) => ({ id, header: id }));
  return [
    ...descriptions.flatMap((d) => [d.summaryText, d.getFullSummaryText(), JSON.stringify(d.changes), JSON.stringify(d.getDiff().changes), reader.getSearchText(d.entry)]),
    toEntriesCsv(descriptions, columns),
    toChangesCsv(descriptions, { fields: reader.fields, t: reader.t }),
    toEntriesJson(descriptions, new Set(columns.map((c) => c.id))),
  ].join("\n");
}
