import { createWorkBudget, isWorkBudget, toWorkBudget, type WorkBudget, type WorkBudgetLimits } from "./budget";
import { computeChangeSet } from "./computeChanges";
import { getActionKind, getRecordPart, type AuditHistory } from "./history";
import { sameId, type AuditId, type AuditLogEntry } from "./normalizeLog";
import { compilePathPatterns, splitPattern } from "./path";
import { toCompiledFields } from "./pipeline";
import type { CompiledFields, RecordDiffFields } from "./policy";
import type { Path, PathSegment } from "./types";
import { getValueType, leavesEqual, RedactedValue, safeGet, toArray } from "./values";

/**
 * What one point of a field's history says happened to the field:
 *
 * - `created`: the record was created with this value;
 * - `changed`: an update changed it from a known earlier value (logged, or replayed from
 *   earlier entries: `isInferred`), or gave it a value where it was known to have none;
 * - `written`: an update wrote this value, but what it held before is not recorded
 *   (`isBeforeUnknown`): it may or may not have changed; never read it as "set";
 * - `removed`: the record is still there but the field no longer holds a value (an
 *   update replaced an object above it, or set a parent to `null`);
 * - `deleted`: the record was deleted (and the field with it).
 */
export type FieldHistoryPointKind = "created" | "changed" | "written" | "removed" | "deleted";

/**
 * One log entry after which the field's known value differs from what was known before
 * it. Values are the policy's: a `RedactedValue` marker when the field (or an ancestor) is
 * redacted; objects shown whole have their hidden parts left out and redacted parts
 * replaced by the marker.
 */
export interface FieldHistoryPoint {
  /** The log entry that made the point. */
  entry: AuditLogEntry;
  kind: FieldHistoryPointKind;
  /** The field's value after the entry; `undefined` when it has none (`hasValue: false`). */
  value: unknown;
  /** The field holds a value after the entry: false after a delete or a removal. */
  hasValue: boolean;
  /** The value known just before the entry, when one was (`hasBefore`): from the entry's `previousData`, else replayed (`isInferred`). */
  before?: unknown;
  /** A value was known just before the entry (false for a create, an unknown earlier value, or one known to be absent). */
  hasBefore: boolean;
  /** The entry wrote the field, but what it held before is not recorded: say "earlier value not recorded". */
  isBeforeUnknown: boolean;
  /** The earlier value this point is compared with was reconstructed from earlier entries, not read from the entry's `previousData`. */
  isInferred?: boolean;
  /** The policy redacts the field (or an ancestor): `value` and `before` are markers. */
  isRedacted: boolean;
  /**
   * Comparing the earlier and the new value ran out of work budget (or met a container too
   * large or too deep to compare): the entry wrote the field, and it may not have changed.
   */
  isIncomplete?: boolean;
}

/** What {@link getFieldHistory} left out. A UI says so where the points are listed. */
export interface FieldHistoryOverflow {
  /** Older points not listed (past `maxPoints`): "12 older values not shown". */
  omittedCount: number;
  /** Some comparisons ran out of budget: those points (`isIncomplete`) may not be changes. */
  isIncomplete: boolean;
}

/** The history of one field of one record; see {@link getFieldHistory}. */
export interface FieldHistoryResult {
  /** The field's path, as parsed from the dotted text (index segments as numbers). */
  path: Path;
  /** The points, newest first (entries without a time after the dated ones, as in a timeline). */
  points: FieldHistoryPoint[];
  /** The policy hides the field (or an ancestor): there are no points, and no values are said. */
  isHidden: boolean;
  /** The policy redacts the field (or an ancestor): the points say who and when, never the value. */
  isRedacted: boolean;
  /** Set when points were left out or some comparison was not complete. */
  overflow?: FieldHistoryOverflow;
}

/** Options of {@link getFieldHistory}. */
export interface FieldHistoryOptions {
  /** The policy (compiled, or as given to a component): hidden and redacted fields, by path pattern. */
  fields?: CompiledFields | RecordDiffFields;
  /**
   * Paths whose changes do not count (`*.updatedAt`), when they lie below the field: a
   * field's history is asked for by name, so a pattern that matches the field itself (or
   * an ancestor) is not applied to it.
   */
  ignore?: readonly string[];
  /**
   * The limits of each comparison of an earlier and a new value (default
   * `DEFAULT_WORK_BUDGET`), or one budget being spent, shared by every comparison.
   */
  budget?: WorkBudget | WorkBudgetLimits;
  /** The field that holds a record's id inside bulk `data` / `previousData` items. Default `"id"`. */
  idField?: string;
  /** The most points listed (the newest); the rest are counted in `overflow.omittedCount`. Default 1,000. */
  maxPoints?: number;
  /** The text redacted values show as ("(hidden)", translated). */
  redactedText?: string;
}

/** How many points {@link getFieldHistory} lists unless told otherwise. */
export const DEFAULT_MAX_FIELD_HISTORY_POINTS = 1000;

const INDEX = /^(?:0|[1-9]\d{0,14})$/;

/**
 * Parses a field's dotted path: `price`, `supplier.address.street`, `items.0.qty` (index
 * segments become numbers). A key that holds a dot is written escaped: `card\.cvv`. A path,
 * not a pattern: `*` is a key like any other.
 *
 * @example
 * parseFieldPath("items.0.qty") // ["items", 0, "qty"]
 */
export function parseFieldPath(field: string): Path {
  return splitPattern(field).map((segment): PathSegment => (INDEX.test(segment) ? Number(segment) : segment));
}

/** What the log says of a field at one moment: unknown, known to hold no value, or known to hold `value`. */
type Known = { known: false } | { known: true; present: false } | { known: true; present: true; value: unknown };

const UNKNOWN: Known = { known: false };
const ABSENT: Known = { known: true, present: false };

/** An own, defined property, read without throwing; `undefined` when there is none. */
function ownDefined(value: unknown, key: string): unknown {
  if (getValueType(value) !== "object") return undefined;
  try {
    return Object.hasOwn(value as object, key) ? safeGet(value as object, key) : undefined;
  } catch {
    return undefined; // a proxy whose trap throws: nothing can be read
  }
}

/**
 * The field in a record (a replayed state, or an entry's part of `data` / `previousData`).
 * The top-level field is known only when the record holds it (states hold only what the
 * log showed); below it, a missing key, or a parent that is not a container, means the
 * field holds no value. Walks the path only: never the value.
 */
function readField(record: unknown, path: Path): Known {
  let current = ownDefined(record, String(path[0]));
  if (current === undefined) return UNKNOWN;
  for (let i = 1; i < path.length; i++) {
    const segment = path[i]!;
    const type = getValueType(current);
    if (type === "object") current = ownDefined(current, String(segment));
    else if (type === "array") {
      const items = toArray(current);
      current = typeof segment === "number" && segment < items.length ? items[segment] : undefined;
    } else if (type === "unreadable") return UNKNOWN;
    else return ABSENT;
    if (current === undefined) return ABSENT;
  }
  return { known: true, present: true, value: current };
}

/** `value` nested under `path` in plain objects, so patterns written for whole records apply to it. */
function wrap(value: unknown, path: Path): unknown {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const parent: Record<string, unknown> = {};
    // Own keys only: a `__proto__` segment must stay a key, never a prototype.
    Object.defineProperty(parent, String(path[i]), { value: out, enumerable: true, writable: true, configurable: true });
    out = parent;
  }
  return out;
}

type Sameness = "same" | "different" | "unknown";

const isWalkable = (type: string) => type === "object" || type === "array";
const isIncomparable = (type: string) => type === "function" || type === "symbol" || type === "unreadable";

/**
 * Whether two values of the field differ, as a diff would say: leaves by value (Dates by
 * time, NaN equals NaN), containers through `computeChangeSet` within the budget. Changes
 * below a hidden path say nothing; a container too large or too deep to compare, or a walk
 * cut short by the budget, leaves the answer `unknown`.
 */
function compareValues(before: unknown, after: unknown, path: Path, fields: CompiledFields, ignore: readonly string[] | undefined, budget: WorkBudget): Sameness {
  if (before === after) return "same";
  const beforeType = getValueType(before);
  const afterType = getValueType(after);
  if (!isWalkable(beforeType) || !isWalkable(afterType)) {
    if (isIncomparable(beforeType) || isIncomparable(afterType)) return "different";
    return leavesEqual(before, after) ? "same" : "different";
  }
  const set = computeChangeSet(wrap(before, path), wrap(after, path), { ignore, budget, includeUnchanged: false, minTextDiffLength: Number.POSITIVE_INFINITY });
  let isUncertain = set.overflow !== undefined && (set.overflow.isIncomplete || set.overflow.omittedCount > 0);
  for (const change of set.changes) {
    if (fields.hiddenDepth(change.path) >= 0) continue;
    if (change.note === "too-large" || change.note === "too-deep") {
      isUncertain = true;
      continue;
    }
    return "different";
  }
  return isUncertain ? "unknown" : "same";
}

/** The ignore patterns that apply below the field: none that matches the field itself or an ancestor. */
function ignoreBelow(ignore: readonly string[] | undefined, path: Path): string[] | undefined {
  const kept = (ignore ?? []).filter((pattern) => {
    const matcher = compilePathPatterns([pattern]);
    return matcher !== undefined && !matcher(path);
  });
  return kept.length > 0 ? kept : undefined;
}

/** A point before its values are put through the policy (only the points listed are). */
type FoundPoint = Omit<FieldHistoryPoint, "isRedacted">;

/**
 * Every value one field of one record has had, as far as the log says, newest first: the
 * answer to "when did the price become 39, and who did it?". Reads the replayed history
 * (`replayHistory`): one point per entry after which the field's known value differs from
 * what was known before it:
 *
 * - a create that gave it a value (`created`);
 * - an update that changed it (`changed`; `isInferred` when the earlier value was replayed
 *   rather than logged), or wrote it where no earlier value is known (`written`,
 *   `isBeforeUnknown`: "earlier value not recorded", never "set");
 * - an update that took its value away (`removed`), a delete of the record (`deleted`).
 *
 * Bulk entries count for each record they name (`meta.ids`, the record's own part of
 * `data` / `previousData`). The field is a dotted path (`supplier.address.street`,
 * `card\.cvv` for a key with a dot). The policy applies: a hidden field (or ancestor) has
 * no points at all (`isHidden`); a redacted one keeps who and when, its values markers.
 *
 * Work is bounded: each comparison of two values spends a work budget (past it the point
 * is kept, marked `isIncomplete`), values are walked without recursion, and at most
 * `maxPoints` points are listed. Never throws on what a provider can return.
 *
 * @example
 * const history = replayHistory(entries);
 * getFieldHistory(history, 7, "price").points.map((point) => point.value); // [39, 50, 45]: newest first
 */
export function getFieldHistory(history: AuditHistory, recordId: AuditId, field: string, options: FieldHistoryOptions = {}): FieldHistoryResult {
  const path = parseFieldPath(field);
  const fields = toCompiledFields(options.fields);
  if (path.length === 0) return { path, points: [], isHidden: false, isRedacted: false };
  // A hidden field says nothing, not even when it changed.
  if (fields.hiddenDepth(path) >= 0) return { path, points: [], isHidden: true, isRedacted: false };
  const isRedacted = fields.redactedDepth(path) >= 0;
  const ignore = ignoreBelow(options.ignore, path);
  const replay = { idField: options.idField };
  // One budget for the whole history: each comparison gets at most an entry's budget, and
  // all of them together at most ten (a long history of large values stays bounded; past
  // it, points are kept and marked incomplete).
  // A budget already being spent (shared with other work) is charged; limits start a fresh one.
  const given = isWorkBudget(options.budget) ? options.budget : undefined;
  const perEntry = toWorkBudget(options.budget).limits;
  let workLeft = given ? Math.max(0, perEntry.maxWork - given.work) : perEntry.maxWork * 10;
  const dated: FoundPoint[] = [];
  const undated: FoundPoint[] = [];

  /** The point `entry` makes, if it makes one. */
  const readPoint = (entry: AuditLogEntry): FoundPoint | undefined => {
    const kind = getActionKind(entry.action);
    // The earlier value: the entry's own previousData when it holds the field (exact), else the replay's.
    const logged = kind === "create" ? UNKNOWN : readField(getRecordPart(entry.previousData, entry, recordId, replay), path);
    const before = kind === "create" ? UNKNOWN : logged.known ? logged : readField(history.stateBefore(entry, recordId), path);
    const earlier = before.known && before.present ? { before: before.value, hasBefore: true, ...(logged.known ? {} : { isInferred: true }) } : { hasBefore: false };
    if (kind === "delete") {
      return before.known && before.present ? { entry, kind: "deleted", value: undefined, hasValue: false, isBeforeUnknown: false, ...earlier } : undefined;
    }
    const after = readField(getRecordPart(entry.data, entry, recordId, replay), path);
    // The entry did not write the field (nor an object holding it).
    if (!after.known) return undefined;
    if (kind === "create") return after.present ? { entry, kind: "created", value: after.value, hasValue: true, hasBefore: false, isBeforeUnknown: false } : undefined;
    if (!before.known) return after.present ? { entry, kind: "written", value: after.value, hasValue: true, hasBefore: false, isBeforeUnknown: true } : undefined;
    if (!after.present) return before.present ? { entry, kind: "removed", value: undefined, hasValue: false, isBeforeUnknown: false, ...earlier } : undefined;
    if (!before.present) return { entry, kind: "changed", value: after.value, hasValue: true, isBeforeUnknown: false, ...earlier };
    const budget = createWorkBudget({ ...perEntry, maxWork: Math.max(0, Math.min(perEntry.maxWork, workLeft)) });
    const sameness = compareValues(before.value, after.value, path, fields, ignore, budget);
    workLeft -= budget.work;
    if (given) given.work += budget.work;
    if (sameness === "same") return undefined;
    return { entry, kind: "changed", value: after.value, hasValue: true, isBeforeUnknown: false, ...earlier, ...(sameness === "unknown" ? { isIncomplete: true } : {}) };
  };

  // Oldest first, as replayed: entries without a time come last (a replay cannot place them).
  for (const entry of history.entries) {
    if (!entry.recordIds.some((id) => sameId(id, recordId))) continue;
    const found = readPoint(entry);
    if (!found) continue;
    (entry.createdAt ? dated : undated).push(found);
  }

  // Newest first: the dated points from the newest, then the undated ones likewise.
  const ordered = [...dated.reverse(), ...undated.reverse()];
  const requested = options.maxPoints;
  const maxPoints = typeof requested === "number" && requested >= 0 ? Math.floor(requested) : DEFAULT_MAX_FIELD_HISTORY_POINTS;
  const listed = ordered.slice(0, maxPoints);
  const omittedCount = ordered.length - listed.length;

  // The policy, on the points listed only: markers for a redacted field, scrubbed copies of objects shown whole.
  const marker = new RedactedValue(options.redactedText);
  // One budget for every copy shown (past it, parts show as "…"), as for the comparisons.
  const scrubBudget = given ?? createWorkBudget({ ...perEntry, maxWork: perEntry.maxWork * 10 });
  const shown = (value: unknown) => (isRedacted ? marker : fields.hasRules ? fields.scrub(value, path, marker, scrubBudget) : value);
  const points = listed.map(({ before, value, ...rest }): FieldHistoryPoint => {
    // Raw values never leave: only what the policy shows.
    const point: FieldHistoryPoint = { ...rest, value: rest.hasValue ? shown(value) : undefined, isRedacted };
    if (rest.hasBefore) point.before = shown(before);
    return point;
  });
  const isIncomplete = points.some((point) => point.isIncomplete);
  const result: FieldHistoryResult = { path, points, isHidden: false, isRedacted };
  if (omittedCount > 0 || isIncomplete) result.overflow = { omittedCount, isIncomplete };
  return result;
}
