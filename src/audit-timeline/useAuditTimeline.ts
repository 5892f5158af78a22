import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type MouseEvent, type Ref } from "react";
import { canonicalizeFilters, type AuditLogFilters } from "../core/filterEntries";
import { resolveTimeZone } from "../core/formatEntry";
import { toInstant, type AuditLogSorter } from "../core/auditQuery";
import { sortEntriesByTime } from "../core/history";
import { getFieldsKey, useAuditEntryDescriber } from "../refine/useAuditEntryDescriber";
import { useAuditLogEntries } from "../refine/useAuditLogEntries";
import type { AuditTimelineDay, AuditTimelineEntryGetters, ElementProps, UseAuditTimelineOptions, UseAuditTimelineResult } from "./auditTimeline.types";
import { createEntryGetters, mergePartProps, partAttrs, toDomId } from "./createEntryGetters";
import { useEntryLink } from "../refine/useEntryLink";
import { createRestoredText } from "./restoredText";
import type { AuditTimelineItem, AuditTimelineLinkState } from "./auditTimeline.types";
import { handleListKeyDown } from "./handleListKeyDown";
import { auditTimelineParts as parts } from "./parts";
import { useExpandedEntries } from "./useExpandedEntries";
import { useFilteredEntries } from "../shared/useFilteredEntries";
import { useSentinel } from "./useSentinel";
import { useShowMoreFocus } from "./useShowMoreFocus";
import { useTimelineBatches } from "./useTimelineBatches";
import { useNow, useTimelineItems } from "./useTimelineItems";
import { useTimeTooltip } from "./useTimeTooltip";

export type {
  AuditTimelineActions,
  AuditTimelineJump,
  AuditTimelineDay,
  AuditTimelineEntryGetters,
  AuditTimelineFieldMatch,
  AuditTimelineItem,
  AuditTimelineLinkState,
  AuditTimelineRecordDiffProps,
  AuditTimelineState,
  DataAttributes,
  TimelinePartProps,
  UseAuditTimelineOptions,
  UseAuditTimelineResult,
} from "./auditTimeline.types";

/** How many further pages a link to an entry not read yet may read to find it (the legacy request cap, for a server-side log too). */
const LINK_SEARCH_PAGES = 10;

const NEWEST_FIRST: readonly AuditLogSorter[] = [{ field: "createdAt", order: "desc" }];
const OLDEST_FIRST: readonly AuditLogSorter[] = [{ field: "createdAt", order: "asc" }];

/**
 * The headless timeline: reads a record's (with `id`) or a resource's history through
 * `useAuditLogEntries`, replays all of it to reconstruct before-values, reads each
 * entry through the pipeline (`useAuditEntryDescriber`: `fields`, `ignore` and the
 * work budget applied once, for summaries, filters, search and diffs alike), filters,
 * sorts and groups it by day, renders it in batches, and returns everything a UI needs:
 * state, items, day groups, actions and props getters that carry the markup contract
 * (see `auditTimelineParts`). `<AuditTimeline>` is a thin composition of it.
 *
 * Layers: state (batches, expansion, tooltip) → behaviour (sentinel, focus after "Show
 * more", keyboard) → markup (the getters), each in a file of its own.
 *
 * @example
 * const timeline = useAuditTimeline({ resource: "products", id: 7 });
 * if (timeline.state !== "ready") return <p>{timeline.state}</p>;
 * return (
 *   <ol {...timeline.getListProps()}>
 *     {timeline.items.map((item) => (
 *       <li {...timeline.getEntryProps(item)} key={item.key}>
 *         {item.authorLabel} {item.actionLabel}: {item.summaryText}
 *       </li>
 *     ))}
 *   </ol>
 * );
 */
export function useAuditTimeline(options: UseAuditTimelineOptions): UseAuditTimelineResult {
  const { resource, id, order = "newest", ignore, idField, fields, budget, timeZone } = options;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 50));
  // "Jump to date": within what is read, or read from that day on (`anchor`: a date bound of the query).
  const jumpScope = `${resource}\u0000${String(id)}\u0000${order}\u0000${JSON.stringify(options.filters ?? null)}`;
  const [jumpState, setJumpState] = useState<JumpState | undefined>(undefined);
  const jump = jumpState?.scope === jumpScope ? jumpState : undefined;
  // (A time zone Intl does not know is the viewer's, as everywhere in the kit.)
  const zone = useMemo(() => resolveTimeZone(timeZone), [timeZone]);
  const filters = useMemo(() => withAnchor(options.filters, jump?.anchor, order, zone), [options.filters, jump?.anchor, order, zone]);
  // A provider that follows the query contract sorts (and filters) on the server; a legacy one is read as before.
  const log = useAuditLogEntries({ ...options, filters, query: { sorters: order === "oldest" ? OLDEST_FIRST : NEWEST_FIRST } });
  const isServerSide = log.isServerSide;
  // Before-values are replayed from every entry read, never from the filtered list; a
  // server-side page only when it is a stretch of the history.
  const { describe, reader, history, t, locale, formatters, references } = useAuditEntryDescriber({
    replay: log.canReplay,
    allEntries: log.allEntries,
    recordId: id,
    idField,
    ignore,
    fields,
    budget,
    locale: options.locale,
    timeZone,
  });
  const now = useNow(options.now);
  const baseId = useId();

  // State: what is read, what matches, how much of it is shown, what is open.
  // A server-side answer is shown as the server sorted and filtered it (the policy still applies).
  const sorted = useMemo(() => (isServerSide ? log.entries : sortEntriesByTime(log.entries, order)), [log.entries, order, isServerSide]);
  const filtered = useFilteredEntries({ entries: sorted, filters, timeZone, reader, applied: isServerSide });
  const { isFiltered } = filtered;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = log;

  // The linked entry (`linkParam`): shown even when the filters leave it out.
  const link = useEntryLink(options.linkParam === undefined ? undefined : options.linkParam);
  const linkedKey = options.linkedEntryId !== undefined ? String(options.linkedEntryId) : link.linkedId;
  const linkedEntry = useMemo(() => (linkedKey === undefined ? undefined : sorted.find((entry) => String(entry.id) === linkedKey)), [sorted, linkedKey]);
  const isLinkedOutside = !!linkedEntry && !filtered.isPending && !filtered.entries.includes(linkedEntry);
  const matching = useMemo(
    () => (isLinkedOutside && linkedEntry ? sortEntriesByTime([...filtered.entries, linkedEntry], order) : filtered.entries),
    [isLinkedOutside, linkedEntry, filtered.entries, order],
  );
  // Not read yet: read further pages (following a link is the user's action) until it is
  // found, at most LINK_SEARCH_PAGES of them and once per link: a link to a missing entry
  // never reads a server-side log to its end, nor again once its entry has slid out of the window.
  const linkSearch = useRef<{ key: string | undefined; pages: number; found: boolean; askedAt: number }>({ key: undefined, pages: 0, found: false, askedAt: -1 });
  if (linkSearch.current.key !== linkedKey) linkSearch.current = { key: linkedKey, pages: 0, found: false, askedAt: -1 };
  if (linkedEntry) linkSearch.current.found = true;
  const isLinkSearchOver = linkSearch.current.found || linkSearch.current.pages >= LINK_SEARCH_PAGES;
  const readCount = log.entries.length;
  useEffect(() => {
    if (linkedKey === undefined || linkedEntry || !hasNextPage || isFetchingNextPage || isLinkSearchOver) return;
    // One page at a time: the next is asked for once the last one has brought its entries.
    if (linkSearch.current.askedAt === readCount) return;
    linkSearch.current.askedAt = readCount;
    linkSearch.current.pages++;
    fetchNextPage();
  }, [linkedKey, linkedEntry, hasNextPage, isFetchingNextPage, fetchNextPage, isLinkSearchOver, readCount]);
  let linkState: AuditTimelineLinkState = "none";
  if (linkedKey !== undefined) linkState = linkedEntry ? "found" : (hasNextPage && !isLinkSearchOver) || log.state === "loading" ? "searching" : "missing";
  const batches = useTimelineBatches({
    scope: `${resource}\u0000${JSON.stringify(log.requestMeta)}\u0000${order}`,
    batchSize,
    available: matching.length,
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage,
    firstPageIndex: log.firstPageIndex,
  });
  const { visibleCount, hasMore, loadMore } = batches;
  const { expandedSet, toggleExpanded, setExpanded } = useExpandedEntries(options);
  const tooltip = useTimeTooltip();

  // A jump looks among the entries read (a legacy provider: reading on, a page at a time,
  // at most LINK_SEARCH_PAGES), or reads from its day on (a server-side one: the anchor);
  // its entry is then the first that reaches the day.
  const isReady = log.state !== "loading" && !filtered.isPending && !log.isFetching;
  const findJumpTarget = useCallback(
    (day: string) => {
      const bound = Date.parse(toInstant(day, order !== "oldest", zone));
      return matching.findIndex((entry) => entry.createdAt !== undefined && (order === "oldest" ? entry.createdAt.getTime() >= bound : entry.createdAt.getTime() <= bound));
    },
    [matching, order, zone],
  );
  useEffect(() => {
    if (!jump || jump.state !== "searching" || !isReady) return;
    const index = findJumpTarget(jump.day);
    if (index < 0 && hasNextPage && jump.pages < LINK_SEARCH_PAGES) {
      if (isFetchingNextPage) return;
      setJumpState({ ...jump, pages: jump.pages + 1 });
      fetchNextPage();
      return;
    }
    // Not found with more left unread: say only that it is not among the entries read.
    const state = index >= 0 ? "found" : hasNextPage || log.isTruncated ? "notRead" : "missing";
    setJumpState({ ...jump, state, targetKey: index >= 0 ? String(matching[index]!.id) : undefined, serial: jump.serial + 1 });
  }, [jump, isReady, findJumpTarget, matching, hasNextPage, isFetchingNextPage, fetchNextPage, log.isTruncated]);
  const jumpToDate = useCallback(
    (day: string) => {
      const serial = (jump?.serial ?? 0) + 1;
      const next = { scope: jumpScope, day, anchor: jump?.anchor, targetKey: undefined, serial, pages: 0 };
      if (!isCalendarDay(day)) {
        setJumpState({ ...next, state: "invalid" });
        return;
      }
      const index = findJumpTarget(day);
      // Found among the entries read, unless newer ones (older, oldest first) may be missing before it:
      // let go by the window, or left out by an earlier jump to a day before this one.
      const gapBefore = index === 0 && (log.hasPreviousPage || (jump?.anchor !== undefined && (order === "oldest" ? day < jump.anchor : day > jump.anchor)));
      if (index >= 0 && !gapBefore) setJumpState({ ...next, state: "found", targetKey: String(matching[index]!.id) });
      // A server-side log is asked from that day; a legacy one is read on.
      else if (log.isServerSide) setJumpState({ ...next, anchor: day, state: "searching" });
      else setJumpState({ ...next, state: "searching" });
    },
    [matching, order, findJumpTarget, log.hasPreviousPage, log.isServerSide, jump, jumpScope],
  );
  const clearJump = useCallback(() => setJumpState(undefined), []);
  const jumpKey = jump?.state === "found" ? jump.targetKey : undefined;

  // The linked entry, and the entry jumped to, are rendered however far down they are.
  const linkedIndex = linkedEntry ? matching.indexOf(linkedEntry) : -1;
  const jumpIndex = jumpKey === undefined ? -1 : matching.findIndex((entry) => String(entry.id) === jumpKey);
  const visible = useMemo(() => matching.slice(0, Math.max(visibleCount, linkedIndex + 1, jumpIndex + 1)), [matching, visibleCount, linkedIndex, jumpIndex]);
  const { items, groups } = useTimelineItems({
    entries: visible,
    describe,
    getFieldMatch: filtered.getFieldMatch,
    expandedSet,
    openTooltipKey: tooltip.openKey,
    recordId: id,
    t,
    formatters,
    now,
  });

  // Once found: its diff opens, and it is scrolled to and focused (once per link).
  const shownLink = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!linkedEntry || linkedKey === undefined || shownLink.current === linkedKey) return;
    shownLink.current = linkedKey;
    if (!expandedSet.has(linkedKey)) setExpanded([...expandedSet, linkedKey]);
    if (typeof document === "undefined") return;
    const element = document.getElementById(`${baseId}-${toDomId(linkedKey)}-entry`);
    element?.scrollIntoView?.({ block: "start" });
    element?.focus({ preventScroll: true });
  }, [linkedEntry, linkedKey, expandedSet, setExpanded, baseId]);

  let state = log.state;
  // Nothing left to show once the filters are applied, and nothing more to read: say so.
  if (state === "ready" && isFiltered && !filtered.isPending && matching.length === 0 && log.malformed.length === 0 && !hasNextPage && !log.isTruncated) {
    state = "empty";
  }
  const isLoadingMore = isFetchingNextPage;

  // Behaviour: the sentinel, focus after "Show more".
  const getSentinelRef = useSentinel(() => loadMore("sentinel"), [hasMore, items.length, matching.length, log.firstPageIndex]);
  const itemKeys = useMemo(() => items.map((item) => item.key), [items]);
  const focus = useShowMoreFocus({ keys: itemKeys, hasMore, isLoadingMore });

  // Markup: the getters. Their context is kept stable (the policy by content), so memoised rows stay put.
  // (`ignore` is not among them: the changes handed to each diff are the pipeline's already.)
  const fieldsKey = getFieldsKey(fields);
  const diffOptions = useMemo(
    () => ({ fields, locale: options.locale, timeZone }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fieldsKey, options.locale, timeZone],
  );
  const { getEntryUrl: getUrl } = link;
  const getEntryUrl = useCallback((item: AuditTimelineItem) => getUrl(item.key), [getUrl]);
  const linked = useMemo(() => ({ key: linkedEntry ? linkedKey : undefined, isOutsideFilters: isLinkedOutside }), [linkedEntry, linkedKey, isLinkedOutside]);
  const getRestoredText = useMemo(() => createRestoredText(history, t, formatters), [history, t, formatters]);
  const entryGetters = useMemo<AuditTimelineEntryGetters>(
    () => createEntryGetters({ baseId, t, toggleExpanded, tooltipFor: tooltip.handlersFor, diffOptions, linked, getEntryUrl, getRestoredText }),
    [baseId, t, toggleExpanded, tooltip.handlersFor, diffOptions, linked, getEntryUrl, getRestoredText],
  );

  return {
    ...entryGetters,
    entryGetters,
    state,
    linkState,
    linkedId: linkedKey,
    items,
    groups,
    malformed: log.malformed,
    entries: matching as UseAuditTimelineResult["entries"],
    totalCount: matching.length,
    readCount: log.entries.length,
    hasMore,
    isLoadingMore,
    isTruncated: log.isTruncated,
    isServerSide,
    hasNewer: log.hasPreviousPage,
    isLoadingNewer: log.isFetchingPreviousPage,
    problem: log.problem,
    refusedFields: log.refusedFields,
    isFiltered,
    isFiltering: filtered.isPending,
    error: log.error,
    loadMoreError: log.pageError,
    history,
    references,
    actions: { retry: log.retry, loadMore: () => loadMore(), loadNewer: log.fetchPreviousPage, toggleExpanded, setExpanded, jumpToDate, clearJump },
    jump: {
      day: jump?.day,
      anchor: jump?.anchor,
      state: jump?.state ?? "none",
      targetKey: jumpKey,
      serial: jump?.serial ?? 0,
    },
    locale,
    getRootProps: (props) =>
      mergePartProps(
        {
          ...partAttrs(parts.root),
          /** `data-state`: loading | error | empty | ready | unconfigured. */
          "data-state": state,
          "aria-busy": state === "loading" || isLoadingMore || filtered.isPending ? true : undefined,
        },
        props,
      ),
    getListProps: (props) =>
      mergePartProps({ ...partAttrs(parts.list), "aria-label": t("auditLog.timeline.label", "History"), onKeyDown: handleListKeyDown, ref: focus.setListRef }, props),
    getDayProps: (day: AuditTimelineDay, props) => mergePartProps({ ...partAttrs(parts.day), "data-day": day.key }, props),
    getDayHeadingProps: (_day, props) => mergePartProps(partAttrs(parts.dayHeading), props),
    getEntriesProps: (day, props) => mergePartProps({ ...partAttrs(parts.entries), "aria-label": day.label }, props),
    getShowMoreProps: (props) =>
      mergePartProps(
        {
          ...partAttrs(parts.showMore),
          type: "button" as const,
          onClick: (event: MouseEvent<HTMLButtonElement>) => {
            if (isLoadingMore) return;
            if (typeof document !== "undefined" && document.activeElement === event.currentTarget) focus.rememberFrom(items.length);
            loadMore();
          },
          "aria-disabled": isLoadingMore ? true : undefined,
          "aria-busy": isLoadingMore ? true : undefined,
          children: isLoadingMore ? t("auditLog.timeline.loadingMore", "Loading more…") : t("auditLog.timeline.showMore", "Show more"),
        },
        props,
      ),
    getSentinelProps: <P extends ElementProps>(props?: P) => {
      const ref = getSentinelRef((props as { ref?: Ref<HTMLElement> } | undefined)?.ref);
      return mergePartProps<P & { ref: Ref<HTMLElement> }>({ ...partAttrs(parts.sentinel), "aria-hidden": true }, { ...props, ref } as P & { ref: Ref<HTMLElement> });
    },
    getShowNewerProps: (props) =>
      mergePartProps(
        {
          ...partAttrs(parts.showNewer),
          type: "button" as const,
          onClick: () => {
            if (!log.isFetchingPreviousPage) log.fetchPreviousPage();
          },
          "aria-disabled": log.isFetchingPreviousPage ? true : undefined,
          "aria-busy": log.isFetchingPreviousPage ? true : undefined,
          children: log.isFetchingPreviousPage ? t("auditLog.timeline.loadingNewer", "Loading newer entries…") : t("auditLog.timeline.showNewer", "Show newer entries"),
        },
        props,
      ),
    getJumpProps: (props) =>
      mergePartProps(
        {
          ...partAttrs(parts.jump),
          onSubmit: (event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            const input = event.currentTarget.elements.namedItem("day");
            if (input && "value" in input) jumpToDate(String(input.value));
          },
        },
        props,
      ),
    getJumpClearProps: (props) =>
      mergePartProps(
        {
          ...partAttrs(parts.jumpClear),
          type: "button" as const,
          onClick: clearJump,
          children: order === "oldest" ? t("auditLog.timeline.jumpClearOldest", "Show the oldest") : t("auditLog.timeline.jumpClear", "Show the newest"),
        },
        props,
      ),
    getRetryProps: (props) =>
      mergePartProps({ ...partAttrs(parts.retry), type: "button" as const, onClick: log.retry, children: t("auditLog.timeline.retry", "Try again") }, props),
  };
}

/** Where a jump to a date stands; see `UseAuditTimelineResult.jump`. */
interface JumpState {
  /** The view it was made in (a new resource, record, order or filters forgets it). */
  scope: string;
  day: string;
  anchor: string | undefined;
  state: "searching" | "found" | "missing" | "notRead" | "invalid";
  targetKey: string | undefined;
  serial: number;
  /** Pages read on to find it (at most `LINK_SEARCH_PAGES`). */
  pages: number;
}

/** A real calendar day as `YYYY-MM-DD`, of a four-digit year from 1000 (what a date input gives). */
function isCalendarDay(day: string): boolean {
  if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(day)) return false;
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}

/**
 * A date bound as milliseconds, read as the filters read it (`canonicalizeFilters`: a
 * `YYYY-MM-DD` day, trimmed, from its start or to its `end` in the time zone); `undefined`
 * when the filters ignore it (empty, unreadable).
 */
function boundTime(bound: Date | string | number, end: boolean, timeZone: string | undefined): number | undefined {
  const canonical = canonicalizeFilters(end ? { to: bound } : { from: bound });
  const value = end ? canonical?.to : canonical?.from;
  return value === undefined ? undefined : Date.parse(toInstant(value, end, timeZone));
}

/**
 * The view's filters with a jump's day as a bound: entries on or before its end (on or
 * after its start, oldest first), as an instant in the time zone. A bound of the app's
 * own stays whenever it is as tight, or cannot be compared: a jump never widens a filter.
 */
function withAnchor(filters: AuditLogFilters | undefined, anchor: string | undefined, order: "newest" | "oldest", timeZone: string | undefined): AuditLogFilters | undefined {
  if (anchor === undefined) return filters;
  const key = order === "oldest" ? "from" : "to";
  const end = key === "to";
  const anchorTime = boundTime(anchor, end, timeZone);
  const own = filters?.[key];
  if (anchorTime === undefined || Number.isNaN(anchorTime)) return filters;
  // A bound the filters ignore is no bound: the anchor cannot widen it.
  const ownTime = own === undefined ? undefined : boundTime(own, end, timeZone);
  if (ownTime !== undefined && (Number.isNaN(ownTime) || (end ? ownTime <= anchorTime : ownTime >= anchorTime))) return filters;
  return { ...filters, [key]: new Date(anchorTime).toISOString() };
}
