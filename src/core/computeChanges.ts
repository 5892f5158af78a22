import { alignArrays, toIdKey, type IdKey } from "./alignArrays";
import { toWorkBudget, type ChangeOverflow, type WorkBudget } from "./budget";
import { diffWords } from "./diffWords";
import { compileIncrementalMatcher, toPathKey, type IncrementalPathMatcher } from "./path";
import type { ChangeKind, ChangeNote, ComputeChangesOptions, FieldChange, GetItemId, PathSegment } from "./types";
import { getValueType, hashValue, leavesEqual, safeGet, safeKeys, toArray, type ValueType } from "./values";

/** The default identity of array items: an object's `id`, else `_id`, else `key` (strings and numbers). */
export const defaultGetItemId: GetItemId = (item) => {
  if (getValueType(item) !== "object") return undefined;
  for (const name of ["id", "_id", "key"]) {
    const id = safeGet(item as object, name);
    if (typeof id === "string" || typeof id === "number") return id;
  }
  return undefined;
};

/** A path as a linked list, so that deep walks share prefixes instead of copying them. */
interface PathNode {
  parent: PathNode | undefined;
  segment: PathSegment;
  depth: number;
  /** The ignore patterns' state at this node, computed on first use from the parent's. */
  ignoreState?: readonly number[];
}

const toPath = (node: PathNode | undefined): PathSegment[] => {
  const path: PathSegment[] = [];
  for (let n = node; n; n = n.parent) path.push(n.segment);
  return path.reverse();
};
const child = (parent: PathNode | undefined, segment: PathSegment): PathNode => ({ parent, segment, depth: (parent?.depth ?? 0) + 1 });

type Frame =
  | { type: "compare"; path: PathNode | undefined; before: unknown; after: unknown; keepUnchanged?: boolean }
  | { type: "emit"; path: PathNode | undefined; kind: ChangeKind; before?: unknown; after?: unknown; fromIndex?: number; count?: number }
  | { type: "exit"; path: PathNode | undefined; before: object; after: object; start: number; realCount: number; isArray: boolean; keepUnchanged?: boolean };

const isAbsent = (value: unknown) => value === undefined || value === null;

/**
 * Computes what changed between two versions of a record, as a flat list in document
 * order that a UI can render directly.
 *
 * - Objects are walked to their leaves; a key whose value is `undefined` counts as absent.
 * - Arrays: items are matched by identity ({@link ComputeChangesOptions.getItemId}) in
 *   linear time, then items without identity by equal content; an inserted item is one
 *   `added` entry, an item found elsewhere is `moved`, and unmatched items without
 *   identity facing each other are compared in place.
 * - An added or removed subtree is one entry holding the whole value.
 * - The root: `null` or `undefined` means "no record", so a create lists every field
 *   of `next` as `added` and a delete every field of `previous` as `removed`. Two
 *   leaves, or two values of different kinds, give one entry at the empty path.
 * - Leaves compare by value: NaN equals NaN, Dates by time, a Date equals an ISO string
 *   for the same instant. A number that became a numeric string is `changed` with the
 *   note `type-changed`. Functions and symbols are `incomparable`.
 * - Long strings (see `minTextDiffLength`) carry a word-level diff in `text`.
 *
 * It never throws on what a provider can return: cycles, getters that throw, BigInt,
 * any depth (the walk uses no recursion) and large arrays.
 *
 * @example
 * computeChanges({ price: 50, tags: ["a"] }, { price: 100, tags: ["a", "b"] })
 * // [{ key: "price", kind: "changed", before: 50, after: 100 },
 * //  { key: "tags.0", kind: "unchanged", ... }, { key: "tags.1", kind: "added", after: "b" }]
 */
export function computeChanges(previous: unknown, next: unknown, options: ComputeChangesOptions = {}): FieldChange[] {
  return computeChangeSet(previous, next, options).changes;
}

/** What {@link computeChangeSet} found: the changes listed, and what a budget left out. */
export interface ChangeSet {
  changes: FieldChange[];
  /** Set when the budget left changes out: say so where the changes are shown. */
  overflow?: ChangeOverflow;
}

/**
 * {@link computeChanges} within a work budget (`options.budget`: limits, or a budget
 * already being spent by the same entry), saying what it left out. Past `maxChanges`
 * further changes are counted, not listed; past `maxWork` the walk stops
 * (`overflow.isIncomplete`); containers deeper than `maxDepth` are one `too-deep` change.
 * Without `budget`, nothing is limited (as `computeChanges`).
 */
export function computeChangeSet(previous: unknown, next: unknown, options: ComputeChangesOptions = {}): ChangeSet {
  const walker = new Walker(options);
  const changes = walker.run(previous, next);
  return walker.overflow ? { changes, overflow: walker.overflow } : { changes };
}

/** A change as the walk records it: the path stays a linked node until the walk is over (deep walks discard many). */
type PendingChange = Omit<FieldChange, "path" | "key"> & { node: PathNode | undefined };

class Walker {
  private readonly changes: PendingChange[] = [];
  private realCount = 0;
  private listedCount = 0;
  private readonly stack: Frame[] = [];
  private readonly ancestorsBefore = new Map<object, number>();
  private readonly ancestorsAfter = new Map<object, number>();
  /**
   * Pairs of containers already found equal, per ignore state: a pair equal where
   * `x.secret` is ignored may differ where nothing is (the same objects at `y`).
   */
  private readonly equalPairs = new Map<string, WeakMap<object, WeakSet<object>>>();
  private readonly ignore: IncrementalPathMatcher | undefined;
  private readonly getItemId: GetItemId;
  private readonly minTextDiffLength: number;
  private readonly includeUnchanged: boolean;
  private readonly maxDepth: number;
  private readonly budget: WorkBudget;
  /** Set once the budget left something out. */
  overflow: ChangeOverflow | undefined;
  private stopped = false;

  constructor(options: ComputeChangesOptions) {
    this.ignore = compileIncrementalMatcher(options.ignore);
    this.getItemId = options.getItemId ?? defaultGetItemId;
    this.minTextDiffLength = options.minTextDiffLength ?? 60;
    this.includeUnchanged = options.includeUnchanged ?? true;
    // No budget given: nothing is limited (computeChanges on trusted, small inputs).
    this.budget = toWorkBudget(options.budget, true);
    this.maxDepth = Math.min(options.maxDepth ?? Number.POSITIVE_INFINITY, this.budget.limits.maxDepth);
  }

  /** Spends work; once the budget is gone, the walk stops at its next step. */
  private charge(units: number) {
    this.budget.work += units;
    if (this.budget.work > this.budget.limits.maxWork) this.stopped = true;
  }

  private omit(count: number, isIncomplete: boolean) {
    const overflow = (this.overflow ??= { omittedCount: 0, isIncomplete: false });
    overflow.omittedCount += count;
    if (isIncomplete) overflow.isIncomplete = true;
  }

  run(previous: unknown, next: unknown): FieldChange[] {
    if (isAbsent(previous) && isAbsent(next)) return [];
    const beforeType = getValueType(previous);
    const afterType = getValueType(next);
    if (isAbsent(previous) && isWalkable(afterType)) this.pushWhole(next, afterType, "added");
    else if (isAbsent(next) && isWalkable(beforeType)) this.pushWhole(previous, beforeType, "removed");
    else if (isAbsent(previous)) this.emit(undefined, "added", { after: next });
    else if (isAbsent(next)) this.emit(undefined, "removed", { before: previous });
    else this.stack.push({ type: "compare", path: undefined, before: previous, after: next, keepUnchanged: true });
    this.drain();
    const changes = this.changes;
    const out = new Array<FieldChange>(changes.length);
    for (let i = 0; i < changes.length; i++) {
      const { node, kind, before, after, fromIndex, count, text, note } = changes[i]!;
      const path = toPath(node);
      const change: FieldChange = { path, key: toPathKey(path), kind };
      if (kind !== "added") change.before = before;
      if (kind !== "removed") change.after = after;
      if (fromIndex !== undefined) change.fromIndex = fromIndex;
      if (count !== undefined) change.count = count;
      if (text !== undefined) change.text = text;
      if (note !== undefined) change.note = note;
      out[i] = change;
    }
    return out;
  }

  /** A create or a delete: each top-level field (or item) is one entry. */
  private pushWhole(value: unknown, type: ValueType, kind: "added" | "removed") {
    const frames: Frame[] = [];
    const add = (segment: PathSegment, item: unknown) => {
      const path = child(undefined, segment);
      if (item === undefined || this.isIgnored(path)) return;
      frames.push(kind === "added" ? { type: "emit", path, kind, after: item } : { type: "emit", path, kind, before: item });
    };
    if (type === "array") toArray(value).forEach((item, i) => add(i, item));
    else for (const key of safeKeys(value as object)) add(key, safeGet(value as object, key));
    for (let i = frames.length - 1; i >= 0; i--) this.stack.push(frames[i]!);
  }

  private drain() {
    const stack = this.stack;
    while (stack.length > 0) {
      if (this.stopped) {
        // Out of work: what is left unwalked is counted (its known changes) and said to be incomplete.
        let known = 0;
        for (const frame of stack) if (frame.type === "emit" && frame.kind !== "unchanged") known++;
        stack.length = 0;
        this.omit(known, true);
        // Open containers stay open: their `exit` frames are gone, so nothing folds what was listed.
        this.ancestorsBefore.clear();
        this.ancestorsAfter.clear();
        return;
      }
      const frame = stack.pop()!;
      this.charge(1);
      if (frame.type === "emit") this.emit(frame.path, frame.kind, frame);
      else if (frame.type === "exit") this.exit(frame);
      else this.compare(frame);
    }
  }

  /** The cache of equal pairs that applies at `path` (its ignore state decides). */
  private equalPairsAt(path: PathNode | undefined): WeakMap<object, WeakSet<object>> {
    const key = this.ignore && path ? (this.isIgnored(path), path.ignoreState!.join(",")) : "";
    let pairs = this.equalPairs.get(key);
    if (!pairs) this.equalPairs.set(key, (pairs = new WeakMap()));
    return pairs;
  }

  private isIgnored(path: PathNode | undefined): boolean {
    const matcher = this.ignore;
    if (!matcher || !path) return false;
    // Parents are visited before their children, so this climbs one or two levels at most.
    const pending: PathNode[] = [];
    let node: PathNode | undefined = path;
    for (; node && !node.ignoreState; node = node.parent) pending.push(node);
    let state = node?.ignoreState ?? matcher.start;
    for (let i = pending.length - 1; i >= 0; i--) state = pending[i]!.ignoreState = matcher.step(state, pending[i]!.segment);
    return matcher.matches(state);
  }

  private emit(path: PathNode | undefined, kind: ChangeKind, fields: Pick<FieldChange, "before" | "after" | "fromIndex" | "text" | "note" | "count">) {
    const change: PendingChange = { node: path, kind };
    if ("before" in fields) change.before = fields.before;
    if ("after" in fields) change.after = fields.after;
    if (fields.fromIndex !== undefined) change.fromIndex = fields.fromIndex;
    if (fields.count !== undefined && fields.count > 1) change.count = fields.count;
    if (fields.text) change.text = fields.text;
    if (fields.note) change.note = fields.note;
    if (kind !== "unchanged") {
      this.realCount++;
      // Past the cap, changes are counted, not listed (unchanged rows cost only work, which the budget bounds).
      if (++this.listedCount > this.budget.limits.maxChanges) {
        this.omit(1, false);
        return;
      }
    } else if (!this.includeUnchanged) return;
    this.changes.push(change);
  }

  private compare(frame: Extract<Frame, { type: "compare" }>) {
    const { path, before, after } = frame;
    // The same reference is equal; the root is still walked so that its fields are listed.
    if (before === after && (path !== undefined || !isWalkable(getValueType(before)))) {
      if (frame.keepUnchanged !== false) this.emit(path, "unchanged", { before, after });
      return;
    }
    const beforeType = getValueType(before);
    const afterType = getValueType(after);
    if (!isWalkable(beforeType) || beforeType !== afterType) {
      this.compareLeaves(frame, beforeType, afterType);
      return;
    }
    const a = before as object;
    const b = after as object;
    const cycleBefore = this.ancestorsBefore.get(a);
    const cycleAfter = this.ancestorsAfter.get(b);
    if (cycleBefore !== undefined || cycleAfter !== undefined) {
      if (cycleBefore !== undefined && cycleBefore === cycleAfter) this.emit(path, "unchanged", { before, after });
      else this.emit(path, "changed", { before, after, note: "circular" });
      return;
    }
    if (this.equalPairsAt(path).get(a)?.has(b)) {
      if (frame.keepUnchanged !== false) this.emit(path, "unchanged", { before, after });
      return;
    }
    const depth = path?.depth ?? 0;
    if (depth >= this.maxDepth) {
      this.emit(path, "changed", { before, after, note: "too-deep" });
      return;
    }
    this.ancestorsBefore.set(a, depth);
    this.ancestorsAfter.set(b, depth);
    const exit: Frame = {
      type: "exit",
      path,
      before: a,
      after: b,
      start: this.changes.length,
      realCount: this.realCount,
      isArray: beforeType === "array",
      keepUnchanged: frame.keepUnchanged,
    };
    const beforeItems = beforeType === "array" ? toArray(a) : undefined;
    const afterItems = beforeType === "array" ? toArray(b) : undefined;
    const beforeKeys = beforeItems ? undefined : safeKeys(a);
    const afterKeys = beforeItems ? undefined : safeKeys(b);
    // A container that alone costs more than the budget has left is one change, its values
    // shown whole (bounded), rather than half-walked: its size, not its depth, is the limit.
    const size = beforeItems ? beforeItems.length + afterItems!.length : beforeKeys!.length + afterKeys!.length;
    const left = this.budget.limits.maxWork - this.budget.work;
    if (4 * size > left && size > 0) {
      this.ancestorsBefore.delete(a);
      this.ancestorsAfter.delete(b);
      this.charge(size);
      this.emit(path, "changed", { before, after, note: "too-large" });
      // What it holds was not counted: say the comparison is not complete.
      this.omit(0, true);
      return;
    }
    const children = beforeItems ? this.arrayChildren(path, beforeItems, afterItems!) : this.objectChildren(path, a, b, beforeKeys!, afterKeys!);
    this.stack.push(exit);
    for (let i = children.length - 1; i >= 0; i--) this.stack.push(children[i]!);
  }

  private compareLeaves(frame: Extract<Frame, { type: "compare" }>, beforeType: ValueType, afterType: ValueType) {
    const { path, before, after } = frame;
    const incomparable = [beforeType, afterType].some((type) => type === "function" || type === "symbol" || type === "unreadable");
    if (!incomparable && leavesEqual(before, after)) {
      if (frame.keepUnchanged !== false) this.emit(path, "unchanged", { before, after });
      return;
    }
    let note: ChangeNote | undefined;
    if (incomparable) note = "incomparable";
    else if (beforeType !== afterType && !(isDateLike(beforeType) && isDateLike(afterType))) note = "type-changed";
    let text;
    if (typeof before === "string" && typeof after === "string" && Math.max(before.length, after.length) >= this.minTextDiffLength) {
      // The texts of an entry share one budget: twenty long rewrites cost what one may.
      const budget = this.budget;
      const usage = { used: 0 };
      const left = budget.limits.maxTextWork - budget.textWork;
      if (left > 0) text = diffWords(before, after, { maxWork: Math.min(left, 20_000_000), usage });
      budget.textWork += usage.used;
    }
    this.emit(path, "changed", { before, after, note, text });
  }

  private objectChildren(path: PathNode | undefined, a: object, b: object, beforeKeys: string[], afterKeys: string[]): Frame[] {
    const frames: Frame[] = [];
    this.charge(afterKeys.length + beforeKeys.length);
    // Which keys each side has: plain objects answer for themselves (a hash lookup, as a Set
    // would, without building one per object); anything else (class instances, proxies)
    // is asked once, through its key list.
    const inAfter = hasKey(b, afterKeys);
    const inBefore = hasKey(a, beforeKeys);
    const visit = (key: string, isInBefore: boolean) => {
      const childPath = child(path, key);
      const before = isInBefore ? safeGet(a, key) : undefined;
      const after = inAfter(key) ? safeGet(b, key) : undefined;
      if ((before === undefined && after === undefined) || this.isIgnored(childPath)) return;
      // Until a child needs walking, entries are in document order already: emit them now.
      if (before === undefined) this.emitOrDefer(frames, { type: "emit", path: childPath, kind: "added", after });
      else if (after === undefined) this.emitOrDefer(frames, { type: "emit", path: childPath, kind: "removed", before });
      else if (quickEqual(before, after)) {
        if (this.includeUnchanged) this.emitOrDefer(frames, { type: "emit", path: childPath, kind: "unchanged", before, after });
      } else frames.push({ type: "compare", path: childPath, before, after });
    };
    for (const key of afterKeys) visit(key, inBefore(key));
    for (const key of beforeKeys) if (!inAfter(key)) visit(key, true);
    return frames;
  }

  /** Emits a child's entry now when no earlier sibling waits to be walked, else queues it after them. */
  private emitOrDefer(frames: Frame[], frame: Extract<Frame, { type: "emit" }>) {
    if (frames.length === 0) this.emit(frame.path, frame.kind, frame);
    else frames.push(frame);
  }

    /** The identities of an array's items, as Map keys (`undefined` for an item without one). */
  private readIds(items: readonly unknown[], arrayPath: PathSegment[]): Array<IdKey | undefined> {
    const ids = new Array<IdKey | undefined>(items.length);
    for (let i = 0; i < items.length; i++) ids[i] = toIdKey(this.getItemId(items[i], arrayPath));
    return ids;
  }

  /**
   * The frames of two arrays' items, aligned by {@link alignArrays}. Between two kept
   * pairs, unmatched items without identity face each other and are compared in place;
   * the rest are removals (old index) and insertions (new index).
   */
  private arrayChildren(path: PathNode | undefined, a: readonly unknown[], b: readonly unknown[]): Frame[] {
    const arrayPath = this.getItemId === defaultGetItemId ? [] : toPath(path);
    this.charge(a.length + b.length);
    const hashCost = { used: 0 };
    // The quadratic alignment of items without identity spends the budget too; past it, the linear match.
    const lcs = { maxCells: Math.max(0, this.budget.limits.maxWork - this.budget.work), used: 0 };
    const { oldMatch, newMatch, oldKeyed, newKeyed, kept } = alignArrays(
      this.readIds(a, arrayPath),
      this.readIds(b, arrayPath),
      (i) => hashValue(a[i], 512, hashCost),
      (j) => hashValue(b[j], 512, hashCost),
      lcs,
    );
    this.charge(hashCost.used + lcs.used);
    const frames: Frame[] = [];
    let oldCursor = 0;
    let newCursor = 0;
    const flushGap = (oldEnd: number, newEnd: number) => {
      if (oldCursor >= oldEnd && newCursor >= newEnd) return;
      const removed: number[] = [];
      for (; oldCursor < oldEnd; oldCursor++) if (oldMatch[oldCursor] === -1) removed.push(oldCursor);
      const inserted: number[] = [];
      for (; newCursor < newEnd; newCursor++) inserted.push(newCursor);
      // Unmatched items without identity facing each other are the same slot, edited.
      const facingOld = removed.filter((i) => !oldKeyed[i]);
      const facing = new Map<number, number>();
      let nextFacing = 0;
      for (const j of inserted) {
        if (newMatch[j] === -1 && !newKeyed[j] && nextFacing < facingOld.length) facing.set(j, facingOld[nextFacing++]!);
      }
      const pairedOld = new Set(facing.values());
      for (const i of removed) {
        const itemPath = child(path, i);
        if (!pairedOld.has(i) && !this.isIgnored(itemPath)) frames.push({ type: "emit", path: itemPath, kind: "removed", before: a[i] });
      }
      for (const j of inserted) {
        const itemPath = child(path, j);
        if (this.isIgnored(itemPath)) continue;
        const from = newMatch[j]!;
        if (facing.has(j)) frames.push({ type: "compare", path: itemPath, before: a[facing.get(j)!], after: b[j] });
        else if (from === -1) frames.push({ type: "emit", path: itemPath, kind: "added", after: b[j] });
        else {
          frames.push({ type: "emit", path: itemPath, kind: "moved", before: a[from], after: b[j], fromIndex: from });
          frames.push({ type: "compare", path: itemPath, before: a[from], after: b[j], keepUnchanged: false });
        }
      }
    };
    // Kept items that are plainly equal are gathered into runs: one entry, not one per item.
    let run: Extract<Frame, { type: "emit" }> | undefined;
    for (let j = 0; j < b.length; j++) {
      if (!kept[j]) continue;
      const i = newMatch[j]!;
      if (oldCursor < i || newCursor < j) run = undefined;
      flushGap(i, j);
      oldCursor = i + 1;
      newCursor = j + 1;
      if (this.ignore && this.isIgnored(child(path, j))) {
        run = undefined;
      } else if (quickEqual(a[i], b[j])) {
        if (run) run.count!++;
        else if (this.includeUnchanged) frames.push((run = { type: "emit", path: child(path, j), kind: "unchanged", before: a[i], after: b[j], count: 1 }));
      } else {
        run = undefined;
        frames.push({ type: "compare", path: child(path, j), before: a[i], after: b[j] });
      }
    }
    flushGap(a.length, b.length);
    return frames;
  }

  private exit(frame: Extract<Frame, { type: "exit" }>) {
    this.ancestorsBefore.delete(frame.before);
    this.ancestorsAfter.delete(frame.after);
    const changes = this.changes;
    if (this.realCount === frame.realCount) {
      const cache = this.equalPairsAt(frame.path);
      let pairs = cache.get(frame.before);
      if (!pairs) cache.set(frame.before, (pairs = new WeakSet()));
      pairs.add(frame.after);
      // An equal subtree is one unchanged entry, except at the root, which lists its fields.
      if (frame.path !== undefined) {
        changes.length = frame.start;
        if (frame.keepUnchanged !== false) this.emit(frame.path, "unchanged", { before: frame.before, after: frame.after });
        return;
      }
    }
    if (frame.isArray && this.includeUnchanged) mergeUnchangedRuns(changes, frame.start, (frame.path?.depth ?? 0) + 1);
  }
}

const isEnumerable = Object.prototype.propertyIsEnumerable;

/** Whether `value` has `key` among its own enumerable keys (`keys`, from `Object.keys`). Never throws. */
function hasKey(value: object, keys: readonly string[]): (key: string) => boolean {
  let proto: unknown;
  try {
    proto = Object.getPrototypeOf(value);
  } catch {
    proto = undefined; // a revoked proxy: its key list (empty) answers
  }
  if (proto === Object.prototype || proto === null) {
    return (key) => {
      try {
        return isEnumerable.call(value, key);
      } catch {
        return false; // a proxy whose trap throws: the walk reads nothing from it
      }
    };
  }
  const set = new Set(keys);
  return (key) => set.has(key);
}

const isWalkable = (type: ValueType) => type === "array" || type === "object";
const isDateLike = (type: ValueType) => type === "date" || type === "string";

/** Folds consecutive unchanged array items (direct children of one array) into runs with a `count`. */
function mergeUnchangedRuns(changes: PendingChange[], start: number, itemDepth: number) {
  let write = start;
  for (let read = start; read < changes.length; read++) {
    const change = changes[read]!;
    const last = write > start ? changes[write - 1]! : undefined;
    if (
      last &&
      change.kind === "unchanged" &&
      last.kind === "unchanged" &&
      change.node?.depth === itemDepth &&
      last.node?.depth === itemDepth &&
      (change.node.segment as number) === (last.node.segment as number) + (last.count ?? 1)
    ) {
      last.count = (last.count ?? 1) + (change.count ?? 1);
      continue;
    }
    changes[write++] = change;
  }
  changes.length = write;
}

/**
 * A cheap, bounded equality check that lets the walk skip plainly equal subtrees (most
 * of a record). `true` is final; `false` only means "walk it": it gives up on Maps,
 * Sets, large or deep values, and anything else it is not sure about.
 */
function quickEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return boundedEqual(a, b, { left: 64 }, 0);
  } catch {
    return false; // a throwing getter or proxy: let the walk read it safely
  }
}

function boundedEqual(a: unknown, b: unknown, budget: { left: number }, depth: number): boolean {
  if (a === b) return true;
  if (--budget.left < 0 || depth > 6) return false;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return leavesEqual(a, b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!boundedEqual(a[i], b[i], budget, depth + 1)) return false;
    return true;
  }
  if (a instanceof Date || b instanceof Date) return leavesEqual(a, b);
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  let definedInA = 0;
  for (const key in a) {
    const value = (a as Record<string, unknown>)[key];
    if (value === undefined) continue;
    definedInA++;
    if (!Object.prototype.hasOwnProperty.call(b, key) || !boundedEqual(value, (b as Record<string, unknown>)[key], budget, depth + 1)) return false;
  }
  let definedInB = 0;
  for (const key in b) if ((b as Record<string, unknown>)[key] !== undefined) definedInB++;
  return definedInA === definedInB;
}
