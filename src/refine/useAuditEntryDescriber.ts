import { useMemo, useRef } from "react";
import type { WorkBudgetLimits } from "../core/budget";
import type { ChangeSet } from "../core/computeChanges";
import { createFormatters, type TimelineFormatters } from "../core/formatEntry";
import { replayHistory, type AuditHistory } from "../core/history";
import type { AuditId, AuditLogEntry } from "../core/normalizeLog";
import { compileFields, type CompiledFields, type RecordDiffFields } from "../core/policy";
import { createEntryDiffCache, createEntryReader, type AuditEntryDescription, type EntryReader } from "../core/readEntries";
import { isItemListEntry } from "../core/pipeline";
import { collectReferences, hasReferences, type ReferenceLookup, type ReferenceRequests } from "../core/references";
import type { AuditTranslate } from "../core/translate";
import { isSameChangeList } from "../shared/isSameChangeList";
import { useAuditTranslate } from "./useAuditTranslate";
import { useReferenceLabels } from "./useReferenceLabels";

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
  /** The policy (as `<RecordDiff fields>`). Compared by content (formatters by identity: keep them stable). */
  fields?: RecordDiffFields;
  /** The work budget of each entry. */
  budget?: WorkBudgetLimits;
  /** Overrides the app's locale. */
  locale?: string;
  /** An IANA time zone for dates. Default: the viewer's. */
  timeZone?: string;
  /**
   * Reconstruct missing before-values by replaying `allEntries` (default `true`). `false`
   * when the entries are not a stretch of the history in time (a server-side page filtered
   * by author, or sorted by action): replaying them would infer wrong values, so
   * before-values come from `previousData` only, else "not recorded".
   */
  replay?: boolean;
}

/** The result of {@link useAuditEntryDescriber}. */
export interface UseAuditEntryDescriberResult {
  /** Describes an entry through the pipeline; cached per entry while the options stand. */
  describe: (entry: AuditLogEntry) => AuditEntryDescription;
  /** The pipeline's reader behind `describe`: filters (`matchField`, `getSearchText`) read entries through it too. */
  reader: EntryReader;
  /** The replayed history the before-values come from. */
  history: AuditHistory;
  /** The compiled policy: `isHidden`, `isRedacted`, `getLabel`, `scrub`. */
  fields: CompiledFields;
  t: AuditTranslate;
  locale: string | undefined;
  formatters: TimelineFormatters;
  /**
   * What is known of the records the entries refer to (`fields[…].reference`), resolved
   * for all entries at once (one request per resource). Give it to the diffs inside
   * through `ReferenceLookupContext`. `undefined` without references or outside Refine.
   */
  references: ReferenceLookup | undefined;
}

const functionIds = new WeakMap<object, number>();
let nextFunctionId = 1;
/** A number per function, for cache keys (a new function: a new number). */
function functionId(fn: unknown): number {
  if (typeof fn !== "function") return 0;
  let id = functionIds.get(fn);
  if (id === undefined) functionIds.set(fn, (id = nextFunctionId++));
  return id;
}

/** A key that stands for `fields`' content: an inline object with the same rules is the same policy. */
export function getFieldsKey(fields: RecordDiffFields | undefined): string {
  return JSON.stringify(
    Object.entries(fields ?? {}).map(([pattern, field]) => [
      pattern,
      Boolean(field?.hidden),
      Boolean(field?.redact),
      field?.label ?? null,
      functionId(field?.format),
      field?.type ?? null,
      field?.currency ?? null,
      field?.options ?? null,
      field?.allowedOrigins ?? null,
      field?.baseUrl ?? null,
      field?.reference ? [field.reference.resource, typeof field.reference.label === "function" ? functionId(field.reference.label) : (field.reference.label ?? null), field.reference.idField ?? null, field.reference.dataProviderName ?? null] : null,
      typeof field?.itemLabel === "function" ? functionId(field.itemLabel) : (field?.itemLabel ?? null),
    ]),
  );
}

/** A key that stands for what `fields` hides and redacts (what the pipeline reads), labels and formatters aside. */
export function getRulesKey(fields: RecordDiffFields | undefined): string {
  return JSON.stringify(Object.entries(fields ?? {}).map(([pattern, field]) => [pattern, Boolean(field?.hidden), Boolean(field?.redact)]));
}

/** `fields` compiled once per content (see {@link getFieldsKey}). */
export function useCompiledFields(fields: RecordDiffFields | undefined): CompiledFields {
  const key = getFieldsKey(fields);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => compileFields(fields), [key]);
}

/**
 * How the kit reads log entries for display, in React: replays the history for
 * before-values and reads each entry through the pipeline (`createEntryReader`: the
 * policy and the work budget applied once), with the app's translations and locale.
 * `useAuditTimeline` and `useAuditLogTable` both read through it, so an entry reads the
 * same in both, in their filters and in their exports.
 */
export function useAuditEntryDescriber(options: UseAuditEntryDescriberOptions): UseAuditEntryDescriberResult {
  const { allEntries, recordId, idField, timeZone } = options;
  const { t, locale } = useAuditTranslate(options.locale);
  const formatters = useMemo(() => createFormatters(locale, timeZone), [locale, timeZone]);
  const replay = options.replay !== false;
  const history = useMemo(() => replayHistory(replay ? allEntries : [], { idField }), [allEntries, idField, replay]);
  const fields = useCompiledFields(options.fields);
  const ignoreKey = JSON.stringify(options.ignore ?? null);
  const budgetKey = JSON.stringify(options.budget ?? null);
  // The last full diff handed out per entry key, across renewals: a refresh or a rename
  // that leaves an entry's changes as they were hands out the same array, so an open
  // diff keeps its paging and expanded values.
  const handedOut = useRef(new Map<string, ChangeSet>());
  // The diffs do not depend on labels: a reader renewed when labels arrive reuses them.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const diffCache = useMemo(() => createEntryDiffCache(), [history, recordId, idField, ignoreKey, budgetKey, fields]);
  // The ids the entries refer to, after the policy (a redacted reference is never asked for).
  const withReferences = hasReferences(options.fields);
  const requests = useMemo(() => {
    if (!withReferences) return undefined;
    const collector = createEntryReader({ history, recordId, idField, ignore: options.ignore, fields, budget: options.budget, diffCache });
    const out: ReferenceRequests = new Map();
    for (const entry of allEntries) collectReferences(collector.getChanges(entry), fields, isItemListEntry(entry), out);
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [withReferences, allEntries, diffCache]);
  const { lookup: references } = useReferenceLabels(requests);
  const reader = useMemo(() => {
    const base = createEntryReader({ history, recordId, idField, ignore: options.ignore, fields, budget: options.budget, t, formatters, references, diffCache });
    const described = new WeakMap<AuditEntryDescription, AuditEntryDescription>();
    const describe = (entry: AuditLogEntry): AuditEntryDescription => {
      const plain = base.describe(entry);
      let stable = described.get(plain);
      if (!stable) {
        let diff: ChangeSet | undefined;
        const getDiff = () => {
          if (diff) return diff;
          const fresh = plain.getDiff();
          const previous = handedOut.current.get(plain.key);
          diff = previous && isSameChangeList(previous.changes, fresh.changes) && previous.overflow === undefined && fresh.overflow === undefined ? previous : fresh;
          handedOut.current.set(plain.key, diff);
          return diff;
        };
        stable = { ...plain, getDiff, getChanges: () => getDiff().changes };
        described.set(plain, stable);
      }
      return stable;
    };
    return { ...base, describe };
    // `ignore` and `budget` are read through their keys: inline literals are fine.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [diffCache, t, formatters, references]);
  return { describe: reader.describe, reader, history, fields, t, locale, formatters, references };
}
