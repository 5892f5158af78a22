import { toWorkBudget, type ChangeOverflow, type WorkBudget, type WorkBudgetLimits } from "./budget";
import { computeChangeSet, type ChangeSet } from "./computeChanges";
import { getEntryChangeSet, type EntryChangesOptions } from "./history";
import type { AuditLogEntry } from "./normalizeLog";
import { compileFields, type CompiledFields, type RecordDiffFields } from "./policy";
import type { ComputeChangesOptions, FieldChange, Path } from "./types";
import { toPathKey } from "./path";
import { getValueType, RedactedValue, toArray } from "./values";

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
  return set.overflow ? { changes: out, overflow: set.overflow, hiddenCount: hidden.size } : { changes: out, hiddenCount: hidden.size };
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
  return applyPolicyToSet(set, toCompiledFields(fields), { isItemList, marker: new RedactedValue(redactedText), budget });
}

/** The pipeline for two versions of a record (see {@link getEntryDiff}). */
export function diffRecords(previous: unknown, next: unknown, options: DiffRecordsOptions = {}): PolicyChangeSet {
  const { fields, redactedText, ...rest } = options;
  const budget = toWorkBudget(options.budget);
  const set = computeChangeSet(previous, next, { ...rest, budget });
  return applyPolicyToSet(set, toCompiledFields(fields), { marker: new RedactedValue(redactedText), budget });
}

