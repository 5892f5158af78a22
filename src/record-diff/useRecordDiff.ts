import { useCallback, useMemo, useState, type ButtonHTMLAttributes, type HTMLAttributes } from "react";
import type { ChangeOverflow, WorkBudgetLimits } from "../core/budget";
import { formatFieldValue, type FormattedValue } from "../core/formatValue";
import { collectReferences, getValueField, hasReferences, type ReferenceRequests } from "../core/references";
import { useReferenceLabels, useReferenceLookupContext } from "../refine/useReferenceLabels";
import { formatNumber, toIntlLocale } from "../core/intl";
import type { AuditLogEntry, MalformedLogEntry } from "../core/normalizeLog";
import { applyPolicyToSet, createItemAt, diffRecords, getEntryDiff, policyPath, type ItemReader } from "../core/pipeline";
import { plural } from "../core/plural";
import type { CompiledFields, LabelOptions, RecordDiffField, RecordDiffFields, RecordDiffSide } from "../core/policy";
import type { AuditTranslate } from "../core/translate";
import type { FieldChange, GetItemId } from "../core/types";
import { RedactedValue } from "../core/values";
import { getRulesKey, useCompiledFields } from "../refine/useAuditEntryDescriber";
import { useAuditTranslate } from "../refine/useAuditTranslate";
import type { DataAttributes } from "../shared/dataAttributes";
import { toAuditLogEntry } from "../shared/isAuditLogEntry";
import { mergeProps } from "../shared/mergeProps";
import { defineOptionKeys } from "../shared/splitProps";
import { useControllableState } from "../shared/useControllableState";
import { recordDiffAnatomy, recordDiffParts } from "./parts";
import { getObjectFields as listRowObjectFields, type RecordDiffObjectFields, type RecordDiffObjectLimits } from "./getObjectFields";

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
   * field whose old value the log lacks says "earlier value not recorded").
   * A row that cannot be read gives `error` and a fallback message, never a crash.
   */
  log?: unknown;
  /**
   * A precomputed list of changes (e.g. an entry's from the timeline, with reconstructed
   * before-values). The policy (`fields`) is applied to it too: applying it twice changes nothing.
   */
  changes?: readonly FieldChange[];
  /** What a work budget left out of `changes` (as `getEntryDiff` reports it): said in the diff. */
  overflow?: ChangeOverflow;
  /**
   * `changes` are of a list of records (a bulk entry seen from the whole resource; see
   * `isItemListEntry`): their paths start with an item's index, and `fields` applies inside
   * each record, as the pipeline applied it.
   */
  isItemList?: boolean;
  /**
   * With `changes`: reads the compared records' items, to name them in labels
   * ("Variants › LGT-ARC-BLK › Price"; see `fields[…].itemLabel`): `getEntryDiff(…).readItem`,
   * or an entry description's `readItem`. Without it, items given as `changes` are named
   * by position ("item 3"). `log` and `previousData` / `data` read their own.
   */
  readItem?: ItemReader;
  /**
   * The work budget of the comparison (`log`, or `previousData` / `data`): past it the
   * diff shows what was compared and says how much is left out. Default `DEFAULT_WORK_BUDGET`.
   */
  budget?: WorkBudgetLimits;
  /** Paths to leave out of the comparison (`updatedAt`, `*.version`, `meta.**`); see `computeChanges`. Compared by content. */
  ignore?: readonly string[];
  /** Identity of array items (default: `id`, `_id`, `key`). Keep it stable (module level or `useCallback`): a new function recomputes. */
  getItemId?: GetItemId;
  /** Strings this long or longer get a word-level diff. Default 60. */
  minTextDiffLength?: number;
  /**
   * The policy: labels, formatters, hidden and redacted fields, keyed by path pattern;
   * see {@link RecordDiffFields}. Applied once, before any row, value, label, title or
   * attribute is made. Compared by content (formatters by identity: keep them stable).
   */
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
  /**
   * The readable name, crumbs joined with " › ": field labels, else keys humanised, items by
   * name or position ("Variants › LGT-ARC-BLK › Price", "Tags › item 3"); "Value" for the
   * root; "Tags › items 4–10" for a run of unchanged items.
   */
  label: string;
  /** The change in words: "added", "removed", "changed", "written" (earlier value not recorded), "moved from index 1 to 3", "unchanged". */
  kindText: string;
  /** The change's note in words ("type changed"…), if it has one. */
  noteText: string | undefined;
  /** The values must not be shown (`fields[…].redact`): `before`/`after` are redaction markers. */
  isRedacted: boolean;
  /** The field was written but its earlier value is not recorded: the diff says so in place of the old value. */
  isBeforeUnknown: boolean;
  /** The row has an old value to show (not for `added`, nor for `isBeforeUnknown`). */
  hasBefore: boolean;
  /** The row has a new value to show (not for `removed`). */
  hasAfter: boolean;
  /** The old value, as the policy leaves it: hidden fields taken out of objects shown whole, redacted ones markers. */
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
  /** Every change, unchanged entries included, the policy applied (hidden fields gone, redacted values markers), before paging. */
  changes: readonly FieldChange[];
  /** What the work budget left out: the diff says "Too large to compare in full…". */
  overflow: ChangeOverflow | undefined;
  /** The overflow in words, when there is one. */
  overflowText: string | undefined;
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
  /**
   * The value of one side of a row in words (applies `redact`, `format`, then the
   * field's `type`, then the formatting by the value's type). A `format` that throws
   * gives the default formatting with `formatError` set: one field's formatter never
   * breaks the diff. An `image` value carries `src` only when a thumbnail may load it.
   */
  getFormattedValue: (row: RecordDiffRow, side: RecordDiffSide) => FormattedValue;
  /**
   * One side of an added or removed object or list (an array item, a record set where
   * there was none, `null` → `{…}` included) as its fields, to show it field by field rather than as JSON: labels
   * and values as rows have them (the nested path's label, `format` and `type`), hidden
   * fields gone, redacted ones markers. Nested objects and lists are nested lists, within
   * `limits` (6 levels, 200 fields; `maxValues: 0` gives only the counts), the rest counted.
   * `undefined` for any other row or side (unchanged or moved, a change between two objects, a redacted row, a primitive, an empty object).
   */
  getObjectFields: (row: RecordDiffRow, side: RecordDiffSide, limits?: RecordDiffObjectLimits) => RecordDiffObjectFields | undefined;
  /** The kit's translate function and the locale in use, for your own words. */
  t: AuditTranslate;
  locale: string | undefined;
  /** Props of the root: `data-scope="record-diff"`, `data-part="root"`, `data-view`, `role="group"` and `aria-label` ("Changes"). */
  getRootProps: <P extends HTMLAttributes<HTMLElement>>(userProps?: P) => RecordDiffPartProps<P>;
  /** Props of a row: `data-part="field"`, `data-path`, `data-change`, `data-inferred`, `data-redacted`, `data-before-unknown`. */
  getRowProps: <P extends HTMLAttributes<HTMLElement>>(row: RecordDiffRow, userProps?: P) => RecordDiffPartProps<P>;
  /** Props of the button that shows/hides unchanged fields (with a default label as `children`). */
  getToggleUnchangedProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(userProps?: P) => RecordDiffButtonProps<P>;
  /** Props of the "Show N more" button (with a default label as `children`). */
  getShowMoreProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(userProps?: P) => RecordDiffButtonProps<P>;
}

interface Source {
  changes: readonly FieldChange[];
  overflow?: ChangeOverflow;
  hiddenCount: number;
  entry?: AuditLogEntry;
  error?: MalformedLogEntry;
  readItem?: ItemReader;
}

/** The option keys of {@link useRecordDiff}, declared once: `<RecordDiff>` splits its props with them. */
export const recordDiffOptionKeys = defineOptionKeys<UseRecordDiffOptions>()([
  "previousData",
  "data",
  "log",
  "changes",
  "overflow",
  "isItemList",
  "readItem",
  "budget",
  "ignore",
  "getItemId",
  "minTextDiffLength",
  "fields",
  "showUnchanged",
  "defaultShowUnchanged",
  "onShowUnchangedChange",
  "pageSize",
  "view",
  "locale",
  "timeZone",
]);

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
  const { previousData, data, log, changes: given, overflow: givenOverflow, isItemList, readItem: givenReadItem, getItemId, minTextDiffLength, timeZone } = options;
  const view = options.view ?? "unified";
  const pageSize = Math.max(1, options.pageSize ?? 200);
  const { t, locale: appLocale } = useAuditTranslate(options.locale);
  const locale = useMemo(() => toIntlLocale(appLocale), [appLocale]);
  const policy = useCompiledFields(options.fields);
  // The pipeline reads only what hides and redacts: a new formatter or label (an inline
  // `fields` object) renews the rows, not the comparison.
  const rulesKey = getRulesKey(options.fields);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rules = useMemo(() => policy, [rulesKey]);

  // Inline `ignore` arrays and budgets are new on every render: compare them by content.
  const ignoreKey = options.ignore?.join("\u0000");
  const budgetKey = JSON.stringify(options.budget ?? null);
  const redactedText = t("auditLog.recordDiff.redacted", "(hidden)");
  // The pipeline, once: changes, then the policy, within the budget; every row, label and value reads its result.
  const source = useMemo<Source>(() => {
    const pipeline = { ignore: ignoreKey?.split("\u0000"), getItemId, minTextDiffLength, fields: rules, redactedText, budget: options.budget };
    if (given) {
      return { ...applyPolicyToSet({ changes: given, overflow: givenOverflow }, rules, { isItemList, marker: new RedactedValue(redactedText) }), readItem: givenReadItem };
    }
    if (log !== undefined) {
      const result = toAuditLogEntry(log);
      if (!result.ok) return { changes: NO_CHANGES, hiddenCount: 0, error: result.error };
      return { ...getEntryDiff(result.entry, pipeline), entry: result.entry };
    }
    return diffRecords(previousData, data, pipeline);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [given, givenOverflow, isItemList, givenReadItem, log, previousData, data, ignoreKey, getItemId, minTextDiffLength, rules, redactedText, budgetKey]);
  const { readItem } = source;

  // Referenced ids by their labels: those of the view around (a timeline resolves all its entries at once), else asked here.
  const aroundReferences = useReferenceLookupContext();
  const referenceRequests = useMemo(() => {
    if (aroundReferences || !hasReferences(options.fields)) return undefined;
    const requests: ReferenceRequests = new Map();
    collectReferences(source.changes, policy, isItemList === true, requests);
    return requests;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [aroundReferences, source.changes, policy, isItemList]);
  const ownReferences = useReferenceLabels(referenceRequests).lookup;
  const references = aroundReferences ?? ownReferences;

  const counts = useMemo(() => {
    let unchangedCount = 0;
    let changedCount = 0;
    for (const change of source.changes) {
      if (change.kind === "unchanged") unchangedCount += change.count ?? 1;
      else changedCount++;
    }
    return { unchangedCount, changedCount };
  }, [source.changes]);
  const { unchangedCount, changedCount } = counts;
  const kept = source.changes;

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
  const builtRows = useMemo(() => new WeakMap<FieldChange, RecordDiffRow>(), [policy, isItemList, readItem, t, locale]);
  const rows = useMemo(() => {
    const rootLabel = t("auditLog.recordDiff.rootLabel", "Value");
    const seen = new Map<string, number>();
    // The words of a kind are the same on every row (moves name their indices: not cached).
    const kindTexts = new Map<string, string>();
    const kindText = (change: FieldChange) => {
      if (change.kind === "moved") return describeKind(change, t, locale);
      const cacheKey = change.isBeforeUnknown ? "written" : change.kind;
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
      const isRedacted = change.isRedacted === true;
      const isBeforeUnknown = change.isBeforeUnknown === true;
      const hasBefore = change.kind !== "added" && !isBeforeUnknown;
      const hasAfter = change.kind !== "removed";
      const row: RecordDiffRow = {
        key,
        change,
        label: getRowLabel(change, rootLabel, policy, { itemAt: createItemAt(readItem, change), t, locale, isItemList }),
        kindText: kindText(change),
        noteText: change.note ? describeNote(change.note, t) : undefined,
        isRedacted,
        isBeforeUnknown,
        hasBefore,
        hasAfter,
        before: hasBefore ? change.before : undefined,
        after: hasAfter ? change.after : undefined,
        field: getValueField(policy, policyPath(change.path, isItemList)),
      };
      builtRows.set(change, row);
      return row;
    });
  }, [visible, limit, policy, isItemList, readItem, t, locale, builtRows]);

  const getFormattedValue = useCallback(
    (row: RecordDiffRow, side: RecordDiffSide): FormattedValue => {
      const { change } = row;
      if (row.isRedacted) return { type: "redacted", text: t("auditLog.recordDiff.redacted", "(hidden)") };
      if (change.kind === "unchanged" && (change.count ?? 1) > 1) {
        return { type: "summary", text: plural(t, locale, "auditLog.recordDiff.unchangedItems", change.count!, "{count} unchanged item", "{count} unchanged items") };
      }
      return formatFieldValue(side === "before" ? row.before : row.after, row.field, { side, change, locale }, { t, timeZone, references });
    },
    [t, locale, timeZone, references],
  );

  const getObjectFields = useCallback(
    (row: RecordDiffRow, side: RecordDiffSide, limits?: RecordDiffObjectLimits) => listRowObjectFields(row, side, { policy, isItemList, t, locale, timeZone, references }, limits),
    [policy, isItemList, t, locale, timeZone, references],
  );

  const toggleUnchanged = useCallback(() => setShowUnchanged(!isShowingUnchanged), [setShowUnchanged, isShowingUnchanged]);
  const remainingCount = Math.max(0, visible.length - limit);
  const nextCount = Math.min(pageSize, remainingCount);

  function getRootProps<P extends HTMLAttributes<HTMLElement>>(userProps?: P): RecordDiffPartProps<P> {
    const own: RecordDiffPartProps<object> = {
      /** `data-scope="record-diff"`, `data-part="root"`: the component's root. */
      ...recordDiffAnatomy.attrs(recordDiffParts.root),
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
      ...recordDiffAnatomy.attrs(recordDiffParts.toggleUnchanged),
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
      ...recordDiffAnatomy.attrs(recordDiffParts.showMore),
      onClick: showMore,
      children:
        nextCount === remainingCount
          ? t("auditLog.recordDiff.showMore", "Show {count} more", { count })
          : t("auditLog.recordDiff.showMoreOf", "Show {count} more ({remaining} not shown)", { count, remaining: formatNumber(remainingCount, locale) }),
    };
    return mergeProps(own, userProps);
  }

  const overflow = source.overflow;
  const overflowText = overflow
    ? overflow.omittedCount > 0
      ? plural(
          t,
          locale,
          overflow.isIncomplete ? "auditLog.recordDiff.overflowAtLeast" : "auditLog.recordDiff.overflow",
          overflow.omittedCount,
          overflow.isIncomplete ? "Too large to compare in full: at least {count} more change not shown." : "Too large to compare in full: {count} more change not shown.",
          overflow.isIncomplete ? "Too large to compare in full: at least {count} more changes not shown." : "Too large to compare in full: {count} more changes not shown.",
        )
      : t("auditLog.recordDiff.overflowIncomplete", "Too large to compare in full: more changes may not be shown.")
    : undefined;

  return {
    changes: source.changes,
    overflow,
    overflowText,
    rows,
    changedCount,
    unchangedCount,
    hiddenCount: source.hiddenCount,
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
    getObjectFields,
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
    ...recordDiffAnatomy.attrs(recordDiffParts.field),
    /** `data-path`: the change's path joined with dots (`items.2.qty`; `""` for the root), as `FieldChange.key`. */
    "data-path": row.change.key,
    /** `data-change="added" | "removed" | "changed" | "moved" | "unchanged"`: the kind of change. */
    "data-change": row.change.kind,
    /** `data-inferred`: present when the old value was reconstructed from earlier entries. */
    "data-inferred": row.change.isBeforeInferred ? "" : undefined,
    /** `data-redacted`: present when the values are hidden (`fields[…].redact`). */
    "data-redacted": row.isRedacted ? "" : undefined,
    /** `data-before-unknown`: present when the field was written but its earlier value was not recorded. */
    "data-before-unknown": row.isBeforeUnknown ? "" : undefined,
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

/** A row's label: its path's, or for a run of unchanged items, its list's and the run's positions ("Tags › items 4–10"). */
function getRowLabel(change: FieldChange, rootLabel: string, policy: CompiledFields, options: LabelOptions & { t: AuditTranslate }): string {
  const last = change.path[change.path.length - 1];
  if (change.kind !== "unchanged" || (change.count ?? 1) <= 1 || typeof last !== "number") return policy.getLabel(change.path, rootLabel, options);
  const { t, locale } = options;
  const run = t("auditLog.label.itemRange", "items {from}–{to}", { from: formatNumber(last + 1, locale), to: formatNumber(last + change.count!, locale) });
  const list = change.path.slice(0, -1);
  return list.length > 0 ? `${policy.getLabel(list, rootLabel, options)} › ${run}` : run;
}

function describeKind(change: FieldChange, t: AuditTranslate, locale: string | undefined): string {
  if (change.isBeforeUnknown) return t("auditLog.recordDiff.kind.written", "written");
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
    case "too-large":
      return t("auditLog.recordDiff.note.tooLarge", "too large: not compared field by field");
    case "too-deep":
      return t("auditLog.recordDiff.note.tooDeep", "too deep: not compared further");
  }
}
