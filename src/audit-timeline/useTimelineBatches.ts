import { useCallback, useRef, useState } from "react";

/** Options of {@link useTimelineBatches}. */
export interface UseTimelineBatchesOptions {
  /** What the list shows (resource, request, order, filters): a new scope starts again from one batch. */
  scope: string;
  /** How many entries each batch adds. */
  batchSize: number;
  /** How many entries can be shown now (the filtered list read so far). */
  available: number;
  /** The provider has more pages (or one is on its way). */
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /**
   * The first page held (server-side paging slides a window of pages): a page that slid
   * the window on counts as progress even though as many entries are held as before.
   */
  firstPageIndex?: number;
}

/** The result of {@link useTimelineBatches}. */
export interface TimelineBatches {
  /** How many entries are rendered. */
  visibleCount: number;
  /** More can be rendered or read. */
  hasMore: boolean;
  /** Renders the next batch, asking for the next page when the entries read run out. */
  loadMore: (source?: "sentinel") => void;
}

/**
 * The timeline's batching and paging state: how many entries are rendered, and when to
 * ask the provider for another page. Pages are only ever asked for on a user's action (a
 * click, or the sentinel scrolled into view), never by themselves, however few entries a
 * filter leaves.
 */
export function useTimelineBatches({ scope, batchSize, available, hasNextPage, isFetchingNextPage, fetchNextPage, firstPageIndex = 0 }: UseTimelineBatchesOptions): TimelineBatches {
  const [shown, setShown] = useState({ scope, count: batchSize });
  const visibleCount = shown.scope === scope ? shown.count : batchSize;
  const hasMore = available > visibleCount || hasNextPage;
  // The entry count at the sentinel's last page request: a page that added nothing visible
  // (a filter hid it all) stops the sentinel; only "Show more" asks further.
  const sentinelFetchedAt = useRef<string | null>(null);
  const loadMore = useCallback(
    (source?: "sentinel") => {
      if (!hasMore || isFetchingNextPage) return;
      const target = Math.min(available, visibleCount) + batchSize;
      if (target > visibleCount) setShown({ scope, count: target });
      if (available >= target || !hasNextPage) return;
      if (source === "sentinel") {
        const mark = `${scope}\u0000${available}\u0000${firstPageIndex}`;
        if (sentinelFetchedAt.current === mark) return;
        sentinelFetchedAt.current = mark;
      }
      fetchNextPage();
    },
    [hasMore, isFetchingNextPage, available, visibleCount, batchSize, scope, hasNextPage, fetchNextPage, firstPageIndex],
  );
  return { visibleCount, hasMore, loadMore };
}
