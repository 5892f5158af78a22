import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
  type TimeHTMLAttributes,
} from "react";
import { groupByDay, shiftDayKey, toDayKey } from "../core/groupByDay";
import { sortEntriesByTime, type AuditHistory } from "../core/history";
import type { AuditId, AuditLogEntry, MalformedLogEntry } from "../core/normalizeLog";
import { useAuditLogEntries, type AuditLogError, type AuditLogListState, type UseAuditLogEntriesOptions } from "../refine/useAuditLogEntries";
import type { AuditTranslate } from "../refine/useAuditTranslate";
import type { RecordDiffFields } from "../record-diff/compileFields";
import type { DataAttributes } from "../shared/dataAttributes";
import { formatRelativeTime, resolveTimeZone } from "../shared/formatEntry";
import { mergeProps } from "../shared/mergeProps";
import { useAuditEntryDescriber, useCompiledFields, type AuditEntryDescription } from "../shared/useAuditEntryDescriber";
import { useControllableState } from "../shared/useControllableState";
import { useIsomorphicLayoutEffect } from "../shared/useIsomorphicLayoutEffect";
import { AUDIT_TIMELINE_SCOPE, auditTimelineParts as parts, type AuditTimelinePart } from "./parts";

/**
 * Where the timeline stands (the root's `data-state`):
 * `loading` | `error` | `empty` | `ready` | `unconfigured` (no audit log provider with a `get`).
 */
export type AuditTimelineState = AuditLogListState;

/** Options of {@link useAuditTimeline}. */
export interface UseAuditTimelineOptions extends UseAuditLogEntriesOptions {
  /** `newest` first (default) or `oldest` first; day groups follow the same order. */
  order?: "newest" | "oldest";
  /** How many entries to render at first, and how many more each "Show more" (or scroll) adds. Default 50. */
  batchSize?: number;
  /** Paths left out of summaries and diffs (`updatedAt`, `*.version`); see `computeChanges`. */
  ignore?: readonly string[];
  /** The field that holds a record's id in bulk `data` / `previousData` items. Default `"id"`. */
  idField?: string;
  /**
   * The same field options the entries' diffs get (`<AuditTimeline>` passes
   * `diffProps.fields`): `hidden` fields are neither counted nor named in a summary,
   * `redact`ed ones are named without their values ("Changed password (hidden)"), and
   * `label`s name fields. Compared by content, so an inline object is fine.
   */
  fields?: RecordDiffFields;
  /** Keys (`String(entry.id)`) of the entries whose diff is open (controlled). */
  expanded?: readonly string[];
  /** Keys of the entries open at first (uncontrolled). */
  defaultExpanded?: readonly string[];
  /** Called with the new open keys when an entry opens or closes. */
  onExpandedChange?: (expanded: string[]) => void;
  /** The moment relative times count from. Default: the current time, refreshed every minute. */
  now?: Date;
  /** Overrides the app's locale for dates and numbers. */
  locale?: string;
  /** An IANA time zone for days and times. Default: the viewer's. */
  timeZone?: string;
}

export type { DataAttributes };

/** What a props getter returns: the part's own props merged with yours. */
export type TimelinePartProps<P> = P & DataAttributes;

/** One entry, ready to render: its description (shared with `useAuditLogTable`) and its state in the timeline. */
export interface AuditTimelineItem extends AuditEntryDescription {
  /** The record the timeline shows (its `id` option); `undefined` for a whole resource. */
  recordId: AuditId | undefined;
  /** Its diff is open. */
  isExpanded: boolean;
  /** Its time's tooltip (the absolute time) is shown. */
  isTimeTooltipOpen: boolean;
  /** The entry's time: `dateTime` (ISO), `relative` ("5 minutes ago"), `absolute` (local, with its time zone); empty strings when unknown. */
  time: { date: Date | undefined; dateTime: string | undefined; relative: string; absolute: string };
}

/** The entries of one calendar day. */
export interface AuditTimelineDay {
  /** `YYYY-MM-DD` in the viewer's (or the given) time zone; `"unknown"` for entries without a time. */
  key: string;
  /** "Today", "Yesterday", the localised date, or "Unknown date". */
  label: string;
  items: AuditTimelineItem[];
}

/** What the timeline can do. */
export interface AuditTimelineActions {
  /** Asks the provider again after an error (the first page, or a further one). */
  retry: () => void;
  /** Renders the next batch of entries, asking the provider for the next page when needed. */
  loadMore: () => void;
  /** Opens or closes one entry's diff. */
  toggleExpanded: (key: string) => void;
  /** Sets which entries are open. */
  setExpanded: (keys: readonly string[]) => void;
}

type ElementProps = HTMLAttributes<HTMLElement>;

/**
 * The props getters of the parts inside an entry. They keep their identity from render
 * to render (they read all per-entry state from the item), so rows can be memoised.
 */
export interface AuditTimelineEntryGetters {
  getEntryProps: <P extends ElementProps>(item: AuditTimelineItem, props?: P) => TimelinePartProps<P>;
  /** A part with no behaviour of its own (`header`, `author`, `action`, `name`, `rename`, `status`, `empty`…). */
  getPartProps: <P extends ElementProps>(part: AuditTimelinePart, props?: P) => TimelinePartProps<P>;
  getSummaryProps: <P extends ElementProps>(item: AuditTimelineItem, props?: P) => TimelinePartProps<P>;
  /** The `<time>`: `dateTime`, focusable, shows its tooltip on hover and focus (Escape hides it). */
  getTimeProps: <P extends TimeHTMLAttributes<HTMLElement>>(item: AuditTimelineItem, props?: P) => TimelinePartProps<P>;
  /** The tooltip: `role="tooltip"`, `data-state`, `hidden` while closed. */
  getTimeTooltipProps: <P extends ElementProps>(item: AuditTimelineItem, props?: P) => TimelinePartProps<P>;
  /** The diff's button: `aria-expanded`, `aria-controls`, a label as `children`. */
  getToggleProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(item: AuditTimelineItem, props?: P) => TimelinePartProps<P>;
  /** The diff's container: `id`, `hidden` while closed. */
  getDiffProps: <P extends ElementProps>(item: AuditTimelineItem, props?: P) => TimelinePartProps<P>;
  getMalformedEntryProps: <P extends ElementProps>(row: MalformedLogEntry, props?: P) => TimelinePartProps<P>;
  /** The translation function the timeline uses (for your own strings). */
  t: AuditTranslate;
}

/** The result of {@link useAuditTimeline}: state, data, actions, and a props getter per part. */
export interface UseAuditTimelineResult extends AuditTimelineEntryGetters {
  state: AuditTimelineState;
  /** The entry-level getters again, as one object that keeps its identity: hand it to memoised rows. */
  entryGetters: AuditTimelineEntryGetters;
  /** The rendered entries in display order (the first batches only: see `totalCount`). */
  items: AuditTimelineItem[];
  /** The same entries, by day. */
  groups: AuditTimelineDay[];
  /** Rows the provider returned that could not be read (render them as fallbacks). */
  malformed: MalformedLogEntry[];
  /** Every entry that matches (read so far), in display order. */
  entries: AuditLogEntry[];
  /** How many entries match (read so far). */
  totalCount: number;
  /** More entries can be rendered or read (also while the next page is on its way). */
  hasMore: boolean;
  /** The next page is on its way. */
  isLoadingMore: boolean;
  /**
   * The provider has more entries than the kit reads (`MAX_AUDIT_LOG_PAGES` requests):
   * the list is not the whole history. `<AuditTimeline>` says so at its end
   * (`data-part="truncated"`).
   */
  isTruncated: boolean;
  /** Filters are active (the empty message says so). */
  isFiltered: boolean;
  /** Why the history could not be loaded (state `error`). */
  error: AuditLogError | null;
  /** Why more of it (or a refresh) could not be loaded; the entries already shown stay. */
  loadMoreError: AuditLogError | null;
  /** The replayed history the before-values come from. */
  history: AuditHistory;
  actions: AuditTimelineActions;
  /** The locale of dates and numbers. */
  locale: string | undefined;
  /** The root: `data-scope`, `data-part="root"`, `data-state`, `aria-busy`. */
  getRootProps: <P extends ElementProps>(props?: P) => TimelinePartProps<P>;
  /** The `<ol>` of days: its label, and arrow keys (Up/Down/Home/End) between entries. */
  getListProps: <P extends ElementProps>(props?: P) => TimelinePartProps<P>;
  getDayProps: <P extends ElementProps>(day: AuditTimelineDay, props?: P) => TimelinePartProps<P>;
  getDayHeadingProps: <P extends ElementProps>(day: AuditTimelineDay, props?: P) => TimelinePartProps<P>;
  /** The `<ol>` of one day's entries. */
  getEntriesProps: <P extends ElementProps>(day: AuditTimelineDay, props?: P) => TimelinePartProps<P>;
  /**
   * The "Show more" button (a label as `children`). It stays while the next page loads
   * (`aria-disabled`, `aria-busy`, "Loading more…"), so keyboard focus stays on it; when
   * it goes because nothing more is left, focus moves to the first new entry.
   */
  getShowMoreProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(props?: P) => TimelinePartProps<P>;
  /** The element that renders more when it scrolls into view (IntersectionObserver). */
  getSentinelProps: <P extends ElementProps>(props?: P) => TimelinePartProps<P & { ref: Ref<HTMLElement> }>;
  /** The retry button (a label as `children`). */
  getRetryProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(props?: P) => TimelinePartProps<P>;
}

const ARROW_PARTS = new Set<string>([parts.toggle, parts.time]);

function useNow(fixed: Date | undefined): Date {
  const [now, setNow] = useState(() => fixed ?? new Date());
  useEffect(() => {
    if (fixed) return undefined;
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, [fixed]);
  return fixed ?? now;
}

const toDomId = (key: string) => key.replace(/[^\w-]/g, (char) => `_${char.codePointAt(0)!.toString(16)}`);

/**
 * The headless timeline: reads a record's (with `id`) or a resource's history through
 * {@link useAuditLogEntries}, replays it to reconstruct before-values, sorts and groups it
 * by day, renders it in batches, and returns everything a UI needs: state, items, day
 * groups, actions and props getters that carry the markup contract (see
 * `auditTimelineParts`). `<AuditTimeline>` is a thin composition of it.
 *
 * Work per render is bounded by what is shown: normalising and replaying happen once per
 * answer; summaries are computed for rendered entries only, and full diffs only when opened.
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
  const { resource, id, order = "newest", ignore, idField, timeZone } = options;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 50));
  const { isExcluded } = useCompiledFields(options.fields);
  const filterOptions = useMemo(() => ({ timeZone: resolveTimeZone(timeZone), isExcluded }), [timeZone, isExcluded]);
  const log = useAuditLogEntries({ ...options, filterOptions });
  const { describe, history, t, locale, formatters } = useAuditEntryDescriber({
    allEntries: log.allEntries,
    recordId: id,
    idField,
    ignore,
    fields: options.fields,
    locale: options.locale,
    timeZone,
  });
  const now = useNow(options.now);
  const baseId = useId();

  const sorted = useMemo(() => sortEntriesByTime(log.entries, order), [log.entries, order]);

  // How many entries are rendered; a new query scope starts again from one batch.
  const scope = `${resource}\u0000${JSON.stringify(log.requestMeta)}\u0000${order}`;
  const [shown, setShown] = useState({ scope, count: batchSize });
  const visibleCount = shown.scope === scope ? shown.count : batchSize;

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = log;
  const hasMore = sorted.length > visibleCount || hasNextPage;
  // The entry count at the sentinel's last page request: a page that added nothing visible
  // (a client-side filter hid it all) stops the sentinel; only "Show more" asks further.
  const sentinelFetchedAt = useRef<string | null>(null);
  // Pages are only ever asked for here, on a user's action (a click, or the sentinel
  // scrolled into view): never by themselves, however few entries a filter leaves.
  const loadMore = useCallback(
    (source?: "sentinel") => {
      if (!hasMore || isFetchingNextPage) return;
      const target = Math.min(sorted.length, visibleCount) + batchSize;
      if (target > visibleCount) setShown({ scope, count: target });
      if (sorted.length >= target || !hasNextPage) return;
      if (source === "sentinel") {
        const mark = `${scope}\u0000${sorted.length}`;
        if (sentinelFetchedAt.current === mark) return;
        sentinelFetchedAt.current = mark;
      }
      fetchNextPage();
    },
    [hasMore, isFetchingNextPage, sorted.length, visibleCount, batchSize, scope, hasNextPage, fetchNextPage],
  );

  // Expanded entries: controlled (`expanded`) or not (`defaultExpanded`).
  const { onExpandedChange } = options;
  const [expanded, setExpanded] = useControllableState<readonly string[]>({
    value: options.expanded,
    defaultValue: options.defaultExpanded ?? [],
    onChange: onExpandedChange && ((keys) => onExpandedChange([...keys])),
  });
  const expandedSet = useMemo(() => new Set(expanded), [expanded]);
  const toggleExpanded = useCallback(
    (key: string) => setExpanded((open) => (open.includes(key) ? open.filter((candidate) => candidate !== key) : [...open, key])),
    [setExpanded],
  );

  // Tooltips: one open at a time, on hover or focus.
  const [openTooltip, setOpenTooltip] = useState<string | null>(null);
  // Leaving the time by pointer closes its tooltip a moment later, so the pointer can move
  // onto the tooltip and stay there (WCAG 1.4.13: content on hover stays hoverable).
  const tooltipCloseTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(tooltipCloseTimer.current), []);

  // Items, kept per description (renewed with the describer), so an unchanged entry keeps its item and its row does not render again.
  const itemCache = useMemo(() => new WeakMap<AuditEntryDescription, AuditTimelineItem>(), [describe]);
  // The clock reading each item's relative time was formatted for.
  const itemNow = useMemo(() => new WeakMap<AuditTimelineItem, Date>(), []);

  const items = useMemo<AuditTimelineItem[]>(() => {
    const unknownTime = t("auditLog.timeline.unknownTime", "at an unknown time");
    return sorted.slice(0, visibleCount).map((entry) => {
      const description = describe(entry);
      const date = entry.createdAt;
      const isExpanded = expandedSet.has(description.key);
      const isTimeTooltipOpen = openTooltip === description.key;
      const previous = itemCache.get(description);
      // Each new batch maps every entry shown: one made for this same clock reading is kept without formatting its time again.
      if (previous && itemNow.get(previous) === now && previous.isExpanded === isExpanded && previous.isTimeTooltipOpen === isTimeTooltipOpen) return previous;
      const relative = date ? formatRelativeTime(date, now, formatters) : unknownTime;
      if (previous && previous.isExpanded === isExpanded && previous.isTimeTooltipOpen === isTimeTooltipOpen && previous.time.relative === relative) {
        itemNow.set(previous, now);
        return previous;
      }
      const item: AuditTimelineItem = previous
        ? { ...previous, isExpanded, isTimeTooltipOpen, time: { ...previous.time, relative } }
        : {
            ...description,
            recordId: id,
            isExpanded,
            isTimeTooltipOpen,
            time: { date, dateTime: date?.toISOString(), relative, absolute: date ? formatters.absolute.format(date) : "" },
          };
      itemCache.set(description, item);
      itemNow.set(item, now);
      return item;
    });
  }, [sorted, visibleCount, describe, itemCache, itemNow, id, expandedSet, openTooltip, t, formatters, now]);

  const groups = useMemo<AuditTimelineDay[]>(() => {
    const zone = { timeZone: formatters.timeZone };
    const today = toDayKey(now, zone);
    const yesterday = shiftDayKey(today, -1);
    return groupByDay(items, (item) => item.time.date, zone).map((group) => ({
      key: group.key,
      label:
        group.key === "unknown"
          ? t("auditLog.timeline.unknownDate", "Unknown date")
          : group.key === today
            ? t("auditLog.timeline.today", "Today")
            : group.key === yesterday
              ? t("auditLog.timeline.yesterday", "Yesterday")
              : formatters.day.format(group.date),
      items: group.items,
    }));
  }, [items, now, formatters, t]);

  // The sentinel renders more when it comes into view. Its ref keeps its identity (no
  // re-render when React attaches it); a new observer after each growth reports the
  // sentinel's current position, so a screen that is still not full keeps filling.
  const sentinelRef = useRef<HTMLElement | null>(null);
  const observerRef = useRef<IntersectionObserver | null>(null);
  const loadMoreRef = useRef(loadMore);
  useIsomorphicLayoutEffect(() => {
    loadMoreRef.current = loadMore;
  });
  const observe = useCallback(() => {
    observerRef.current?.disconnect();
    observerRef.current = null;
    const node = sentinelRef.current;
    if (!node || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((records) => {
      if (records.some((record) => record.isIntersecting)) loadMoreRef.current("sentinel");
    });
    observer.observe(node);
    observerRef.current = observer;
  }, []);
  const setSentinel = useCallback(
    (node: HTMLElement | null) => {
      sentinelRef.current = node;
      observe();
    },
    [observe],
  );
  useEffect(() => {
    observe();
  }, [observe, hasMore, items.length, sorted.length]);
  useEffect(() => () => observerRef.current?.disconnect(), []);

  const state = log.state;
  const isFiltered = log.requestMeta.filters !== undefined;
  const isLoadingMore = isFetchingNextPage;

  // Keyboard focus on "Show more": it stays there while the page loads (the button stays);
  // when the button goes because nothing more is left, it moves to the first new entry.
  const listRef = useRef<HTMLElement | null>(null);
  const focusFrom = useRef<number | null>(null);
  useIsomorphicLayoutEffect(() => {
    const from = focusFrom.current;
    if (from === null || isLoadingMore) return;
    focusFrom.current = null;
    if (hasMore || !listRef.current) return;
    const rows = listRef.current.querySelectorAll<HTMLElement>(`[data-scope="${AUDIT_TIMELINE_SCOPE}"][data-part="${parts.entry}"]:not([data-malformed])`);
    const row = rows[Math.min(from, rows.length - 1)];
    if (!row) return;
    const target = row.querySelector<HTMLElement>('button:not([disabled]), [href], input, [tabindex]:not([tabindex="-1"])');
    if (target) target.focus();
    else {
      row.tabIndex = -1;
      row.focus();
    }
  }, [items.length, hasMore, isLoadingMore]);

  const entryGetters = useMemo<AuditTimelineEntryGetters>(() => {
    const tooltipHandlers = (key: string) => {
      const show = () => {
        clearTimeout(tooltipCloseTimer.current);
        setOpenTooltip(key);
      };
      const hide = () => {
        clearTimeout(tooltipCloseTimer.current);
        setOpenTooltip((open) => (open === key ? null : open));
      };
      const hideSoon = () => {
        clearTimeout(tooltipCloseTimer.current);
        tooltipCloseTimer.current = setTimeout(hide, 150);
      };
      return { show, hide, hideSoon };
    };
    const domId = (item: AuditTimelineItem, suffix: string) => `${baseId}-${toDomId(item.key)}-${suffix}`;
    return {
      t,
      getEntryProps: (item, props) =>
        merge(
          {
            ...part(parts.entry),
            "data-action": item.entry.action,
            "data-log-id": item.key,
            "data-state": item.isExpanded ? "open" : "closed",
            "data-bulk": item.isBulk ? "" : undefined,
            "data-named": item.entry.name !== undefined ? "" : undefined,
          },
          props,
        ),
      getPartProps: (name, props) => merge(part(name), props),
      getSummaryProps: (item, props) => merge({ ...part(parts.summary), id: domId(item, "summary") }, props),
      getTimeProps: (item, props) => {
        const { show, hide, hideSoon } = tooltipHandlers(item.key);
        return merge(
          {
            ...part(parts.time),
            dateTime: item.time.dateTime,
            tabIndex: item.time.date ? 0 : undefined,
            "aria-describedby": item.time.date ? domId(item, "time") : undefined,
            onMouseEnter: show,
            onMouseLeave: hideSoon,
            onFocus: show,
            onBlur: hide,
            onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
              if (event.key === "Escape" && item.isTimeTooltipOpen) {
                event.stopPropagation();
                hide();
              }
            },
          },
          props,
        );
      },
      getTimeTooltipProps: (item, props) =>
        merge(
          {
            ...part(parts.timeTooltip),
            id: domId(item, "time"),
            role: "tooltip",
            onMouseEnter: tooltipHandlers(item.key).show,
            onMouseLeave: tooltipHandlers(item.key).hideSoon,
            "data-state": item.isTimeTooltipOpen ? "open" : "closed",
            hidden: !item.isTimeTooltipOpen,
          },
          props,
        ),
      getToggleProps: (item, props) =>
        merge(
          {
            ...part(parts.toggle),
            type: "button" as const,
            "aria-expanded": item.isExpanded,
            "aria-controls": domId(item, "diff"),
            "aria-describedby": domId(item, "summary"),
            "data-state": item.isExpanded ? "open" : "closed",
            onClick: () => toggleExpanded(item.key),
            children: item.isExpanded ? t("auditLog.timeline.hideChanges", "Hide changes") : t("auditLog.timeline.showChanges", "Show changes"),
          },
          props,
        ),
      getDiffProps: (item, props) =>
        merge({ ...part(parts.diff), id: domId(item, "diff"), "data-state": item.isExpanded ? "open" : "closed", hidden: !item.isExpanded }, props),
      getMalformedEntryProps: (row, props) => merge({ ...part(parts.entry), "data-malformed": "", "data-log-id": row.key }, props),
    };
  }, [baseId, t, toggleExpanded]);

  const setListRef = useCallback((node: HTMLElement | null) => {
    listRef.current = node;
  }, []);

  const onListKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const name = target.getAttribute("data-part");
    if (target.getAttribute("data-scope") !== AUDIT_TIMELINE_SCOPE || !name || !ARROW_PARTS.has(name)) return;
    const all = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(`[data-scope="${AUDIT_TIMELINE_SCOPE}"][data-part="${name}"]`));
    const index = all.indexOf(target);
    const next = { ArrowDown: all[index + 1], ArrowUp: all[index - 1], Home: all[0], End: all[all.length - 1] }[event.key];
    if (index < 0 || !next) return;
    event.preventDefault();
    next.focus();
  };

  return {
    ...entryGetters,
    entryGetters,
    state,
    items,
    groups,
    malformed: log.malformed,
    entries: sorted,
    totalCount: sorted.length,
    hasMore,
    isLoadingMore,
    isTruncated: log.isTruncated,
    isFiltered,
    error: log.error,
    loadMoreError: log.pageError,
    history,
    actions: { retry: log.retry, loadMore: () => loadMore(), toggleExpanded, setExpanded },
    locale,
    getRootProps: (props) =>
      merge(
        {
          ...part(parts.root),
          /** `data-state`: loading | error | empty | ready | unconfigured. */
          "data-state": state,
          "aria-busy": state === "loading" || isLoadingMore ? true : undefined,
        },
        props,
      ),
    getListProps: (props) =>
      merge({ ...part(parts.list), "aria-label": t("auditLog.timeline.label", "History"), onKeyDown: onListKeyDown, ref: setListRef }, props),
    getDayProps: (day, props) => merge({ ...part(parts.day), "data-day": day.key }, props),
    getDayHeadingProps: (_day, props) => merge(part(parts.dayHeading), props),
    getEntriesProps: (day, props) => merge({ ...part(parts.entries), "aria-label": day.label }, props),
    getShowMoreProps: (props) =>
      merge(
        {
          ...part(parts.showMore),
          type: "button" as const,
          onClick: (event: MouseEvent<HTMLButtonElement>) => {
            if (isLoadingMore) return;
            if (typeof document !== "undefined" && document.activeElement === event.currentTarget) focusFrom.current = items.length;
            loadMore();
          },
          "aria-disabled": isLoadingMore ? true : undefined,
          "aria-busy": isLoadingMore ? true : undefined,
          children: isLoadingMore ? t("auditLog.timeline.loadingMore", "Loading more…") : t("auditLog.timeline.showMore", "Show more"),
        },
        props,
      ),
    getSentinelProps: <P extends ElementProps>(props?: P) => {
      const userRef = (props as { ref?: Ref<HTMLElement> } | undefined)?.ref;
      // The kit's own ref stays stable unless yours has to be called too.
      const ref = userRef
        ? (node: HTMLElement | null) => {
            setSentinel(node);
            if (typeof userRef === "function") userRef(node);
            else if (userRef) (userRef as { current: HTMLElement | null }).current = node;
          }
        : setSentinel;
      return merge<P & { ref: Ref<HTMLElement> }>({ ...part(parts.sentinel), "aria-hidden": true }, { ...props, ref } as P & { ref: Ref<HTMLElement> });
    },
    getRetryProps: (props) =>
      merge({ ...part(parts.retry), type: "button" as const, onClick: log.retry, children: t("auditLog.timeline.retry", "Try again") }, props),
  };
}

const part = (name: AuditTimelinePart): DataAttributes => ({ "data-scope": AUDIT_TIMELINE_SCOPE, "data-part": name });
const merge = <P extends object>(own: object, props: P | undefined) => mergeProps(own, props) as TimelinePartProps<P>;
