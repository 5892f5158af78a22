import { ReferenceLookupContext } from "../refine/useReferenceLabels";
import { memo, useCallback, useEffect, useId, useMemo, useRef, type HTMLAttributes, type ReactNode, type Ref } from "react";
import { visuallyHiddenStyle } from "../record-diff/VisuallyHidden";
import { actionRecordId, AuditEntryActions, AuditRowActions, type AuditTimelineActionContext, type AuditTimelineEntryActionsProps, type AuditTimelineRowActionsProps } from "./AuditEntryActions";
import type { RecordDiffRow } from "../record-diff/useRecordDiff";
import type { AuditAuthor, AuditLogEntry, MalformedLogEntry } from "../core/normalizeLog";
import type { ChangeSummary } from "../core/summarizeChanges";
import { RecordDiff, type RecordDiffProps } from "../record-diff/RecordDiff";
import { RenameLogEntry, RenameLogEntryView } from "../rename-log-entry/RenameLogEntry";
import { useRenameLogEntry, type UseRenameLogEntryResult } from "../rename-log-entry/useRenameLogEntry";
import { describeUnreadableRow } from "../shared/describeUnreadableRow";
import { ErrorBoundary } from "../shared/ErrorBoundary";
import { flexRender, type Renderable } from "../shared/flexRender";
import { formatNumber, toIntlLocale } from "../core/intl";
import { mergeProps } from "../shared/mergeProps";
import { splitProps } from "../shared/splitProps";
import { UnconfiguredRoot } from "../refine/UnconfiguredRoot";
import { getAuditLogProblemText, getRefusedFieldsText } from "../refine/getAuditLogProblemText";
import { useHasQueryClient } from "../refine/useHasQueryClient";
import { auditTimelineOptionKeys, auditTimelineRenderKeys } from "./auditTimelineOptionKeys";
import { auditTimelineAnatomy, auditTimelineParts as parts } from "./parts";
import { useWindowedTimeline } from "./useWindowedTimeline";
import {
  useAuditTimeline,
  type AuditTimelineDay,
  type AuditTimelineEntryGetters,
  type AuditTimelineItem,
  type UseAuditTimelineOptions,
  type UseAuditTimelineResult,
} from "./useAuditTimeline";

/** Props of `renderAuthor`. */
export interface AuditTimelineAuthorProps {
  /** The author as the log says (`undefined` when unknown). */
  author: AuditAuthor | undefined;
  /** Name, else email, else id; "Unknown" (translated) when none. */
  label: string;
  isUnknown: boolean;
  item: AuditTimelineItem;
}

/** Props of `renderAction`. */
export interface AuditTimelineActionProps {
  /** The raw action (`update`, `updateMany`, a custom one). */
  action: string;
  /** The action in words ("updated 3 records"). */
  label: string;
  recordCount: number;
  item: AuditTimelineItem;
}

/** Props of `renderSummary`. */
export interface AuditTimelineSummaryProps {
  summary: ChangeSummary;
  /** The summary in words. */
  text: string;
  item: AuditTimelineItem;
}

/** Props of `renderRename`: what `<RenameLogEntry log={log} />` needs. */
export interface AuditTimelineRenameProps {
  /** The entry to rename. */
  log: AuditLogEntry;
  resource: string;
  item: AuditTimelineItem;
  /**
   * With the default renderer and the default actions: the entry's rename, whose trigger
   * ("Name this version") is in the entry's "Actions"; the slot shows the name, and the
   * input while editing. `undefined` otherwise (the slot renders its own `<RenameLogEntry>`).
   */
  rename?: UseRenameLogEntryResult;
}

/** Props of `renderEntry`. */
export interface AuditTimelineEntryProps {
  item: AuditTimelineItem;
  /** Everything the hook returns (props getters, actions), to keep the markup contract. */
  timeline: UseAuditTimelineResult;
  /** The entry as the kit renders it by default, to wrap rather than rebuild. */
  defaultContent: ReactNode;
}

/**
 * The rename slot's default content. Beside the default actions, the entry's name (and
 * its input while editing), with "Name this version" in the entry's "Actions"; without
 * them, `<RenameLogEntry log={log} />`, which shows the name and, when the provider has
 * `update` and access control allows it, the button to name or rename it.
 */
export function defaultRenderRename({ log, rename }: AuditTimelineRenameProps) {
  return rename ? <RenameLogEntryView rename={rename} showTrigger={false} /> : <RenameLogEntry log={log} />;
}

/**
 * Props of {@link AuditTimeline}: the hook's options (split off by
 * `auditTimelineOptionKeys`; `fields`, `ignore` and `budget` apply to every view of an
 * entry), renderers, and the root `<div>`'s own props.
 */
export interface AuditTimelineProps extends UseAuditTimelineOptions, Omit<HTMLAttributes<HTMLDivElement>, "children" | keyof UseAuditTimelineOptions> {
  /**
   * Replaces an entry's content (its `<li data-part="entry">` stays, with its data
   * attributes). Receives the item, the hook's result, and the default content.
   */
  renderEntry?: Renderable<AuditTimelineEntryProps>;
  /** Replaces the content of `data-part="author"` (default: avatar and label). */
  renderAuthor?: Renderable<AuditTimelineAuthorProps>;
  /** Replaces the content of `data-part="action"` (default: the action in words). */
  renderAction?: Renderable<AuditTimelineActionProps>;
  /** Replaces the content of `data-part="summary"` (default: the summary in words). */
  renderSummary?: Renderable<AuditTimelineSummaryProps>;
  /**
   * Fills `data-part="rename"`, the place of the rename control, in the entry's header.
   * The control shows the entry's name (as `<RenameLogEntry>` does), so while a renderer
   * is set the header's own `name` part is left out. Default {@link defaultRenderRename}
   * (`<RenameLogEntry>`); `null` leaves the slot out and shows the name as text.
   *
   * @example
   * <AuditTimeline resource="products" id={7} renderRename={({ log }) => <RenameLogEntry log={log} maxLength={60} />} />
   * <AuditTimeline resource="products" id={7} renderRename={null} />
   */
  renderRename?: Renderable<AuditTimelineRenameProps> | null;
  /**
   * Props for each entry's `<RecordDiff>` (`view`, `pageSize`, `renderValue`…). Its
   * changes, overflow, `fields`, `ignore`, `locale` and `timeZone` come from the timeline.
   *
   * `diffProps.fields` is a deprecated alias of the top-level `fields`, used only when
   * `fields` is absent.
   */
  diffProps?: Omit<RecordDiffProps, "changes" | "overflow" | "readItem" | "previousData" | "data" | "log" | "ignore" | "getItemId" | "minTextDiffLength" | "budget">;
  /** The level of the day headings. Default 3. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /**
   * Fills `data-part="actions"` under the summary. Default {@link AuditEntryActions}:
   * "Compare" (`<CompareVersions>`), "Restore this version" (`<RestoreVersion>`, asked of
   * `useCan` as `restore`) and "Copy link" (see `linkParam`). `null` leaves them out.
   */
  renderActions?: Renderable<AuditTimelineEntryActionsProps> | null;
  /**
   * Controls at the end of each row of an open diff. Default {@link AuditRowActions}:
   * "Revert" (`<RevertChange>`, asked of `useCan` as `revert`) and "History of …"
   * (`<FieldHistory>`). `null` leaves them out.
   */
  renderRowActions?: Renderable<AuditTimelineRowActionsProps> | null;
  /**
   * Renders only the entries near the viewport (of the page or of any scroller the
   * timeline sits in), however far the list is scrolled: the others are stood for by two
   * `data-part="spacer"` elements of their measured height. Focus stays on an entry that
   * scrolls out; the arrow keys, Home and End move across the whole list.
   *
   * Default `"auto"`: once more than {@link WINDOWED_FROM} entries are shown (a short
   * history stays whole in the DOM, so the browser's find-in-page reads all of it);
   * `true` always; `false` renders every entry shown so far.
   */
  windowed?: boolean | "auto";
  /**
   * Shows "Jump to date" above the list (`data-part="jump"`): the newest entry on or
   * before the day (the oldest on or after it, oldest first) is scrolled to and focused,
   * asking the provider from that day when it is not read yet. Default: when the history
   * is longer than what is shown (more can be shown or read, or newer entries were let go).
   */
  showJumpToDate?: boolean;
}

/** With `windowed="auto"` (the default), how many entries may be shown before the list is windowed. */
export const WINDOWED_FROM = 100;

type Renderers = Pick<AuditTimelineProps, "renderAuthor" | "renderAction" | "renderSummary" | "renderRename" | "diffProps" | "renderActions" | "renderRowActions">;

/** Props of {@link AuditTimelineEntryContent}. */
export interface AuditTimelineEntryContentProps {
  item: AuditTimelineItem;
  /** The hook's result, or just its `entryGetters`. */
  timeline: AuditTimelineEntryGetters;
  resource: string;
  /** The renderers and diff props of `<AuditTimeline>`; all optional. */
  renderers?: Renderers;
  /** The record and policy the actions write and read with (without it, no actions show). */
  context?: Omit<AuditTimelineActionContext, "recordId">;
}

function DefaultAuthor({ author, label }: AuditTimelineAuthorProps) {
  return (
    <>
      {author?.avatar && <img {...auditTimelineAnatomy.attrs(parts.avatar)} src={author.avatar} alt="" width={20} height={20} />}
      {label}
    </>
  );
}

/**
 * An entry's default content: header (author, action, name or rename slot, time),
 * summary, the note of a possible match (under a changed-field filter), toggle, actions, diff.
 */
export function AuditTimelineEntryContent(props: AuditTimelineEntryContentProps) {
  const { renderers = {}, context } = props;
  // The default rename beside the default actions: one rename, its trigger in the actions, its input in the header.
  // Your own actions may not offer it: the header then keeps its own button.
  return renderers.renderRename === defaultRenderRename && context && renderers.renderActions === AuditEntryActions ? (
    <EntryContentWithRename {...props} />
  ) : (
    <EntryContent {...props} />
  );
}

function EntryContentWithRename(props: AuditTimelineEntryContentProps) {
  const actionsRef = useRef<HTMLDivElement>(null);
  const rename = useRenameLogEntry({
    log: props.item.entry,
    // Editing ends with the menu closed: focus goes back to the entry's "Actions" button.
    returnFocus: () => actionsRef.current?.querySelector<HTMLElement>(`[data-part="${parts.actionsToggle}"]`),
  });
  return <EntryContent {...props} rename={rename} actionsRef={actionsRef} />;
}

function EntryContent({
  item,
  timeline,
  resource,
  renderers = {},
  context: baseContext,
  rename,
  actionsRef,
}: AuditTimelineEntryContentProps & { rename?: UseRenameLogEntryResult; actionsRef?: Ref<HTMLDivElement> }) {
  const { entry } = item;
  const context = useMemo(() => (baseContext ? { ...baseContext, recordId: actionRecordId(item) } : undefined), [baseContext, item]);
  const { renderRowActions } = renderers;
  const rowActions = useCallback(
    (row: RecordDiffRow) => (context && renderRowActions ? flexRender(renderRowActions, { log: entry, item, row, timeline, context }) : null),
    [context, renderRowActions, entry, item, timeline],
  );
  const restoredText = timeline.getRestoredText(item);
  const isLinkedOutside = timeline.linked.key === item.key && timeline.linked.isOutsideFilters;
  const author = { author: entry.author, label: item.authorLabel, isUnknown: item.isAuthorUnknown, item };
  return (
    <>
      <div {...timeline.getPartProps(parts.header)}>
        <span {...timeline.getPartProps(parts.author)} data-unknown={item.isAuthorUnknown ? "" : undefined}>
          {renderers.renderAuthor ? flexRender(renderers.renderAuthor, author) : <DefaultAuthor {...author} />}
        </span>{" "}
        <span {...timeline.getPartProps(parts.action)}>
          {renderers.renderAction
            ? flexRender(renderers.renderAction, { action: entry.action, label: item.actionLabel, recordCount: item.recordCount, item })
            : item.actionLabel}
        </span>
        {renderers.renderRename != null ? (
          <>
            {" "}
            <span {...timeline.getPartProps(parts.rename)}>{flexRender(renderers.renderRename, { log: entry, resource, item, rename })}</span>
          </>
        ) : (
          entry.name !== undefined && (
            <>
              {" "}
              <span {...timeline.getPartProps(parts.name)}>{entry.name}</span>
            </>
          )
        )}{" "}
        <time {...timeline.getTimeProps(item)}>{item.time.relative}</time>
        {item.time.date && <span {...timeline.getTimeTooltipProps(item)}>{item.time.absolute}</span>}
      </div>
      <p {...timeline.getSummaryProps(item)}>
        {renderers.renderSummary ? flexRender(renderers.renderSummary, { summary: item.summary, text: item.summaryText, item }) : item.summaryText}
      </p>
      {restoredText && <p {...timeline.getPartProps(parts.restored)}>{restoredText}</p>}
      {item.fieldMatch === "possible" && (
        <p {...timeline.getPartProps(parts.matchNote)}>{timeline.t("auditLog.timeline.possibleMatch", "May have changed: its earlier value was not recorded")}</p>
      )}
      {isLinkedOutside && (
        <p {...timeline.getPartProps(parts.linkNote)}>{timeline.t("auditLog.timeline.linkedOutside", "Shown because the page links to it: it does not match the current filters.")}</p>
      )}
      {item.hasChanges && <button {...timeline.getToggleProps(item)} />}
      {context && renderers.renderActions && (
        <div {...timeline.getPartProps(parts.actions)} ref={actionsRef}>
          {flexRender(renderers.renderActions, { log: entry, item, timeline, context, rename })}
        </div>
      )}
      <div {...timeline.getDiffProps(item)}>
        {item.isExpanded && <RecordDiff {...mergeProps(renderers.diffProps ?? {}, timeline.getRecordDiffProps(item))} renderRowActions={context && renderRowActions ? rowActions : undefined} />}
      </div>
    </>
  );
}

interface EntryRowProps {
  item: AuditTimelineItem;
  getters: AuditTimelineEntryGetters;
  resource: string;
  context: Omit<AuditTimelineActionContext, "recordId">;
  renderers: Renderers;
  renderEntry: Renderable<AuditTimelineEntryProps> | undefined;
  timeline: UseAuditTimelineResult;
}

const sameRenderers = (a: Renderers, b: Renderers) =>
  a.renderAuthor === b.renderAuthor &&
  a.renderAction === b.renderAction &&
  a.renderSummary === b.renderSummary &&
  a.renderRename === b.renderRename &&
  a.diffProps === b.diffProps &&
  a.renderActions === b.renderActions &&
  a.renderRowActions === b.renderRowActions;

/**
 * One entry. Memoised: opening one entry, or a tooltip, renders that entry only, however
 * many are on screen. A custom `renderEntry` also gets the whole hook result, so with it
 * every entry renders whenever the timeline does.
 *
 * Its own error boundary: a renderer of the app's that throws for this entry shows a
 * fallback in its place (`data-failed`), and its neighbours render on. A new item (new
 * data, or the entry opened) tries again.
 */
const EntryRow = /* @__PURE__ */ memo(
  function EntryRow({ item, getters, resource, context, renderers, renderEntry, timeline, offscreen }: EntryRowProps & { offscreen?: boolean }) {
    const defaultContent = <AuditTimelineEntryContent item={item} timeline={getters} resource={resource} renderers={renderers} context={context} />;
    return (
      <ErrorBoundary resetKey={item} fallback={(error) => <FailedEntry item={item} error={error} timeline={getters} />}>
        <li {...getters.getEntryProps(item, offscreen ? OFFSCREEN : undefined)}>{renderEntry ? flexRender(renderEntry, { item, timeline, defaultContent }) : defaultContent}</li>
      </ErrorBoundary>
    );
  },
  (a, b) =>
    a.item === b.item &&
    a.offscreen === b.offscreen &&
    a.getters === b.getters &&
    a.resource === b.resource &&
    a.context === b.context &&
    a.renderEntry === b.renderEntry &&
    sameRenderers(a.renderers, b.renderers) &&
    (a.renderEntry === undefined || a.timeline === b.timeline),
);

interface DayGroupProps extends Omit<EntryRowProps, "item"> {
  day: AuditTimelineDay;
  heading: `h${2 | 3 | 4 | 5 | 6}`;
  /** Windowed: the day has no row on screen (it holds the focused entry only). */
  offscreen?: boolean;
  /** Windowed: its heading scrolled away (kept for screen readers, visually hidden). */
  headingOffscreen?: boolean;
  /** Windowed: the key of an entry kept off screen (it has focus). */
  offscreenKey?: string;
}

/**
 * A row kept in the DOM out of the window's range (the focused entry, a day's heading
 * whose rows are on screen): `data-offscreen`, and visually hidden, so it takes no room.
 */
const OFFSCREEN = { "data-offscreen": "", style: visuallyHiddenStyle } as HTMLAttributes<HTMLElement>;

/** Whether two lists hold the very same items, in order. */
const sameItems = (a: readonly AuditTimelineItem[], b: readonly AuditTimelineItem[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * One day of entries. Memoised on its items: when more entries are rendered as the list
 * scrolls, or one entry opens, only the days that changed render again, so the work of
 * a batch does not grow with the entries already on screen.
 */
const DayGroup = /* @__PURE__ */ memo(
  function DayGroup({ day, heading: Heading, getters, resource, context, renderers, renderEntry, timeline, offscreen, headingOffscreen, offscreenKey }: DayGroupProps) {
    return (
      <li {...timeline.getDayProps(day, offscreen ? OFFSCREEN : undefined)}>
        <Heading {...timeline.getDayHeadingProps(day, headingOffscreen && !offscreen ? OFFSCREEN : undefined)}>{day.label}</Heading>
        <ol {...timeline.getEntriesProps(day)}>
          {day.items.map((item) => (
            <EntryRow
              key={item.key}
              item={item}
              getters={getters}
              resource={resource}
              context={context}
              renderers={renderers}
              renderEntry={renderEntry}
              timeline={timeline}
              offscreen={!offscreen && item.key === offscreenKey}
            />
          ))}
        </ol>
      </li>
    );
  },
  (a, b) =>
    a.day.key === b.day.key &&
    a.offscreen === b.offscreen &&
    a.headingOffscreen === b.headingOffscreen &&
    a.offscreenKey === b.offscreenKey &&
    a.day.label === b.day.label &&
    sameItems(a.day.items, b.day.items) &&
    a.heading === b.heading &&
    a.getters === b.getters &&
    a.resource === b.resource &&
    a.context === b.context &&
    a.renderEntry === b.renderEntry &&
    sameRenderers(a.renderers, b.renderers) &&
    (a.renderEntry === undefined || a.timeline === b.timeline),
);

/** An entry whose rendering threw: its `<li>` (with `data-failed`) and why, as text. */
function FailedEntry({ item, error, timeline }: { item: AuditTimelineItem; error: Error; timeline: AuditTimelineEntryGetters }) {
  return (
    <li {...timeline.getEntryProps(item, { "data-failed": "" } as HTMLAttributes<HTMLElement>)}>
      <p {...timeline.getPartProps(parts.fallback)}>
        {timeline.t("auditLog.timeline.renderError", "This entry could not be shown: {message}", { message: error.message || String(error) })}
      </p>
    </li>
  );
}

function MalformedEntry({ row, timeline }: { row: MalformedLogEntry; timeline: AuditTimelineEntryGetters }) {
  // Only what identifies the row: its data may hold fields the diffs redact or hide.
  const identity = describeUnreadableRow(row.raw);
  return (
    <li {...timeline.getMalformedEntryProps(row)}>
      <p {...timeline.getPartProps(parts.summary)}>
        {timeline.t("auditLog.timeline.malformed", "This entry could not be read: {reason}", { reason: row.reason })}
      </p>
      {identity && <code {...timeline.getPartProps(parts.raw)}>{identity}</code>}
    </li>
  );
}

/**
 * A record's history (with `id`) or a whole resource's (without), read from Refine's
 * audit log: who did what and when, a one-line summary per entry, and its
 * `<RecordDiff>` one click away. Grouped by day, newest first, rendered in batches as you
 * scroll (or press "Show more"); live: it refetches when Refine writes a log for the
 * resource. Before-values that Refine v5 does not log are reconstructed from earlier
 * entries and marked inferred. Works inside any `<Refine auditLogProvider={…}>`.
 *
 * Markup (unstyled; see `auditTimelineParts`; every element has `data-scope="audit-timeline"`):
 * - root `data-part="root"` with `data-state="loading|error|empty|ready|unconfigured"` and `aria-busy` while loading
 * - `<ol data-part="list">` of `<li data-part="day" data-day="YYYY-MM-DD">`, each with a
 *   `data-part="day-heading"` and an `<ol data-part="entries">`
 * - `<li data-part="entry" data-action="<action>" data-log-id="<id>" data-state="open|closed">`
 *   (`data-bulk`, `data-named`, `data-match="changed|possible"` when they apply) holding `data-part` `header`, `author`,
 *   `avatar`, `action`, `name` (or `rename`, the slot), `time` (+ `time-tooltip`), `summary`,
 *   `match-note` (a possible match), `toggle`, `diff`
 * - an unreadable row: `<li data-part="entry" data-malformed="">` with `summary` and `raw` (its id, resource, action and time only)
 * - an entry whose renderer threw: `<li data-part="entry" data-failed="">` with `fallback`
 * - `incomplete` (the provider's answer may be incomplete) and `show-newer` (newer entries were
 *   let go, far down a server-side history) above the list
 * - `jump` ("Jump to date": `jump-label`, `jump-input`, `jump-submit`), `jump-status`, and
 *   `jump-note` with `jump-clear` while the list is read from a jump's day
 * - windowed (`windowed`, past 100 entries by default): `spacer` before and after the list
 *   (the entries out of range), `data-windowed` on the list, `data-offscreen` on a day,
 *   heading or entry kept in the DOM out of range (visually hidden)
 * - `show-more` (stays while a page loads: `aria-disabled`, `aria-busy`), `sentinel`,
 *   `truncated` (more history exists than the kit reads), `status`, `empty`, `error` + `retry`,
 *   `unconfigured`, `skeleton`
 *
 * For another layout, use {@link useAuditTimeline}.
 *
 * @example
 * <AuditTimeline resource="products" id={record.id} />
 * <AuditTimeline resource="products" filters={{ action: "update", namedOnly: true }} order="oldest" />
 * <AuditTimeline resource="users" id={7} fields={{ password: { redact: true }, token: { hidden: true } }} />
 */
export function AuditTimeline(props: AuditTimelineProps) {
  // Outside <Refine> (no QueryClient) Refine's hooks throw: say what is missing instead.
  if (!useHasQueryClient()) return <UnconfiguredTimeline {...props} />;
  return <ConnectedAuditTimeline {...props} />;
}

/** The timeline outside `<Refine>`: its root in the `unconfigured` state, with the message. */
function UnconfiguredTimeline(props: AuditTimelineProps) {
  const [options, ownProps] = splitProps(props, auditTimelineOptionKeys);
  const [, rootProps] = splitProps(ownProps, auditTimelineRenderKeys);
  return <UnconfiguredRoot anatomy={auditTimelineAnatomy} messageKey="auditLog.timeline.unconfigured" rootProps={rootProps} locale={options.locale} />;
}

function ConnectedAuditTimeline(props: AuditTimelineProps) {
  const [options, ownProps] = splitProps(props, auditTimelineOptionKeys);
  const [own, rootProps] = splitProps(ownProps, auditTimelineRenderKeys);
  const {
    renderEntry,
    renderAuthor,
    renderAction,
    renderSummary,
    renderRename = defaultRenderRename,
    diffProps,
    headingLevel = 3,
    renderActions = AuditEntryActions,
    renderRowActions = AuditRowActions,
    windowed = "auto",
    showJumpToDate,
  } = own;
  const { resource } = options;
  const fields = options.fields ?? diffProps?.fields;
  const timeline = useAuditTimeline({ ...options, fields });
  const { t, state } = timeline;
  const windowing = useWindowedTimeline(timeline, (windowed === "auto" ? timeline.items.length > WINDOWED_FROM : windowed) && state === "ready");
  const jumpInputId = useId();
  // The entry jumped to: scrolled to and focused, once per jump.
  const { reveal } = windowing;
  const { targetKey: jumpKey, serial: jumpSerial } = timeline.jump;
  const revealedJump = useRef(0);
  useEffect(() => {
    if (jumpKey === undefined || revealedJump.current === jumpSerial) return;
    revealedJump.current = jumpSerial;
    reveal(jumpKey, undefined, "start");
  }, [jumpKey, jumpSerial, reveal]);
  const Heading = `h${headingLevel}` as const;
  const renderers = { renderAuthor, renderAction, renderSummary, renderRename, diffProps, renderActions, renderRowActions };
  const policyKey = timeline.entryGetters; // renewed with the policy, locale and time zone
  const context = useMemo<Omit<AuditTimelineActionContext, "recordId">>(
    () => ({ resource, fields, ignore: options.ignore, budget: options.budget, idField: options.idField, locale: options.locale, timeZone: options.timeZone, now: options.now }),
    // The policy's identity may change each render (inline literals); the getters are renewed with its content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [resource, policyKey, JSON.stringify(options.ignore ?? null), JSON.stringify(options.budget ?? null), options.idField, options.locale, options.timeZone, options.now],
  );

  // No provider with a `get`: the same root and words as outside <Refine>.
  if (state === "unconfigured") return <UnconfiguredRoot anatomy={auditTimelineAnatomy} messageKey="auditLog.timeline.unconfigured" rootProps={rootProps} locale={options.locale} />;

  const { jump } = timeline;
  const jumpDay = jump.anchor ?? jump.day;
  const jumpDate = jumpDay && jump.state !== "invalid" ? formatDay(jumpDay, timeline.locale) : "";
  const isOldestFirst = options.order === "oldest";
  const showJumpForm = showJumpToDate ?? (timeline.hasMore || timeline.hasNewer || jump.state !== "none" || jump.anchor !== undefined);
  // The status and the way back show whenever a jump was made (also through the hook's action, without the form).
  const jumpControls = (
    <>
      {showJumpForm && (
        <form {...timeline.getJumpProps()}>
          <label {...timeline.getPartProps(parts.jumpLabel)} htmlFor={jumpInputId}>
            {t("auditLog.timeline.jumpLabel", "Jump to date")}
          </label>{" "}
          <input {...timeline.getPartProps(parts.jumpInput)} id={jumpInputId} type="date" name="day" required defaultValue={jump.day} />{" "}
          <button {...timeline.getPartProps(parts.jumpSubmit)} type="submit">
            {t("auditLog.timeline.jumpSubmit", "Go")}
          </button>
        </form>
      )}
      {jump.state !== "none" && jump.state !== "found" && (
        <p {...timeline.getPartProps(parts.jumpStatus)} role="status">
          {jump.state === "searching"
            ? t("auditLog.timeline.jumpSearching", "Looking for {date}…", { date: jumpDate })
            : jump.state === "invalid"
              ? t("auditLog.timeline.jumpInvalid", "“{value}” is not a date to jump to.", { value: jump.day ?? "" })
              : jump.state === "notRead"
                ? isOldestFirst
                  ? t("auditLog.timeline.jumpNotReadOldest", "No entry on or after {date} among the entries read so far.", { date: jumpDate })
                  : t("auditLog.timeline.jumpNotRead", "No entry on or before {date} among the entries read so far.", { date: jumpDate })
                : isOldestFirst
                  ? t("auditLog.timeline.jumpMissingOldest", "No entries on or after {date}.", { date: jumpDate })
                  : t("auditLog.timeline.jumpMissing", "No entries on or before {date}.", { date: jumpDate })}
        </p>
      )}
      {jump.anchor !== undefined && (
        <p {...timeline.getPartProps(parts.jumpNote)} role="note">
          {isOldestFirst
            ? t("auditLog.timeline.jumpNoteOldest", "Showing entries from {date} and newer.", { date: formatDay(jump.anchor, timeline.locale) })
            : t("auditLog.timeline.jumpNote", "Showing entries from {date} and older.", { date: formatDay(jump.anchor, timeline.locale) })}{" "}
          <button {...timeline.getJumpClearProps()} />
        </p>
      )}
    </>
  );

  let body: ReactNode;
  if (state === "loading") {
    body = (
      <>
        <p {...timeline.getPartProps(parts.status)} role="status">
          {t("auditLog.timeline.loading", "Loading history…")}
        </p>
        <ol {...timeline.getPartProps(parts.list)} aria-hidden="true">
          {[0, 1, 2].map((index) => (
            <li key={index} {...timeline.getPartProps(parts.skeleton)} />
          ))}
        </ol>
      </>
    );
  } else if (state === "error") {
    const message = timeline.error?.message;
    body = (
      <>
        {/* A failed read from a jump's day: the way back stays. */}
        {jump.anchor !== undefined && jumpControls}
        <div {...timeline.getPartProps(parts.error)} role="alert">
          <p>
            {message
              ? t("auditLog.timeline.errorWithMessage", "The history could not be loaded: {message}", { message })
              : t("auditLog.timeline.error", "The history could not be loaded.")}
          </p>
          <button {...timeline.getRetryProps()} />
        </div>
      </>
    );
  } else if (state === "empty") {
    body = (
      <>
        {jump.anchor !== undefined && jumpControls}
        <p {...timeline.getPartProps(parts.empty)}>
          {timeline.isFiltered ? t("auditLog.timeline.emptyFiltered", "No entries match these filters") : t("auditLog.timeline.empty", "No changes recorded yet")}
        </p>
      </>
    );
  } else {
    const unreadable: AuditTimelineDay = { key: "unreadable", label: t("auditLog.timeline.unreadable", "Unreadable entries"), items: [] };
    const loadMoreMessage = timeline.loadMoreError?.message;
    body = (
      <>
        {(timeline.linkState === "searching" || timeline.linkState === "missing") && (
          <p {...timeline.getPartProps(parts.linkStatus)} role="status">
            {timeline.linkState === "searching"
              ? t("auditLog.timeline.linkSearching", "Looking for the linked entry…")
              : timeline.hasMore
                ? // The search stopped with more history unread: say only what is known.
                  t("auditLog.timeline.linkNotRead", "The linked entry (#{id}) is not among the entries read so far.", { id: timeline.linkedId ?? "" })
                : t("auditLog.timeline.linkMissing", "The linked entry (#{id}) is not in this history.", { id: timeline.linkedId ?? "" })}
          </p>
        )}
        {timeline.refusedFields.length > 0 && (
          <p {...timeline.getPartProps(parts.filterNote)} role="note">
            {getRefusedFieldsText(timeline.refusedFields, t)}
          </p>
        )}
        {timeline.problem && (
          <p {...timeline.getPartProps(parts.incomplete)} role="note">
            {getAuditLogProblemText(timeline.problem, t, { count: timeline.readCount, locale: timeline.locale })}
          </p>
        )}
        {jumpControls}
        {timeline.hasNewer && <button {...timeline.getShowNewerProps()} />}
        <div {...timeline.getPartProps(parts.spacer)} aria-hidden="true" style={windowing.window.getSpacerStyle("start")} ref={windowing.window.setStartSpacer} />
        <ol {...timeline.getListProps(windowing.listProps)}>
          {windowing.days.map(({ day, offscreen, headingOffscreen, offscreenKey }) => (
            <DayGroup
              key={day.key}
              day={day}
              offscreen={offscreen}
              headingOffscreen={headingOffscreen}
              offscreenKey={offscreenKey}
              heading={Heading}
              getters={timeline.entryGetters}
              resource={resource}
              context={context}
              renderers={renderers}
              renderEntry={renderEntry}
              timeline={timeline}
            />
          ))}
          {timeline.malformed.length > 0 && windowing.isAtEnd && (
            <li {...timeline.getDayProps(unreadable)}>
              <Heading {...timeline.getDayHeadingProps(unreadable)}>{unreadable.label}</Heading>
              <ol {...timeline.getEntriesProps(unreadable)}>
                {timeline.malformed.map((row) => (
                  <MalformedEntry key={row.key} row={row} timeline={timeline} />
                ))}
              </ol>
            </li>
          )}
        </ol>
        <div {...timeline.getPartProps(parts.spacer)} aria-hidden="true" style={windowing.window.getSpacerStyle("end")} />
        {timeline.loadMoreError && (
          <div {...timeline.getPartProps(parts.error)} role="alert">
            <p>
              {loadMoreMessage
                ? t("auditLog.timeline.loadMoreErrorWithMessage", "More entries could not be loaded: {message}", { message: loadMoreMessage })
                : t("auditLog.timeline.loadMoreError", "More entries could not be loaded.")}
            </p>
            <button {...timeline.getRetryProps()} />
          </div>
        )}
        {timeline.hasMore && !timeline.loadMoreError && (
          <>
            <button {...timeline.getShowMoreProps()} />
            <div {...timeline.getSentinelProps()} />
          </>
        )}
        {timeline.isTruncated && !timeline.hasMore && (
          <p {...timeline.getPartProps(parts.truncated)}>
            {t("auditLog.timeline.truncated", "Showing the first {count} entries: older history exists but is not loaded here.", {
              count: formatNumber(timeline.totalCount, toIntlLocale(timeline.locale)),
            })}
          </p>
        )}
        <p {...timeline.getPartProps(parts.status)} role="status">
          {timeline.isLoadingMore ? t("auditLog.timeline.loadingMore", "Loading more…") : ""}
        </p>
      </>
    );
  }

  return (
    <ReferenceLookupContext.Provider value={timeline.references}>
      <div {...timeline.getRootProps(rootProps)}>{body}</div>
    </ReferenceLookupContext.Provider>
  );
}

/** A `YYYY-MM-DD` day in words ("May 1, 2024"), as the calendar names it (no time zone shift). */
function formatDay(day: string, locale: string | undefined): string {
  const date = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(toIntlLocale(locale), { dateStyle: "long", timeZone: "UTC" }).format(date);
}
