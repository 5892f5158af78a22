import { useMemo, type ButtonHTMLAttributes, type HTMLAttributes } from "react";
import type { WorkBudgetLimits } from "../core/budget";
import { getFieldHistory, type FieldHistoryPoint, type FieldHistoryPointKind } from "../core/fieldHistory";
import { formatRelativeTime, type TimelineFormatters } from "../core/formatEntry";
import { formatFieldValue, type FormattedValue } from "../core/formatValue";
import type { ReferenceLookup } from "../core/references";
import { getAuthorLabel, type AuditId, type AuditLogEntry } from "../core/normalizeLog";
import { toPathKey } from "../core/path";
import { createItemReader } from "../core/pipeline";
import { plural } from "../core/plural";
import type { RecordDiffField, RecordDiffFields } from "../core/policy";
import type { AuditTranslate } from "../core/translate";
import type { FieldChange, Path } from "../core/types";
import { useNow } from "../audit-timeline/useTimelineItems";
import { useAuditEntryDescriber } from "../refine/useAuditEntryDescriber";
import { useAuditLogEntries, type AuditLogError, type AuditLogListState } from "../refine/useAuditLogEntries";
import type { DataAttributes } from "../shared/dataAttributes";
import { mergeProps } from "../shared/mergeProps";
import { fieldHistoryAnatomy, fieldHistoryParts as parts, type FieldHistoryPart } from "./parts";

/** Options of {@link useFieldHistory} (and props of `<FieldHistory>`; see `fieldHistoryOptionKeys`). */
export interface UseFieldHistoryOptions {
  /** The resource whose log to read (as Refine writes it in logs). */
  resource: string;
  /** The record. Compared by value (`1` is `"1"`). */
  id: AuditId;
  /**
   * The field, as a dotted path: `price`, `supplier.address.street`, `items.0.qty`; a key
   * that holds a dot is written escaped (`"card\\.cvv"`). A path, not a pattern.
   */
  field: string;
  /** The field's name on screen. Default: the policy's label (`fields[…].label`), else the path. */
  label?: string;
  /**
   * The policy, as `<RecordDiff fields>`: a `hidden` field (or ancestor) shows no value at
   * all; a `redact`ed one shows who and when, never the value; `format` formats its values.
   * Compared by content.
   */
  fields?: RecordDiffFields;
  /** Paths below the field whose changes do not count (`*.updatedAt`). Compared by content. */
  ignore?: readonly string[];
  /** The work budget of each comparison of two values (default `DEFAULT_WORK_BUDGET`). */
  budget?: WorkBudgetLimits;
  /** The field that holds a record's id in bulk `data` / `previousData` items. Default `"id"`. */
  idField?: string;
  /** The most values listed (the newest); the rest are counted ("12 older values not shown"). Default 1,000. */
  maxPoints?: number;
  /** Rows to ask the provider for in each request (`meta.pageSize`). Default 50. */
  pageSize?: number;
  /** Refetch when Refine writes a log for this resource. Default `true`. */
  live?: boolean;
  /** Extra keys for the provider's `meta`. The kit's keys win on conflict. */
  meta?: Record<string, unknown>;
  /** The moment relative times count from. Default: the current time, refreshed every minute. */
  now?: Date;
  /** Overrides the app's locale for dates and numbers. */
  locale?: string;
  /** An IANA time zone for times. Default: the viewer's. */
  timeZone?: string;
}

/**
 * Where the field's history stands (the root's `data-state`): `unconfigured` (no audit
 * log provider with a `get`), `loading`, `error`, `empty` (no value of the field is
 * recorded) or `ready`. A hidden field keeps the list's state; `isHidden` says it.
 */
export type FieldHistoryState = AuditLogListState;

/** One value of the field, ready to render: the point and its words. */
export interface FieldHistoryItem {
  /** `String(entry.id)`: a React key, and `data-log-id`. */
  key: string;
  /** The point, as `getFieldHistory` gives it (the policy applied). */
  point: FieldHistoryPoint;
  entry: AuditLogEntry;
  /** What happened to the field. `@selector [data-part="point"][data-kind="written"]` */
  kind: FieldHistoryPointKind;
  /** The value in words (the field's `format`, else as `<RecordDiff>` shows it); `undefined` when it has none. */
  formatted: FormattedValue | undefined;
  /** The value in words, or, without one, what happened: "record deleted", "field removed". */
  valueText: string;
  /** How the value came, when it needs a word: "(when created)", "(earlier value not recorded)", "(too large to compare in full…)". */
  note: string | undefined;
  /** Who made the change (name, else email, else id); `undefined` when the log does not say. */
  authorLabel: string | undefined;
  /** "by Ada Lovelace", or "author not recorded". */
  authorText: string;
  /** The entry's time: ISO `dateTime`, `relative` ("2 days ago", or "at an unknown time"), `absolute` (local, with its zone; `""` when unknown). */
  time: { date: Date | undefined; dateTime: string | undefined; relative: string; absolute: string };
  /** The entry's name (a named version). */
  name: string | undefined;
  /** The value when it is a finite number (and not redacted): what the chart draws. */
  numericValue: number | undefined;
}

/** One value of the sparkline. */
export interface FieldHistoryChartPoint {
  item: FieldHistoryItem;
  value: number;
  /** 0 (the oldest) to 1 (the newest): by time when every value is dated, else evenly spaced. */
  x: number;
  /** 0 (the lowest value) to 1 (the highest); 0.5 when all are equal. */
  y: number;
  /** The value and its time in words (a dot's tooltip). */
  text: string;
}

/** The numbers of the field as a sparkline: two numeric values or more. */
export interface FieldHistoryChart {
  /** The numeric values, oldest first. */
  series: FieldHistoryChartPoint[];
  /** `x` is by time (every value dated, over more than an instant); else the values are evenly spaced. */
  isTimeScaled: boolean;
  min: number;
  max: number;
  /** The story in words, the chart's `aria-label`: "Price over time: 45 on Nov 3, 2024 to 39 on Nov 5, 2024; 4 values, lowest 39, highest 50". */
  description: string;
}

/** What a props getter returns: the part's own props merged with yours (yours last). */
export type FieldHistoryPartProps<P> = P & DataAttributes;

type ElementProps = HTMLAttributes<HTMLElement>;

/** The result of {@link useFieldHistory}: state, the values in words, and a props getter per part. */
export interface UseFieldHistoryResult {
  state: FieldHistoryState;
  /** The values, newest first (entries without a time last). Empty for a hidden field. */
  items: FieldHistoryItem[];
  /** The field's name on screen: the `label` option, the policy's label, else the path (`supplier.address.street`). */
  label: string;
  /** The field's path, parsed. */
  path: Path;
  /** The policy hides the field: say so, show no value. `@selector [data-hidden]` */
  isHidden: boolean;
  /** The policy redacts the field: values are "(hidden)". `@selector [data-redacted]` */
  isRedacted: boolean;
  /** The sparkline's data, when two values or more are finite numbers; `undefined` otherwise. */
  chart: FieldHistoryChart | undefined;
  /** Older values not listed (past `maxPoints`). */
  omittedCount: number;
  /** Some values were too large to compare in full: those writes may not be changes (`item.point.isIncomplete`). */
  isIncomplete: boolean;
  /** Rows of the log that could not be read (they may hold values of this field). */
  malformedCount: number;
  /** The provider has more history than the kit reads: older values may exist. */
  isTruncated: boolean;
  /** The provider pages and has older history not read yet (`loadMore()` reads it). */
  hasMore: boolean;
  /** The next (older) page is on its way. */
  isLoadingMore: boolean;
  /** Reads the next (older) page of history. */
  loadMore: () => void;
  /** Why the history could not be loaded (state `error`). */
  error: AuditLogError | null;
  /** Why more of it (or a refresh) could not be loaded; the values already shown stay. */
  loadMoreError: AuditLogError | null;
  /** Asks the provider again for what failed. */
  retry: () => void;
  /** The kit's translate function (for your own words) and the locale of dates and numbers. */
  t: AuditTranslate;
  locale: string | undefined;
  /** The root: `data-scope`, `data-part="root"`, `data-state`, `data-field`, `data-hidden`, `data-redacted`, `aria-busy`. */
  getRootProps: <P extends ElementProps>(props?: P) => FieldHistoryPartProps<P>;
  /** The `<ol>` of values, labelled "History of {field}". */
  getListProps: <P extends ElementProps>(props?: P) => FieldHistoryPartProps<P>;
  /** One value's `<li>`: `data-log-id`, `data-kind`, `data-before-unknown`, `data-inferred`, `data-redacted`, `data-incomplete`, `data-named`. */
  getPointProps: <P extends ElementProps>(item: FieldHistoryItem, props?: P) => FieldHistoryPartProps<P>;
  /** The author: `data-unknown` when the log does not say. */
  getAuthorProps: <P extends ElementProps>(item: FieldHistoryItem, props?: P) => FieldHistoryPartProps<P>;
  /** The time: `dateTime` on a `<time>`; `data-unknown` when the entry has none. */
  getTimeProps: <P extends ElementProps>(item: FieldHistoryItem, props?: P) => FieldHistoryPartProps<P> & { dateTime?: string };
  /** The sparkline's `<svg>`: `role="img"` and the story in words as its `aria-label`. */
  getChartProps: <P extends object>(props?: P) => FieldHistoryPartProps<P>;
  /** A part with no behaviour of its own (`value`, `note`, `details`, `status`, `empty`, `hidden`…). */
  getPartProps: <P extends object>(part: FieldHistoryPart, props?: P) => FieldHistoryPartProps<P>;
  /** The retry button (a label as `children`). */
  getRetryProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(props?: P) => FieldHistoryPartProps<P>;
  /** The "Load older history" button (a label as `children`; `aria-disabled` and `aria-busy` while it loads). */
  getLoadMoreProps: <P extends ButtonHTMLAttributes<HTMLButtonElement>>(props?: P) => FieldHistoryPartProps<P>;
}

const partProps = <P extends object>(own: object, props: P | undefined) => mergeProps(own, props) as FieldHistoryPartProps<P>;
const attrs = (part: FieldHistoryPart) => fieldHistoryAnatomy.attrs(part);

/** Dated items oldest first, then undated ones oldest first: the order the history was replayed in. */
function chronological(items: readonly FieldHistoryItem[]): FieldHistoryItem[] {
  const dated = items.filter((item) => item.time.date);
  const undated = items.filter((item) => !item.time.date);
  return [...dated.reverse(), ...undated.reverse()];
}

/**
 * The headless field history: reads the record's log through `useAuditLogEntries`, replays
 * it (`useAuditEntryDescriber`: the policy, the locale, the formatters), and lists every
 * value the field has had with `getFieldHistory`, newest first, each with who, when, the
 * entry's name and honest words ("earlier value not recorded", "record deleted",
 * "(hidden)"), plus a sparkline's data when the values are numbers. `<FieldHistory>` is a
 * thin rendering of it.
 *
 * @example
 * const history = useFieldHistory({ resource: "products", id: 7, field: "price" });
 * if (history.state !== "ready") return <p {...history.getRootProps()}>{history.state}</p>;
 * return (
 *   <ol {...history.getListProps()}>
 *     {history.items.map((item) => (
 *       <li {...history.getPointProps(item)} key={item.key}>
 *         {item.valueText} {item.authorText} <time {...history.getTimeProps(item)}>{item.time.relative}</time>
 *       </li>
 *     ))}
 *   </ol>
 * );
 */
export function useFieldHistory(options: UseFieldHistoryOptions): UseFieldHistoryResult {
  const { resource, id, field, ignore, idField, budget, timeZone, maxPoints } = options;
  // The whole history is replayed: no sliding window over server-side pages (the cap applies).
  const log = useAuditLogEntries({ resource, id, pageSize: options.pageSize, live: options.live, meta: options.meta, slidingWindow: false });
  const { history, fields, t, locale, formatters, references } = useAuditEntryDescriber({
    allEntries: log.allEntries,
    recordId: id,
    idField,
    ignore,
    fields: options.fields,
    budget,
    locale: options.locale,
    timeZone,
  });
  const now = useNow(options.now);
  const redactedText = t("auditLog.fieldHistory.redacted", "(hidden)");
  // Inline `ignore` arrays and budgets are new on every render: compare them by content.
  const ignoreKey = JSON.stringify(ignore ?? null);
  const budgetKey = JSON.stringify(budget ?? null);
  const recordKey = String(id);
  const found = useMemo(
    () => getFieldHistory(history, id, field, { fields, ignore, budget, idField, maxPoints, redactedText }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [history, recordKey, field, fields, ignoreKey, budgetKey, idField, maxPoints, redactedText],
  );
  const { path, isHidden, isRedacted } = found;
  const givenLabel = options.label;
  const label = useMemo(() => {
    if (givenLabel !== undefined) return givenLabel;
    if (path.length === 0) return field;
    // An item on the path is named as the record holds it now (its newest known state), the policy applied.
    const newest = path.some((segment) => typeof segment === "number") ? history.entries[history.entries.length - 1] : undefined;
    const state = newest && (history.stateAfter(newest, id) ?? history.stateBefore(newest, id));
    const readItem = state && createItemReader(undefined, state, fields);
    return fields.getLabel(path, field, { itemAt: readItem && ((prefix) => readItem(prefix, "after")), t, locale });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [givenLabel, path, field, fields, history, recordKey, t, locale]);
  const fieldOptions = path.length > 0 ? fields.get(path) : undefined;

  const items = useMemo(
    () => found.points.map((point) => toItem(point, { path, field: fieldOptions, t, formatters, now, references })),
    [found, path, fieldOptions, t, formatters, now, references],
  );

  const chart = useMemo(() => describeChart(items, label, t, formatters), [items, label, t, formatters]);

  let state = log.state;
  if (state === "ready" && items.length === 0 && !isHidden) state = "empty";
  const isLoadingMore = log.isFetchingNextPage;
  const hasMore = log.hasNextPage;
  const omittedCount = found.overflow?.omittedCount ?? 0;
  const isIncomplete = found.overflow?.isIncomplete ?? false;
  const { fetchNextPage, retry } = log;

  return {
    state,
    items,
    label,
    path,
    isHidden,
    isRedacted,
    chart,
    omittedCount,
    isIncomplete,
    malformedCount: log.malformed.length,
    isTruncated: log.isTruncated,
    hasMore,
    isLoadingMore,
    loadMore: fetchNextPage,
    error: log.error,
    loadMoreError: log.pageError,
    retry,
    t,
    locale,
    getRootProps: (props) =>
      partProps(
        {
          ...attrs(parts.root),
          /** `data-state`: unconfigured | loading | error | empty | ready. */
          "data-state": state,
          /** `data-field`: the field's dotted path, as given. */
          "data-field": field,
          "data-hidden": isHidden ? "" : undefined,
          "data-redacted": isRedacted && !isHidden ? "" : undefined,
          "aria-busy": !isHidden && (state === "loading" || isLoadingMore) ? true : undefined,
        },
        props,
      ),
    getListProps: (props) => partProps({ ...attrs(parts.list), "aria-label": t("auditLog.fieldHistory.listLabel", "History of {field}", { field: label }) }, props),
    getPointProps: (item, props) =>
      partProps(
        {
          ...attrs(parts.point),
          "data-log-id": item.key,
          /** `data-kind`: created | changed | written | removed | deleted. */
          "data-kind": item.kind,
          "data-before-unknown": item.point.isBeforeUnknown ? "" : undefined,
          "data-inferred": item.point.isInferred ? "" : undefined,
          "data-redacted": item.point.isRedacted ? "" : undefined,
          "data-incomplete": item.point.isIncomplete ? "" : undefined,
          "data-named": item.name !== undefined ? "" : undefined,
        },
        props,
      ),
    getAuthorProps: (item, props) => partProps({ ...attrs(parts.author), "data-unknown": item.authorLabel === undefined ? "" : undefined }, props),
    getTimeProps: (item, props) => partProps(item.time.date ? { ...attrs(parts.time), dateTime: item.time.dateTime } : { ...attrs(parts.time), "data-unknown": "" }, props),
    getChartProps: (props) => partProps({ ...attrs(parts.chart), role: "img", "aria-label": chart?.description }, props),
    getPartProps: (part, props) => partProps(attrs(part), props),
    getRetryProps: (props) => partProps({ ...attrs(parts.retry), type: "button" as const, onClick: retry, children: t("auditLog.fieldHistory.retry", "Try again") }, props),
    getLoadMoreProps: (props) =>
      partProps(
        {
          ...attrs(parts.loadMore),
          type: "button" as const,
          onClick: () => {
            if (!isLoadingMore) fetchNextPage();
          },
          "aria-disabled": isLoadingMore ? true : undefined,
          "aria-busy": isLoadingMore ? true : undefined,
          children: isLoadingMore ? t("auditLog.fieldHistory.loadingMore", "Loading older history…") : t("auditLog.fieldHistory.loadMore", "Load older history"),
        },
        props,
      ),
  };
}

interface ItemContext {
  path: Path;
  /** The field's policy (its `format`, `type`, `currency`, `options`). */
  field: RecordDiffField | undefined;
  t: AuditTranslate;
  formatters: TimelineFormatters;
  now: Date;
  /** Labels of referenced records (`fields[…].reference`). */
  references: ReferenceLookup | undefined;
}

/** A point in words: its value (the field's `format`, else as `<RecordDiff>` shows it), author, time and notes. */
function toItem(point: FieldHistoryPoint, { path, field, t, formatters, now, references }: ItemContext): FieldHistoryItem {
  const { entry } = point;
  const { locale, timeZone } = formatters;
  let formatted: FormattedValue | undefined;
  if (point.hasValue) {
    if (point.isRedacted) formatted = { type: "redacted", text: String(point.value) };
    else {
      // What the formatter of a diff receives: the change this entry made to the field.
      const change: FieldChange = { path, key: toPathKey(path), kind: point.hasBefore ? "changed" : "added", after: point.value };
      if (point.hasBefore) change.before = point.before;
      if (point.isBeforeUnknown) change.isBeforeUnknown = true;
      formatted = formatFieldValue(point.value, field, { side: "after", change, locale }, { t, timeZone, references });
    }
  }
  let note: string | undefined;
  if (point.isIncomplete) note = t("auditLog.fieldHistory.note.incomplete", "(too large to compare in full: it may not have changed)");
  else if (point.kind === "created") note = t("auditLog.fieldHistory.note.created", "(when created)");
  else if (point.isBeforeUnknown) note = t("auditLog.fieldHistory.note.notRecorded", "(earlier value not recorded)");
  const authorLabel = getAuthorLabel(entry.author);
  const date = entry.createdAt;
  const value = point.value;
  return {
    key: String(entry.id),
    point,
    entry,
    kind: point.kind,
    formatted,
    valueText:
      formatted?.text ??
      (point.kind === "deleted" ? t("auditLog.fieldHistory.recordDeleted", "record deleted") : t("auditLog.fieldHistory.fieldRemoved", "field removed")),
    note,
    authorLabel,
    authorText: authorLabel !== undefined ? t("auditLog.fieldHistory.by", "by {author}", { author: authorLabel }) : t("auditLog.fieldHistory.byUnknown", "author not recorded"),
    time: {
      date,
      dateTime: date?.toISOString(),
      relative: date ? formatRelativeTime(date, now, formatters) : t("auditLog.fieldHistory.unknownTime", "at an unknown time"),
      absolute: date ? formatters.short.format(date) : "",
    },
    name: entry.name,
    numericValue: point.hasValue && !point.isRedacted && typeof value === "number" && Number.isFinite(value) ? value : undefined,
  };
}

/** The sparkline's data and its story in words, when two values or more are numbers. */
function describeChart(items: readonly FieldHistoryItem[], label: string, t: AuditTranslate, formatters: TimelineFormatters): FieldHistoryChart | undefined {
  const numeric = chronological(items).filter((item) => item.numericValue !== undefined);
  if (numeric.length < 2) return undefined;
  const values = numeric.map((item) => item.numericValue!);
  const times = numeric.map((item) => item.time.date?.getTime());
  let min = values[0]!;
  let max = values[0]!;
  let minItem = numeric[0]!;
  let maxItem = numeric[0]!;
  values.forEach((value, i) => {
    if (value < min) [min, minItem] = [value, numeric[i]!];
    if (value > max) [max, maxItem] = [value, numeric[i]!];
  });
  const first = times[0];
  const last = times[times.length - 1];
  const isTimeScaled = times.every((time) => time !== undefined) && last! > first!;
  const day = new Intl.DateTimeFormat(formatters.locale, { dateStyle: "medium", timeZone: formatters.timeZone });
  const series = numeric.map((item, i): FieldHistoryChartPoint => {
    const value = values[i]!;
    const when = item.time.date ? day.format(item.time.date) : t("auditLog.fieldHistory.unknownTime", "at an unknown time");
    return {
      item,
      value,
      x: isTimeScaled ? (times[i]! - first!) / (last! - first!) : i / (numeric.length - 1),
      y: max === min ? 0.5 : (value - min) / (max - min),
      text: t("auditLog.fieldHistory.chartPoint", "{value}, {time}", { value: item.valueText, time: when }),
    };
  });
  const oldest = numeric[0]!;
  const newest = numeric[numeric.length - 1]!;
  const params = { field: label, first: oldest.valueText, last: newest.valueText, min: minItem.valueText, max: maxItem.valueText };
  const description =
    oldest.time.date && newest.time.date
      ? plural(
          t,
          formatters.locale,
          "auditLog.fieldHistory.chartDated",
          numeric.length,
          "{field} over time: {first} on {firstDate} to {last} on {lastDate}; {count} value, lowest {min}, highest {max}",
          "{field} over time: {first} on {firstDate} to {last} on {lastDate}; {count} values, lowest {min}, highest {max}",
          { ...params, firstDate: day.format(oldest.time.date), lastDate: day.format(newest.time.date) },
        )
      : plural(
          t,
          formatters.locale,
          "auditLog.fieldHistory.chart",
          numeric.length,
          "{field} over time: {first} to {last}; {count} value, lowest {min}, highest {max}",
          "{field} over time: {first} to {last}; {count} values, lowest {min}, highest {max}",
          params,
        );
  return { series, isTimeScaled, min, max, description };
}
