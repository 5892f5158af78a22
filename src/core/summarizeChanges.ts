import { getActionKind } from "./history";
import type { AuditLogEntry } from "./normalizeLog";
import type { FieldChange } from "./types";

/**
 * A one-line summary of a log entry, as data: a UI turns it into words (and translates
 * them). `changed` carries the first change and how many more there are; its
 * `first.isBeforeUnknown` means "set X to Y" rather than "changed X from A to B".
 */
export type ChangeSummary =
  /** A create: how many fields it wrote. */
  | { type: "created"; fieldCount: number }
  /** A bulk create seen from the whole resource: how many records it made. */
  | { type: "createdMany"; recordCount: number }
  | { type: "deleted" }
  /** Something changed: the first change (in document order) and how many others. */
  | { type: "changed"; first: FieldChange; moreCount: number }
  /** Data was logged, but nothing differs from the before-values. */
  | { type: "unchanged" }
  /** The entry carries no data at all (a custom action without details). */
  | { type: "empty" };

/**
 * Summarises an entry from its changes (as {@link getEntryChanges} returns them;
 * `unchanged` rows are skipped, so a list computed with `includeUnchanged: false` is
 * enough, and `minTextDiffLength: Infinity` keeps it cheap).
 *
 * @param recordId the record the timeline shows; without it a bulk create is summarised
 *   by its record count.
 */
export function summarizeChanges(entry: AuditLogEntry, changes: readonly FieldChange[], recordId?: unknown): ChangeSummary {
  const kind = getActionKind(entry.action);
  const real = changes.filter((change) => change.kind !== "unchanged");
  if (kind === "delete") return { type: "deleted" };
  if (kind === "create") {
    if (entry.action === "createMany" && recordId === undefined && entry.recordIds.length > 1) {
      return { type: "createdMany", recordCount: entry.recordIds.length };
    }
    return { type: "created", fieldCount: real.length };
  }
  if (real.length > 0) return { type: "changed", first: real[0]!, moreCount: real.length - 1 };
  return entry.data === undefined && entry.previousData === undefined ? { type: "empty" } : { type: "unchanged" };
}
