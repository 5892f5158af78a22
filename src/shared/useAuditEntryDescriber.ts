import { useCallback, useMemo, useRef } from "react";
import { getEntryChanges, isBulkAction, replayHistory, type AuditHistory } from "../core/history";
import { getAuthorLabel, type AuditId, type AuditLogEntry } from "../core/normalizeLog";
import { summarizeChanges, type ChangeSummary } from "../core/summarizeChanges";
import type { FieldChange, Path } from "../core/types";
import { compileFields, type CompiledFields, type RecordDiffFields } from "../record-diff/compileFields";
import { getValueType } from "../core/values";
import { useAuditTranslate, type AuditTranslate } from "../refine/useAuditTranslate";
import { createFormatters, formatAction, formatSummary, type TimelineFormatters } from "./formatEntry";
import { isSameChangeList } from "./isSameChangeList";

/** Options of {@link useAuditEntryDescriber}: how entries are read, shared by the timeline and the table. */
export interface UseAuditEntryDescriberOptions {
  /** Every entry known for the scope (the unfiltered list): before-values are replayed from it. */
  allEntries: readonly AuditLogEntry[];
  /** The record shown (a record's history); `undefined` for a whole resource. */
  recordId?: AuditId;
  /** The field that holds a record's id in bulk `data` / `previousData` items. Default `"id"`. */
  idField?: string;
  /** Paths left out of summaries and diffs. Compared by content. */
  ignore?: readonly string[];
  /** Labels, hidden and redacted fields (as `<RecordDiff fields>`). Compared by what summaries read. */
  fields?: RecordDiffFields;
  /** Overrides the app's locale. */
  locale?: string;
  /** An IANA time zone for dates. Default: the viewer's. */
  timeZone?: string;
}

/** One entry in words and data: what the timeline's items and the table's rows show. */
export interface AuditEntryDescription {
  /** `String(entry.id)`. */
  key: string;
  entry: AuditLogEntry;
  /** `createMany`, `updateMany` or `deleteMany`. */
  isBulk: boolean;
  /** How many records the entry concerns. */
  recordCount: number;
  /** Who made the change, in words ("Unknown" when the log does not say). */
  authorLabel: string;
  isAuthorUnknown: boolean;
  /** The action in words ("updated", "updated 3 records"). */
  actionLabel: string;
  /** The summary as data; see `summarizeChanges`. */
  summary: ChangeSummary;
  /** The summary in words, hidden fields left out, redacted values never shown. */
  summaryText: string;
  /** There is something to show in a diff. */
  hasChanges: boolean;
  /**
   * What the entry changed, as a summary and an export read it: changed fields only
   * (no unchanged rows, no word-level diff), hidden fields left out. Redacted fields
   * are still in it with their values: check `fields.isRedacted` before showing one.
   */
  changes: readonly FieldChange[];
  /**
   * The entry's full list of changes, before-values reconstructed where the log lacks them.
   * Computed on first call; the same array while the changes stay the same.
   */
  getChanges: () => readonly FieldChange[];
}

/** The result of {@link useAuditEntryDescriber}. */
export interface UseAuditEntryDescriberResult {
  /** Describes an entry; cached per entry while the options stand (call it for rendered entries only). */
  describe: (entry: AuditLogEntry) => AuditEntryDescription;
  /** The replayed history the before-values come from. */
  history: AuditHistory;
  /** The compiled `fields`: `isHidden`, `isRedacted`, `getLabel`, `scrub`. */
  fields: CompiledFields;
  /** Paths a search or an export must not read (hidden or redacted). Keeps its identity while `fields` stands. */
  isExcluded: (path: Path) => boolean;
  t: AuditTranslate;
  locale: string | undefined;
  formatters: TimelineFormatters;
}

const functionIds = new WeakMap<object, number>();
let nextFunctionId = 1;
/** A number per function, for cache keys (a new function: a new number). */
function functionId(fn: object): number {
  let id = functionIds.get(fn);
  if (id === undefined) functionIds.set(fn, (id = nextFunctionId++));
  return id;
}

/** True for paths inside the items of an entry whose data is a list (a bulk entry seen from the whole resource). */
const isItemList = (entry: AuditLogEntry) => getValueType(entry.data) === "array" || getValueType(entry.previousData) === "array";

/**
 * The hidden and redacted fields as they apply to one entry's changes. A bulk entry seen
 * from the whole resource is diffed as lists of records, so its paths start with the
 * item's index (`[0, "password"]`): the patterns, written for a record, are matched
 * against the path inside the item. Redacted values are replaced by the placeholder in
 * the changes themselves, so no renderer (summary, diff, export) can show them.
 */
function rulesFor(entry: AuditLogEntry, fields: CompiledFields, placeholder: string) {
  const items = isItemList(entry);
  const inner = (path: Path): Path => (items && typeof path[0] === "number" ? path.slice(1) : path);
  const isHidden = (path: Path) => {
    const at = inner(path);
    return at.length > 0 && fields.isHidden(at);
  };
  const isRedacted = (path: Path) => {
    const at = inner(path);
    return at.length > 0 && fields.isRedacted(at);
  };
  const scrub = (change: FieldChange): FieldChange => {
    if (!items) return change;
    const at = inner(change.path);
    if (at.length > 0 && fields.isRedacted(at)) {
      const masked: FieldChange = { ...change, text: undefined };
      if ("before" in change) masked.before = placeholder;
      if ("after" in change) masked.after = placeholder;
      return masked;
    }
    // A whole record (an item added or removed), or an object inside one: its hidden and redacted fields go.
    const before = fields.scrub(change.before, at, placeholder);
    const after = fields.scrub(change.after, at, placeholder);
    return before === change.before && after === change.after ? change : { ...change, before, after };
  };
  return {
    inner,
    isRedacted,
    /** For summaries and exports: hidden fields left out, redacted values masked (in item lists). */
    apply: (changes: readonly FieldChange[]) => changes.filter((change) => !isHidden(change.path)).map(scrub),
    /** For a diff: `<RecordDiff fields>` handles record paths itself; item lists need the rules applied here. */
    applyToDiff: (changes: FieldChange[]) => (items ? changes.filter((change) => !isHidden(change.path)).map(scrub) : changes),
  };
}

/**
 * Compiles `fields` (as `<RecordDiff fields>`) once per content: an inline object does
 * not redo the work. `isExcluded` (hidden or redacted: what a search or an export must
 * not read) keeps its identity while the content stands.
 */
export function useCompiledFields(input: RecordDiffFields | undefined): { fields: CompiledFields; isExcluded: (path: Path) => boolean } {
  // Only what summaries, searches and exports read (hidden, redact, label).
  const key = JSON.stringify(
    Object.entries(input ?? {}).map(([pattern, field]) => [pattern, Boolean(field?.hidden), Boolean(field?.redact), field?.label ?? null]),
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fields = useMemo(() => compileFields(input), [key]);
  const isExcluded = useCallback((path: Path) => fields.isHidden(path) || fields.isRedacted(path), [fields]);
  return { fields, isExcluded };
}

/**
 * How the kit reads log entries for display: replays the history for before-values,
 * then describes each entry (author, action, summary, changes) with the same hidden and
 * redacted fields its diffs use. `useAuditTimeline` and `useAuditLogTable` both read
 * through it, so an entry reads the same in both.
 */
export function useAuditEntryDescriber(options: UseAuditEntryDescriberOptions): UseAuditEntryDescriberResult {
  const { allEntries, recordId, idField, ignore, timeZone } = options;
  const { t, locale } = useAuditTranslate(options.locale);
  const formatters = useMemo(() => createFormatters(locale, timeZone), [locale, timeZone]);
  const history = useMemo(() => replayHistory(allEntries, { idField }), [allEntries, idField]);

  const ignoreKey = JSON.stringify(ignore ?? null);
  const { fields, isExcluded } = useCompiledFields(options.fields);
  // Summaries use the fields' own formatters, as the diffs do: the latest ones, and a new
  // formatter (a category map that has loaded) renews the descriptions. Keep formatters
  // stable (module level, `useMemo`), or every render describes the rows shown again.
  const formatKey = Object.values(options.fields ?? {})
    .map((field) => (field?.format ? functionId(field.format) : 0))
    .join(",");
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const formatFields = useMemo(() => compileFields(options.fields), [fields, formatKey]);

  // Per-entry descriptions and change lists, kept while what they depend on stands.
  const cache = useMemo(
    () => new Map<AuditLogEntry, { summary?: FieldChange[]; full?: readonly FieldChange[]; description?: AuditEntryDescription }>(),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [history, ignoreKey, recordId, idField, t, formatters, fields, formatFields],
  );
  // The last full change list handed out per entry key, across cache renewals: a refresh
  // or a rename that leaves an entry's changes as they were hands out the same array, so
  // an open diff keeps its paging and expanded values.
  const handedOut = useRef(new Map<string, readonly FieldChange[]>());

  const describe = useCallback(
    (entry: AuditLogEntry): AuditEntryDescription => {
      let cached = cache.get(entry);
      if (!cached) cache.set(entry, (cached = {}));
      if (cached.description) return cached.description;
      const changeOptions = { history, recordId, idField, ignore };
      const rules = rulesFor(entry, fields, t("auditLog.recordDiff.redacted", "(hidden)"));
      const summaryChanges = (cached.summary ??= rules.apply(
        getEntryChanges(entry, { ...changeOptions, includeUnchanged: false, minTextDiffLength: Number.POSITIVE_INFINITY }),
      ));
      const summary = summarizeChanges(entry, summaryChanges, { recordId, isRedacted: rules.isRedacted });
      const authorLabel = getAuthorLabel(entry.author);
      const key = String(entry.id);
      const entryCache = cached;
      cached.description = {
        key,
        entry,
        isBulk: isBulkAction(entry.action),
        recordCount: entry.recordIds.length,
        authorLabel: authorLabel ?? t("auditLog.author.unknown", "Unknown"),
        isAuthorUnknown: authorLabel === undefined,
        actionLabel: formatAction(entry, t, formatters),
        summary,
        summaryText: formatSummary(
          summary,
          t,
          formatters,
          (path) => fields.getLabel(path, ""),
          // A field's own formatter reads as in its diff ("€369.99", a category's title); one that throws falls back.
          (value, side, change) => {
            if (rules.isRedacted(change.path)) return undefined;
            const format = formatFields.get(rules.inner(change.path))?.format;
            if (!format) return undefined;
            try {
              return String(format(value, { side, change, locale: formatters.locale }));
            } catch {
              return undefined;
            }
          },
        ),
        hasChanges: summaryChanges.length > 0,
        changes: summaryChanges,
        getChanges: () => {
          if (entryCache.full) return entryCache.full;
          const fresh = rules.applyToDiff(getEntryChanges(entry, changeOptions));
          const previous = handedOut.current.get(key);
          entryCache.full = previous && isSameChangeList(previous, fresh) ? previous : fresh;
          handedOut.current.set(key, entryCache.full);
          return entryCache.full;
        },
      };
      return cached.description;
    },
    // `ignore` is read through `cache`, which its key renews.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cache],
  );

  return { describe, history, fields, isExcluded, t, locale, formatters };
}
