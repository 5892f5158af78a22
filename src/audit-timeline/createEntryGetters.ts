import type { KeyboardEvent } from "react";
import type { AuditTranslate } from "../core/translate";
import { isItemListEntry } from "../core/pipeline";
import type { DataAttributes } from "../shared/dataAttributes";
import { mergeProps } from "../shared/mergeProps";
import type { AuditTimelineEntryGetters, AuditTimelineItem, AuditTimelineRecordDiffProps, TimelinePartProps } from "./auditTimeline.types";
import { auditTimelineAnatomy, auditTimelineParts as parts, type AuditTimelinePart } from "./parts";
import type { TimeTooltipHandlers } from "./useTimeTooltip";

/** A part's `data-scope` and `data-part`. */
export const partAttrs = (name: AuditTimelinePart): DataAttributes => auditTimelineAnatomy.attrs(name);

/** The kit's props of a part merged with the user's (user last). */
export const mergePartProps = <P extends object>(own: object, props: P | undefined) => mergeProps(own, props) as TimelinePartProps<P>;

/** A DOM id made of an entry key (any characters). */
export const toDomId = (key: string) => key.replace(/[^\w-]/g, (char) => `_${char.codePointAt(0)!.toString(16)}`);

/** What the diff of every entry shares: the timeline's policy, locale and time zone. */
export type TimelineDiffOptions = Omit<AuditTimelineRecordDiffProps, "changes" | "overflow">;

/** What {@link createEntryGetters} reads. */
export interface EntryGettersContext {
  /** A `useId()` base for the entries' DOM ids. */
  baseId: string;
  t: AuditTranslate;
  toggleExpanded: (key: string) => void;
  tooltipFor: (key: string) => TimeTooltipHandlers;
  diffOptions: TimelineDiffOptions;
  /** The linked entry's key, and whether the filters leave it out. */
  linked: { key: string | undefined; isOutsideFilters: boolean };
  getEntryUrl: (item: AuditTimelineItem) => string | undefined;
  getRestoredText: (item: AuditTimelineItem) => string | undefined;
}

/**
 * The props getters of the parts inside an entry. Every per-entry state is read from the
 * item, so the getters change only with their context (keep it stable) and memoised
 * rows render again only when their item does.
 */
export function createEntryGetters({ baseId, t, toggleExpanded, tooltipFor, diffOptions, linked, getEntryUrl, getRestoredText }: EntryGettersContext): AuditTimelineEntryGetters {
  const domId = (item: AuditTimelineItem, suffix: string) => `${baseId}-${toDomId(item.key)}-${suffix}`;
  // Keys left undefined are left out, so the diff props can be spread over your own.
  const diffDefaults = Object.fromEntries(Object.entries(diffOptions).filter(([, value]) => value !== undefined)) as TimelineDiffOptions;
  return {
    t,
    linked,
    getEntryUrl,
    getRestoredText,
    getEntryProps: (item, props) =>
      mergePartProps(
        {
          ...partAttrs(parts.entry),
          "data-action": item.entry.action,
          "data-log-id": item.key,
          /** `open` | `closed`: its diff. */
          "data-state": item.isExpanded ? "open" : "closed",
          "data-bulk": item.isBulk ? "" : undefined,
          "data-named": item.entry.name !== undefined ? "" : undefined,
          /** `changed` | `possible` under a changed-field filter. */
          "data-match": item.fieldMatch,
          /** The entry the page links to (`linkParam`); `data-outside-filters` when the filters leave it out. */
          "data-linked": linked.key === item.key ? "" : undefined,
          "data-outside-filters": linked.key === item.key && linked.isOutsideFilters ? "" : undefined,
          id: linked.key === item.key ? domId(item, "entry") : undefined,
          tabIndex: linked.key === item.key ? -1 : undefined,
        },
        props,
      ),
    getPartProps: (name, props) => mergePartProps(partAttrs(name), props),
    getSummaryProps: (item, props) =>
      mergePartProps(
        {
          ...partAttrs(parts.summary),
          id: domId(item, "summary"),
          // A click on the summary opens the diff, as on the toggle (the button stays the
          // keyboard's and screen readers' way); selecting its text does not.
          "data-clickable": item.hasChanges ? "" : undefined,
          onClick: item.hasChanges
            ? () => {
                if (typeof window !== "undefined" && window.getSelection()?.isCollapsed === false) return;
                toggleExpanded(item.key);
              }
            : undefined,
        },
        props,
      ),
    getTimeProps: (item, props) => {
      const { show, hide, hideSoon } = tooltipFor(item.key);
      return mergePartProps(
        {
          ...partAttrs(parts.time),
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
    getTimeTooltipProps: (item, props) => {
      const { show, hideSoon } = tooltipFor(item.key);
      return mergePartProps(
        {
          ...partAttrs(parts.timeTooltip),
          id: domId(item, "time"),
          role: "tooltip",
          onMouseEnter: show,
          onMouseLeave: hideSoon,
          "data-state": item.isTimeTooltipOpen ? "open" : "closed",
          hidden: !item.isTimeTooltipOpen,
        },
        props,
      );
    },
    getToggleProps: (item, props) =>
      mergePartProps(
        {
          ...partAttrs(parts.toggle),
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
      mergePartProps({ ...partAttrs(parts.diff), id: domId(item, "diff"), "data-state": item.isExpanded ? "open" : "closed", hidden: !item.isExpanded }, props),
    getRecordDiffProps: (item) => {
      const { changes, overflow } = item.getDiff();
      const props: AuditTimelineRecordDiffProps = { ...diffDefaults, changes, isItemList: isItemListEntry(item.entry), readItem: item.readItem };
      if (overflow) props.overflow = overflow;
      return props;
    },
    getMalformedEntryProps: (row, props) => mergePartProps({ ...partAttrs(parts.entry), "data-malformed": "", "data-log-id": row.key }, props),
  };
}
