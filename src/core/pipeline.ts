import { toWorkBudget, type ChangeOverflow, type WorkBudget, type WorkBudgetLimits } from "./budget";
import { computeChangeSet, type ChangeSet } from "./computeChanges";
import { getEntryChangeSet, type EntryChangesOptions } from "./history";
import type { AuditLogEntry } from "./normalizeLog";
import { compileFields, type CompiledFields, type RecordDiffFields, type RecordDiffSide } from "./policy";
import type { ComputeChangesOptions, FieldChange, Path } from "./types";
import { toPathKey } from "./path";
import { toReferenceId } from "./referenceId";
import { getValueType, RedactedValue, safeGet, toArray } from "./values";

/**
 * The policy and the limits every view of an entry reads it with: what `fields` and
 * `ignore` say (hide, redact, label, format), and the work budget. Applied once, in
 * {@link getEntryDiff} / {@link diffRecords}, before anything else sees the changes.
 */
export interface AuditPolicyOptions {
  /** Labels, formatters, hidden and redacted fields (compiled, or as given to a component). */
  fields?: CompiledFields | RecordDiffFields;
  /** Paths left out of the comparison (`updatedAt`, `*.version`, `meta.**`). */
  ignore?: readonly string[];
  /** The limits of the work on one entry (default {@link DEFAULT_WORK_BUDGET}), or a budget being spent. */
  budget?: WorkBudget | WorkBudgetLimits;
  /** The text a redacted value shows as ("(hidden)", translated). */
  redactedText?: string;
}

/** Options of {@link getEntryDiff}: how the entry is read (history, record) and the policy. */
export interface EntryDiffOptions extends Omit<EntryChangesOptions, "ignore" | "budget">, AuditPolicyOptions {}

/** Options of {@link diffRecords}. */
export interface DiffRecordsOptions extends Omit<ComputeChangesOptions, "ignore" | "budget">, AuditPolicyOptions {}

const isCompiled = (fields: AuditPolicyOptions["fields"]): fields is CompiledFields =>
  !!fields && typeof (fields as CompiledFields).isHidden === "function" && typeof (fields as CompiledFields).scrub === "function";

/** `fields` compiled (once: a compiled policy is returned as it is). */
export function toCompiledFields(fields: AuditPolicyOptions["fields"]): CompiledFields {
  return isCompiled(fields) ? fields : compileFields(fields);
}

/**
 * True for an entry whose data or previousData is a list (of records: a bulk entry). Its
 * changes are read with {@link policyPath}: leading indices are the items', not a record's.
 */
export function isItemListEntry(entry: AuditLogEntry): boolean {
  return getValueType(entry.data) === "array" || getValueType(entry.previousData) === "array";
}

/** What the pipeline gives for an entry or a pair of records: the changes, what the budget left out, and how many hidden fields went. */
export interface PolicyChangeSet extends ChangeSet {
  /** Hidden fields (`fields[…].hidden`) the changes touched: a count of fields, not of what changed below them. */
  hiddenCount: number;
  /**
   * Reads the compared values' items, the policy applied, to name them in labels
   * (`getLabel`'s `itemAt`, through {@link createItemAt}). Set when the values are known
   * (`getEntryDiff`, `diffRecords`, `applyPolicyToSet` with `values`).
   */
  readItem?: ItemReader;
}

/**
 * Reads one side of a diff's compared values at a path (an array item, to name it in a
 * label), with the policy applied: hidden fields gone, redacted ones markers, and a hidden
 * or redacted item itself a marker. `undefined` when that side has nothing there.
 */
export type ItemReader = (path: Path, side: RecordDiffSide) => unknown;

/**
 * An {@link ItemReader} of two values: own keys and indices only, one step per segment
 * (no recursion, at most the path's length); each value returned is scrubbed once (by
 * path and side) when the policy hides or redacts anything.
 */
export function createItemReader(before: unknown, after: unknown, fields: CompiledFields, isItemList?: boolean): ItemReader {
  const scrubbed = new Map<string, unknown>();
  return (path, side) => {
    const value = readValueAt(side === "before" ? before : after, path);
    if (value === undefined || !fields.hasRules) return value;
    const key = `${side}\u0000${JSON.stringify(path)}`;
    if (scrubbed.has(key)) return scrubbed.get(key);
    if (scrubbed.size > 256) scrubbed.clear();
    const out = fields.scrub(value, policyPath(path, isItemList));
    scrubbed.set(key, out);
    return out;
  };
}

/**
 * The `itemAt` of `getLabel` for one change: each item its path goes through, from the
 * new version, else the old one. An added or removed item's own index is of one version
 * only (the new, the old): the other's item there is another item, so it is never read.
 */
export function createItemAt(readItem: ItemReader | undefined, change: Pick<FieldChange, "kind" | "path">): ((prefix: Path) => unknown) | undefined {
  if (!readItem) return undefined;
  return (prefix) => {
    if (prefix.length === change.path.length && change.kind === "removed") return readItem(prefix, "before");
    if (prefix.length === change.path.length && change.kind === "added") return readItem(prefix, "after");
    const value = readItem(prefix, "after");
    return value !== undefined ? value : readItem(prefix, "before");
  };
}

/**
 * The value at a path of own keys and array indices, or `undefined`. Iterative; each step
 * costs the same whatever the size (a Map or Set, which would be copied to be indexed,
 * holds no item to read).
 */
function readValueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const segment of path) {
    const type = getValueType(current);
    if (typeof segment === "number") {
      try {
        if (type !== "array" || !Array.isArray(current)) return undefined;
        current = (current as readonly unknown[])[segment];
      } catch {
        return undefined; // a revoked proxy holds nothing
      }
    } else {
      if (type !== "object") return undefined;
      try {
        if (!Object.hasOwn(current as object, segment)) return undefined;
      } catch {
        return undefined; // a revoked proxy holds nothing
      }
      current = safeGet(current as object, segment);
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** Options of {@link applyPolicy}. */
export interface ApplyPolicyOptions {
  /**
   * The changes are of a list of records (a bulk entry seen from the whole resource):
   * paths start with the item's index, and the patterns, written for a record, apply
   * to the path inside each item.
   */
  isItemList?: boolean;
  /** The marker redacted values become. Default a {@link RedactedValue} "(hidden)". */
  marker?: RedactedValue;
  /** The budget that scrubbing values shown whole spends (past it, their parts show as "…"). */
  budget?: WorkBudget;
  /** The two values compared (as given, no policy applied): the result's `readItem` reads them, the policy applied. */
  values?: { before: unknown; after: unknown };
}

/**
 * The path the policy's patterns see. In a list of records (an item list), the item's
 * index is not part of a record's path: every leading index is dropped, so a list of
 * lists is read as records too (the patterns apply inside, never around them).
 */
export function policyPath(path: Path, isItemList: boolean | undefined): Path {
  if (!isItemList) return path;
  let start = 0;
  while (start < path.length && typeof path[start] === "number") start++;
  return start === 0 ? path : path.slice(start);
}

/**
 * Applies the policy to changes, the step every view reads after:
 *
 * - hidden fields are gone, with everything below them;
 * - a redacted field keeps only the fact of its change: every change at or below it
 *   becomes one change at the redacted field itself (`isRedacted: true`, both values the
 *   marker, no word diff, no note, no index), so neither its values nor its keys, length
 *   or order show;
 * - values shown whole (an added object, an array item, a list of records) lose their
 *   hidden parts and have their redacted parts replaced by the marker.
 *
 * Idempotent: applying it twice changes nothing more.
 */
export function applyPolicy(changes: readonly FieldChange[], fields: CompiledFields, options: ApplyPolicyOptions = {}): FieldChange[] {
  return applyPolicyToSet({ changes }, fields, options).changes;
}

/**
 * {@link applyPolicy} on a change set: the overflow is kept, and the hidden fields the
 * changes touched are counted (fields, not the changes below them: how much a hidden field
 * changed is not said).
 */
export function applyPolicyToSet(set: ChangeSet | { changes: readonly FieldChange[]; overflow?: ChangeOverflow }, fields: CompiledFields, options: ApplyPolicyOptions = {}): PolicyChangeSet {
  const marker = options.marker ?? new RedactedValue();
  const { isItemList, budget } = options;
  const out: FieldChange[] = [];
  const hidden = new Set<string>();
  // One folded change per redacted field, at the place of its first change.
  const folded = new Map<string, FieldChange>();
  /** The path of the field a pattern matched `depth` segments into `at` (a root match means each field). */
  const fieldPath = (change: FieldChange, at: Path, depth: number) => change.path.slice(0, change.path.length - at.length + Math.min(Math.max(depth, 1), at.length));
  for (const change of set.changes) {
    const at = policyPath(change.path, isItemList);
    const hiddenAt = fields.hiddenDepth(at);
    if (hiddenAt >= 0) {
      hidden.add(toPathKey(fieldPath(change, at, hiddenAt)));
      continue;
    }
    const redactedAt = fields.redactedDepth(at);
    if (redactedAt >= 0) {
      const path = fieldPath(change, at, redactedAt);
      const key = toPathKey(path);
      const existing = folded.get(key);
      if (existing) {
        mergeFolded(existing, change, path.length);
        continue;
      }
      const masked: FieldChange = { path, key, kind: foldedKind(change, path.length), isRedacted: true };
      if (masked.kind !== "added") masked.before = marker;
      if (masked.kind !== "removed") masked.after = marker;
      if (change.isBeforeUnknown) masked.isBeforeUnknown = true;
      if (change.isBeforeInferred) masked.isBeforeInferred = true;
      if (masked.isBeforeUnknown) delete masked.before;
      folded.set(key, masked);
      out.push(masked);
      continue;
    }
    // An id in a list of references is an identity: one id put in another's place is one
    // removed and one added ("Removed Steel", "Added Sale"), never one "changed" into another.
    // Only ids: an object in the list is a value like any other, scrubbed below.
    if (change.kind === "changed" && !change.isBeforeUnknown && toReferenceId(change.before) !== undefined && toReferenceId(change.after) !== undefined && isReferenceListItem(fields, at)) {
      const { after, text: _text, ...removed } = change;
      out.push({ ...removed, kind: "removed" }, { path: change.path, key: change.key, kind: "added", after });
      continue;
    }
    if (!fields.hasRules) {
      out.push(change);
      continue;
    }
    // A list of records shown whole (a bulk entry's root): each item is a record; an item
    // that is itself a list cannot be read as one, and shows as the marker (fail closed).
    const scrubSide = (value: unknown) =>
      isItemList && at.length === 0 && getValueType(value) === "array"
        ? toArray(value).map((item) => (getValueType(item) === "array" ? marker : fields.scrub(item, [], marker, budget)))
        : fields.scrub(value, at, marker, budget);
    const before = "before" in change ? scrubSide(change.before) : undefined;
    const after = "after" in change ? scrubSide(change.after) : undefined;
    if (before === change.before && after === change.after) out.push(change);
    else {
      const scrubbed: FieldChange = { ...change };
      if ("before" in change) scrubbed.before = before;
      if ("after" in change) scrubbed.after = after;
      // A word diff would show the text itself again.
      if (change.text) delete scrubbed.text;
      out.push(scrubbed);
    }
  }
  const result: PolicyChangeSet = set.overflow ? { changes: out, overflow: set.overflow, hiddenCount: hidden.size } : { changes: out, hiddenCount: hidden.size };
  if (options.values) result.readItem = createItemReader(options.values.before, options.values.after, fields, isItemList);
  return result;
}

/** True for an item of a list of ids (`tagIds[2]` under `tagIds: { reference }`). */
function isReferenceListItem(fields: CompiledFields, at: Path): boolean {
  return at.length > 1 && typeof at[at.length - 1] === "number" && !!fields.get(at.slice(0, -1))?.reference && !fields.get(at)?.reference;
}

/** The kind a redacted field's one change takes: its own kind when the change is the field itself, else "changed". */
function foldedKind(change: FieldChange, length: number): FieldChange["kind"] {
  if (change.path.length === length && (change.kind === "added" || change.kind === "removed" || change.kind === "unchanged")) return change.kind;
  return "changed";
}

/** A further change below a redacted field: the folded change only says "changed" (unchanged stays unchanged only if all are). */
function mergeFolded(folded: FieldChange, change: FieldChange, length: number) {
  const kind = foldedKind(change, length);
  if (folded.kind === kind) return;
  if (folded.kind === "unchanged") folded.kind = kind;
  else if (kind !== "unchanged") folded.kind = "changed";
  if (folded.kind === "changed") {
    if (!folded.isBeforeUnknown && !("before" in folded)) folded.before = folded.after;
    if (!("after" in folded)) folded.after = folded.before;
  }
  if (change.isBeforeUnknown) {
    folded.isBeforeUnknown = true;
    delete folded.before;
  }
}

/**
 * The pipeline for one log entry: its changes (before-values from `previousData`, else
 * replayed from `history`), within the work budget, then the policy. What every view
 * shows of the entry (diff rows, summaries, search, filters, exports) comes from here.
 *
 * @example
 * const { changes, overflow } = getEntryDiff(entry, { history, fields: { password: { redact: true } } });
 */
export function getEntryDiff(entry: AuditLogEntry, options: EntryDiffOptions = {}): PolicyChangeSet {
  const { fields, redactedText, ...rest } = options;
  const budget = toWorkBudget(options.budget);
  const set = getEntryChangeSet(entry, { ...rest, budget });
  // Paths that start with an index are of a list of records (a bulk entry seen from the
  // whole resource, or a part that is a list): the patterns apply inside the records.
  const isItemList = isItemListEntry(entry);
  return applyPolicyToSet(set, toCompiledFields(fields), { isItemList, marker: new RedactedValue(redactedText), budget, values: set.values });
}

/** The pipeline for two versions of a record (see {@link getEntryDiff}). */
export function diffRecords(previous: unknown, next: unknown, options: DiffRecordsOptions = {}): PolicyChangeSet {
  const { fields, redactedText, ...rest } = options;
  const budget = toWorkBudget(options.budget);
  const set = computeChangeSet(previous, next, { ...rest, budget });
  return applyPolicyToSet(set, toCompiledFields(fields), { marker: new RedactedValue(redactedText), budget, values: { before: previous, after: next } });
}

