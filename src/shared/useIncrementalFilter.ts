import { useEffect, useMemo, useRef, useState } from "react";

/** Lists up to this long are filtered in one go; longer ones in slices between frames. */
const SYNC_LIMIT = 2000;
/** A slice of work stops after this many milliseconds, so the page can answer input. */
const SLICE_MS = 8;

/** The result of {@link useIncrementalFilter}. */
export interface IncrementalFilterResult<T> {
  /** The items that pass, in order: the latest complete result. */
  items: readonly T[];
  /** A newer filter is being applied; `items` is still the previous result. */
  isPending: boolean;
}

/**
 * Keeps the items that `keep` accepts, without blocking the page on long lists: up to
 * 2,000 items are filtered at once; longer lists in slices of about 8 ms between
 * macrotasks, the previous result staying on screen (with `isPending`) until the new one
 * is complete. A new `items` or `keep` cancels the work under way. `keep: undefined`
 * keeps everything.
 */
export function useIncrementalFilter<T>(items: readonly T[], keep: ((item: T) => boolean) | undefined): IncrementalFilterResult<T> {
  const isSync = !keep || items.length <= SYNC_LIMIT;
  const syncItems = useMemo(() => (isSync ? (keep ? items.filter(keep) : items) : undefined), [isSync, items, keep]);
  const [done, setDone] = useState<{ items: readonly T[]; source: readonly T[]; keep: unknown } | undefined>(undefined);

  useEffect(() => {
    if (isSync || !keep) return undefined;
    let index = 0;
    let cancelled = false;
    const out: T[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      if (cancelled) return;
      const stop = performance.now() + SLICE_MS;
      while (index < items.length) {
        const item = items[index]!;
        if (keep(item)) out.push(item);
        index++;
        // Reading the clock costs too: every 64 items is often enough.
        if ((index & 63) === 0 && performance.now() > stop) break;
      }
      if (index < items.length) timer = setTimeout(step, 0);
      else setDone({ items: out, source: items, keep });
    };
    timer = setTimeout(step, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [isSync, items, keep]);

  // While a slow filter runs, what was shown last stays (at first: the list unfiltered).
  const shown = useRef<readonly T[]>(items);
  const isCurrent = done !== undefined && done.source === items && done.keep === keep;
  const result = syncItems ?? (isCurrent ? done.items : shown.current);
  shown.current = result;
  return { items: result, isPending: !syncItems && !isCurrent };
}
