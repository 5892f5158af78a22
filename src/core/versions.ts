import { isWorkBudget, toWorkBudget, type WorkBudget, type WorkBudgetLimits } from "./budget";
import { applyChanges } from "./applyChanges";
import { computeChangeSet } from "./computeChanges";
import { getActionKind, getEntryChangeSet, getRecordPart, type AuditHistory, type KnownRecordState } from "./history";
import type { AuditId, AuditLogEntry } from "./normalizeLog";
import { applyPolicyToSet, toCompiledFields, type AuditPolicyOptions, type PolicyChangeSet } from "./pipeline";
import { compilePathPatterns, toPathKey } from "./path";
import type { CompiledFields } from "./policy";
import type { FieldChange, GetItemId, Path, PathSegment } from "./types";
import { getValueType, isRedactedValue, RedactedValue, safeGet, safeKeys } from "./values";

/**
 * Stands for the record as it is now (read from the data provider), where a version is
 * named: `compareVersions({ from: 12, to: CURRENT_VERSION })`. An entry whose id is the
 * text `"current"` cannot be named this way.
 */
export const CURRENT_VERSION = "current";

/** A version of a record: the state after a log entry, or the record as it is now. */
export type VersionRef = AuditId | typeof CURRENT_VERSION;

/** Options shared by the version functions: the policy, the budget, and how records are read. */
export interface VersionOptions extends AuditPolicyOptions {
  /**
   * {@link planWrite} only: the target is a few fields on purpose (a revert), so the
   * record's other fields are not listed as "not recorded".
   */
  onlyTargetFields?: boolean;
  /** The field that holds a record's id (never written back; read in bulk entries). Default `"id"`. */
  idField?: string;
  /** Identity of array items (default: an object's `id`, else `_id`, else `key`). */
  getItemId?: GetItemId;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => getValueType(value) === "object";

/** The own fields of a record, as a plain object (`__proto__` stays a field). */
function ownFields(value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) return {};
  const out: Record<string, unknown> = {};
  for (const key of safeKeys(value)) setOwn(out, key, safeGet(value, key));
  return out;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function pick(value: unknown, keys: Iterable<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isPlainObject(value)) return out;
  for (const key of keys) if (Object.hasOwn(value, key)) setOwn(out, key, safeGet(value, key));
  return out;
}

/**
 * The state of a record right after `entry`, as far as the log knows it (see
 * `replayHistory`): `undefined` when the entry deleted it or nothing is known.
 */
export function getVersionState(history: AuditHistory, entry: AuditLogEntry, recordId: AuditId): KnownRecordState | undefined {
  return history.stateAfter(entry, recordId);
}

/** What {@link compareVersionStates} found between two versions. */
export interface VersionComparison extends PolicyChangeSet {
  /**
   * Fields the older version has but the newer one's log never recorded (the newer side
   * is a reconstruction): not compared, counted so the view can say so.
   */
  notRecordedCount: number;
  /** The older version did not exist (before the record's create, or after a delete). */
  isOlderMissing: boolean;
  /** The newer version does not exist (the record was deleted). */
  isNewerMissing: boolean;
}

/** Options of {@link compareVersionStates}. */
export interface CompareVersionStatesOptions extends VersionOptions {
  /**
   * The newer side is the whole record (read from the data provider), not a
   * reconstruction: a field it lacks was removed, not "not recorded".
   */
  isNewerComplete?: boolean;
  /** Include unchanged fields. Default true (a diff folds them into a count). */
  includeUnchanged?: boolean;
}

/**
 * The changes between two versions of a record, older first, through the pipeline (the
 * policy and the work budget applied once). Versions reconstructed from the log hold
 * only what the log recorded: a field the older side never recorded is a change whose
 * earlier value is "not recorded" (`isBeforeUnknown`), never "added"; a field the newer
 * side never recorded is left out and counted (`notRecordedCount`).
 *
 * @example
 * compareVersionStates(history.stateAfter(entry, 7), currentRecord, { isNewerComplete: true, fields });
 */
export function compareVersionStates(older: KnownRecordState | undefined, newer: KnownRecordState | undefined, options: CompareVersionStatesOptions = {}): VersionComparison {
  const { fields, ignore, redactedText, getItemId, isNewerComplete = false, includeUnchanged = true, idField = "id" } = options;
  const budget = toWorkBudget(options.budget);
  // The id names the record; it is not one of its versions' values (a create's data lacks it).
  const withoutId = (state: KnownRecordState) => {
    const out = ownFields(state);
    delete out[idField];
    return out;
  };
  const olderFields = older === undefined ? undefined : withoutId(older);
  const newerFields = newer === undefined ? undefined : withoutId(newer);
  let notRecordedCount = 0;
  let left = olderFields;
  if (olderFields && newerFields && !isNewerComplete) {
    // Fields the newer reconstruction never saw are unknown there: not compared.
    const known = Object.keys(olderFields).filter((key) => Object.hasOwn(newerFields, key));
    notRecordedCount = Object.keys(olderFields).length - known.length;
    left = pick(olderFields, known);
  }
  const set = computeChangeSet(left, newerFields, { ignore, getItemId, includeUnchanged, budget });
  if (olderFields && newerFields) {
    set.changes = set.changes.map((change) => {
      const top = String(change.path[0]);
      if (change.path.length === 1 && change.kind === "added" && !Object.hasOwn(olderFields, top)) {
        const { before: _before, ...rest } = change;
        return { ...rest, kind: "changed", isBeforeUnknown: true };
      }
      return change;
    });
  }
  const compiled = toCompiledFields(fields);
  const result = applyPolicyToSet(set, compiled, { marker: new RedactedValue(redactedText), budget, values: { before: left, after: newerFields } });
  return { ...result, notRecordedCount, isOlderMissing: older === undefined, isNewerMissing: newer === undefined };
}

/**
 * Why a field is not written back by a restore or a revert:
 * - `not-recorded`: the log does not hold its value in that version
 * - `redacted`: the policy redacts it (or a part of it): its value cannot be shown, so it is not written
 * - `incomparable`: it could not be compared (a function, a cycle, an unreadable value, too deep)
 */
export type LeftOutReason = "not-recorded" | "redacted" | "incomparable";

/** A field a restore or revert leaves as it is, and why. Hidden fields are not listed, only counted. */
export interface LeftOutField {
  path: Path;
  /** The path joined with dots, as `FieldChange.key`. */
  key: string;
  reason: LeftOutReason;
}

/** What a restore or a revert would write, and what it leaves out; see {@link planWrite}. */
export interface WritePlan {
  /** The patch to write (top-level fields), for Refine's `useUpdate` `values`. Empty when nothing is to be written. */
  values: Record<string, unknown>;
  /** Exactly what the patch changes, current value → value to write, through the policy: what a confirmation shows. */
  preview: PolicyChangeSet;
  /** Fields left as they are, and why (hidden fields only counted, in `hiddenCount`). */
  leftOut: LeftOutField[];
  /** Hidden fields (`fields[…].hidden`) that differ and are left as they are. */
  hiddenCount: number;
  /** The record does not exist now (nothing to update). */
  isRecordMissing: boolean;
  /** The comparison ran out of budget: nothing may be written (a partial restore would be a guess). */
  isTooLarge: boolean;
  /** Nothing to write: the record already holds the values (or all were left out). */
  isEmpty: boolean;
}

const UNSAFE_NOTES = new Set<FieldChange["note"]>(["circular", "incomparable", "too-deep"]);

/**
 * Whether a value written at `path` would carry a part the policy hides or redacts, or a
 * redaction marker: walked iteratively, within the budget (past it: unsafe).
 */
function findUnsafePart(value: unknown, path: Path, fields: CompiledFields, budget: WorkBudget): "redacted" | "hidden" | "incomparable" | undefined {
  const stack: [unknown, Path][] = [[value, path]];
  while (stack.length > 0) {
    const [current, at] = stack.pop()!;
    if (++budget.work > budget.limits.maxWork) return "incomparable";
    if (isRedactedValue(current)) return "redacted";
    if (fields.hasRules) {
      if (fields.hiddenDepth(at) >= 0) return "hidden";
      if (fields.redactedDepth(at) >= 0) return "redacted";
    }
    const type = getValueType(current);
    if (type !== "object" && type !== "array") continue;
    if (at.length - path.length > budget.limits.maxDepth) return "incomparable";
    if (type === "array") (current as unknown[]).forEach((item, index) => stack.push([item, [...at, index]]));
    else for (const key of safeKeys(current as object)) stack.push([safeGet(current as object, key), [...at, key]]);
  }
  return undefined;
}

/**
 * Plans writing `target` (a version of the record, as far as the log knows it) over
 * `current` (the record as it is now): the patch of top-level fields that makes the
 * record hold the target's values, and the exact diff it writes. Safe by construction:
 *
 * - fields the target does not know (the log never recorded them) are left as they are,
 *   listed `not-recorded`; the id field is never written;
 * - changes at or under a redacted or hidden field are not written (the user could not
 *   see them in the confirmation); the rest of that field's changes are (a redacted
 *   `card.cvv` keeps its current value while `card.number` is restored);
 * - values that cannot be compared are left out; when the comparison runs out of budget
 *   nothing is written (`isTooLarge`).
 *
 * Fields under `ignore` are neither compared nor written.
 *
 * @example
 * const plan = planWrite(currentRecord, history.stateAfter(entry, 7)!, { fields });
 * if (!plan.isEmpty) update({ resource, id: 7, values: plan.values, meta: { restoredFrom: entry.id } });
 */
export function planWrite(current: unknown, target: KnownRecordState, options: VersionOptions = {}): WritePlan {
  const { ignore, getItemId, redactedText, idField = "id" } = options;
  const fields = toCompiledFields(options.fields);
  const budget = toWorkBudget(options.budget);
  const marker = new RedactedValue(redactedText);
  const empty = (extra: Partial<WritePlan>): WritePlan => ({
    values: {},
    preview: { changes: [], hiddenCount: 0 },
    leftOut: [],
    hiddenCount: 0,
    isRecordMissing: false,
    isTooLarge: false,
    isEmpty: true,
    ...extra,
  });
  if (!isPlainObject(current)) return empty({ isRecordMissing: true });
  const isIgnored = compilePathPatterns(ignore);
  const targetFields = ownFields(target);
  const targetKeys = Object.keys(targetFields).filter((key) => key !== idField);
  const leftOut: LeftOutField[] = [];
  const leftOutKeys = new Set<string>();
  const hidden = new Set<string>();
  const leave = (path: Path, reason: LeftOutReason) => {
    const key = toPathKey(path);
    if (leftOutKeys.has(key)) return;
    leftOutKeys.add(key);
    leftOut.push({ path, key, reason });
  };

  // Fields the record has now that the version never recorded: left as they are.
  for (const key of options.onlyTargetFields ? [] : safeKeys(current)) {
    if (key === idField || Object.hasOwn(targetFields, key) || isIgnored?.([key])) continue;
    if (fields.hiddenDepth([key]) >= 0) continue; // not named, not counted: it is not part of the version either
    leave([key], fields.redactedDepth([key]) >= 0 ? "redacted" : "not-recorded");
  }

  const before = pick(current, targetKeys);
  const after = pick(targetFields, targetKeys);
  const raw = computeChangeSet(before, after, { ignore, getItemId, includeUnchanged: false, budget });
  if (raw.overflow) return empty({ isTooLarge: true, leftOut });

  let kept: FieldChange[] = [];
  const droppedRoots = new Set<string>();
  for (const change of raw.changes) {
    const hiddenAt = fields.hiddenDepth(change.path);
    if (hiddenAt >= 0) {
      hidden.add(toPathKey(change.path.slice(0, Math.max(hiddenAt, 1))));
      droppedRoots.add(change.key);
      continue;
    }
    const redactedAt = fields.redactedDepth(change.path);
    if (redactedAt >= 0) {
      leave(change.path.slice(0, Math.max(redactedAt, 1)), "redacted");
      droppedRoots.add(change.key);
      continue;
    }
    if (change.note && UNSAFE_NOTES.has(change.note)) {
      leave(change.path, "incomparable");
      droppedRoots.add(change.key);
      continue;
    }
    // A value written whole must hold nothing the policy hides or redacts below it; nor may
    // a value replaced or removed whole (its hidden or redacted parts would go unseen).
    let unsafe = "after" in change ? findUnsafePart(change.after, change.path, fields, budget) : undefined;
    if (!unsafe && "before" in change && (change.kind === "changed" || change.kind === "removed")) unsafe = findUnsafePart(change.before, change.path, fields, budget);
    if (unsafe === "hidden") hidden.add(change.key);
    else if (unsafe) leave(change.path, unsafe);
    else {
      kept.push(change);
      continue;
    }
    droppedRoots.add(change.key);
  }
  // Changes under one left out go too: a moved item's edits (listed at its new index) would
  // land on whichever item takes that place.
  if (droppedRoots.size > 0) {
    kept = kept.filter((change) => {
      for (let length = change.path.length - 1; length > 0; length--) if (droppedRoots.has(toPathKey(change.path.slice(0, length)))) return false;
      return true;
    });
  }

  const touched = new Set(kept.map((change) => String(change.path[0])));
  const base = pick(before, touched);
  const written = applyChanges(base, kept);
  const values = pick(written, touched);
  const previewSet = computeChangeSet(base, values, { ignore, getItemId, includeUnchanged: false, budget: toWorkBudget(options.budget) });
  const preview = applyPolicyToSet(previewSet, fields, { marker, budget: toWorkBudget(options.budget), values: { before: base, after: values } });
  return {
    values,
    preview,
    leftOut,
    hiddenCount: hidden.size,
    isRecordMissing: false,
    isTooLarge: false,
    isEmpty: touched.size === 0,
  };
}

/**
 * Why one change cannot be reverted:
 * - `not-recorded`: its earlier value is not in the log
 * - `redacted`: the policy redacts it
 * - `not-an-update`: the entry created or deleted the record (restore a version instead)
 * - `unsupported`: an item that only moved, or a value that could not be compared
 * - `changed-since`: the list it is in has changed since, so its position cannot be trusted
 * - `not-found`: the change is not in the entry (any more)
 */
export type RevertUnavailableReason = "not-recorded" | "redacted" | "not-an-update" | "unsupported" | "changed-since" | "not-found";

/** What {@link getRevertTarget} gives: the field's value to write back, or why it cannot be. */
export type RevertTarget = { ok: true; target: KnownRecordState; change: FieldChange } | { ok: false; reason: RevertUnavailableReason };

/** Options of {@link getRevertTarget}. */
export interface RevertTargetOptions extends VersionOptions {
  /** The replayed history the entry belongs to (for before-values Refine did not log). */
  history?: AuditHistory;
  /** The record (its part of a bulk entry). Default: the entry's only record. */
  recordId?: AuditId;
  /** The change's kind, when a key is shared (an item removed at one index and another added there). */
  changeKind?: FieldChange["kind"];
  /** The change's exact path (`row.change.path`): a key with a dot (`"a.b"`) and a nested `a › b` share a dotted key. */
  changePath?: Path;
}

const hasIndex = (path: Path) => path.some((segment) => typeof segment === "number");
/** Equal within a fresh budget of the same limits (a budget being spent is not spent further here). */
const isSameValue = (a: unknown, b: unknown, budget: WorkBudgetLimits | WorkBudget | undefined) =>
  compareRecords(a, b, isWorkBudget(budget) ? budget.limits : budget) === "same";

/**
 * What reverting one change of an entry writes: the change undone inside the record as
 * it is now, as a target for {@link planWrite}. The change is found again in the entry's
 * own values (by its key), never taken from what a view showed (those may be redacted).
 *
 * A top-level field gets its earlier value back. A change deeper in a record is undone in
 * the field's current value, so later changes elsewhere in it stay; inside a list, only
 * while the list is as the entry left it (positions are the entry's).
 *
 * @example
 * const result = getRevertTarget(current, entry, "price", { history, fields });
 * if (result.ok) planWrite(current, result.target, { fields });
 */
export function getRevertTarget(current: unknown, entry: AuditLogEntry, changeKey: string, options: RevertTargetOptions = {}): RevertTarget {
  const kind = getActionKind(entry.action);
  if (kind === "create" || kind === "delete") return { ok: false, reason: "not-an-update" };
  const fields = toCompiledFields(options.fields);
  const recordId = options.recordId ?? (entry.recordIds.length === 1 ? entry.recordIds[0] : undefined);
  const set = getEntryChangeSet(entry, {
    history: options.history,
    recordId,
    idField: options.idField,
    ignore: options.ignore,
    getItemId: options.getItemId,
    includeUnchanged: false,
    budget: toWorkBudget(options.budget),
  });
  const { changePath, changeKind } = options;
  const samePath = (path: Path) => !changePath || (path.length === changePath.length && path.every((segment, i) => segment === changePath[i]));
  const change = set.changes.find((candidate) => candidate.key === changeKey && (changeKind === undefined || candidate.kind === changeKind) && samePath(candidate.path));
  if (!change) return { ok: false, reason: "not-found" };
  if (fields.redactedDepth(change.path) >= 0 || fields.hiddenDepth(change.path) >= 0) return { ok: false, reason: "redacted" };
  if (change.isBeforeUnknown) return { ok: false, reason: "not-recorded" };
  if (change.kind === "moved" || change.kind === "unchanged" || (change.note && UNSAFE_NOTES.has(change.note))) return { ok: false, reason: "unsupported" };
  const [top, ...rest] = change.path;
  if (top === undefined || typeof top !== "string") return { ok: false, reason: "unsupported" };
  if (rest.length === 0) {
    // A top-level field that did not exist before cannot be written "absent" by an update.
    if (change.kind === "added") return { ok: false, reason: "not-recorded" };
    return { ok: true, target: { [top]: change.before }, change };
  }
  const currentField = isPlainObject(current) && Object.hasOwn(current, top) ? safeGet(current, top) : undefined;
  if (hasIndex(change.path)) {
    const part = recordId === undefined ? entry.data : getRecordPart(entry.data, entry, recordId, options);
    const afterField = isPlainObject(part) ? safeGet(part, top) : undefined;
    if (!isSameValue(currentField, afterField, options.budget)) return { ok: false, reason: "changed-since" };
  }
  const inverse = invert(change);
  const reverted = applyChanges({ [top]: currentField }, [inverse]) as Record<string, unknown>;
  return { ok: true, target: { [top]: reverted[top] }, change };
}

/** The change that undoes `change` (applied to the value the change produced). */
function invert(change: FieldChange): FieldChange {
  const path: PathSegment[] = [...change.path];
  if (change.kind === "added") return { path, key: change.key, kind: "removed", before: change.after };
  if (change.kind === "removed") return { path, key: toPathKey(path), kind: "added", after: change.before };
  return { path, key: change.key, kind: "changed", before: change.after, after: change.before };
}

/**
 * Whether two reads of a record hold the same values: `same`, `different`, or `unknown`
 * when the comparison ran out of budget (then neither can be claimed).
 */
export function compareRecords(a: unknown, b: unknown, budget?: WorkBudgetLimits): "same" | "different" | "unknown" {
  const set = computeChangeSet(a, b, { includeUnchanged: false, budget: toWorkBudget(budget) });
  // A container past the budget is one "too-large" change: not compared, so not known to differ.
  const isUnsure = (change: FieldChange) => change.note === "too-large" || change.note === "too-deep";
  if (set.changes.some((change) => !isUnsure(change))) return "different";
  return set.overflow || set.changes.length > 0 ? "unknown" : "same";
}
