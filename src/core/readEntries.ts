import { formatValue } from "./formatValue";
import type { ChangeOverflow, WorkBudgetLimits } from "./budget";
import type { ChangeSet } from "./computeChanges";
import { createFormatters, formatAction, formatSummary, type TimelineFormatters } from "./formatEntry";
import { isBulkAction, type AuditHistory } from "./history";
import { getAuthorLabel, type AuditId, type AuditLogEntry } from "./normalizeLog";
import { createItemAt, getEntryDiff, isItemListEntry, policyPath, toCompiledFields, type ItemReader, type PolicyChangeSet } from "./pipeline";
import type { CompiledFields, RecordDiffFields } from "./policy";
import { getValueField, type ReferenceLookup } from "./references";
import type { ChangeSummary } from "./summarizeChanges";
import { summarizeChanges } from "./summarizeChanges";
import { englishTranslate, type AuditTranslate } from "./translate";
import type { FieldChange, Path, PathSegment } from "./types";
import { getValueType, isRedactedValue, safeGet, safeKeys, toArray } from "./values";

/** One entry in words and data, the policy applied: what the timeline's items, the table's rows and the exports show. */
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
  /** The summary in words (values shortened); hidden fields left out, redacted values "(hidden)". */
  summaryText: string;
  /** The same summary with its values whole, for an export. */
  getFullSummaryText: () => string;
  /** There is something to show in a diff. */
  hasChanges: boolean;
  /**
   * What the entry changed, as summaries, searches and exports read it: changed fields
   * only (no unchanged rows, no word diff), the policy applied (hidden fields gone,
   * redacted values replaced by markers, `isRedacted`).
   */
  changes: readonly FieldChange[];
  /** What the work budget left out of `changes` (say so where they are shown). */
  overflow: ChangeOverflow | undefined;
  /**
   * The entry's full diff (unchanged rows and word diffs included, before-values
   * reconstructed where the log lacks them), the policy applied. Computed on first call.
   */
  getDiff: () => ChangeSet;
  /** `getDiff().changes`. */
  getChanges: () => readonly FieldChange[];
  /**
   * Reads the entry's items, the policy applied, to name them in labels: pass it to
   * `<RecordDiff readItem>`, or to `getLabel` through `createItemAt` ("Variants ›
   * LGT-ARC-BLK › Price").
   */
  readItem?: ItemReader;
}

/**
 * How an entry relates to a changed-field filter: `changed` (the field's value differs
 * from its known earlier value), `possible` (the entry wrote the field, but its earlier
 * value is not recorded: it may have changed), or `false`.
 */
export type FieldMatch = "changed" | "possible" | false;

/** Options of {@link createEntryReader}. */
export interface EntryReaderOptions {
  /** The replayed history before-values come from (see `replayHistory`). */
  history?: AuditHistory;
  /** The record shown (a record's history); `undefined` for a whole resource. */
  recordId?: AuditId;
  /** The field that holds a record's id in bulk `data` / `previousData` items. Default `"id"`. */
  idField?: string;
  /** Paths left out of the comparison. */
  ignore?: readonly string[];
  /** The policy: labels, formatters, hidden and redacted fields. */
  fields?: CompiledFields | RecordDiffFields;
  /** The work budget of each entry. */
  budget?: WorkBudgetLimits;
  /** Translates the words (English by default). */
  t?: AuditTranslate;
  /** Intl formatters for a locale and time zone (`createFormatters`). */
  formatters?: TimelineFormatters;
  /**
   * What is known of referenced records (`fields[…].reference`): summaries and searches
   * read them by their labels, exports with the id beside. Without it, ids.
   */
  references?: ReferenceLookup;
  /**
   * The diffs of an earlier reader with the same history, policy and budget, to reuse:
   * a reader renewed only because labels arrived (`references`) computes no diff again.
   * See {@link createEntryDiffCache}.
   */
  diffCache?: EntryDiffCache;
}

/** The diffs a reader computed, per entry: shareable between readers of the same history, policy and budget. */
export type EntryDiffCache = WeakMap<AuditLogEntry, { summary?: PolicyChangeSet; diff?: PolicyChangeSet; matches?: Map<string, FieldMatch> }>;

/** A new, empty {@link EntryDiffCache}. */
export function createEntryDiffCache(): EntryDiffCache {
  return new WeakMap();
}

/** Reads entries through the pipeline, once each; see {@link createEntryReader}. */
export interface EntryReader {
  /** Describes an entry (cached per entry object). */
  describe: (entry: AuditLogEntry) => AuditEntryDescription;
  /**
   * What the entry changed, as `describe(entry).changes` (the policy applied), without the
   * words: for work over many entries (filter suggestions) that shows no summary.
   */
  getChanges: (entry: AuditLogEntry) => readonly FieldChange[];
  /** Whether the entry changed a field (a dotted path); see {@link FieldMatch}. Hidden fields never match. Cached per entry and field. */
  matchField: (entry: AuditLogEntry, field: string) => FieldMatch;
  /**
   * The words a free-text search looks in, lower-cased: the entry's action, name,
   * author, record ids, and the values it changed, after the policy (hidden and
   * redacted values are not in it). Bounded: 5,000 values, 32 levels deep.
   */
  getSearchText: (entry: AuditLogEntry) => string;
  /** The compiled policy. */
  fields: CompiledFields;
  t: AuditTranslate;
  formatters: TimelineFormatters;
}

const MAX_SEARCH_VALUES = 5_000;
const MAX_SEARCH_DEPTH = 32;

/**
 * The pipeline's reader: every view of an entry (a timeline item, a table row and its
 * filters, search, suggestions and exports) reads it here, so the policy (`fields`,
 * `ignore`) and the work budget are applied once and the same way everywhere. Pure:
 * use it on a server to compute summaries, filters and redacted exports.
 *
 * @example
 * const reader = createEntryReader({ history: replayHistory(entries), fields: { password: { redact: true } } });
 * reader.describe(entries[0]).summaryText; // "Changed Password (hidden)"
 */
export function createEntryReader(options: EntryReaderOptions = {}): EntryReader {
  const { history, recordId, idField, ignore, budget } = options;
  const t = options.t ?? englishTranslate;
  const formatters = options.formatters ?? createFormatters(undefined);
  const fields = toCompiledFields(options.fields);
  const redactedText = t("auditLog.recordDiff.redacted", "(hidden)");
  const { references } = options;
  const diffs = options.diffCache ?? createEntryDiffCache();
  const slot = (entry: AuditLogEntry) => {
    let cached = diffs.get(entry);
    if (!cached) diffs.set(entry, (cached = {}));
    return cached;
  };
  // Words depend on this reader's labels and translations: never shared.
  const words = new WeakMap<AuditLogEntry, { description?: AuditEntryDescription; search?: string }>();
  const wordSlot = (entry: AuditLogEntry) => {
    let cached = words.get(entry);
    if (!cached) words.set(entry, (cached = {}));
    return cached;
  };
  const base = { history, recordId, idField, ignore, fields, budget, redactedText };
  const summaryDiff = (entry: AuditLogEntry): PolicyChangeSet =>
    (slot(entry).summary ??= getEntryDiff(entry, { ...base, includeUnchanged: false, minTextDiffLength: Number.POSITIVE_INFINITY }));

  const describe = (entry: AuditLogEntry): AuditEntryDescription => {
    const cached = wordSlot(entry);
    if (cached.description) return cached.description;
    const diffSlot = slot(entry);
    const { changes, overflow, readItem } = summaryDiff(entry);
    const summary = summarizeChanges(entry, changes, { recordId, overflow });
    const isItemList = isItemListEntry(entry);
    // The summary names the paths of its first change: items are read along that change's path.
    const labelOptions = { itemAt: summary.type === "changed" ? createItemAt(readItem, summary.first) : undefined, t, locale: formatters.locale, isItemList };
    const summaryOptions = (maxValueLength: number, forExport = false) => ({
      getLabel: (path: Path) => fields.getLabel(path, "", labelOptions),
      getItemName: (item: unknown, path: Path) => fields.getItemName(item, policyPath(path, isItemList)),
      maxValueLength,
      // A field's own formatter reads as in its diff ("€369.99"); one that throws falls back.
      formatField: (value: unknown, side: "before" | "after", change: FieldChange) => {
        if (change.isRedacted || isRedactedValue(value)) return undefined;
        const field = getValueField(fields, policyPath(change.path, isItemList));
        if (field?.format) {
          try {
            return String(field.format(value, { side, change, locale: formatters.locale }));
          } catch {
            return undefined;
          }
        }
        // A typed field (`type: "currency"`…) reads as in its diff; an image as its URL; a reference by its label (an export: with its id).
        if (!field?.type && !field?.reference) return undefined;
        // A value that does not fit its type reads the default way (named, or by its size), never as JSON.
        const typed = formatValue(value, { t, locale: formatters.locale, timeZone: formatters.timeZone, field, references });
        if (typed.type === "reference" && forExport) return typed.exportText;
        return typed.type === "json" ? undefined : typed.text;
      },
    });
    const authorLabel = getAuthorLabel(entry.author);
    const description: AuditEntryDescription = {
      key: String(entry.id),
      entry,
      isBulk: isBulkAction(entry.action),
      recordCount: entry.recordIds.length,
      authorLabel: authorLabel ?? t("auditLog.author.unknown", "Unknown"),
      isAuthorUnknown: authorLabel === undefined,
      actionLabel: formatAction(entry, t, formatters),
      summary,
      summaryText: formatSummary(summary, t, formatters, summaryOptions(40)),
      getFullSummaryText: () => formatSummary(summary, t, formatters, summaryOptions(Number.POSITIVE_INFINITY, true)),
      hasChanges: changes.length > 0 || overflow !== undefined,
      changes,
      overflow,
      getDiff: () => (diffSlot.diff ??= getEntryDiff(entry, base)),
      getChanges: () => description.getDiff().changes,
      readItem,
    };
    cached.description = description;
    return description;
  };

  // A filter, a status count and each row ask the same question: answered once per entry and field.
  const matchField = (entry: AuditLogEntry, field: string): FieldMatch => {
    const matches = (slot(entry).matches ??= new Map());
    let match = matches.get(field);
    if (match === undefined) matches.set(field, (match = readFieldMatch(entry, field)));
    return match;
  };

  const readFieldMatch = (entry: AuditLogEntry, field: string): FieldMatch => {
    const wanted = field.split(".").filter((segment) => segment !== "");
    // A filter on a hidden field matches nothing, so it reveals nothing (not even through a changed ancestor).
    if (wanted.length === 0 || fields.isHidden(wanted)) return false;
    const isItemList = isItemListEntry(entry);
    let match: FieldMatch = false;
    for (const change of summaryDiff(entry).changes) {
      if (change.kind === "unchanged") continue;
      const at = policyPath(change.path, isItemList);
      // The change is at the field, below it, or holds it whole (an object set or added).
      const length = Math.min(at.length, wanted.length);
      let same = at.length > 0;
      for (let i = 0; same && i < length; i++) same = String(at[i]) === wanted[i];
      if (!same) continue;
      if (at.length < wanted.length && change.isRedacted) {
        // Below a redacted field nothing is known but that the field changed: it may have.
        match = "possible";
        continue;
      }
      if (at.length < wanted.length) {
        // A whole object changed: the field changed if it is in it and differs between the sides.
        const rest = wanted.slice(at.length);
        const before = readPath(change.before, rest);
        const after = readPath(change.after, rest);
        if (before === after || (before === undefined && after === undefined)) continue;
      }
      if (!change.isBeforeUnknown) return "changed";
      match = "possible";
    }
    return match;
  };

  const getSearchText = (entry: AuditLogEntry): string => {
    const cached = wordSlot(entry);
    if (cached.search !== undefined) return cached.search;
    const parts = [entry.action, entry.name ?? "", getAuthorLabel(entry.author) ?? "", entry.author?.email ?? "", ...entry.recordIds.map(String)];
    let left = MAX_SEARCH_VALUES;
    // An explicit stack over the policy's output: no raw value, no recursion.
    const stack: { value: unknown; depth: number }[] = [];
    const isItemList = isItemListEntry(entry);
    for (const change of summaryDiff(entry).changes) {
      if (change.isRedacted) continue;
      // A reference is found by its label too ("Lighting" finds category 7).
      const field = references ? getValueField(fields, policyPath(change.path, isItemList)) : undefined;
      if (field?.reference) {
        for (const value of [change.before, change.after]) {
          const formatted = value == null ? undefined : formatValue(value, { t, locale: formatters.locale, field: { reference: field.reference }, references });
          if (formatted?.type === "reference") parts.push(formatted.text);
        }
      }
      stack.push({ value: change.after, depth: 0 }, { value: change.before, depth: 0 });
      while (stack.length > 0 && left > 0) {
        const { value, depth } = stack.pop()!;
        const type = getValueType(value);
        if (type === "string" || type === "number" || type === "boolean" || type === "bigint") {
          parts.push(String(value));
          left--;
        } else if (type === "date") {
          const time = (value as Date).getTime();
          if (!Number.isNaN(time)) parts.push((value as Date).toISOString());
          left--;
        } else if ((type === "object" || type === "array") && depth < MAX_SEARCH_DEPTH) {
          const children: unknown[] = type === "array" ? [...toArray(value)] : safeKeys(value as object).map((key) => safeGet(value as object, key));
          for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i], depth: depth + 1 });
        }
      }
      stack.length = 0;
    }
    cached.search = parts.join("\n").toLowerCase();
    return cached.search;
  };

  return { describe, getChanges: (entry) => summaryDiff(entry).changes, matchField, getSearchText, fields, t, formatters };
}

/** The best match of an entry among several changed-field filters: `changed` wins over `possible`. */
export function matchAnyField(reader: Pick<EntryReader, "matchField">, entry: AuditLogEntry, fields: readonly string[]): FieldMatch {
  let match: FieldMatch = false;
  for (const field of fields) {
    const found = reader.matchField(entry, field);
    if (found === "changed") return "changed";
    if (found === "possible") match = "possible";
  }
  return match;
}

/** The dotted paths (two levels) an entry's changes touch, after the policy: suggestions for a changed-field filter. */
export function getChangedFieldPaths(description: Pick<AuditEntryDescription, "entry" | "changes">, depth = 2): string[] {
  const { entry, changes } = description;
  const isItemList = isItemListEntry(entry);
  const out = new Set<string>();
  for (const change of changes) {
    if (change.kind === "unchanged") continue;
    const at: readonly PathSegment[] = policyPath(change.path, isItemList);
    for (let length = 1; length <= Math.min(depth, at.length); length++) {
      if (typeof at[length - 1] === "number") break;
      out.add(at.slice(0, length).join("."));
    }
  }
  return [...out];
}

/** The value at a path of own keys (array indices as numbers), or `undefined`. Iterative. */
function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const segment of path) {
    const type = getValueType(current);
    if (type === "array") current = toArray(current)[Number(segment)];
    else if (type === "object") current = Object.hasOwn(current as object, segment) ? safeGet(current as object, segment) : undefined;
    else return undefined;
    if (current === undefined) return undefined;
  }
  return current;
}
