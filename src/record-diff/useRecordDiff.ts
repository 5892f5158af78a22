import { useCallback, useMemo, useState, type ButtonHTMLAttributes, type HTMLAttributes } from "react";
import { computeChanges } from "../core/computeChanges";
import { getEntryChanges } from "../core/history";
import { normalizeLog, type AuditLogEntry, type MalformedLogEntry } from "../core/normalizeLog";
import { formatPath } from "../core/path";
import type { FieldChange, GetItemId } from "../core/types";
import { useAuditTranslate, type AuditTranslate } from "../refine/useAuditTranslate";
import { compileFields, type RecordDiffField, type RecordDiffFields, type RecordDiffSide } from "./compileFields";
import type { DataAttributes } from "../shared/dataAttributes";
import { formatNumber, toIntlLocale } from "../shared/intl";
import { isAuditLogEntry } from "../shared/isAuditLogEntry";
import { mergeProps } from "../shared/mergeProps";
import { plural } from "../shared/plural";
import { formatValue, type FormattedValue } from "./formatValue";
import { RECORD_DIFF_SCOPE, recordDiffParts } from "./parts";
import { useControllableState } from "../shared/useControllableState";

/** `unified`: one row per field, old value then new. `split`: a table with Before and After columns. */
export type RecordDiffView = "unified" | "split";

/**
 * What to compare, and how to show it. Give one source: `changes` (precomputed), else
 * `log` (a provider row or an {@link AuditLogEntry}), else `previousData` and `data`.
 */
export interface UseRecordDiffOptions {
  /**
   * The old version of the record (`undefined` or `null`: it did not exist, everything is
   * added). Keep `previousData` and `data` stable (state, a query's data, `useMemo`): a
   * new object recomputes the diff on every render (the rows shown and "Show more" stay,
   * as long as the changes are the same).
   */
  previousData?: unknown;
  /** The new version (`undefined` or `null`: it was deleted, everything is removed). */
  data?: unknown;
  /**
   * A Refine log entry: a raw provider row (read with `normalizeLog`) or an already
   * normalised {@link AuditLogEntry}, read with `getEntryChanges` (an update is a patch; a
   * field whose old value the log lacks shows as "set to X").
   * A row that cannot be read gives `error` and a fallback message, never a crash.
   */
  log?: unknown;
  /** A precomputed list of changes (e.g. with reconstructed before-values from the timeline), rendered as given. */
  changes?: readonly FieldChange[];
  /** Paths to leave out of the comparison (`updatedAt`, `*.version`, `meta.**`); see `computeChanges`. Compared by content. */
  ignore?: readonly string[];
  /** Identity of array items (default: `id`, `_id`, `key`). Keep it stable (module level or `useCallback`): a new function recomputes. */
  getItemId?: GetItemId;
  /** Strings this long or longer get a word-level diff. Default 60. */
  minTextDiffLength?: number;
  /** Labels, formatters, hidden and redacted fields, keyed by path pattern; see {@link RecordDiffFields}. */
  fields?: RecordDiffFields;
  /** Shows the unchanged fields (controlled). */
  showUnchanged?: boolean;
  /** Shows the unchanged fields at first (uncontrolled). Default `false`. */
  defaultShowUnchanged?: boolean;
  /** Called when the unchanged fields are shown or hidden. */
  onShowUnchangedChange?: (showUnchanged: boolean) => void;
  /** How many rows to render before a "Show N more" button, and how many more each click renders. Default 200. */
  pageSize?: number;
  /** Sets `data-view` on the root. Default `unified`. */
  view?: RecordDiffView;
  /** Overrides the locale of numbers and dates (default: the app's, from `useAuditTranslate()`). */
  locale?: string;
  /** The IANA time zone of date-times (default: the viewer's). Date-only values (`2024-05-01`) never shift. */
  timeZone?: string;
}

/** One visible row of the diff, as data: render it with your own components, or let `<RecordDiff>` do it. */
export interface RecordDiffRow {
  /** A stable React key. */
  key: string;
  change: FieldChange;
  /** The readable name: a field label, else the formatted path (`items[2].qty`), "Value" for the root, `items[3]–[9]` for a run. */
  label: string;
  /** The change in words: "added", "removed", "changed", "set to", "moved from index 1 to 3", "unchanged". */
  kindText: string;
  /** The change's note in words ("type changed"…), if it has one. */
  noteText: string | undefined;
  /** The values must not be shown (`fields[…].redact`): `before`/`after` are `undefined`. */
  isRedacted: boolean;
  /** The row has an old value to show (not for `added`, nor for `isBeforeUnknown`). */
  hasBefore: boolean;
  /** The row has a new value to show (not for `removed`). */
  hasAfter: boolean;
  /** The old value, with hidden and redacted fields taken out of objects shown whole. */
  before: unknown;
  /** The new value, likewise. */
  after: unknown;
  /** The field options matching this exact path. */
  field: RecordDiffField | undefined;
}

/** `data-*` attributes, as the prop getters return them (the kit's one `DataAttributes` type). */
export type RecordDiffDataAttributes = DataAttributes;
/** What a prop getter returns: the part's props merged with the user's. */
export type RecordDiffPartProps<P> = P & RecordDiffDataAttributes & HTMLAttributes<HTMLElement>;
/** What a button's prop getter returns. */
export type RecordDiffButtonProps<P> = P & RecordDiffDataAttributes & ButtonHTMLAttributes<HTMLButtonElement>;

/** The state and prop getters of {@link useRecordDiff}. */
export interface UseRecordDiffResult {
  /** Every change, unchanged entries included, before hiding and paging. */
  changes: readonly FieldChange[];
  /** The rows to render now: without hidden fields, without unchanged ones unless shown, and up to the current page. */
  rows: readonly RecordDiffRow[];
  /** Changes other than `unchanged` (after hiding). */
  changedCount: number;
  /** Unchanged fields and array items (a run of 7 items counts 7). */
  unchangedCount: number;
  /** Entries left out by `fields[…].hidden`. */
  hiddenCount: number;
  /** Nothing changed (there may still be unchanged fields to show). */
  isEmpty: boolean;
  /** The unchanged fields are shown. @selector `[data-part="toggle-unchanged"][aria-expanded="true"]` */
  isShowingUnchanged: boolean;
  toggleUnchanged: () => void;
  setShowUnchanged: (showUnchanged: boolean) => void;
  /** More rows than the current page. */
  hasMore: boolean;
  /** Rows not rendered yet. */
  remainingCount: number;
  /** Renders the next page of rows. */
  showMore: () => void;
  /** Set when `log` could not be read; the diff is empty then. */
  error: MalformedLogEntry | undefined;
  /** The normalised log entry, when `log` was given and readable. */
  entry: AuditLogEntry | undefined;
  view: RecordDiffView;
  /** The value of one side of a row in words (applies `redact`, `format`, then the formatting by type). */
  getFormattedValue: (row: RecordDiffRow, side: RecordDiffSide) => FormattedValue;
  /** The kit's translate function and the locale in use, for your own words. */
  t: AuditTranslate;
  locale: string | undefined;
  /** Props of the root: `data-scope="record-diff"`, `data-view`, `role="group"` and `aria-label` ("Changes"). */
  getRootProps: <P extends HTMLAttributes<HTMLElement>>(userProps?: P) => RecordDiffPartProps<P>;
  /** Props of a row: `data-part="field"`, `data-path`, `data-change`, `data-inferred`, `data-redacted`. */
  getRowProps: <P extends HTMLAttributes<HTMLElement>>(row: RecordDiffRow, userProps?: P) => RecordDiffPartProps<P>;
  /** Props of the button that shows/hides unchanged fields (with a default label as `children`). */
  getToggleUnchangedProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(userProps?: P) => RecordDiffButtonProps<P>;
  /** Props of the "Show N more" button (with a default label as `children`). */
  getShowMoreProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(userProps?: P) => RecordDiffButtonProps<P>;
}

interface Source {
  changes: readonly FieldChange[];
  entry?: AuditLogEntry;
  error?: MalformedLogEntry;
}

const NO_CHANGES: readonly FieldChange[] = [];

/**
 * The headless record diff: computes the changes (memoised on its inputs), folds the
 * unchanged ones, hides, redacts and labels fields, pages long lists, and returns the
 * visible rows with prop getters. `<RecordDiff>` is a thin rendering of it.
 *
 * @example
 * const diff = useRecordDiff({ previousData, data, fields: { password: { redact: true } } });
 * return (
 *   <ul {...diff.getRootProps()}>
 *     {diff.rows.map((row) => (
 *       <li {...diff.getRowProps(row)} key={row.key}>
 *         {row.label} {row.kindText} {diff.getFormattedValue(row, "after").text}
 *       </li>
 *     ))}
 *   </ul>
 * );
 */
export function useRecordDiff(options: UseRecordDiffOptions = {}): UseRecordDiffResult {
  const { previousData, data, log, changes: given, ignore, getItemId, minTextDiffLength, fields, timeZone } = options;
  const view = options.view ?? "unified";
  const pageSize = Math.max(1, options.pageSize ?? 200);
  const { t, locale: appLocale } = useAuditTranslate(options.locale);
  const locale = useMemo(() => toIntlLocale(appLocale), [appLocale]);

  // Inline `ignore` arrays are new on every render: compare them by content.
  const ignoreKey = ignore?.join("\u0000");
  const source = useMemo<Source>(() => {
    const computeOptions = { ignore: ignoreKey?.split("\u0000"), getItemId, minTextDiffLength };
    if (given) return { changes: given };
    if (log !== undefined) {
      const result = isAuditLogEntry(log) ? { ok: true as const, entry: log } : normalizeLog(log);
      if (!result.ok) return { changes: NO_CHANGES, error: result.error };
      return { changes: getEntryChanges(result.entry, computeOptions), entry: result.entry };
    }
    return { changes: computeChanges(previousData, data, computeOptions) };
  }, [given, log, previousData, data, ignoreKey, getItemId, minTextDiffLength]);

  const compiled = useMemo(() => compileFields(fields), [fields]);
  // Only the hidden patterns decide what is kept and counted: an inline `fields` object must not redo that work.
  const hiddenKey = Object.entries(fields ?? {})
    .map(([pattern, field]) => `${pattern}:${field?.hidden ? 1 : 0}`)
    .join("\u0000");
  const counts = useMemo(() => {
    const { isHidden } = compiled;
    const kept: FieldChange[] = [];
    let unchangedCount = 0;
    let changedCount = 0;
    for (const change of source.changes) {
      if (isHidden(change.path)) continue;
      kept.push(change);
      if (change.kind === "unchanged") unchangedCount += change.count ?? 1;
      else changedCount++;
    }
    return { kept, unchangedCount, changedCount, hiddenCount: source.changes.length - kept.length };
  }, [source.changes, hiddenKey]); // `compiled` is read through hiddenKey on purpose
  const { kept, unchangedCount, changedCount, hiddenCount } = counts;

  const [isShowingUnchanged, setShowUnchanged] = useControllableState({
    value: options.showUnchanged,
    defaultValue: options.defaultShowUnchanged ?? false,
    onChange: options.onShowUnchangedChange,
  });
  const visible = useMemo(() => (isShowingUnchanged ? kept : kept.filter((c) => c.kind !== "unchanged")), [kept, isShowingUnchanged]);

  // Paging starts over only when the changes really differ, not when an equal list
  // comes again (an inline `data`, a refetch, a rename elsewhere in a timeline).
  const signature = useMemo(() => getChangesSignature(kept), [kept]);
  const [paging, setPaging] = useState({ signature, limit: pageSize });
  const limit = paging.signature === signature ? Math.max(paging.limit, pageSize) : pageSize;
  const showMore = useCallback(() => setPaging({ signature, limit: limit + pageSize }), [signature, limit, pageSize]);

  // Rows already built keep their identity (memoised row components skip them) when more are shown.
  const builtRows = useMemo(() => new WeakMap<FieldChange, RecordDiffRow>(), [compiled, t, locale]);
  const rows = useMemo(() => {
    const placeholder = t("auditLog.recordDiff.redacted", "(hidden)");
    const rootLabel = t("auditLog.recordDiff.rootLabel", "Value");
    const seen = new Map<string, number>();
    // The words of a kind are the same on every row (moves name their indices: not cached).
    const kindTexts = new Map<string, string>();
    const kindText = (change: FieldChange) => {
      if (change.kind === "moved") return describeKind(change, t, locale);
      const cacheKey = change.isBeforeUnknown ? "setTo" : change.kind;
      let text = kindTexts.get(cacheKey);
      if (text === undefined) kindTexts.set(cacheKey, (text = describeKind(change, t, locale)));
      return text;
    };
    return visible.slice(0, limit).map((change): RecordDiffRow => {
      const baseKey = `${change.kind}:${change.key}`;
      const repeat = seen.get(baseKey) ?? 0;
      seen.set(baseKey, repeat + 1);
      const key = repeat === 0 ? baseKey : `${baseKey}#${repeat}`;
      const built = builtRows.get(change);
      if (built && built.key === key) return built;
      const isRedacted = compiled.isRedacted(change.path);
      const hasBefore = change.kind !== "added" && !change.isBeforeUnknown;
      const hasAfter = change.kind !== "removed";
      const row: RecordDiffRow = {
        key,
        change,
        label: getRowLabel(change, compiled.getLabel(change.path, rootLabel)),
        kindText: kindText(change),
        noteText: change.note ? describeNote(change.note, t) : undefined,
        isRedacted,
        hasBefore,
        hasAfter,
        before: hasBefore && !isRedacted ? compiled.scrub(change.before, change.path, placeholder) : undefined,
        after: hasAfter && !isRedacted ? compiled.scrub(change.after, change.path, placeholder) : undefined,
        field: compiled.get(change.path),
      };
      builtRows.set(change, row);
      return row;
    });
  }, [visible, limit, compiled, t, locale, builtRows]);

  const getFormattedValue = useCallback(
    (row: RecordDiffRow, side: RecordDiffSide): FormattedValue => {
      const { change } = row;
      if (row.isRedacted) return { type: "redacted", text: t("auditLog.recordDiff.redacted", "(hidden)") };
      if (change.kind === "unchanged" && (change.count ?? 1) > 1) {
        return { type: "summary", text: plural(t, locale, "auditLog.recordDiff.unchangedItems", change.count!, "{count} unchanged item", "{count} unchanged items") };
      }
      const value = side === "before" ? row.before : row.after;
      if (row.field?.format) return { type: "text", text: row.field.format(value, { side, change, locale }) };
      return formatValue(value, { t, locale, timeZone });
    },
    [t, locale, timeZone],
  );

  const toggleUnchanged = useCallback(() => setShowUnchanged(!isShowingUnchanged), [setShowUnchanged, isShowingUnchanged]);
  const remainingCount = Math.max(0, visible.length - limit);
  const nextCount = Math.min(pageSize, remainingCount);

  function getRootProps<P extends HTMLAttributes<HTMLElement>>(userProps?: P): RecordDiffPartProps<P> {
    const own: RecordDiffPartProps<object> = {
      /** `data-scope="record-diff"`: the component's root. */
      "data-scope": RECORD_DIFF_SCOPE,
      /** `data-view="unified" | "split"`: the layout. */
      "data-view": view,
      role: "group",
      "aria-label": t("auditLog.recordDiff.label", "Changes"),
    };
    return mergeProps(own, userProps);
  }

  function getToggleUnchangedProps<P extends ButtonHTMLAttributes<HTMLButtonElement>>(userProps?: P): RecordDiffButtonProps<P> {
    const own: RecordDiffButtonProps<object> = {
      type: "button",
      /** `data-part="toggle-unchanged"`, with `aria-expanded` telling whether unchanged fields are shown. */
      "data-part": recordDiffParts.toggleUnchanged,
      "aria-expanded": isShowingUnchanged,
      onClick: toggleUnchanged,
      children: isShowingUnchanged
        ? plural(t, locale, "auditLog.recordDiff.hideUnchanged", unchangedCount, "Hide {count} unchanged field", "Hide {count} unchanged fields")
        : plural(t, locale, "auditLog.recordDiff.showUnchanged", unchangedCount, "Show {count} unchanged field", "Show {count} unchanged fields"),
    };
    return mergeProps(own, userProps);
  }

  function getShowMoreProps<P extends ButtonHTMLAttributes<HTMLButtonElement>>(userProps?: P): RecordDiffButtonProps<P> {
    const count = formatNumber(nextCount, locale);
    const own: RecordDiffButtonProps<object> = {
      type: "button",
      /** `data-part="show-more"`: renders the next page of rows. */
      "data-part": recordDiffParts.showMore,
      onClick: showMore,
      children:
        nextCount === remainingCount
          ? t("auditLog.recordDiff.showMore", "Show {count} more", { count })
          : t("auditLog.recordDiff.showMoreOf", "Show {count} more ({remaining} not shown)", { count, remaining: formatNumber(remainingCount, locale) }),
    };
    return mergeProps(own, userProps);
  }

  return {
    changes: source.changes,
    rows,
    changedCount,
    unchangedCount,
    hiddenCount,
    isEmpty: changedCount === 0,
    isShowingUnchanged,
    toggleUnchanged,
    setShowUnchanged,
    hasMore: remainingCount > 0,
    remainingCount,
    showMore,
    error: source.error,
    entry: source.entry,
    view,
    getFormattedValue,
    t,
    locale,
    getRootProps,
    getRowProps,
    getToggleUnchangedProps,
    getShowMoreProps,
  };
}

/**
 * Props of a row: `data-part="field"`, `data-path`, `data-change`, `data-inferred`,
 * `data-redacted`. It depends on the row only, so it is one function for every diff.
 */
export function getRowProps<P extends HTMLAttributes<HTMLElement>>(row: RecordDiffRow, userProps?: P): RecordDiffPartProps<P> {
  const own: RecordDiffPartProps<object> = {
    /** `data-part="field"`: one row. */
    "data-part": recordDiffParts.field,
    /** `data-path`: the change's path joined with dots (`items.2.qty`; `""` for the root), as `FieldChange.key`. */
    "data-path": row.change.key,
    /** `data-change="added" | "removed" | "changed" | "moved" | "unchanged"`: the kind of change. */
    "data-change": row.change.kind,
    /** `data-inferred`: present when the old value was reconstructed from earlier entries. */
    "data-inferred": row.change.isBeforeInferred ? "" : undefined,
    /** `data-redacted`: present when the values are hidden (`fields[…].redact`). */
    "data-redacted": row.isRedacted ? "" : undefined,
  };
  return mergeProps(own, userProps);
}

/** What identifies a change list for paging: its length and the kinds and keys at its ends and middle. */
function getChangesSignature(changes: readonly FieldChange[]): string {
  const at = (index: number) => {
    const change = changes[index];
    return change ? `${change.kind}:${change.key}` : "";
  };
  return [changes.length, at(0), at(changes.length >> 1), at(changes.length - 1)].join("\u0000");
}

function getRowLabel(change: FieldChange, label: string): string {
  const last = change.path[change.path.length - 1];
  if (change.kind !== "unchanged" || (change.count ?? 1) <= 1 || typeof last !== "number") return label;
  return `${label}–${formatPath([last + change.count! - 1])}`;
}

function describeKind(change: FieldChange, t: AuditTranslate, locale: string | undefined): string {
  if (change.isBeforeUnknown) return t("auditLog.recordDiff.kind.setTo", "set to");
  switch (change.kind) {
    case "added":
      return t("auditLog.recordDiff.kind.added", "added");
    case "removed":
      return t("auditLog.recordDiff.kind.removed", "removed");
    case "changed":
      return t("auditLog.recordDiff.kind.changed", "changed");
    case "unchanged":
      return t("auditLog.recordDiff.kind.unchanged", "unchanged");
    case "moved": {
      const to = change.path[change.path.length - 1];
      return t("auditLog.recordDiff.kind.moved", "moved from index {from} to {to}", {
        from: formatNumber(change.fromIndex ?? 0, locale),
        to: typeof to === "number" ? formatNumber(to, locale) : String(to),
      });
    }
  }
}

function describeNote(note: NonNullable<FieldChange["note"]>, t: AuditTranslate): string {
  switch (note) {
    case "type-changed":
      return t("auditLog.recordDiff.note.typeChanged", "type changed");
    case "incomparable":
      return t("auditLog.recordDiff.note.incomparable", "cannot be compared by value");
    case "circular":
      return t("auditLog.recordDiff.note.circular", "refers to itself: not compared further");
    case "too-deep":
      return t("auditLog.recordDiff.note.tooDeep", "too deep: not compared further");
  }
}
