import { createAnatomy } from "../shared/anatomy";

/**
 * The `data-scope` of every element `<FieldHistory>` renders:
 * `[data-scope="field-history"][data-part="point"]`. Selectors never reach into another
 * component's parts of the same name.
 */
export const FIELD_HISTORY_SCOPE = "field-history";

/**
 * The anatomy of `<FieldHistory>` (see `createAnatomy`): its scope and every part,
 * declared once. `fieldHistoryAnatomy.attrs(part)` gives an element its `data-scope` and
 * `data-part`; `fieldHistoryAnatomy.selector(part)` finds it (in CSS, tests, stories).
 *
 * @example
 * container.querySelectorAll(fieldHistoryAnatomy.selector(fieldHistoryParts.point))
 */
export const fieldHistoryAnatomy = /* @__PURE__ */ createAnatomy(FIELD_HISTORY_SCOPE, {
  /**
   * The root `<div>`. `data-state="loading" | "error" | "empty" | "ready" | "unconfigured"`;
   * `data-field` (the field's dotted path), `data-hidden` when the policy hides the field,
   * `data-redacted` when it redacts it; `aria-busy="true"` while history loads.
   */
  root: "root",
  /**
   * `<svg role="img">`: the numbers as a sparkline (two numeric values or more, `chart`
   * not `"none"`). Its `aria-label` tells the story in words ("Price over time: 45 on Nov
   * 3, 2024 to 39 on Nov 5, 2024; 4 values, lowest 39, highest 50"). Colours:
   * `--rat-field-history-line` and `--rat-field-history-dot` (default `currentColor`).
   */
  chart: "chart",
  /** `<polyline>` of the sparkline, oldest value on the left. */
  chartLine: "chart-line",
  /** `<circle>` for one value of the sparkline (every value up to 50, else the first and the last), with a `<title>`. */
  chartDot: "chart-dot",
  /** `<ol>` of the values, newest first, labelled "History of {field}" (no heading of its own). */
  list: "list",
  /**
   * `<li>` for one value (one log entry): `data-log-id`, `data-kind="created" | "changed" |
   * "written" | "removed" | "deleted"`, `data-before-unknown` (earlier value not
   * recorded), `data-inferred` (the earlier value was reconstructed), `data-redacted`,
   * `data-incomplete` (too large to compare in full), `data-named`.
   */
  point: "point",
  /** `<span>`: the value after the entry, as text (never markup). */
  value: "value",
  /** `<span>`: an empty value said in words ("empty", "empty list"…). */
  emptyValue: "empty-value",
  /** `<code>`: an object or array as compact one-line JSON. */
  json: "json",
  /** `<span>`: stands for a redacted value ("(hidden)"). */
  redacted: "redacted",
  /** `<span>`: a value whose own formatter or renderer failed, shown the default way; its `title` says why. */
  valueError: "value-error",
  /** `<button aria-expanded>`: shows a long value whole, or cuts it again. */
  showAll: "show-all",
  /** `<span>`: in place of the value when there is none: "record deleted", "field removed". */
  noValue: "no-value",
  /**
   * `<span>`: a word on how the value came: "(when created)", "(earlier value not
   * recorded)", "(too large to compare in full: it may not have changed)".
   */
  note: "note",
  /** `<span>`: who, when and the entry's name, after the value. */
  details: "details",
  /** `<span>`: "by Ada Lovelace", or "author not recorded" (`data-unknown`). */
  author: "author",
  /** `<time dateTime>`: the relative time ("2 days ago"); a `<span data-unknown>` "at an unknown time" without one. */
  time: "time",
  /** `<span>`: the absolute time with its time zone, visible beside the relative one. */
  absoluteTime: "absolute-time",
  /** `<span>`: the entry's name (a named version). */
  name: "name",
  /** `<p>`: "This field's history is hidden": the policy hides it, and no value is shown. */
  hidden: "hidden",
  /** `<p>`: "12 older values not shown" (past `maxPoints`). */
  omitted: "omitted",
  /** `<p role="note">`: some values were too large to compare in full (the work budget): those writes may not be changes. */
  incomplete: "incomplete",
  /** `<p>`: rows of the log could not be read; they may hold values of this field. */
  malformed: "malformed",
  /** `<p>`: more history exists than the kit reads (`MAX_AUDIT_LOG_PAGES` requests): older values may exist. */
  truncated: "truncated",
  /** `<button>`: reads the next (older) page of history from a provider that pages; `aria-busy` while it loads. */
  loadMore: "load-more",
  /** `<p role="status">`: "Loading history…". */
  status: "status",
  /** `<p>`: no value of the field is recorded. */
  empty: "empty",
  /** `<div role="alert">`: why the history (or more of it) could not be loaded. */
  error: "error",
  /** `<button>`: asks the provider again. */
  retry: "retry",
  /** `<p>`: no audit log provider with a `get` is configured in `<Refine>` (or no `<Refine>` at all). */
  unconfigured: "unconfigured",
  /** `<button aria-expanded aria-controls>` of `<FieldHistoryToggle>`: "History of Price". */
  toggle: "toggle",
  /** `<div>` of `<FieldHistoryToggle>`: the field's `<FieldHistory>`, while open (`hidden` otherwise). */
  disclosure: "disclosure",
} as const);

/**
 * Every `data-part` of `<FieldHistory>`, declared once: markup, styles.css, tests and
 * stories use these names. Each element also has `data-scope="field-history"`.
 */
export const fieldHistoryParts = fieldHistoryAnatomy.parts;

/** The name of one part of `<FieldHistory>`; see {@link fieldHistoryParts}. */
export type FieldHistoryPart = (typeof fieldHistoryParts)[keyof typeof fieldHistoryParts];
