import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { useIsomorphicLayoutEffect } from "../shared/useIsomorphicLayoutEffect";

/** A rendered row: its key and its element (in the list's flow). */
export interface ListWindowRow {
  key: string;
  element: HTMLElement;
}

/** Options of {@link useListWindow}. */
export interface UseListWindowOptions {
  /** Every row's key, in display order (rendered or not). */
  keys: readonly string[];
  /** Off: every row renders (`start` 0, `end` the count, no spacers). */
  enabled: boolean;
  /** The rows rendered in the flow, in order (their elements are measured). */
  readRows: (list: HTMLElement) => ListWindowRow[];
}

/** The result of {@link useListWindow}. */
export interface ListWindow {
  /** The first row rendered in the flow. */
  start: number;
  /** One past the last row rendered in the flow. */
  end: number;
  /** Whether a row is in the range (rendered in the flow). */
  isInRange: (index: number) => boolean;
  /** The list's ref: the element whose rows are measured. */
  setList: (node: HTMLElement | null) => void;
  /** The props of the spacers before and after the list: they stand for the rows off screen. */
  getSpacerStyle: (side: "start" | "end") => CSSProperties;
  setStartSpacer: (node: HTMLElement | null) => void;
  /**
   * Scrolls the nearest scroller (else the window) so that the row at `index` comes into
   * view, from its estimated place, and renders it. Measured once rendered: call
   * `scrollIntoView` on it then to correct the estimate.
   */
  scrollToIndex: (index: number) => void;
}

/** A row's height before it is measured, until some are (then their mean). */
const DEFAULT_ROW = 72;

interface Range {
  start: number;
  end: number;
  padStart: number;
  padEnd: number;
}

const scrollsY = (element: Element) => /(auto|scroll|hidden|clip|overlay)/.test(getComputedStyle(element).overflowY);

/**
 * Renders only the rows of a long list near the viewport (the "windowing" of TanStack
 * Virtual or react-window, for a list in the page's flow): the rows before and after the
 * range are stood for by two spacers of their measured (else estimated) height.
 *
 * - Works in any scroller: the visible part is the viewport clipped by every scrolling
 *   ancestor, read again on each scroll (one listener, capturing, throttled to frames).
 * - A row's size is the distance from its top to the next row's top, so margins and the
 *   gaps between groups count; sizes are kept by key, so an open diff keeps its height
 *   when it scrolls back, and rows added above do not reset them.
 * - The spacers are siblings of the list, never its padding: the browser's scroll
 *   anchoring keeps what is on screen in place when rows above are measured.
 * - Where layout measures nothing (a test DOM, a hidden tab), every row is in range.
 */
export function useListWindow({ keys, enabled, readRows }: UseListWindowOptions): ListWindow {
  const count = keys.length;
  const [range, setRange] = useState<Range>({ start: 0, end: 0, padStart: 0, padEnd: 0 });
  // Turned on (or mounted), the list first renders whole, as it was: its rows are measured
  // where they stand, so the range then narrows around what is on screen without moving it.
  const isFresh = useRef(true);
  if (!enabled) isFresh.current = true;
  const listRef = useRef<HTMLElement | null>(null);
  const startSpacerRef = useRef<HTMLElement | null>(null);
  const sizes = useRef(new Map<string, number>());
  const clippers = useRef<Element[] | null>(null);
  const frame = useRef(0);
  /** The last render was the range's own (set by `update`). */
  const rangeSet = useRef(false);
  const state = useRef({ keys, readRows, enabled, range });
  state.current = { keys, readRows, enabled, range };

  const index = useMemo(() => new Map(keys.map((key, i) => [key, i])), [keys]);
  const indexRef = useRef(index);
  indexRef.current = index;
  // Sizes of rows that left the list (a server-side window of pages let them go) are let go
  // too, once they outnumber the rows: memory follows the list, not the scrolling.
  if (sizes.current.size > 2 * keys.length + 100) {
    for (const key of sizes.current.keys()) if (!index.has(key)) sizes.current.delete(key);
  }

  /** Measures the rendered rows; returns the rows' offsets and where the first row's offset is on screen. */
  const measure = useCallback(() => {
    const { keys: all, readRows: read } = state.current;
    const list = listRef.current;
    const known = sizes.current;
    if (list) {
      const rows = read(list).filter((row) => indexRef.current.has(row.key));
      const rects = rows.map((row) => row.element.getBoundingClientRect());
      const at = rows.map((row) => indexRef.current.get(row.key)!);
      rows.forEach((row, i) => {
        // A row's size runs to the next row's top; the last rendered one (its successor not
        // rendered) is measured on its own only when it ends the list: a size that depended on
        // what is rendered would make the range swing back and forth.
        const next = rects[i + 1];
        const size = next && at[i + 1] === at[i]! + 1 ? next.top - rects[i]!.top : !next && at[i] === all.length - 1 ? rects[i]!.height : undefined;
        if (size !== undefined && size >= 0) known.set(row.key, size);
      });
      const offsets = computeOffsets(all, known);
      const first = rows[0];
      // Where the list's first row would be on screen: the first rendered row, less its offset.
      const anchor = first ? rects[0]!.top - offsets[indexRef.current.get(first.key)!]! : (startSpacerRef.current ?? list).getBoundingClientRect().top;
      return { offsets, anchor };
    }
    return { offsets: computeOffsets(all, known), anchor: undefined };
  }, []);

  /** The part of the viewport the list is seen through (every scrolling ancestor clips it). */
  const clip = useCallback(() => {
    const list = listRef.current;
    let top = 0;
    let bottom = typeof window === "undefined" ? 0 : window.innerHeight;
    if (!list) return { top, bottom };
    if (!clippers.current) {
      clippers.current = [];
      for (let element = list.parentElement; element && element !== document.documentElement; element = element.parentElement) {
        if (element !== document.body && scrollsY(element)) clippers.current.push(element);
      }
    }
    for (const element of clippers.current) {
      const rect = element.getBoundingClientRect();
      top = Math.max(top, rect.top);
      bottom = Math.min(bottom, rect.bottom);
    }
    return { top, bottom: Math.max(top, bottom) };
  }, []);

  const update = useCallback(() => {
    const { enabled: on, keys: all, range: current } = state.current;
    if (!on || !listRef.current) return;
    const { offsets, anchor = 0 } = measure();
    const next = computeRange(offsets, anchor, clip());
    if (all.length === 0) return;
    if (isFresh.current || next.start !== current.start || next.end !== current.end || Math.round(next.padStart) !== Math.round(current.padStart) || Math.round(next.padEnd) !== Math.round(current.padEnd)) {
      isFresh.current = false;
      rangeSet.current = true;
      setRange(next);
    }
  }, [measure, clip]);

  // After every render: measure what rendered, and render what the viewport now needs. A
  // few renders settle the range; more in a row, with no scroll between, would be a loop
  // (sizes that change with the range): it then waits for the next scroll or resize.
  const settling = useRef(0);
  useIsomorphicLayoutEffect(() => {
    // A render of the list's own (new rows, an entry opened) starts settling afresh.
    if (!rangeSet.current) settling.current = 0;
    rangeSet.current = false;
    applyScrollTarget();
    if (settling.current++ < 8) update();
  });

  // Scrolls (of the page or any scroller: capturing) and resizes, once a frame.
  useEffect(() => {
    if (!enabled || typeof window === "undefined") return undefined;
    const schedule = () => {
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        settling.current = 0;
        update();
      });
    };
    const onResize = () => {
      clippers.current = null;
      schedule();
    };
    window.addEventListener("scroll", schedule, { capture: true, passive: true });
    window.addEventListener("resize", onResize);
    // A row that grows or shrinks (a diff opening, fonts loading) changes the list's size.
    const observer = typeof ResizeObserver === "undefined" ? undefined : new ResizeObserver(schedule);
    if (listRef.current) observer?.observe(listRef.current);
    return () => {
      window.removeEventListener("scroll", schedule, { capture: true });
      window.removeEventListener("resize", onResize);
      observer?.disconnect();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [enabled, update]);

  const setList = useCallback((node: HTMLElement | null) => {
    listRef.current = node;
    clippers.current = null;
  }, []);
  const setStartSpacer = useCallback((node: HTMLElement | null) => {
    startSpacerRef.current = node;
  }, []);

  /** The nearest scroller the list scrolls in (`undefined`: the page). */
  const scroller = () => clippers.current?.find((element) => element.scrollHeight > element.clientHeight && /(auto|scroll|overlay)/.test(getComputedStyle(element).overflowY));

  // A row asked for by `scrollToIndex`: scrolled to once it is rendered.
  const scrollTarget = useRef<{ index: number; tries: number } | null>(null);
  const applyScrollTarget = useCallback(() => {
    const target = scrollTarget.current;
    const list = listRef.current;
    if (target === null || !list) return;
    const key = state.current.keys[target.index];
    const row = state.current.readRows(list).find((candidate) => candidate.key === key);
    if (!row) {
      // A row that never renders (gone from the list meanwhile) is not waited for.
      if (++target.tries > 5) scrollTarget.current = null;
      return;
    }
    scrollTarget.current = null;
    const view = clip();
    // Its top a third of the way down the visible part.
    const delta = row.element.getBoundingClientRect().top - (view.top + (view.bottom - view.top) / 3);
    const element = scroller();
    if (element) element.scrollTop += delta;
    else window.scrollBy(0, delta);
  }, [clip]);

  const scrollToIndex = useCallback(
    (target: number) => {
      if (!listRef.current || !state.current.enabled) return;
      const { offsets } = measure();
      const view = clip();
      const index = Math.max(0, Math.min(target, offsets.length - 2));
      // Render the rows around it first (the spacers then hold the list's whole height), then scroll.
      const top = offsets[index]! - (view.bottom - view.top) / 3;
      const next = computeRange(offsets, view.top - top, view);
      scrollTarget.current = { index, tries: 0 };
      const current = state.current.range;
      if (isFresh.current || next.start !== current.start || next.end !== current.end) {
        isFresh.current = false;
        rangeSet.current = true;
        setRange(next);
      }
      applyScrollTarget();
    },
    [measure, clip, applyScrollTarget],
  );

  const on = enabled && !isFresh.current;
  const start = on ? Math.min(range.start, Math.max(0, count - 1)) : 0;
  const end = on ? Math.min(Math.max(range.end, start + 1), count) : count;
  const padStart = on ? range.padStart : 0;
  const padEnd = on ? range.padEnd : 0;
  // Stable while the range is: callers' callbacks built on it (keys, reveal) keep their identity.
  const isInRange = useCallback((i: number) => i >= start && i < end, [start, end]);
  return {
    start,
    end,
    isInRange,
    setList,
    setStartSpacer,
    getSpacerStyle: (side) => ({ height: Math.max(0, Math.round(side === "start" ? padStart : padEnd)) }),
    scrollToIndex,
  };
}

/** Each row's offset from the list's start (one more: the total), from the sizes measured, else their mean. */
function computeOffsets(keys: readonly string[], sizes: ReadonlyMap<string, number>): number[] {
  let sum = 0;
  let measured = 0;
  for (const key of keys) {
    const size = sizes.get(key);
    if (size !== undefined) {
      sum += size;
      measured++;
    }
  }
  const estimate = measured > 0 ? sum / measured : DEFAULT_ROW;
  const offsets = new Array<number>(keys.length + 1);
  offsets[0] = 0;
  keys.forEach((key, i) => {
    offsets[i + 1] = offsets[i]! + (sizes.get(key) ?? estimate);
  });
  return offsets;
}

/** The rows to render: those within the visible part, and as much again above and below. */
function computeRange(offsets: readonly number[], anchor: number, view: { top: number; bottom: number }): Range {
  const count = offsets.length - 1;
  const total = offsets[count]!;
  const overscan = Math.min(2000, Math.max(300, view.bottom - view.top));
  let from = view.top - anchor - overscan;
  let to = view.bottom - anchor + overscan;
  // The list wholly below the viewport: its first rows; wholly above: its last.
  if (to < 0) [from, to] = [0, 2 * overscan];
  else if (from > total) [from, to] = [total - 2 * overscan, total];
  // The first row that ends past `from`, and the first that starts at or past `to`.
  let start = lowerBound(offsets, from, 1) - 1;
  let end = lowerBound(offsets, to, 0);
  start = Math.max(0, Math.min(start, count - 1));
  end = Math.max(start + 1, Math.min(end, count));
  return { start, end, padStart: offsets[start]!, padEnd: total - offsets[end]! };
}

/** The first index from `from` whose offset is above `value` (strictly, from 1; at or above, from 0). */
function lowerBound(offsets: readonly number[], value: number, from: 0 | 1): number {
  let low = from;
  let high = offsets.length - 1;
  const above = (i: number) => (from === 1 ? offsets[i]! > value : offsets[i]! >= value);
  if (!above(high)) return high + 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (above(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
