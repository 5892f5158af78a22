import { workLimitOf } from "./budget";
import { computeChangeSet, type ChangeSet } from "./computeChanges";
import { sameId, type AuditId, type AuditLogEntry } from "./normalizeLog";
import type { ComputeChangesOptions, FieldChange } from "./types";
import { getValueType, leavesEqual, safeGet, safeKeys } from "./values";

/**
 * What the kit knows of one record at one point of its history: the fields it has seen
 * (from a create, a patch, or a `previousData` a backend filled), with their values.
 * Fields it has never seen are absent, which means "unknown", not "empty".
 */
export type KnownRecordState = Readonly<Record<string, unknown>>;

/** Options of {@link replayHistory} and {@link getEntryChanges}. */
export interface ReplayHistoryOptions {
  /** The field that holds a record's id inside bulk `data` / `previousData` items. Default `"id"`. */
  idField?: string;
}

/** A record's history replayed in time order; see {@link replayHistory}. */
export interface AuditHistory {
  /** The entries, oldest first (see {@link sortEntriesByTime}). */
  readonly entries: readonly AuditLogEntry[];
  /**
   * What was known of `recordId` just before `entry` was written: `undefined` when
   * nothing was known yet, or the record did not exist (before its create, after a delete).
   */
  stateBefore(entry: AuditLogEntry, recordId: AuditId): KnownRecordState | undefined;
  /** What was known of `recordId` just after `entry`: `undefined` after a delete or when nothing is known. */
  stateAfter(entry: AuditLogEntry, recordId: AuditId): KnownRecordState | undefined;
}

/** How an action changes a record, as far as replaying goes. */
export type ActionKind = "create" | "update" | "delete" | "other";

/**
 * Classifies an action: Refine's own (`create`, `createMany`, `update`, `updateMany`,
 * `delete`, `deleteMany`) by name; anything else is `other` (a custom action, whose
 * object `data` is replayed like a patch).
 */
export function getActionKind(action: string): ActionKind {
  switch (action) {
    case "create":
    case "createMany":
      return "create";
    case "update":
    case "updateMany":
      return "update";
    case "delete":
    case "deleteMany":
      return "delete";
    default:
      return "other";
  }
}

/** True for Refine's bulk actions (`createMany`, `updateMany`, `deleteMany`), which carry `meta.ids`. */
export function isBulkAction(action: string): boolean {
  return action === "createMany" || action === "updateMany" || action === "deleteMany";
}

const time = (entry: AuditLogEntry) => entry.createdAt?.getTime() ?? Number.POSITIVE_INFINITY;
const numericId = (id: AuditId) => (typeof id === "number" ? id : /^\d{1,15}$/.test(id) ? Number(id) : undefined);

/**
 * Sorts entries by time: `oldest` first or `newest` first. Entries at the same instant,
 * and entries without a time, are ordered by numeric id when both have one (providers
 * number logs in order), else by the provider's order, read as newest first (the
 * convention of Refine's example provider). Entries without a time come after the dated
 * ones in both orders (a replay cannot place them, so they infer nothing for dated ones;
 * a list shows them apart), themselves in the order asked for: `newest` puts the newest
 * undated entry first among them. Returns a new array.
 *
 * @example
 * sortEntriesByTime(entries, "newest") // dated entries newest first, then undated ones newest first
 */
export function sortEntriesByTime(entries: readonly AuditLogEntry[], order: "oldest" | "newest" = "oldest"): AuditLogEntry[] {
  // Keys are computed once per entry, not once per comparison.
  const indexed = entries.map((entry, index) => ({ entry, index, time: time(entry), id: numericId(entry.id) }));
  indexed.sort((a, b) => {
    if (a.time !== b.time) return a.time < b.time ? -1 : 1;
    // A total order on ties (so the sort is stable whatever it meets): numeric ids first,
    // by value (providers number logs in order); the others in reverse provider order
    // (providers answer newest first).
    if ((a.id === undefined) !== (b.id === undefined)) return a.id === undefined ? 1 : -1;
    if (a.id !== undefined && b.id !== undefined && a.id !== b.id) return a.id - b.id;
    return b.index - a.index;
  });
  const sorted = indexed.map((item) => item.entry);
  if (order === "oldest") return sorted;
  // Newest first within each group; the undated group stays after the dated one.
  const firstUndated = indexed.findIndex((item) => item.time === Number.POSITIVE_INFINITY);
  return firstUndated < 0 ? sorted.reverse() : [...sorted.slice(0, firstUndated).reverse(), ...sorted.slice(firstUndated).reverse()];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => getValueType(value) === "object";

/**
 * The part of a log value that concerns one record. Bulk entries hold arrays (one item
 * per id of `meta.ids`, in that order): the item whose `idField` matches, else the item
 * at the id's position in `meta.ids`. Any other value (the one patch of an `updateMany`)
 * concerns every record as it is.
 */
export function getRecordPart(value: unknown, entry: AuditLogEntry, recordId: AuditId, options: ReplayHistoryOptions = {}): unknown {
  if (!Array.isArray(value)) return value;
  const idField = options.idField ?? "id";
  const byId = indexItems(value, idField).get(String(recordId));
  if (byId !== undefined) return byId;
  const ids = Array.isArray(entry.meta.ids) ? (entry.meta.ids as unknown[]) : entry.recordIds;
  const index = indexPositions(ids).get(String(recordId));
  if (index === undefined) return undefined;
  // By position only when the item does not say it is another record's.
  const item = value[index];
  const itemId = isPlainObject(item) ? safeGet(item, idField) : undefined;
  return itemId !== undefined && itemId !== null && !sameId(itemId, recordId) ? undefined : item;
}

// A bulk entry's lists are indexed once (by item id, and by position in `meta.ids`), so
// reading every record's part of a 40,000-record entry is linear, not quadratic.
const itemIndexes = new WeakMap<readonly unknown[], Map<string, Map<string, unknown>>>();
const positionIndexes = new WeakMap<readonly unknown[], Map<string, number>>();

/** The items of a list that are records with an id in `idField`, by that id as text (the first of each). */
function indexItems(items: readonly unknown[], idField: string): Map<string, unknown> {
  let byField = itemIndexes.get(items);
  if (!byField) itemIndexes.set(items, (byField = new Map()));
  let index = byField.get(idField);
  if (!index) {
    index = new Map();
    for (const item of items) {
      if (!isPlainObject(item)) continue;
      const id = safeGet(item, idField);
      if (sameId(id, id) && !index.has(String(id))) index.set(String(id), item);
    }
    byField.set(idField, index);
  }
  return index;
}

/** The position of each id in a list of ids, as text (the first of each; invalid ids keep their place). */
function indexPositions(ids: readonly unknown[]): Map<string, number> {
  let index = positionIndexes.get(ids);
  if (!index) {
    index = new Map();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (sameId(id, id) && !index.has(String(id))) index.set(String(id), i);
    }
    positionIndexes.set(ids, index);
  }
  return index;
}

/** The defined own fields of an object, as an object (`undefined` means "not known"). */
function definedFields(value: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return undefined;
  const entries: [string, unknown][] = [];
  for (const key of safeKeys(value)) {
    const field = safeGet(value, key);
    if (field !== undefined) entries.push([key, field]);
  }
  // Object.fromEntries and spreading define own properties: a `__proto__` field stays a field.
  return Object.fromEntries(entries);
}

function applyEntry(state: KnownRecordState | undefined, entry: AuditLogEntry, recordId: AuditId, options: ReplayHistoryOptions): KnownRecordState | undefined {
  const kind = getActionKind(entry.action);
  if (kind === "delete") return undefined;
  const data = getRecordPart(entry.data, entry, recordId, options);
  if (kind === "create") return definedFields(data) ?? state;
  const patch = definedFields(data);
  const previous = definedFields(getRecordPart(entry.previousData, entry, recordId, options));
  if (!patch && !previous) return state;
  return { ...state, ...previous, ...patch };
}

/**
 * Replays log entries in time order to reconstruct what was known of each record before
 * and after each entry: a create's data, then each update's patch (bulk updates
 * included, through {@link getRecordPart}), and any `previousData` a backend filled. A
 * delete forgets the record. Each entry is applied once per record it concerns
 * (`recordIds`), so the cost is linear in the entries and their patches; a record is
 * replayed only when first asked about (`stateBefore` / `stateAfter`).
 *
 * Refine v5 logs updates without their before-values; {@link getEntryChanges} uses this
 * replay to fill them in, marked as inferred.
 *
 * @example
 * const history = replayHistory(entries);
 * history.stateBefore(updateEntry, 7); // { name: "Lamp", price: 50 }
 */
export function replayHistory(entries: readonly AuditLogEntry[], options: ReplayHistoryOptions = {}): AuditHistory {
  const ordered = sortEntriesByTime(entries, "oldest");
  type Snapshot = [before: KnownRecordState | undefined, after: KnownRecordState | undefined];
  // Each record's entries, in time order (a bulk entry in each of its records). A record's
  // states depend on its own entries only, so each record is replayed when first asked
  // about: a page showing 50 entries of a 10,000-entry log replays only their records.
  const byRecord = new Map<string, { recordId: AuditId; entries: AuditLogEntry[] }>();
  for (const entry of ordered) {
    for (const recordId of entry.recordIds) {
      const key = String(recordId);
      let group = byRecord.get(key);
      if (!group) byRecord.set(key, (group = { recordId, entries: [] }));
      // An entry that names a record twice is applied to it once.
      if (group.entries[group.entries.length - 1] !== entry) group.entries.push(entry);
    }
  }
  const replayed = new Map<string, Map<AuditLogEntry, Snapshot>>();
  const snapshotOf = (entry: AuditLogEntry, recordId: AuditId): Snapshot | undefined => {
    const key = String(recordId);
    let snapshots = replayed.get(key);
    if (!snapshots) {
      snapshots = new Map();
      let state: KnownRecordState | undefined;
      for (const candidate of byRecord.get(key)?.entries ?? []) {
        const after = applyEntry(state, candidate, recordId, options);
        snapshots.set(candidate, [state, after]);
        state = after;
      }
      replayed.set(key, snapshots);
    }
    return snapshots.get(entry);
  };
  return {
    entries: ordered,
    stateBefore: (entry, recordId) => snapshotOf(entry, recordId)?.[0],
    stateAfter: (entry, recordId) => snapshotOf(entry, recordId)?.[1],
  };
}

/** Options of {@link getEntryChanges}. */
export interface EntryChangesOptions extends ComputeChangesOptions, ReplayHistoryOptions {
  /** The replayed history the entry belongs to; without it, missing before-values stay unknown. */
  history?: AuditHistory;
  /**
   * The record to show the entry for (its part of a bulk entry). Default: the entry's
   * only record; for a bulk entry seen from the whole resource, before-values are shown
   * only where every record had the same one.
   */
  recordId?: AuditId;
}

/** An own, defined field of an object (inherited names like `constructor` are not fields). */
function ownValue(value: unknown, key: string): unknown {
  if (!isPlainObject(value)) return undefined;
  try {
    return Object.hasOwn(value, key) ? safeGet(value, key) : undefined;
  } catch {
    return undefined;
  }
}
const sameValue = (a: unknown, b: unknown) => a === b || (!isPlainObject(a) && !Array.isArray(a) && leavesEqual(a, b));

/**
 * The changes one log entry made, as {@link FieldChange} rows a diff can render:
 *
 * - a create lists its fields as `added`; a delete lists the record's last known fields
 *   as `removed` (marked inferred when they come from the replay);
 * - an update compares each patched field with its before-value: the log's
 *   `previousData` when it holds one, else the replayed state (`isBeforeInferred: true`),
 *   else none (`kind: "changed"`, `isBeforeUnknown: true`: the field was written, its
 *   earlier value was not recorded; never shown as "added"). Custom actions with object
 *   `data` are read the same way.
 *
 * Cost: one {@link computeChanges} of the patch. Call it for the entries a UI shows, not
 * for a whole history. No policy is applied: views read entries through `getEntryDiff`.
 */
export function getEntryChanges(entry: AuditLogEntry, options: EntryChangesOptions = {}): FieldChange[] {
  return getEntryChangeSet(entry, options).changes;
}

/** What {@link getEntryChangeSet} found: the changes, and the two values it compared. */
export interface EntryChangeSet extends ChangeSet {
  /**
   * The values compared, as logged or replayed (no policy applied): the record (or its
   * part) before the entry as far as it is known, and what the entry wrote. The pipeline
   * reads items in them to name them in labels (`readItem`).
   */
  values: { before: unknown; after: unknown };
}

/** {@link getEntryChanges} within `options.budget`, saying what the budget left out (see `computeChangeSet`). */
export function getEntryChangeSet(entry: AuditLogEntry, options: EntryChangesOptions = {}): EntryChangeSet {
  const { history, recordId: requestedId, ...computeOptions } = options;
  const recordId = requestedId ?? (entry.recordIds.length === 1 ? entry.recordIds[0] : undefined);
  const part = (value: unknown) => (recordId === undefined ? value : getRecordPart(value, entry, recordId, options));
  const kind = getActionKind(entry.action);
  const data = part(entry.data);
  const previous = part(entry.previousData);

  if (kind === "create") return { ...computeChangeSet(undefined, data, computeOptions), values: { before: undefined, after: data } };

  if (kind === "delete") {
    if (isPlainObject(previous)) return { ...computeChangeSet(previous, undefined, computeOptions), values: { before: previous, after: undefined } };
    const known = recordId !== undefined ? history?.stateBefore(entry, recordId) : undefined;
    if (!known) return { changes: [], values: { before: undefined, after: undefined } };
    const set = computeChangeSet(known, undefined, computeOptions);
    return { ...set, changes: set.changes.map((change) => ({ ...change, isBeforeInferred: true })), values: { before: known, after: undefined } };
  }

  if (!isPlainObject(data)) {
    if (data === undefined && previous === undefined) return { changes: [], values: { before: undefined, after: undefined } };
    return { ...computeChangeSet(previous, data, computeOptions), values: { before: previous, after: data } };
  }

  const before: Record<string, unknown> = {};
  const inferred = new Set<string>();
  const unknown = new Set<string>();
  const recordIds = recordId !== undefined ? [recordId] : entry.recordIds;
  const written = definedFields(data)!;
  const keys = Object.keys(written);
  // Each record's logged and replayed before-values, read once (not once per key).
  const sources = (recordIds.length > 0 ? recordIds : [undefined]).map((id) => ({
    logged: id === undefined ? previous : getRecordPart(entry.previousData, entry, id, options),
    id,
  }));
  // Keys × records is the work of a bulk patch: past the budget, the earlier values are left
  // unknown (and the comparison said to be incomplete) rather than the page frozen.
  const isTooLarge = keys.length * sources.length > workLimitOf(computeOptions.budget);
  for (const key of isTooLarge ? [] : keys) {
    let found = false;
    let value: unknown;
    let isInferred = false;
    for (const { logged, id } of sources) {
      let candidate = ownValue(logged, key);
      if (candidate === undefined) {
        candidate = ownValue(id !== undefined ? history?.stateBefore(entry, id) : undefined, key);
        if (candidate === undefined) {
          found = false;
          break;
        }
        isInferred = true;
      }
      if (found && !sameValue(value, candidate)) {
        found = false;
        break;
      }
      found = true;
      value = candidate;
    }
    if (!found) unknown.add(key);
    else {
      // A plain write is much faster; only `__proto__` needs defining (it would set the prototype).
      if (key === "__proto__") Object.defineProperty(before, key, { value, enumerable: true, writable: true, configurable: true });
      else before[key] = value;
      if (isInferred) inferred.add(key);
    }
  }

  if (isTooLarge) for (const key of keys) unknown.add(key);
  const set = computeChangeSet(before, data, computeOptions);
  if (isTooLarge) set.overflow = { omittedCount: set.overflow?.omittedCount ?? 0, isIncomplete: true };
  const changes = set.changes.map((change): FieldChange => {
    const top = String(change.path[0]);
    if (unknown.has(top) && change.kind === "added") {
      const { before: _before, ...rest } = change;
      return { ...rest, kind: "changed", isBeforeUnknown: true };
    }
    return inferred.has(top) ? { ...change, isBeforeInferred: true } : change;
  });
  const values = { before, after: data };
  return set.overflow ? { changes, overflow: set.overflow, values } : { changes, values };
}
