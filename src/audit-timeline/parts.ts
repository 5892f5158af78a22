import { createAnatomy } from "../shared/anatomy";

/**
 * The `data-scope` of every element `<AuditTimeline>` renders. Each element carries it
 * with its `data-part`, so selectors never reach into a nested `<RecordDiff>` or
 * `<RenameLogEntry>` (which use parts of the same names):
 * `[data-scope="audit-timeline"][data-part="entry"]`.
 */
export const AUDIT_TIMELINE_SCOPE = "audit-timeline";

/**
 * The anatomy of `<AuditTimeline>` (see `createAnatomy`): its scope and every part,
 * declared once. `auditTimelineAnatomy.attrs(part)` gives an element its `data-scope` and
 * `data-part`; `auditTimelineAnatomy.selector(part)` finds it (in CSS, tests, stories).
 *
 * @example
 * container.querySelectorAll(auditTimelineAnatomy.selector(auditTimelineParts.entry))
 */
export const auditTimelineAnatomy = /* @__PURE__ */ createAnatomy(AUDIT_TIMELINE_SCOPE, {
  /**
   * The root `<div>`. `data-state="loading" | "error" | "empty" | "ready" | "unconfigured"`;
   * `aria-busy="true"` while the first page or a further one loads.
   */
  root: "root",
  /** `<ol>` of days (newest first by default), labelled "History". */
  list: "list",
  /** `<li>` for one calendar day in the viewer's time zone; `data-day="YYYY-MM-DD"` (or `"unknown"`). */
  day: "day",
  /** The day's heading (`<h3>` by default): "Today", "Yesterday", or the localised date. */
  dayHeading: "day-heading",
  /** `<ol>` of one day's entries. */
  entries: "entries",
  /**
   * `<li>` for one log entry: `data-action="<action>"`, `data-log-id="<id>"`,
   * `data-state="open" | "closed"` (its diff), `data-bulk` for bulk actions, `data-named`
   * when it has a name, `data-match="changed" | "possible"` under a changed-field filter
   * (`possible`: written without a recorded earlier value, so it may have changed). A row
   * that could not be read has `data-malformed` and no `data-action`; an entry whose
   * rendering threw (a renderer of the app's own) has `data-failed` and a `fallback`.
   */
  entry: "entry",
  /** `<div>` holding author, action, name and time on one line. */
  header: "header",
  /** `<span>`: who made the change (name, else email, else id; "Unknown"). `data-unknown` when no author is known. */
  author: "author",
  /** `<img alt="">`: the author's avatar, when the log has one. */
  avatar: "avatar",
  /** `<span>`: the action in words ("updated", "updated 3 records", a custom action as given). */
  action: "action",
  /** `<span>`: the entry's name (a named version). */
  name: "name",
  /** `<time dateTime>`: relative time ("5 minutes ago"); focusable, described by the tooltip. */
  time: "time",
  /** `<span role="tooltip">`: the absolute local time with its time zone; `data-state="open" | "closed"`, `hidden` when closed. */
  timeTooltip: "time-tooltip",
  /**
   * `<p>`: the one-line summary ("Changed Price from 50 to 100 and 2 more fields"). With
   * `data-clickable` when the entry has a diff: a click opens or closes it, as the toggle does.
   */
  summary: "summary",
  /** `<p>` under a changed-field filter, in an entry that only may have changed the field: "May have changed: its earlier value was not recorded". */
  matchNote: "match-note",
  /** `<p>` in an entry `data-failed`: "This entry could not be shown: {message}" (its renderer threw). */
  fallback: "fallback",
  /** `<button aria-expanded aria-controls>`: shows or hides the entry's diff. */
  toggle: "toggle",
  /** `<span>` in the header: the slot of the rename control (`renderRename`), in place of `name`. */
  rename: "rename",
  /** `<div>`: the entry's `<RecordDiff>`, rendered only while open (`hidden` otherwise). */
  diff: "diff",
  /** `<code>`: an unreadable row as compact JSON (text, never markup). */
  raw: "raw",
  /** `<li aria-hidden>`: a placeholder row while loading. */
  skeleton: "skeleton",
  /** `<p role="status">`: "Loading history…", "Loading more…". */
  status: "status",
  /** `<p>`: "No changes recorded yet" (or "No entries match these filters"). */
  empty: "empty",
  /** `<div role="alert">`: why the history (or more of it) could not be loaded. */
  error: "error",
  /** `<button>`: asks the provider again. */
  retry: "retry",
  /** `<p>`: no audit log provider with a `get` is configured in `<Refine>`. */
  unconfigured: "unconfigured",
  /**
   * `<div aria-hidden>` before and after the list: stands for the entries out of the
   * window's range (`windowed`), with their measured height. Entries and day headings kept
   * in the DOM out of range (the entry that has focus; the heading of a day whose first
   * rows scrolled away) have `data-offscreen` and are visually hidden.
   */
  spacer: "spacer",
  /**
   * `<form>` above the list: "Jump to date", with `jump-label`, `jump-input` (`<input
   * type="date" name="day">`) and `jump-submit`.
   */
  jump: "jump",
  jumpLabel: "jump-label",
  jumpInput: "jump-input",
  jumpSubmit: "jump-submit",
  /** `<p role="status">`: looking for the day, or no entry on or before it. */
  jumpStatus: "jump-status",
  /** `<p role="note">` while the list is read from a jump's day: "Showing entries from May 1, 2024 and older." */
  jumpNote: "jump-note",
  /** `<button>` in `jump-note`: "Show the newest" (oldest first: "Show the oldest"). */
  jumpClear: "jump-clear",
  /** `<button>`: renders more entries (the keyboard and no-IntersectionObserver path). */
  showMore: "show-more",
  /** `<div aria-hidden>`: renders more entries when it scrolls into view. */
  sentinel: "sentinel",
  /**
   * `<p>` at the end of the list: the provider has more history than the kit reads
   * (`MAX_AUDIT_LOG_PAGES` requests), so the list is not complete ("Showing the first 500 entries…").
   */
  truncated: "truncated",
  /**
   * `<button>` at the top, when newer entries were let go (server-side paging far down a
   * long history: the timeline holds a window of pages): "Show newer entries".
   */
  showNewer: "show-newer",
  /**
   * `<p role="note">`: changed fields of the filters that were not sent to a server-side
   * provider, because a match could reveal what the `fields` policy keeps back.
   */
  filterNote: "filter-note",
  /** `<p role="note">` at the top: the provider's answer may be incomplete (rows out of order, left out, cut short…). */
  incomplete: "incomplete",
  /** `<p>`: what a restore or revert entry restored ("Restored the version of …", from `meta.restoredFrom`). */
  restored: "restored",
  /**
   * `<div>` after the summary: the entry's actions (`renderActions`; by default "Name this
   * version", "Compare", "Restore this version" and "Copy link"), and the panels they open.
   */
  actions: "actions",
  /** `<button aria-expanded aria-controls>`: opens the entry's actions (described by its summary). */
  actionsToggle: "actions-toggle",
  /** `<div>`: the entry's actions, while open (`hidden` otherwise). Escape closes it. */
  actionsMenu: "actions-menu",
  /**
   * `<button>` in the actions: "Name this version" (or "Rename"), which opens the name's
   * input in the entry's header (`useRenameLogEntry`'s trigger; disabled with the reason
   * when access control denies it).
   */
  renameAction: "rename-action",
  /** `<button aria-expanded aria-controls>`: shows or hides the comparison of this version with another. */
  compareToggle: "compare-toggle",
  /** `<div>`: the entry's `<CompareVersions>`, while open. */
  compare: "compare",
  /** `<button>`: copies the entry's link (see `linkParam`). */
  copyLink: "copy-link",
  /** `<span role="status">`: "Link copied", or the link itself to copy by hand when the clipboard refuses. */
  copyStatus: "copy-status",
  /** `<p>` in the linked entry when the filters leave it out: "Shown because the page links to it…". */
  linkNote: "link-note",
  /** `<p role="status">`: looking for the linked entry, or it is not in this history. */
  linkStatus: "link-status",
  /** `<button aria-expanded>` in a diff row: shows the field's own history ("History of Price"). */
  fieldHistoryToggle: "field-history-toggle",
  /** `<div>` in a diff row: the field's `<FieldHistory>`, while open. */
  fieldHistory: "field-history",
} as const);

/**
 * Every `data-part` of `<AuditTimeline>`, declared once: markup, styles.css, tests and
 * stories use these names. Each element also has `data-scope="audit-timeline"`.
 */
export const auditTimelineParts = auditTimelineAnatomy.parts;

/** The name of one part of `<AuditTimeline>`; see {@link auditTimelineParts}. */
export type AuditTimelinePart = (typeof auditTimelineParts)[keyof typeof auditTimelineParts];
