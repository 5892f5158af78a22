// @ts-check
// The field paths an audit row changed, computed on the server from its before and after
// values and stored with the row (audit_log_fields), so "changed field = price" is an
// index lookup instead of a scan of every row's JSON.
//
// Paths are dotted (`supplier.address.city`, `variants.1.price`: array items by index), as
// the kit names them. Each path gets a kind:
//   PARENT   a descendant changed (the path is listed so a filter on it finds the row)
//   CHANGED  the value at the path changed; what changed under it is listed too
//   OPEN     the value changed, or may have, and what is under it is not listed (the depth
//            or path-length cap): a filter on any path below it matches the row as well
// A row whose walk hit the path-count or work cap gets the path "*" (OPEN): it matches
// every changed-field filter (its changes are not all listed, so it may have).
// The walk is iterative and bounded (depth, path count, path length, work), so a huge or
// deeply nested document costs a fixed amount at most.

export const PARENT = 0;
export const CHANGED = 1;
export const OPEN = 2;
/** The path that marks a row whose changes a cap cut short: it matches every changed-field filter. */
export const TRUNCATED = "*";

/** The caps of one row's walk. */
export const FIELD_LIMITS = Object.freeze({
  /** Segments in a path; a change below this depth is listed at this depth, as OPEN. */
  maxDepth: 8,
  /** Paths listed per row; past it the walk stops and the unexplored parts are OPEN. */
  maxPaths: 200,
  /** Characters in a path; a longer one is listed at its parent, as OPEN. */
  maxPathLength: 200,
  /** Values visited per row (comparing equal subtrees costs too). */
  maxWork: 20_000,
});

/** @typedef {Map<string, number>} FieldPaths path → kind */

/** @param {unknown} value @returns {value is Record<string, unknown>} */
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
/** @param {unknown} value @returns {value is object} */
const isContainer = (value) => typeof value === "object" && value !== null;
/** @param {unknown} value */
const isAbsent = (value) => value === undefined || value === null;

/** @param {string[]} path */
const join = (path) => path.join(".");

/** An item's identity in an array: `id`, else `_id`, else `key` (as the kit matches items). @param {unknown} item */
function itemId(item) {
  if (!isObject(item)) return undefined;
  for (const name of ["id", "_id", "key"]) {
    const id = Object.hasOwn(item, name) ? item[name] : undefined;
    if (typeof id === "string" || typeof id === "number") return `${typeof id}:${id}`;
  }
  return undefined;
}

/**
 * Pairs the items of two arrays: by identity when every item has a distinct one (the
 * index is the item's place in `after`, or in `before` for a removed item), else by place.
 * @param {unknown[]} before @param {unknown[]} after
 * @returns {Array<[string, unknown, unknown]>} [segment, before item, after item]
 */
function pairItems(before, after) {
  /** @type {Map<string, number>} */
  const beforeIds = new Map();
  let byId = before.length + after.length > 0;
  for (let i = 0; byId && i < before.length; i++) {
    const id = itemId(before[i]);
    if (id === undefined || beforeIds.has(id)) byId = false;
    else beforeIds.set(id, i);
  }
  /** @type {Set<string>} */
  const afterIds = new Set();
  for (let i = 0; byId && i < after.length; i++) {
    const id = itemId(after[i]);
    if (id === undefined || afterIds.has(id)) byId = false;
    else afterIds.add(id);
  }
  /** @type {Array<[string, unknown, unknown]>} */
  const pairs = [];
  if (!byId) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) pairs.push([String(i), before[i], after[i]]);
    return pairs;
  }
  after.forEach((item, i) => {
    const from = beforeIds.get(/** @type {string} */ (itemId(item)));
    pairs.push([String(i), from === undefined ? undefined : before[from], item]);
  });
  before.forEach((item, i) => {
    if (!afterIds.has(/** @type {string} */ (itemId(item)))) pairs.push([String(i), item, undefined]);
  });
  return pairs;
}

/**
 * Adds the paths where `before` and `after` differ to `out` (see the kinds above). The
 * values are whole records: the root itself is not a field. Returns false when a cap
 * stopped the walk (the row is then marked {@link TRUNCATED}).
 *
 * @param {unknown} before
 * @param {unknown} after
 * @param {FieldPaths} out
 * @param {{ work: number }} budget shared by every walk of one row
 */
function addChangedPaths(before, after, out, budget) {
  const limits = FIELD_LIMITS;
  /** Lists a path and its ancestors; false when the path cap is reached. @param {string[]} path @param {number} kind */
  const record = (path, kind) => {
    const key = join(path);
    const known = out.get(key);
    if (known === undefined && out.size >= limits.maxPaths) return false;
    if (known === undefined || known < kind) out.set(key, kind);
    for (let end = path.length - 1; end > 0; end--) {
      const parent = join(path.slice(0, end));
      if (out.has(parent)) break;
      if (out.size >= limits.maxPaths) return false;
      out.set(parent, PARENT);
    }
    return true;
  };
  /** The children of a path: [segment, before, after], arrays' items paired. @param {unknown} a @param {unknown} b @returns {Array<[string, unknown, unknown]>} */
  const childrenOf = (a, b) => {
    if (Array.isArray(a) || Array.isArray(b)) return pairItems(Array.isArray(a) ? a : [], Array.isArray(b) ? b : []);
    const left = isObject(a) ? a : {};
    const right = isObject(b) ? b : {};
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].map((key) => [key, Object.hasOwn(left, key) ? left[key] : undefined, Object.hasOwn(right, key) ? right[key] : undefined]);
  };

  // Breadth first: when a cap stops the walk, the shallow paths are the ones listed.
  /** @type {Array<{ path: string[], before: unknown, after: unknown }>} */
  const queue = [{ path: [], before, after }];
  for (let head = 0; head < queue.length; head++) {
    const { path, before: a, after: b } = queue[head];
    queue[head] = /** @type {any} */ (undefined);
    if (budget.work-- <= 0) return false;
    if (a === b || (isAbsent(a) && isAbsent(b))) continue;
    const bothContainers = isContainer(a) && isContainer(b) && Array.isArray(a) === Array.isArray(b);
    // A leaf changed, or a value was added, removed or changed its kind: the path changed,
    // and everything under it with it (listed below, within the caps).
    if (path.length > 0 && !bothContainers && !record(path, CHANGED)) return false;
    if (!isContainer(a) && !isContainer(b)) continue;
    if (path.length >= limits.maxDepth) {
      // Too deep to list: changed below here if the two differ, as far as the budget can tell.
      if (bothContainers && sameValue(a, b, budget) === true) continue;
      if (!record(path, OPEN)) return false;
      continue;
    }
    // Two records (or lists) are compared part by part; a value added, removed or of another
    // kind is listed part by part on each side.
    const children = bothContainers
      ? childrenOf(a, b)
      : [...(isContainer(a) ? childrenOf(a, undefined) : []), ...(isContainer(b) ? childrenOf(undefined, b) : [])];
    for (const [segment, x, y] of children) {
      if (x === y || (isAbsent(x) && isAbsent(y))) continue;
      const child = [...path, segment];
      if (join(child).length > limits.maxPathLength) {
        // A key too long to list: the change is said at its parent (at the top, the row is truncated).
        if (path.length === 0 || !record(path, OPEN)) return false;
        continue;
      }
      queue.push({ path: child, before: x, after: y });
    }
  }
  return true;
}

/**
 * Whether two values are equal, iteratively, within the budget; `undefined` when the
 * budget ran out first.
 * @param {unknown} a @param {unknown} b @param {{ work: number }} budget
 * @returns {boolean | undefined}
 */
export function sameValue(a, b, budget) {
  /** @type {Array<[unknown, unknown]>} */
  const stack = [[a, b]];
  while (stack.length > 0) {
    if (budget.work-- <= 0) return undefined;
    const [x, y] = /** @type {[unknown, unknown]} */ (stack.pop());
    if (x === y) continue;
    if (!isContainer(x) || !isContainer(y) || Array.isArray(x) !== Array.isArray(y)) return false;
    const left = /** @type {Record<string, unknown>} */ (x);
    const right = /** @type {Record<string, unknown>} */ (y);
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(right, key)) return false;
      stack.push([left[key], right[key]]);
    }
  }
  return true;
}

/**
 * The field paths an audit row changed, from what it logged: a create's `data`, a
 * delete's `previousData`, an update's `previousData` → `data` (the keys of either). A
 * bulk row (`data` / `previousData` lists of records with `id`) is read record by record,
 * and its paths are the records' (`price`, not `0.price`), as the kit reads them.
 *
 * @param {string} action
 * @param {unknown} data
 * @param {unknown} previousData
 * @returns {FieldPaths}
 */
export function changedFieldPaths(action, data, previousData) {
  const kind = action === "create" || action === "createMany" ? "create" : action === "delete" || action === "deleteMany" ? "delete" : "update";
  const after = kind === "delete" ? undefined : data;
  const before = kind === "create" ? undefined : previousData;
  /** @type {FieldPaths} */
  const out = new Map();
  const budget = { work: FIELD_LIMITS.maxWork };
  if (Array.isArray(after) || Array.isArray(before)) {
    // A bulk row: each record's part, matched by id.
    /** @type {Map<string, [unknown, unknown]>} */
    const byId = new Map();
    const items = [...(Array.isArray(before) ? before.map((item) => /** @type {const} */ ([0, item])) : []), ...(Array.isArray(after) ? after.map((item) => /** @type {const} */ ([1, item])) : [])];
    let unnamed = 0;
    for (const [side, item] of items) {
      const id = itemId(item) ?? `#${unnamed++}`;
      const pair = byId.get(id) ?? [undefined, undefined];
      pair[side] = item;
      byId.set(id, pair);
    }
    for (const [x, y] of byId.values()) {
      // A record's id is how the item is named, not one of its changes.
      const strip = (/** @type {unknown} */ value) => {
        if (!isObject(value)) return value;
        const { id: _id, ...rest } = value;
        return rest;
      };
      if (!addChangedPaths(strip(x), strip(y), out, budget)) return truncate(out);
    }
    return out;
  }
  // An update's previousData holds the keys it wrote; keys missing from it are unknown
  // before-values, so they count as changed.
  if (!addChangedPaths(isObject(before) ? before : undefined, isObject(after) ? after : undefined, out, budget)) return truncate(out);
  return out;
}

/** @param {FieldPaths} out */
function truncate(out) {
  out.set(TRUNCATED, OPEN);
  return out;
}

/**
 * The ancestors of a field, for a changed-field filter: it matches a row listing the field
 * itself (of any kind: changed, holding a change, or a value set or removed whole, whose
 * parts are listed too) or an ancestor of kind OPEN (a change whose parts are not listed),
 * or the row's {@link TRUNCATED} mark.
 * @param {string} field a dotted path
 * @returns {string[]} the ancestors, nearest last
 */
export function ancestorsOf(field) {
  const segments = field.split(".");
  /** @type {string[]} */
  const out = [];
  for (let end = 1; end < segments.length; end++) out.push(segments.slice(0, end).join("."));
  return out;
}
