import { useCallback, useRef } from "react";
import { useIsomorphicLayoutEffect } from "../shared/useIsomorphicLayoutEffect";
import { auditTimelineAnatomy, auditTimelineParts as parts } from "./parts";

/** Entries focus may move to: readable ones that rendered. */
const ENTRY_SELECTOR = `${auditTimelineAnatomy.selector(parts.entry)}:not([data-malformed]):not([data-failed])`;
const FOCUSABLE = 'button:not([disabled]), [href], input, [tabindex]:not([tabindex="-1"])';

/** The result of {@link useShowMoreFocus}. */
export interface ShowMoreFocus {
  /** The list's ref. */
  setListRef: (node: HTMLElement | null) => void;
  /** Call when "Show more" is pressed while it has focus, with the count of entries shown. */
  rememberFrom: (count: number) => void;
}

/**
 * Keyboard focus on "Show more": it stays there while the page loads (the button stays);
 * when the button goes because nothing more is left, it moves to the first new entry
 * (found by its key: a windowed list renders it a moment later, and is waited for).
 */
export function useShowMoreFocus({ keys, hasMore, isLoadingMore }: { keys: readonly string[]; hasMore: boolean; isLoadingMore: boolean }): ShowMoreFocus {
  const listRef = useRef<HTMLElement | null>(null);
  const focusFrom = useRef<{ from: number; tries: number } | null>(null);
  useIsomorphicLayoutEffect(() => {
    const wanted = focusFrom.current;
    if (wanted === null || isLoadingMore) return;
    const key = keys[Math.min(wanted.from, keys.length - 1)];
    if (hasMore || !listRef.current || key === undefined) {
      focusFrom.current = null;
      return;
    }
    const row = Array.from(listRef.current.querySelectorAll<HTMLElement>(ENTRY_SELECTOR)).find((element) => element.getAttribute("data-log-id") === key);
    if (!row) {
      if (++wanted.tries > 5) focusFrom.current = null;
      return;
    }
    focusFrom.current = null;
    const target = row.querySelector<HTMLElement>(FOCUSABLE);
    if (target) target.focus();
    else {
      row.tabIndex = -1;
      row.focus();
    }
  });
  const setListRef = useCallback((node: HTMLElement | null) => {
    listRef.current = node;
  }, []);
  const rememberFrom = useCallback((count: number) => {
    focusFrom.current = { from: count, tries: 0 };
  }, []);
  return { setListRef, rememberFrom };
}
