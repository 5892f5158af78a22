import { getActionKind } from "./history";
import type { AuditLogEntry } from "./normalizeLog";
import type { FieldChange, Path } from "./types";

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
  /**
   * Something changed: the first change (in document order) and how many others.
   * `isFirstRedacted`: the first change's field is redacted; its `before`, `after` and
   * `text` are left out, so only the fact of the change can be said.
   */
  | { type: "changed"; first: FieldChange; moreCount: number; isFirstRedacted?: boolean }
  /** Data was logged, but nothing differs from the before-values. */
  | { type: "unchanged" }
  /** The entry carries no data at all (a custom action without details). */
  | { type: "empty" };

/** Options of {@link summarizeChanges}: the same hidden and redacted fields a diff of the entry uses. */
export interface SummarizeChangesOptions {
  /** The record the timeline shows; without it a bulk create is summarised by its record count. */
  recordId?: unknown;
  /** Paths left out entirely: not counted, never the first change (`fields[…].hidden`). */
  isHidden?: (path: Path) => boolean;
  /** Paths whose values must never be shown (`fields[…].redact`): the change is kept, its values are dropped. */
  isRedacted?: (path: Path) => boolean;
}

/**
 * Summarises an entry from its changes (as {@link getEntryChanges} returns them;
 * `unchanged` rows are skipped, so a list computed with `includeUnchanged: false` is
 * enough, and `minTextDiffLength: Infinity` keeps it cheap).
 *
 * Hidden fields (`options.isHidden`) are neither counted nor named; a redacted first
 * change (`options.isRedacted`) comes without its values.
 */
export function summarizeChanges(entry: AuditLogEntry, changes: readonly FieldChange[], options: SummarizeChangesOptions = {}): ChangeSummary {
  const { recordId, isHidden, isRedacted } = options;
  const kind = getActionKind(entry.action);
  const real = changes.filter((change) => change.kind !== "unchanged" && !isHidden?.(change.path));
  if (kind === "delete") return { type: "deleted" };
  if (kind === "create") {
    if (entry.action === "createMany" && recordId === undefined && entry.recordIds.length > 1) {
      return { type: "createdMany", recordCount: entry.recordIds.length };
    }
    return { type: "created", fieldCount: real.length };
  }
  if (real.length > 0) {
    const first = real[0]!;
    const isFirstRedacted = isRedacted?.(first.path) ?? false;
    return {
      type: "changed",
      first: isFirstRedacted ? { ...first, before: undefined, after: undefined, text: undefined } : first,
      moreCount: real.length - 1,
      isFirstRedacted,
    };
  }
  return entry.data === undefined && entry.previousData === undefined ? { type: "empty" } : { type: "unchanged" };
}
