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
 * when the button goes because nothing more is left, it moves to the first new entry.
 */
export function useShowMoreFocus({ itemCount, hasMore, isLoadingMore }: { itemCount: number; hasMore: boolean; isLoadingMore: boolean }): ShowMoreFocus {
  const listRef = useRef<HTMLElement | null>(null);
  const focusFrom = useRef<number | null>(null);
  useIsomorphicLayoutEffect(() => {
    const from = focusFrom.current;
    if (from === null || isLoadingMore) return;
    focusFrom.current = null;
    if (hasMore || !listRef.current) return;
    const rows = listRef.current.querySelectorAll<HTMLElement>(ENTRY_SELECTOR);
    const row = rows[Math.min(from, rows.length - 1)];
    if (!row) return;
    const target = row.querySelector<HTMLElement>(FOCUSABLE);
    if (target) target.focus();
    else {
      row.tabIndex = -1;
      row.focus();
    }
  }, [itemCount, hasMore, isLoadingMore]);
  const setListRef = useCallback((node: HTMLElement | null) => {
    listRef.current = node;
  }, []);
  const rememberFrom = useCallback((count: number) => {
    focusFrom.current = count;
  }, []);
  return { setListRef, rememberFrom };
}
