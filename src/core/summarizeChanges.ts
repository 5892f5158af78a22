import type { ChangeOverflow } from "./budget";
import { getActionKind } from "./history";
import type { AuditLogEntry } from "./normalizeLog";
import type { FieldChange, Path } from "./types";

/**
 * A one-line summary of a log entry, as data: a UI turns it into words (and translates
 * them). `changed` carries the first change and how many more there are.
 */
export type ChangeSummary =
  /** A create: how many fields it wrote. */
  | { type: "created"; fieldCount: number }
  /** A bulk create seen from the whole resource: how many records it made. */
  | { type: "createdMany"; recordCount: number }
  | { type: "deleted" }
  /**
   * Something changed: the first change (in document order; one whose earlier value is
   * known comes first) and how many others.
   * - `moreCount`: other changes (with `unknownCount`, all of them).
   * - `unknownCount`: of those others, fields written whose earlier value the log does
   *   not record: they may or may not have changed, so they are never called changes.
   *   When `first.isBeforeUnknown`, no earlier value at all was recorded.
   * - `isFirstRedacted`: the first change's field is redacted: its values are markers,
   *   only the fact of the change can be said.
   * - `isIncomplete`: the entry was too large to compare in full; more may have changed.
   */
  | { type: "changed"; first: FieldChange; moreCount: number; unknownCount: number; isFirstRedacted?: boolean; isIncomplete?: boolean; replacement?: FieldChange }
  /** Data was logged, but nothing differs from the before-values. */
  | { type: "unchanged" }
  /** The entry carries no data at all (a custom action without details). */
  | { type: "empty" };

/** Options of {@link summarizeChanges}. */
export interface SummarizeChangesOptions {
  /** The record the timeline shows; without it a bulk create is summarised by its record count. */
  recordId?: unknown;
  /** Paths left out entirely. Changes from `getEntryDiff` have the policy applied already; this is for raw ones. */
  isHidden?: (path: Path) => boolean;
  /** Paths whose values must never be shown. Changes from `getEntryDiff` carry `isRedacted` already. */
  isRedacted?: (path: Path) => boolean;
  /** What the work budget left out of the changes (see `getEntryDiff`): counted in `moreCount`. */
  overflow?: ChangeOverflow;
}

/**
 * Summarises an entry from its changes, as {@link getEntryDiff} returns them (the policy
 * applied; `unchanged` rows are skipped, so a list computed with `includeUnchanged:
 * false` is enough, and `minTextDiffLength: Infinity` keeps it cheap).
 */
export function summarizeChanges(entry: AuditLogEntry, changes: readonly FieldChange[], options: SummarizeChangesOptions = {}): ChangeSummary {
  const { recordId, isHidden, isRedacted, overflow } = options;
  const kind = getActionKind(entry.action);
  const real = changes.filter((change) => change.kind !== "unchanged" && !isHidden?.(change.path));
  if (kind === "delete") return { type: "deleted" };
  if (kind === "create") {
    if (entry.action === "createMany" && recordId === undefined && entry.recordIds.length > 1) {
      return { type: "createdMany", recordCount: entry.recordIds.length };
    }
    return { type: "created", fieldCount: real.length + (overflow?.omittedCount ?? 0) };
  }
  if (real.length > 0) {
    const known = real.find((change) => !change.isBeforeUnknown);
    const first = known ?? real[0]!;
    const unknownCount = real.filter((change) => change.isBeforeUnknown && change !== first).length;
    const isFirstRedacted = first.isRedacted === true || (isRedacted?.(first.path) ?? false);
    const summary: ChangeSummary = {
      type: "changed",
      first: isFirstRedacted ? { ...first, before: undefined, after: undefined, text: undefined } : first,
      moreCount: real.length - 1 - unknownCount + (overflow?.omittedCount ?? 0),
      unknownCount,
      isFirstRedacted,
    };
    // An item taken out of a list and another put in its place (an id swapped in a list
    // of references): one replacement, "Replaced Steel with Sale in Tags".
    const next = real[real.indexOf(first) + 1];
    if (!isFirstRedacted && next && isItemSwap(first, next) && !next.isRedacted && !(isRedacted?.(next.path) ?? false)) {
      summary.replacement = next;
      summary.moreCount--;
    }
    if (overflow?.isIncomplete) summary.isIncomplete = true;
    return summary;
  }
  if (overflow && (overflow.omittedCount > 0 || overflow.isIncomplete)) {
    return { type: "changed", first: { path: [], key: "", kind: "changed" }, moreCount: overflow.omittedCount, unknownCount: 0, isIncomplete: true };
  }
  return entry.data === undefined && entry.previousData === undefined ? { type: "empty" } : { type: "unchanged" };
}

/** A removed list item followed by an added one at the same place of the same list. */
function isItemSwap(removed: FieldChange, added: FieldChange): boolean {
  const { path } = removed;
  if (removed.kind !== "removed" || added.kind !== "added" || path.length === 0 || added.path.length !== path.length) return false;
  if (typeof path[path.length - 1] !== "number") return false;
  for (let i = 0; i < path.length; i++) if (path[i] !== added.path[i]) return false;
  return true;
}
