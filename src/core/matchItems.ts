import { create } from "jsondiffpatch";

/**
 * The one file that imports jsondiffpatch. It aligns the items of two arrays that have
 * no identity, by their hashes, with jsondiffpatch's LCS and move detection, which is
 * quadratic: it only gets a bounded remainder. Larger remainders are matched in linear
 * time by equal hashes, in order.
 */

/** Above this many cells (old × new items) the quadratic alignment is not attempted. */
export const MAX_LCS_CELLS = 250_000;

// Created on first use: an app that never aligns items without identity never builds it.
let differ: ReturnType<typeof create> | undefined;

/**
 * Pairs equal items of two hash lists (the quadratic alignment only within `maxCells`,
 * old × new items; a caller with a work budget passes what is left of it): returns `[oldIndex, newIndex]` pairs, each index
 * used at most once. Unpaired items are insertions and removals.
 */
export function matchByHash(oldHashes: readonly string[], newHashes: readonly string[], maxCells = MAX_LCS_CELLS): Array<[number, number]> {
  if (oldHashes.length === 0 || newHashes.length === 0) return [];
  if (oldHashes.length * newHashes.length <= Math.min(maxCells, MAX_LCS_CELLS)) return matchWithLcs(oldHashes, newHashes);
  return matchGreedy(oldHashes, newHashes);
}

function matchGreedy(oldHashes: readonly string[], newHashes: readonly string[]): Array<[number, number]> {
  const queues = new Map<string, number[]>();
  for (let i = oldHashes.length - 1; i >= 0; i--) {
    const queue = queues.get(oldHashes[i]!);
    if (queue) queue.push(i);
    else queues.set(oldHashes[i]!, [i]);
  }
  const pairs: Array<[number, number]> = [];
  newHashes.forEach((hash, newIndex) => {
    const oldIndex = queues.get(hash)?.pop();
    if (oldIndex !== undefined) pairs.push([oldIndex, newIndex]);
  });
  return pairs;
}

type ArrayDelta = Record<string, unknown> & { _t: "a" };

function matchWithLcs(oldHashes: readonly string[], newHashes: readonly string[]): Array<[number, number]> {
  differ ??= create({ arrays: { detectMove: true, includeValueOnMove: false } });
  const delta = differ.diff([...oldHashes], [...newHashes]) as ArrayDelta | undefined;
  if (!delta) return oldHashes.map((_, i) => [i, i]);
  const removedOld = new Set<number>();
  const addedNew = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [key, value] of Object.entries(delta)) {
    if (key === "_t" || !Array.isArray(value)) continue;
    if (key.startsWith("_")) {
      const oldIndex = Number(key.slice(1));
      removedOld.add(oldIndex);
      // ["", newIndex, 3] is a move: the same item, elsewhere.
      if (value[2] === 3) {
        pairs.push([oldIndex, value[1] as number]);
        addedNew.add(value[1] as number);
      }
    } else if (value.length === 1) {
      addedNew.add(Number(key));
    }
  }
  // Every item the delta does not mention is kept, in order on both sides.
  const keptOld = oldHashes.map((_, i) => i).filter((i) => !removedOld.has(i));
  const keptNew = newHashes.map((_, i) => i).filter((i) => !addedNew.has(i));
  keptOld.forEach((oldIndex, i) => pairs.push([oldIndex, keptNew[i]!]));
  return pairs;
}
