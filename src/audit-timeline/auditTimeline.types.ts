import type { ReferenceLookup } from "../core/references";
import type { ButtonHTMLAttributes, FormHTMLAttributes, HTMLAttributes, Ref, TimeHTMLAttributes } from "react";
import type { EntryFieldMatch } from "../shared/useFilteredEntries";
import type { ChangeOverflow, WorkBudgetLimits } from "../core/budget";
import type { AuditLogAnswerProblem } from "../core/auditQuery";
import type { AuditHistory } from "../core/history";
import type { AuditId, AuditLogEntry, MalformedLogEntry } from "../core/normalizeLog";
import type { ItemReader } from "../core/pipeline";
import type { RecordDiffFields } from "../core/policy";
import type { AuditEntryDescription } from "../core/readEntries";
import type { AuditTranslate } from "../core/translate";
import type { FieldChange } from "../core/types";
import type { AuditLogError, AuditLogListState, UseAuditLogEntriesOptions } from "../refine/useAuditLogEntries";
import type { DataAttributes } from "../shared/dataAttributes";
import type { AuditTimelinePart } from "./parts";

/**
 * Where the timeline stands (the root's `data-state`):
 * `loading` | `error` | `empty` | `ready` | `unconfigured` (no audit log provider with a `get`).
 * `empty` also when filters leave nothing (`isFiltered` tells the two apart).
 */
export type AuditTimelineState = AuditLogListState;

/** Options of `useAuditTimeline` (and props of `<AuditTimeline>`; see `auditTimelineOptionKeys`). */
export interface UseAuditTimelineOptions extends UseAuditLogEntriesOptions {
  /** `newest` first (default) or `oldest` first; day groups follow the same order. */
  order?: "newest" | "oldest";
  /** How many entries to render at first, and how many more each "Show more" (or scroll) adds. Default 50. */
  batchSize?: number;
  /** Paths left out of summaries, filters and diffs (`updatedAt`, `*.version`); see `computeChanges`. */
  ignore?: readonly string[];
  /** The field that holds a record's id in bulk `data` / `previousData` items. Default `"id"`. */
  idField?: string;
  /**
   * The policy of every view of an entry: its summary, the filters and search, and its
   * `<RecordDiff>`. `hidden` fields are neither counted, named, matched nor searched;
   * `redact`ed ones are named without their values ("Changed Password (hidden)");
   * `label`s name fields and `format` formats their values. Compared by content, so an
   * inline object is fine.
   *
   * @example
   * useAuditTimeline({ resource: "users", id: 7, fields: { password: { redact: true }, token: { hidden: true } } })
   */
  fields?: RecordDiffFields;
  /** The work budget of each entry (summaries, filters and diffs); see `WorkBudgetLimits`. */
  budget?: WorkBudgetLimits;
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
  /**
   * The query parameter that links to one entry (`?auditEntry=42`), read through Refine's
   * router provider (else `window.location`): the linked entry is shown with its diff
   * open, scrolled to and focused, even when the filters leave it out or it is on a page
   * not read yet (pages are read until it is found). `getEntryUrl` builds such links
   * ("Copy link"). Default `"auditEntry"`; `null` turns links off.
   */
  linkParam?: string | null;
  /** The entry to show as linked, overriding the URL's (controlled by the app). */
  linkedEntryId?: AuditId;
}

export type { DataAttributes };

/**
 * Where the linked entry stands: `none` (no link), `searching` (reading pages to find
 * it), `found`, `missing` (the history read holds no such entry).
 */
export type AuditTimelineLinkState = "none" | "searching" | "found" | "missing";

/** What a props getter returns: the part's own props merged with yours. */
export type TimelinePartProps<P> = P & DataAttributes;

/**
 * How an item relates to the changed-field filter (`filters.field`): `changed` (it
 * changed one of the fields), `possible` (it wrote one without a recorded earlier value:
 * it may have changed it), `undefined` without a field filter. The entry's
 * `data-match` attribute.
 */
export type AuditTimelineFieldMatch = EntryFieldMatch;

/** One entry, ready to render: its description (shared with `useAuditLogTable`) and its state in the timeline. */
export interface AuditTimelineItem extends AuditEntryDescription {
  /** The record the timeline shows (its `id` option); `undefined` for a whole resource. */
  recordId: AuditId | undefined;
  /** Its diff is open. `@selector [data-part="entry"][data-state="open"]` */
  isExpanded: boolean;
  /** Its time's tooltip (the absolute time) is shown. `@selector [data-part="time-tooltip"][data-state="open"]` */
  isTimeTooltipOpen: boolean;
  /**
   * Under a changed-field filter: whether it changed the field or only may have.
   * `@selector [data-part="entry"][data-match="possible"]`
   */
  fieldMatch: AuditTimelineFieldMatch;
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
  /** Brings back the newer page the window let go (see `hasNewer`). */
  loadNewer: () => void;
  /** Opens or closes one entry's diff. */
  toggleExpanded: (key: string) => void;
  /** Sets which entries are open. */
  setExpanded: (keys: readonly string[]) => void;
  /**
   * Jumps to a day (`YYYY-MM-DD`, in the timeline's time zone): to the newest entry on or
   * before it (oldest first: the oldest on or after it). Found among the entries read, it
   * is rendered, scrolled to and focused; else the timeline reads from that day on (the
   * day becomes a bound of the query, see `jump.anchor`), and "Show the newest" goes back.
   */
  jumpToDate: (day: string) => void;
  /** Forgets the jump: back to the newest entries (oldest first: the oldest). */
  clearJump: () => void;
}

/** Where "Jump to date" stands (see `AuditTimelineActions.jumpToDate`). */
export interface AuditTimelineJump {
  /** The day asked for (`YYYY-MM-DD`). */
  day: string | undefined;
  /**
   * The day the list is read from, when the jump went past the entries read: the list shows
   * entries on or before it (oldest first: on or after it), so it holds part of the history.
   */
  anchor: string | undefined;
  /**
   * `none`; `searching` (reading on, or from the day); `found`; `missing` (no entry on or
   * before the day); `notRead` (none among the entries read, and more are left unread);
   * `invalid` (not a calendar day).
   */
  state: "none" | "searching" | "found" | "missing" | "notRead" | "invalid";
  /** The key of the entry jumped to, while `found`. */
  targetKey: string | undefined;
  /** Counts the jumps: a new jump to the same entry is a new value (scroll to it again). */
  serial: number;
}

/**
 * What an entry's `<RecordDiff>` needs from the timeline (`getRecordDiffProps`): the
 * entry's changes and what the work budget left out, with the timeline's policy,
 * locale and time zone, so the diff reads as the summary does.
 */
export interface AuditTimelineRecordDiffProps {
  changes: readonly FieldChange[];
  /** What the work budget left out ("Too large to compare in full: N more changes not shown"). */
  overflow?: ChangeOverflow;
  fields?: RecordDiffFields;
  /** The entry is a list of records (a bulk entry seen from the resource): the policy applies inside each. */
  isItemList?: boolean;
  /** Reads the entry's items (the policy applied), to name them in the rows' labels ("Variants › LGT-ARC-BLK › Price"). */
  readItem?: ItemReader;
  locale?: string;
  timeZone?: string;
}

export type ElementProps = HTMLAttributes<HTMLElement>;

/**
 * The props getters of the parts inside an entry. They keep their identity from render
 * to render (they read all per-entry state from the item), so rows can be memoised.
 */
export interface AuditTimelineEntryGetters {
  /** The entry's `<li>`: `data-action`, `data-log-id`, `data-state`, `data-bulk`, `data-named`, `data-match`. */
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
  /**
   * The props of the entry's `<RecordDiff>` (its changes, overflow, and the timeline's
   * `fields`, `ignore`, `locale`, `timeZone`). Computes the full diff: call it for open entries only.
   *
   * @example
   * {item.isExpanded && <RecordDiff {...timeline.getRecordDiffProps(item)} view="split" />}
   */
  getRecordDiffProps: (item: AuditTimelineItem) => AuditTimelineRecordDiffProps;
  getMalformedEntryProps: <P extends ElementProps>(row: MalformedLogEntry, props?: P) => TimelinePartProps<P>;
  /** The translation function the timeline uses (for your own strings). */
  t: AuditTranslate;
  /** The key of the linked entry (see `linkParam`), and whether the filters leave it out (it is shown anyway). */
  linked: { key: string | undefined; isOutsideFilters: boolean };
  /** The absolute URL that links to an entry (see `linkParam`); `undefined` when links are off. */
  getEntryUrl: (item: AuditTimelineItem) => string | undefined;
  /**
   * For an entry written by a restore or a revert (`meta.restoredFrom`): what it restored,
   * in words ("Restored the version of May 1, 2024, 10:00 AM UTC"); else `undefined`.
   */
  getRestoredText: (item: AuditTimelineItem) => string | undefined;
}

/** The result of `useAuditTimeline`: state, data, actions, and a props getter per part. */
export interface UseAuditTimelineResult extends AuditTimelineEntryGetters {
  state: AuditTimelineState;
  /**
   * The labels of referenced records (`fields[…].reference`), resolved for every entry
   * read at once. Diffs rendered inside read it through `ReferenceLookupContext` (the
   * component provides it; with the hook alone, provide it yourself).
   */
  references: ReferenceLookup | undefined;
  /** Where the linked entry stands (see `linkParam`). */
  linkState: AuditTimelineLinkState;
  /** The id the page links to (see `linkParam`), found or not. */
  linkedId: string | undefined;
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
  /** How many entries were read (held, before the filters): what the provider's answer held, for `problem`'s words. */
  readCount: number;
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
  /**
   * The provider applied the query itself (its answers carry `total`; see `AuditLogQuery`):
   * the entries are shown as it sorted and filtered them, and pages have no cap. Far down
   * a long history the timeline holds a window of pages: `hasNewer` says newer ones were
   * let go.
   */
  isServerSide: boolean;
  /** Newer entries than the first shown exist but are not held (server-side paging, far down the list): the list shows part of the history. */
  hasNewer: boolean;
  /** Newer entries are on their way. */
  isLoadingNewer: boolean;
  /** Server-side: changed fields of the filters that were not sent (a match could reveal what the policy keeps back); `<AuditTimeline>` says so (`filter-note`). */
  refusedFields: string[];
  /** Why the provider's answer may be incomplete (`getAuditLogProblemText` words it); `<AuditTimeline>` says so at the top. */
  problem: AuditLogAnswerProblem | undefined;
  /** Filters are active (the empty message says so). */
  isFiltered: boolean;
  /** A long list is being filtered (in slices); `entries` is still the previous result. */
  isFiltering: boolean;
  /** Why the history could not be loaded (state `error`). */
  error: AuditLogError | null;
  /** Why more of it (or a refresh) could not be loaded; the entries already shown stay. */
  loadMoreError: AuditLogError | null;
  /** The replayed history the before-values come from (always every entry read, never the filtered list). */
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
  /** "Show newer entries" at the top, while `hasNewer` (a label as `children`; `aria-busy` while they load). */
  getShowNewerProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(props?: P) => TimelinePartProps<P>;
  /** Where "Jump to date" stands. */
  jump: AuditTimelineJump;
  /**
   * The "Jump to date" `<form>`: on submit, jumps to the day of its field named `day` (an
   * `<input type="date" name="day">`).
   */
  getJumpProps: <P extends FormHTMLAttributes<HTMLFormElement>>(props?: P) => TimelinePartProps<P>;
  /** "Show the newest" (oldest first: "Show the oldest"), while the list is read from a jump's day. */
  getJumpClearProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(props?: P) => TimelinePartProps<P>;
  /** The retry button (a label as `children`). */
  getRetryProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(props?: P) => TimelinePartProps<P>;
}
