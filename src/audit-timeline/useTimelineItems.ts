import { useEffect, useMemo, useState } from "react";
import { formatRelativeTime, type TimelineFormatters } from "../core/formatEntry";
import { groupByDay, shiftDayKey, toDayKey } from "../core/groupByDay";
import type { AuditId, AuditLogEntry } from "../core/normalizeLog";
import type { AuditEntryDescription } from "../core/readEntries";
import type { AuditTranslate } from "../core/translate";
import type { AuditTimelineDay, AuditTimelineFieldMatch, AuditTimelineItem } from "./auditTimeline.types";

/** The clock relative times count from: `fixed`, else the current time, refreshed every minute. */
export function useNow(fixed: Date | undefined): Date {
  const [now, setNow] = useState(() => fixed ?? new Date());
  useEffect(() => {
    if (fixed) return undefined;
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, [fixed]);
  return fixed ?? now;
}

/** Options of {@link useTimelineItems}. */
export interface UseTimelineItemsOptions {
  /** The entries to render, in display order. */
  entries: readonly AuditLogEntry[];
  describe: (entry: AuditLogEntry) => AuditEntryDescription;
  getFieldMatch: (entry: AuditLogEntry) => AuditTimelineFieldMatch;
  expandedSet: ReadonlySet<string>;
  openTooltipKey: string | null;
  recordId: AuditId | undefined;
  t: AuditTranslate;
  formatters: TimelineFormatters;
  now: Date;
}

const sameState = (item: AuditTimelineItem, isExpanded: boolean, isTimeTooltipOpen: boolean, fieldMatch: AuditTimelineFieldMatch) =>
  item.isExpanded === isExpanded && item.isTimeTooltipOpen === isTimeTooltipOpen && item.fieldMatch === fieldMatch;

/**
 * The rendered entries as items, and by day. Items are kept per description (renewed
 * with the describer), so an unchanged entry keeps its item and its row does not render
 * again; summaries are computed for rendered entries only.
 */
export function useTimelineItems(options: UseTimelineItemsOptions): { items: AuditTimelineItem[]; groups: AuditTimelineDay[] } {
  const { entries, describe, getFieldMatch, expandedSet, openTooltipKey, recordId, t, formatters, now } = options;
  const itemCache = useMemo(() => new WeakMap<AuditEntryDescription, AuditTimelineItem>(), [describe]);
  // The clock reading each item's relative time was formatted for.
  const itemNow = useMemo(() => new WeakMap<AuditTimelineItem, Date>(), []);

  const items = useMemo<AuditTimelineItem[]>(() => {
    const unknownTime = t("auditLog.timeline.unknownTime", "at an unknown time");
    return entries.map((entry) => {
      const description = describe(entry);
      const date = entry.createdAt;
      const isExpanded = expandedSet.has(description.key);
      const isTimeTooltipOpen = openTooltipKey === description.key;
      const fieldMatch = getFieldMatch(entry);
      const previous = itemCache.get(description);
      // Each new batch maps every entry shown: one made for this same clock reading is kept without formatting its time again.
      if (previous && itemNow.get(previous) === now && sameState(previous, isExpanded, isTimeTooltipOpen, fieldMatch)) return previous;
      const relative = date ? formatRelativeTime(date, now, formatters) : unknownTime;
      if (previous && sameState(previous, isExpanded, isTimeTooltipOpen, fieldMatch) && previous.time.relative === relative) {
        itemNow.set(previous, now);
        return previous;
      }
      const item: AuditTimelineItem = previous
        ? { ...previous, isExpanded, isTimeTooltipOpen, fieldMatch, time: { ...previous.time, relative } }
        : {
            ...description,
            recordId,
            isExpanded,
            isTimeTooltipOpen,
            fieldMatch,
            time: { date, dateTime: date?.toISOString(), relative, absolute: date ? formatters.absolute.format(date) : "" },
          };
      itemCache.set(description, item);
      itemNow.set(item, now);
      return item;
    });
  }, [entries, describe, getFieldMatch, itemCache, itemNow, recordId, expandedSet, openTooltipKey, t, formatters, now]);

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

  return { items, groups };
}
