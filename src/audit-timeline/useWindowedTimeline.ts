import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { useIsomorphicLayoutEffect } from "../shared/useIsomorphicLayoutEffect";
import type { AuditTimelineDay, AuditTimelineItem, UseAuditTimelineResult } from "./auditTimeline.types";
import { AUDIT_TIMELINE_SCOPE, auditTimelineAnatomy, auditTimelineParts as parts } from "./parts";
import { useListWindow, type ListWindow, type ListWindowRow } from "./useListWindow";

/** One day as the windowed list renders it: the entries in range (and the focused one). */
export interface WindowedDay {
  day: AuditTimelineDay;
  /** No row of the day is on screen: it holds the focused entry only. */
  offscreen: boolean;
  /** Its heading is out of range (its rows are not). */
  headingOffscreen: boolean;
  /** An entry kept out of range because it has focus. */
  offscreenKey: string | undefined;
}

/** The result of {@link useWindowedTimeline}. */
export interface WindowedTimeline {
  days: WindowedDay[];
  /** The list's end is rendered (the unreadable rows go after it). */
  isAtEnd: boolean;
  window: ListWindow;
  /** Props for the list `<ol>`: its ref, focus tracking and the arrow keys across the whole list. */
  listProps: {
    ref: (node: HTMLElement | null) => void;
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
    onFocus: (event: FocusEvent<HTMLElement>) => void;
    onBlur: (event: FocusEvent<HTMLElement>) => void;
    "data-windowed"?: "";
  };
  /** Scrolls an entry into view (`block`: where, default `nearest`) and focuses it (its part `part`, else the entry itself). */
  reveal: (key: string, part?: string, block?: ScrollLogicalPosition) => void;
}

const headingKey = (day: string) => `h:${day}`;
const entryKey = (key: string) => `e:${key}`;
const isPart = (element: Element, part: string) => element.getAttribute("data-scope") === AUDIT_TIMELINE_SCOPE && element.getAttribute("data-part") === part;
const ENTRY = auditTimelineAnatomy.selector(parts.entry);
/** The parts the arrow keys move between (from a toggle to the next toggle, a time to the next time). */
const ARROW_STEPS: Record<string, number | "first" | "last"> = { ArrowDown: 1, ArrowUp: -1, Home: "first", End: "last" };

/** The rows rendered in the list's flow, in order: day headings and entries, the ones kept off screen left out. */
function readRows(list: HTMLElement): ListWindowRow[] {
  const rows: ListWindowRow[] = [];
  for (const day of Array.from(list.children)) {
    if (!isPart(day, parts.day) || day.hasAttribute("data-offscreen")) continue;
    const dayKey = day.getAttribute("data-day") ?? "";
    for (const child of Array.from(day.children)) {
      if (isPart(child, parts.dayHeading)) {
        if (!child.hasAttribute("data-offscreen")) rows.push({ key: headingKey(dayKey), element: child as HTMLElement });
      } else if (isPart(child, parts.entries)) {
        for (const entry of Array.from(child.children)) {
          if (isPart(entry, parts.entry) && !entry.hasAttribute("data-offscreen") && !entry.hasAttribute("data-malformed")) rows.push({ key: entryKey(entry.getAttribute("data-log-id") ?? ""), element: entry as HTMLElement });
        }
      }
    }
  }
  return rows;
}

/**
 * The windowing of `<AuditTimeline>`: the day headings and entries flattened into rows,
 * {@link useListWindow} over them, and what a long list needs besides:
 * - the entry that has focus stays rendered (visually hidden) when it scrolls out, so
 *   focus is never lost to the page;
 * - ArrowUp / ArrowDown / Home / End move between the entries' toggles (or times) across
 *   the whole list, scrolling the next one in before focusing it;
 * - a day whose first rows scrolled away keeps its heading, visually hidden, so a screen
 *   reader still reads which day an entry is on.
 */
export function useWindowedTimeline(timeline: UseAuditTimelineResult, enabled: boolean): WindowedTimeline {
  const { groups } = timeline;
  const keys = useMemo(() => {
    const all: string[] = [];
    for (const day of groups) {
      all.push(headingKey(day.key));
      for (const item of day.items) all.push(entryKey(item.key));
    }
    return all;
  }, [groups]);
  const rowIndex = useMemo(() => new Map(keys.map((key, i) => [key, i])), [keys]);
  // The entries in the order on screen (by day), which the arrow keys follow.
  const shown = useMemo(() => groups.flatMap((day) => day.items), [groups]);
  const itemIndex = useMemo(() => new Map(shown.map((item, i) => [item.key, i])), [shown]);
  const win = useListWindow({ keys, enabled, readRows });
  const listRef = useRef<HTMLElement | null>(null);

  // The entry that has focus: kept rendered wherever the list scrolls.
  const [focusKey, setFocusKey] = useState<string | undefined>(undefined);
  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const entry = (event.target as HTMLElement).closest?.(ENTRY);
    const key = entry && !entry.hasAttribute("data-malformed") ? (entry.getAttribute("data-log-id") ?? undefined) : undefined;
    setFocusKey((current) => (current === key ? current : key));
  }, []);
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    const list = event.currentTarget;
    if (event.relatedTarget && list.contains(event.relatedTarget as Node)) return;
    // Focus left the list (not just the window): the entry may go once out of range.
    requestAnimationFrame(() => {
      if (!list.contains(document.activeElement)) setFocusKey(undefined);
    });
  }, []);

  // A focus asked for an entry not rendered yet: done once it renders.
  const pending = useRef<{ key: string; part: string | undefined; block: ScrollLogicalPosition; tries: number } | null>(null);
  const focusPending = useCallback(() => {
    const wanted = pending.current;
    const list = listRef.current;
    if (!wanted || !list) return;
    // (An unreadable row may carry the same id: never it.)
    const entry = Array.from(list.querySelectorAll<HTMLElement>(ENTRY)).find(
      (element) => element.getAttribute("data-log-id") === wanted.key && !element.hasAttribute("data-offscreen") && !element.hasAttribute("data-malformed"),
    );
    if (!entry) {
      if (++wanted.tries > 5) pending.current = null;
      return;
    }
    pending.current = null;
    const target = (wanted.part && entry.querySelector<HTMLElement>(auditTimelineAnatomy.selector(wanted.part as never))) || entry;
    if (target === entry && !entry.hasAttribute("tabindex")) entry.tabIndex = -1;
    entry.scrollIntoView?.({ block: wanted.block });
    target.focus({ preventScroll: true });
  }, []);
  useIsomorphicLayoutEffect(focusPending);

  const { scrollToIndex, isInRange } = win;
  const reveal = useCallback(
    (key: string, part?: string, block: ScrollLogicalPosition = "nearest") => {
      const index = rowIndex.get(entryKey(key));
      if (index === undefined) return;
      pending.current = { key, part, block, tries: 0 };
      if (!isInRange(index)) scrollToIndex(index);
      focusPending();
    },
    [rowIndex, isInRange, scrollToIndex, focusPending],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      const part = target.getAttribute("data-part");
      const step = ARROW_STEPS[event.key];
      if (!enabled || step === undefined || target.getAttribute("data-scope") !== AUDIT_TIMELINE_SCOPE || (part !== parts.toggle && part !== parts.time)) return;
      const from = itemIndex.get(target.closest(ENTRY)?.getAttribute("data-log-id") ?? "");
      if (from === undefined) return;
      // Only entries that have the part: a diff's toggle, a known time.
      const has = (item: AuditTimelineItem) => (part === parts.toggle ? item.hasChanges : item.time.date !== undefined);
      let next: AuditTimelineItem | undefined;
      // Home and End look from the other end; the arrows from the entry that has focus.
      const [begin, by] = step === "first" ? [0, 1] : step === "last" ? [shown.length - 1, -1] : [from + step, step];
      for (let i = begin; i >= 0 && i < shown.length && !next; i += by) if (has(shown[i]!)) next = shown[i];
      if (!next || next.key === shown[from]!.key) return;
      event.preventDefault();
      reveal(next.key, part);
    },
    [enabled, itemIndex, shown, reveal],
  );

  // The linked entry, once found, is scrolled to and focused (once per link), however far down it is.
  const revealedLink = useRef<string | undefined>(undefined);
  const linkedKey = timeline.linked.key;
  useEffect(() => {
    if (linkedKey === undefined || revealedLink.current === linkedKey) return;
    revealedLink.current = linkedKey;
    // Unwindowed, the timeline has shown it already (every entry is rendered); once only either way.
    if (enabled) reveal(linkedKey, undefined, "start");
  }, [enabled, linkedKey, reveal]);

  const setList = win.setList;
  const ref = useCallback(
    (node: HTMLElement | null) => {
      listRef.current = node;
      setList(node);
    },
    [setList],
  );

  const keepIndex = focusKey === undefined ? -1 : (rowIndex.get(entryKey(focusKey)) ?? -1);
  const { start, end } = win;
  // Recomputed when the range, the list or the focused entry changes; not on every render of the timeline.
  const days = useMemo(() => {
    const out: WindowedDay[] = [];
    let index = 0;
    for (const day of groups) {
      const heading = index;
      const first = heading + 1;
      index = first + day.items.length;
      const keeps = keepIndex >= first && keepIndex < index;
      if (!keeps && (index <= start || heading >= end)) continue;
      // The rows of the day in range (a slice: the range is contiguous), and the kept one.
      const from = Math.max(0, start - first);
      const to = Math.max(from, Math.min(day.items.length, end - first));
      const keptOut = keeps && !isInRange(keepIndex);
      const inRange = day.items.slice(from, to);
      const shown = keptOut ? day.items.filter((_, j) => (j >= from && j < to) || first + j === keepIndex) : inRange;
      out.push({
        day: shown.length === day.items.length ? day : { ...day, items: shown },
        offscreen: inRange.length === 0 && !isInRange(heading),
        headingOffscreen: !isInRange(heading),
        offscreenKey: keptOut ? focusKey : undefined,
      });
    }
    return out;
  }, [groups, start, end, keepIndex, focusKey, isInRange]);

  return {
    days,
    isAtEnd: end >= keys.length,
    window: win,
    listProps: { ref, onKeyDown, onFocus, onBlur, "data-windowed": enabled ? "" : undefined },
    reveal,
  };
}
