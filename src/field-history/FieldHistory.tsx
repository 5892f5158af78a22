import { useState, type HTMLAttributes, type ReactNode } from "react";
import type { FormattedValue } from "../core/formatValue";
import { formatNumber } from "../core/intl";
import { plural } from "../core/plural";
import { UnconfiguredRoot } from "../refine/UnconfiguredRoot";
import { useHasQueryClient } from "../refine/useHasQueryClient";
import { ErrorBoundary } from "../shared/ErrorBoundary";
import { flexRender, type Renderable } from "../shared/flexRender";
import { splitProps } from "../shared/splitProps";
import { fieldHistoryOptionKeys } from "./fieldHistoryOptionKeys";
import { fieldHistoryAnatomy as anatomy, fieldHistoryParts as parts } from "./parts";
import { useFieldHistory, type FieldHistoryChart, type FieldHistoryItem, type UseFieldHistoryOptions, type UseFieldHistoryResult } from "./useFieldHistory";

/** What `renderValue` receives for one value of the field. */
export interface FieldHistoryValueProps {
  /** The value after the entry, as the policy leaves it (objects shown whole have their hidden parts left out). */
  value: unknown;
  /** The whole item: point, entry, author, time. */
  item: FieldHistoryItem;
  /** The value as `<FieldHistory>` would show it in words. */
  formatted: FormattedValue;
  locale: string | undefined;
  /** Renders the default markup: return it to fall back, or wrap it. */
  defaultRender: () => ReactNode;
}

/**
 * Props of {@link FieldHistory}: the options of `useFieldHistory` (split off by
 * `fieldHistoryOptionKeys`), rendering options, and the root `<div>`'s own props (spread
 * last; `className` and `style` merged, handlers composed).
 */
export interface FieldHistoryProps extends UseFieldHistoryOptions, Omit<HTMLAttributes<HTMLDivElement>, "children" | keyof UseFieldHistoryOptions> {
  /**
   * `"auto"` (default): a sparkline (`data-part="chart"`) above the list when two values
   * or more are finite numbers; `"none"`: never.
   */
  chart?: "auto" | "none";
  /** The sparkline's width in CSS pixels. Default 160. */
  chartWidth?: number;
  /** The sparkline's height in CSS pixels. Default 32. */
  chartHeight?: number;
  /**
   * Renders values your way (a currency, an image, a reference by its title): a
   * component, or a function (returning `undefined` falls back to the default). Not
   * called for redacted values nor where there is no value (a delete). One that throws
   * breaks that value only: the default rendering, marked `value-error`.
   *
   * @example
   * renderValue={({ value, defaultRender }) => (typeof value === "number" ? `€${value.toFixed(2)}` : defaultRender())}
   */
  renderValue?: Renderable<FieldHistoryValueProps>;
  /** Values longer than this many characters are cut, with a "Show all" button. Default 500. */
  maxValueLength?: number;
}

const DEFAULT_CHART_WIDTH = 160;
const DEFAULT_CHART_HEIGHT = 32;
/** Past this many values the sparkline draws the first and the last dot only. */
const MAX_DOTS = 50;

const size = (value: number | undefined, fallback: number) => (typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback);

/**
 * A field's own history: every value it has had, newest first, with who and when, read
 * from the record's audit log (`<Refine auditLogProvider>`): "when did the price become
 * 39, and who did it?". Numbers also show as a small sparkline (an inline SVG whose
 * `aria-label` tells the story in words). It says only what the log knows: a first value
 * whose earlier value the log never recorded reads "earlier value not recorded", a delete
 * "record deleted", a redacted field "(hidden)" (never its value), a hidden field "This
 * field's history is hidden" (no values at all).
 *
 * Markup (unstyled; see `fieldHistoryParts`; every element has `data-scope="field-history"`):
 * - root `data-part="root"` with `data-state="loading|error|empty|ready|unconfigured"`, `data-field`,
 *   `data-hidden`, `data-redacted`, and `aria-busy` while loading
 * - `<svg data-part="chart" role="img" aria-label>` with `chart-line` and `chart-dot`
 * - `<ol data-part="list">` of `<li data-part="point" data-log-id data-kind="created|changed|written|removed|deleted">`
 *   (`data-before-unknown`, `data-inferred`, `data-redacted`, `data-incomplete`, `data-named`), each holding
 *   `value` (or `no-value`), `note`, and `details` with `author`, `time`, `absolute-time`, `name`
 * - `hidden`, `omitted`, `incomplete`, `malformed`, `truncated`, `load-more`, `status`, `empty`,
 *   `error` + `retry`, `unconfigured`
 *
 * For another layout, use {@link useFieldHistory}.
 *
 * @example
 * <FieldHistory resource="products" id={7} field="price" />
 * <FieldHistory resource="users" id={3} field="address.city" label="City" chart="none" />
 */
export function FieldHistory(props: FieldHistoryProps) {
  // Outside <Refine> (no QueryClient) Refine's hooks throw: say what is missing instead.
  if (!useHasQueryClient()) return <UnconfiguredFieldHistory {...props} />;
  return <ConnectedFieldHistory {...props} />;
}

/** The props split: the hook's options, the rendering options, and the root's own props. */
function split(props: FieldHistoryProps) {
  const [options, own] = splitProps(props, fieldHistoryOptionKeys);
  const { chart = "auto", chartWidth, chartHeight, renderValue, maxValueLength = 500, ...rootProps } = own;
  return { options, rootProps, render: { chart, chartWidth: size(chartWidth, DEFAULT_CHART_WIDTH), chartHeight: size(chartHeight, DEFAULT_CHART_HEIGHT), renderValue, maxValueLength } };
}

/** Outside `<Refine>`: the root in the `unconfigured` state, with the message. */
function UnconfiguredFieldHistory(props: FieldHistoryProps) {
  const { options, rootProps } = split(props);
  return <UnconfiguredRoot anatomy={anatomy} messageKey="auditLog.fieldHistory.unconfigured" rootProps={rootProps} locale={options.locale} />;
}

type RenderOptions = ReturnType<typeof split>["render"];

function ConnectedFieldHistory(props: FieldHistoryProps) {
  const { options, rootProps, render } = split(props);
  const history = useFieldHistory(options);
  const { t, state, locale } = history;

  // No provider with a `get`: the same root and words as outside <Refine>.
  if (state === "unconfigured") return <UnconfiguredRoot anatomy={anatomy} messageKey="auditLog.fieldHistory.unconfigured" rootProps={rootProps} locale={options.locale} />;

  let body: ReactNode;
  if (history.isHidden) {
    body = <p {...history.getPartProps(parts.hidden)}>{t("auditLog.fieldHistory.hidden", "This field's history is hidden.")}</p>;
  } else if (state === "loading") {
    body = (
      <p {...history.getPartProps(parts.status)} role="status">
        {t("auditLog.fieldHistory.loading", "Loading history…")}
      </p>
    );
  } else if (state === "error") {
    const message = history.error?.message;
    body = (
      <div {...history.getPartProps(parts.error)} role="alert">
        <p>
          {message
            ? t("auditLog.fieldHistory.errorWithMessage", "The history could not be loaded: {message}", { message })
            : t("auditLog.fieldHistory.error", "The history could not be loaded.")}
        </p>
        <button {...history.getRetryProps()} />
      </div>
    );
  } else {
    const loadMoreMessage = history.loadMoreError?.message;
    body = (
      <>
        {state === "empty" ? (
          <p {...history.getPartProps(parts.empty)}>{t("auditLog.fieldHistory.empty", "No values of {field} are recorded.", { field: history.label })}</p>
        ) : (
          <>
            {render.chart !== "none" && history.chart && <Sparkline history={history} chart={history.chart} width={render.chartWidth} height={render.chartHeight} />}
            <ol {...history.getListProps()}>
              {history.items.map((item) => (
                <Point key={item.key} item={item} history={history} render={render} />
              ))}
            </ol>
          </>
        )}
        {history.omittedCount > 0 && (
          <p {...history.getPartProps(parts.omitted)}>
            {plural(t, locale, "auditLog.fieldHistory.omitted", history.omittedCount, "{count} older value not shown", "{count} older values not shown")}
          </p>
        )}
        {history.isIncomplete && (
          <p {...history.getPartProps(parts.incomplete)} role="note">
            {t("auditLog.fieldHistory.incomplete", "Some values were too large to compare in full: the writes marked so may not have changed the field.")}
          </p>
        )}
        {history.malformedCount > 0 && (
          <p {...history.getPartProps(parts.malformed)}>
            {plural(
              t,
              locale,
              "auditLog.fieldHistory.malformed",
              history.malformedCount,
              "{count} log entry could not be read: it may hold a value of this field.",
              "{count} log entries could not be read: they may hold values of this field.",
            )}
          </p>
        )}
        {history.isTruncated && (
          <p {...history.getPartProps(parts.truncated)}>{t("auditLog.fieldHistory.truncated", "Older values may exist: only the most recent history was read.")}</p>
        )}
        {history.loadMoreError && (
          <div {...history.getPartProps(parts.error)} role="alert">
            <p>
              {loadMoreMessage
                ? t("auditLog.fieldHistory.loadMoreErrorWithMessage", "Older history could not be loaded: {message}", { message: loadMoreMessage })
                : t("auditLog.fieldHistory.loadMoreError", "Older history could not be loaded.")}
            </p>
            <button {...history.getRetryProps()} />
          </div>
        )}
        {history.hasMore && !history.loadMoreError && <button {...history.getLoadMoreProps()} />}
        <p {...history.getPartProps(parts.status)} role="status">
          {history.isLoadingMore ? t("auditLog.fieldHistory.loadingMore", "Loading older history…") : ""}
        </p>
      </>
    );
  }
  return <div {...history.getRootProps(rootProps)}>{body}</div>;
}

/** One value: the value (or what happened instead), a note, then who, when and the entry's name. */
function Point({ item, history, render }: { item: FieldHistoryItem; history: UseFieldHistoryResult; render: RenderOptions }) {
  const { t } = history;
  return (
    <li {...history.getPointProps(item)}>
      {item.formatted ? <Value item={item} formatted={item.formatted} history={history} render={render} /> : <span {...history.getPartProps(parts.noValue)}>{item.valueText}</span>}
      {item.note && (
        <>
          {" "}
          <span {...history.getPartProps(parts.note)}>{item.note}</span>
        </>
      )}{" "}
      <span {...history.getPartProps(parts.details)}>
        <span {...history.getAuthorProps(item)}>{item.authorText}</span>{" "}
        {item.time.date ? <time {...history.getTimeProps(item)}>{item.time.relative}</time> : <span {...history.getTimeProps(item)}>{item.time.relative}</span>}
        {item.time.date && (
          <>
            {" "}
            <span {...history.getPartProps(parts.absoluteTime)}>{t("auditLog.fieldHistory.absoluteTime", "({time})", { time: item.time.absolute })}</span>
          </>
        )}
        {item.name !== undefined && (
          <>
            {" "}
            <span {...history.getPartProps(parts.name)}>{item.name}</span>
          </>
        )}
      </span>
    </li>
  );
}

/** The value: the app's renderer if any (not for a redacted value), else the default by type; always as text. */
function Value({ item, formatted, history, render }: { item: FieldHistoryItem; formatted: FormattedValue; history: UseFieldHistoryResult; render: RenderOptions }) {
  const { t, locale } = history;
  const defaultRender = () => <DefaultValue formatted={formatted} maxLength={render.maxValueLength} history={history} />;
  let content: ReactNode;
  if (formatted.formatError !== undefined) {
    // The field's own formatter failed on this value: the default rendering, marked, with the reason as its title.
    content = (
      <span {...history.getPartProps(parts.valueError)} title={t("auditLog.fieldHistory.formatError", "This field's formatter failed: {message}", { message: formatted.formatError })}>
        {defaultRender()}
      </span>
    );
  } else if (render.renderValue && formatted.type !== "redacted") {
    const props: FieldHistoryValueProps = { value: item.point.value, item, formatted, locale, defaultRender };
    content = (
      <ErrorBoundary
        resetKey={item}
        fallback={(error) => (
          <span {...history.getPartProps(parts.valueError)} title={t("auditLog.fieldHistory.renderError", "This value's renderer failed: {message}", { message: error.message })}>
            {defaultRender()}
          </span>
        )}
      >
        {flexRender(render.renderValue, props, defaultRender)}
      </ErrorBoundary>
    );
  } else content = defaultRender();
  return <span {...history.getPartProps(parts.value)}>{content}</span>;
}

/** The default markup of a value in words. */
function DefaultValue({ formatted, maxLength, history }: { formatted: FormattedValue; maxLength: number; history: UseFieldHistoryResult }) {
  switch (formatted.type) {
    case "empty":
      return <span {...history.getPartProps(parts.emptyValue)}>{formatted.text}</span>;
    case "json":
      return (
        <code {...history.getPartProps(parts.json)}>
          <LongText text={formatted.text} maxLength={maxLength} history={history} />
        </code>
      );
    case "date":
      return <time dateTime={formatted.dateTime}>{formatted.text}</time>;
    case "redacted":
      return <span {...history.getPartProps(parts.redacted)}>{formatted.text}</span>;
    default:
      return <LongText text={formatted.text} maxLength={maxLength} history={history} />;
  }
}

/** A text, cut at `maxLength` with a button that shows it whole. */
function LongText({ text, maxLength, history }: { text: string; maxLength: number; history: UseFieldHistoryResult }) {
  const [isExpanded, setExpanded] = useState(false);
  if (text.length <= maxLength) return <>{text}</>;
  const { t, locale } = history;
  // Cut by code point, so no surrogate pair is split.
  const cut = Array.from(text.slice(0, maxLength + 1)).slice(0, maxLength).join("");
  return (
    <>
      {isExpanded ? text : `${cut}…`}{" "}
      <button type="button" {...history.getPartProps(parts.showAll)} aria-expanded={isExpanded} onClick={() => setExpanded(!isExpanded)}>
        {isExpanded ? t("auditLog.fieldHistory.showLess", "Show less") : t("auditLog.fieldHistory.showAll", "Show all ({count} characters)", { count: formatNumber(text.length, locale) })}
      </button>
    </>
  );
}

/** The numbers as an inline SVG sparkline: a line and dots, oldest on the left; no chart library. */
function Sparkline({ history, chart, width, height }: { history: UseFieldHistoryResult; chart: FieldHistoryChart; width: number; height: number }) {
  const pad = Math.min(3, width / 4, height / 4);
  const x = (at: number) => Math.round((pad + at * (width - 2 * pad)) * 100) / 100;
  const y = (at: number) => Math.round((height - pad - at * (height - 2 * pad)) * 100) / 100;
  const { series } = chart;
  const dots = series.length <= MAX_DOTS ? series : [series[0]!, series[series.length - 1]!];
  return (
    <svg {...history.getChartProps()} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <polyline
        {...history.getPartProps(parts.chartLine)}
        points={series.map((point) => `${x(point.x)},${y(point.y)}`).join(" ")}
        fill="none"
        strokeWidth={1.5}
        strokeLinejoin="round"
        strokeLinecap="round"
        style={{ stroke: "var(--rat-field-history-line, currentColor)" }}
      />
      {dots.map((point) => (
        <circle key={point.item.key} {...history.getPartProps(parts.chartDot)} cx={x(point.x)} cy={y(point.y)} r={2} style={{ fill: "var(--rat-field-history-dot, currentColor)" }}>
          <title>{point.text}</title>
        </circle>
      ))}
    </svg>
  );
}
