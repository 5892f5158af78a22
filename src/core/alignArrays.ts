import { MAX_LCS_CELLS, matchByHash } from "./matchItems";

/** A Map key for an identity: `7` and `"7"` are the same item (providers mix them), other strings stay strings. */
export type IdKey = string | number;

/** How two arrays line up; see {@link alignArrays}. Arrays of small integers, indexed by item. */
export interface ArrayAlignment {
  /** For each old item: the new index it matches, or -1. */
  oldMatch: number[];
  /** For each new item: the old index it matches, or -1. */
  newMatch: number[];
  /** 1 for an old item keyed by its identity (the first with that identity), else 0. */
  oldKeyed: number[];
  /** 1 for a new item keyed by its identity, else 0. */
  newKeyed: number[];
  /** 1 for a new item whose match keeps its relative order (not moved), else 0. */
  kept: number[];
}

/**
 * Aligns two arrays: identity matches first (linear), then equal items without
 * identity, by their hashes (`hashOld(i)` / `hashNew(j)`, called only for those); matched
 * pairs outside the longest run kept in order are moves. Pure: no values are read here
 * but through the ids and the hash functions.
 */
export function alignArrays(
  oldIds: ReadonlyArray<IdKey | undefined>,
  newIds: ReadonlyArray<IdKey | undefined>,
  hashOld: (index: number) => string,
  hashNew: (index: number) => string,
  /** The cells (old × new loose items) the quadratic alignment may spend; what it spends is added to `used`. */
  lcs: { maxCells: number; used: number } = { maxCells: Number.POSITIVE_INFINITY, used: 0 },
): ArrayAlignment {
  const oldLength = oldIds.length;
  const newLength = newIds.length;
  // Only the first item with a given identity is keyed; later duplicates are matched by content.
  // Plain arrays of small integers, not typed arrays: those live outside the JS heap and
  // their allocation pressure triggers full garbage collections on large arrays.
  const oldKeyed = filled(oldLength, 0);
  const newKeyed = filled(newLength, 0);
  const oldMatch = filled(oldLength, -1);
  const newMatch = filled(newLength, -1);
  const limit = smallIdLimit(oldIds, newIds);
  const newIndexById = createIdIndex(limit);
  for (let j = 0; j < newLength; j++) {
    const id = newIds[j];
    if (id !== undefined && newIndexById.get(id) === -1) newIndexById.set(id, j), (newKeyed[j] = 1);
  }
  const seenOld = createIdIndex(limit);
  for (let i = 0; i < oldLength; i++) {
    const id = oldIds[i];
    if (id === undefined || seenOld.get(id) !== -1) continue;
    seenOld.set(id, i);
    oldKeyed[i] = 1;
    const j = newIndexById.get(id);
    if (j !== -1) (oldMatch[i] = j), (newMatch[j] = i);
  }
  // Keyed items seen on one side only are genuinely added or removed; the others
  // (no identity, or a duplicate one) are matched by content.
  const looseOld: number[] = [];
  const looseNew: number[] = [];
  for (let i = 0; i < oldLength; i++) if (!oldKeyed[i]) looseOld.push(i);
  for (let j = 0; j < newLength; j++) if (!newKeyed[j]) looseNew.push(j);
  if (looseOld.length > 0 && looseNew.length > 0) {
    const cells = looseOld.length * looseNew.length;
    if (cells <= Math.min(lcs.maxCells, MAX_LCS_CELLS)) lcs.used += cells;
    for (const [oi, nj] of matchByHash(looseOld.map(hashOld), looseNew.map(hashNew), lcs.maxCells)) {
      oldMatch[looseOld[oi]!] = looseNew[nj]!;
      newMatch[looseNew[nj]!] = looseOld[oi]!;
    }
  }
  return { oldMatch, newMatch, oldKeyed, newKeyed, kept: longestIncreasingRun(newMatch) };
}

/** An array of `length` small integers, all `value`. */
export function filled(length: number, value: number): number[] {
  const array: number[] = [];
  for (let i = 0; i < length; i++) array.push(value);
  return array;
}

/** The Map key of an identity: a canonical numeric string is keyed as its number; any other string as itself. */
export function toIdKey(id: unknown): IdKey | undefined {
  if (typeof id === "number") return id;
  if (typeof id !== "string") return undefined;
  const code = id.charCodeAt(0);
  if ((code >= 48 && code <= 57) || code === 45) {
    const n = Number(id);
    if (String(n) === id) return n;
  }
  return id;
}

/** Identity → index (-1 when absent). */
interface IdIndex {
  get(id: IdKey): number;
  set(id: IdKey, index: number): void;
}

/**
 * The usual identities, small non-negative integers (database ids), can index an array
 * directly: no hashing at all. Returns the table size they fit in, or 0 when some do not.
 */
function smallIdLimit(oldIds: ReadonlyArray<IdKey | undefined>, newIds: ReadonlyArray<IdKey | undefined>): number {
  const bound = 4 * (oldIds.length + newIds.length) + 1024;
  let max = -1;
  for (const ids of [oldIds, newIds]) {
    for (const id of ids) {
      if (id === undefined) continue;
      if (typeof id !== "number" || !(id >= 0 && id < bound) || !Number.isInteger(id)) return 0;
      if (id > max) max = id;
    }
  }
  return max + 1;
}

/** An {@link IdIndex}: an array for small integer ids (see {@link smallIdLimit}), else a Map. */
function createIdIndex(smallLimit: number): IdIndex {
  if (smallLimit > 0) {
    const table = filled(smallLimit, -1);
    return { get: (id) => table[id as number]!, set: (id, index) => void (table[id as number] = index) };
  }
  const map = new Map<IdKey, number>();
  return { get: (id) => map.get(id) ?? -1, set: (id, index) => void map.set(id, index) };
}

/**
 * Marks the matched pairs that keep their relative order (the longest increasing run of
 * old indices, in new-index order); the other matched items count as moved. O(n log n).
 */
function longestIncreasingRun(newMatch: readonly number[]): number[] {
  const n = newMatch.length;
  const tails: number[] = []; // new indices ending the best run of each length
  const previous = filled(n, -1);
  for (let j = 0; j < n; j++) {
    const value = newMatch[j]!;
    if (value < 0) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newMatch[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[j] = tails[lo - 1]!;
    tails[lo] = j;
  }
  const kept = filled(n, 0);
  for (let j = tails.length > 0 ? tails[tails.length - 1]! : -1; j >= 0; j = previous[j]!) kept[j] = 1;
  return kept;
}
