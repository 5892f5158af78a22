import type { FieldChange, PathSegment } from "./types";
import { getValueType, safeGet, safeKeys, toArray } from "./values";

interface Node {
  self?: FieldChange;
  /** Removed array items, by their old index. */
  removed: Map<number, FieldChange>;
  children: Map<PathSegment, Node>;
  /** Some change at or under this node adds or changes a value (not only removals). */
  hasWrites: boolean;
}

const newNode = (): Node => ({ removed: new Map(), children: new Map(), hasWrites: false });

/**
 * Applies a list of changes from {@link computeChanges} to the old version and returns
 * the new one (a copy: `previous` is not modified). `unchanged` entries are not needed,
 * so lists computed with `includeUnchanged: false` work too. This is what a restore, or
 * a preview of one, builds on.
 *
 * Arrays are rebuilt from the entries: removed items (old indices) go, added ones
 * (new indices) come, moved ones carry their old index, and every other old item keeps
 * its order.
 *
 * Only own properties are read, and every key is written as an own property: a change
 * at `__proto__` or `constructor` is a field like any other, never a prototype (nor
 * `Object.prototype`'s members). A change under a key that `previous` lacks builds that
 * key from nothing (an object, or an array for an index), as for a create; removals
 * under such a key leave it absent.
 *
 * @example
 * applyChanges({ price: 50 }, computeChanges({ price: 50 }, { price: 60 })) // { price: 60 }
 */
export function applyChanges(previous: unknown, changes: readonly FieldChange[]): unknown {
  const root = newNode();
  for (const change of changes) {
    if (change.kind === "unchanged") continue;
    const isWrite = change.kind !== "removed";
    let node = root;
    const last = change.path.length - 1;
    for (let i = 0; i < last; i++) {
      const segment = change.path[i]!;
      let next = node.children.get(segment);
      if (!next) node.children.set(segment, (next = newNode()));
      node = next;
      node.hasWrites ||= isWrite;
    }
    if (last < 0) {
      root.self = change;
      continue;
    }
    const segment = change.path[last]!;
    if (change.kind === "removed" && typeof segment === "number") {
      node.removed.set(segment, change);
      continue;
    }
    let target = node.children.get(segment);
    if (!target) node.children.set(segment, (target = newNode()));
    target.self = change;
    target.hasWrites ||= isWrite;
  }
  return build(previous, root, changes.length > 0 && isCreate(previous));
}

const isCreate = (previous: unknown) => previous === undefined || previous === null;

/** One value to build, and where to put it once built. */
interface Task {
  previous: unknown;
  node: Node;
  fromNothing: boolean;
  put: (value: unknown) => void;
}

/**
 * Builds top-down with a task stack, no recursion (records can be thousands of levels
 * deep): each container is copied first, and its changed children are filled in later.
 */
function build(previous: unknown, root: Node, fromNothing: boolean): unknown {
  let result: unknown;
  const tasks: Task[] = [{ previous, node: root, fromNothing, put: (value) => (result = value) }];
  while (tasks.length > 0) {
    const { previous: value, node, fromNothing: fresh, put } = tasks.pop()!;
    const self = node.self;
    if (self && (self.kind === "added" || (self.kind === "changed" && node.children.size === 0))) {
      put(self.after);
      continue;
    }
    const base = fresh ? (typeof [...node.children.keys(), ...node.removed.keys()][0] === "number" ? [] : {}) : value;
    const type = getValueType(base);
    if (type === "array") put(buildArray(toArray(base), node, tasks));
    else if (type === "object") put(buildObject(base as object, node, tasks));
    else put(base);
  }
  return result;
}

function buildObject(base: object, node: Node, tasks: Task[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of safeKeys(base)) setOwn(out, key, safeGet(base, key));
  for (const [key, childNode] of node.children) {
    const name = String(key);
    const put = (value: unknown) => setOwn(out, name, value);
    // Own keys only: `out.constructor` or `out.__proto__` would find Object.prototype's.
    if (childNode.self?.kind === "removed") delete out[name];
    else if (Object.hasOwn(out, name)) tasks.push({ previous: out[name], node: childNode, fromNothing: false, put });
    // A key `previous` lacks is built from nothing when a value is written under it; removals alone leave it absent.
    else if (childNode.hasWrites) tasks.push({ previous: undefined, node: childNode, fromNothing: true, put });
  }
  return out;
}

function buildArray(items: readonly unknown[], node: Node, tasks: Task[]): unknown[] {
  const added = new Map<number, unknown>();
  const movedFrom = new Map<number, number>();
  for (const [key, childNode] of node.children) {
    if (typeof key !== "number" || !childNode.self) continue;
    if (childNode.self.kind === "added") added.set(key, childNode.self.after);
    else if (childNode.self.kind === "moved") movedFrom.set(key, childNode.self.fromIndex!);
  }
  const consumed = new Set<number>([...node.removed.keys(), ...movedFrom.values()]);
  const keptOld = items.map((_, i) => i).filter((i) => !consumed.has(i));
  const length = items.length - node.removed.size + added.size;
  const out: unknown[] = [];
  let cursor = 0;
  for (let j = 0; j < length; j++) {
    let base: unknown;
    if (added.has(j)) base = added.get(j);
    else if (movedFrom.has(j)) base = items[movedFrom.get(j)!];
    else base = items[keptOld[cursor++]!];
    out.push(base);
    const childNode = node.children.get(j);
    if (childNode && !added.has(j)) {
      // A moved item is rebuilt from its old value; its own edits are its children.
      const edits = childNode.self?.kind === "moved" ? { ...childNode, self: undefined } : childNode;
      tasks.push({ previous: base, node: edits, fromNothing: false, put: (value) => (out[j] = value) });
    }
  }
  return out;
}

/** Sets an own property, even one named `__proto__`, without touching prototypes. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
