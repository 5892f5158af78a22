import { createAnatomy } from "../shared/anatomy";

/** The `data-scope` of every element `<RecordDiff>` renders: `[data-scope="record-diff"]`. */
export const RECORD_DIFF_SCOPE = "record-diff";

/**
 * Every `data-part` `<RecordDiff>` renders, declared once: markup, styles.css, tests and
 * stories all use these names. Every element also carries `data-scope="record-diff"`,
 * so one selector form serves everything: `[data-scope="record-diff"][data-part="before"]`.
 */
export const recordDiffParts = {
  /** The root `<div role="group">`: `data-view="unified" | "split"`. */
  root: "root",
  /** `<dl>` holding the rows in the unified view. */
  list: "list",
  /** `<table>` holding the rows in the split view. */
  table: "table",
  /** One row (a `<div>` in the list, a `<tr>` in the table); carries `data-path`, `data-change`, `data-inferred`, `data-redacted`. */
  field: "field",
  /** The field's readable name: the `<dt>` in the unified view, a `<span>` in the row's `<th scope="row">` in the split view. */
  label: "label",
  /** The kind of change in words ("added", "changed", "moved from index 1 to 3"…). Visually hidden for unchanged rows. */
  kind: "kind",
  /** The value area (`<dd>`, or a `<td>` with `data-side="before" | "after"`; no `data-side` when it spans both columns). */
  value: "value",
  /** `<del>`: the old value, or a deleted run of words inside a word diff. */
  before: "before",
  /** `<ins>`: the new value, or an inserted run of words inside a word diff. */
  after: "after",
  /** `<span>`: an empty value said in words ("empty", "empty list"…). */
  empty: "empty",
  /** `<code>`: an object or array as compact one-line JSON. */
  json: "json",
  /**
   * `<img>`: the small thumbnail of an image field (`fields[…].type: "image"`), beside its
   * URL as text. Rendered only for an allowed `https:`/`http:` URL (never for a redacted
   * one), with `alt` from the field's label, `loading="lazy"` and `referrerPolicy="no-referrer"`.
   */
  image: "image",
  /** `<span>`: a long text shown as a word diff. */
  text: "text",
  /** `<span>`: an explanation (type changed, not compared further…). */
  note: "note",
  /** `<span>`: "(inferred)" next to a before-value reconstructed from earlier entries; its `title` explains. */
  inferred: "inferred",
  /** `<span>`: stands for a redacted value ("(hidden)"). */
  redacted: "redacted",
  /**
   * `<span>`: a record of another resource by its label (`fields[…].reference`), with
   * `data-id` (the id, or ids) and `data-state`: `loading` (the id shows), `resolved`,
   * `missing` ("#7 (deleted)"), `error` (the id shows; `title` says why) or `unresolved`
   * (outside Refine). `title` gives the id.
   */
  reference: "reference",
  /** `<span role="img" aria-label="to">`: the arrow between the old and the new value in the unified view (screen readers say "to"). */
  arrow: "arrow",
  /** `<button aria-expanded>`: shows or hides the unchanged fields. */
  toggleUnchanged: "toggle-unchanged",
  /** `<button>`: renders the next page of rows. */
  showMore: "show-more",
  /** `<button aria-expanded>`: shows a long value whole. */
  showAll: "show-all",
  /** `<p>`: "No changes". */
  emptyState: "empty-state",
  /** `<div>`: shown instead of the diff when a log entry cannot be read. */
  fallback: "fallback",
  /** `<span>`: stands for an earlier value the log never recorded ("earlier value not recorded"), in place of `before`. */
  notRecorded: "not-recorded",
  /**
   * `<p role="note">`: the diff was too large to compare in full within the work budget
   * ("Too large to compare in full: 12 more changes not shown"); `data-incomplete` when
   * even the count is a lower bound.
   */
  overflow: "overflow",
  /** `<span>`: a value whose own formatter or renderer failed, shown the default way; its `title` says why. */
  valueError: "value-error",
  /**
   * `<div>`: an added or removed object or list (an array item, a record set where there
   * was none, `null` → `{…}` too) shown as its fields, inside `before`/`after`, instead of
   * as JSON. Unchanged and moved items, and changes between two objects, are not.
   * `data-state="open" | "closed"`: closed, it shows its `object-name` and the toggle only.
   * Open at first when it has at most `maxOpenObjectFields` fields (default 6).
   */
  object: "object",
  /** `<span>`: what a closed object is called (its `name`, `title`, `label` or `sku`, or the list's `itemLabel`), when it has a name. */
  objectName: "object-name",
  /**
   * `<button aria-expanded aria-controls>`: shows or hides the object's fields ("Show 3
   * fields" / "Hide fields"; "Show 2 items" / "Hide items" for a list). A native button:
   * Tab reaches it, Enter and Space toggle it.
   */
  objectToggle: "object-toggle",
  /**
   * `<dl>`: the fields of an object, one per line; a nested object or list is a nested
   * `object-fields` in its field's `object-value`. The outermost one carries the `id` the
   * toggle's `aria-controls` names, and `hidden` while closed.
   */
  objectFields: "object-fields",
  /** `<div>`: one field of an object (`object-label` and `object-value`); `data-path` as a row's (`variants.2.price`). */
  objectField: "object-field",
  /** `<dt>`: a field's name in an object: its label in the policy (`fields`), else its key in words ("Unit price"); a list's item by its name, else "item 3". */
  objectLabel: "object-label",
  /** `<dd>`: a field's value in an object, formatted as a row's (its path's `format` or `type`), or its own `object-fields`. */
  objectValue: "object-value",
  /**
   * `<p>`: fields not shown ("3 more fields not shown"), after an object's fields: an object
   * view lists at most 200 fields, 6 levels deep; the rest is counted here, per object.
   */
  objectMore: "object-more",
  rowActions: "row-actions",
} as const;

/** The anatomy of `<RecordDiff>`: `attrs(part)` and `selector(part)` for every part. */
export const recordDiffAnatomy = /* @__PURE__ */ createAnatomy(RECORD_DIFF_SCOPE, recordDiffParts);

/** The name of one part of `<RecordDiff>`; see {@link recordDiffParts}. */
export type RecordDiffPart = (typeof recordDiffParts)[keyof typeof recordDiffParts];
