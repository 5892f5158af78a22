/**
 * The floors of the benchmark: plain React rows for a list of changes computed before the
 * timed region, every piece of text already written. No diffing, no formatting, no
 * state, no component per row: what any renderer of the same rows must at least pay in
 * React, style and layout.
 *
 * - `FloorDiff` shows what `<RecordDiff>` shows by default, as plain text: the field's
 *   label, the change in words, and the old and new values (formatted as the kit formats
 *   them, but before the timed region) in `<del>` and `<ins>`.
 * - `BareFloorDiff` shows only the path and the raw values (a stricter floor, reported for
 *   reference).
 * - `MarkupFloorDiff` writes exactly the markup `<RecordDiff>` renders by default (its
 *   documented parts and data attributes), from the same precomputed text: the cost of
 *   that markup alone, without any of the kit's logic.
 */
import { computeChanges } from "../src/core/computeChanges";
import { formatPath } from "../src/core/path";
import type { FieldChange } from "../src/core/types";
import { formatValue } from "../src/core/formatValue";

/** One precomputed row: everything it shows, as text. */
export interface FloorRow {
  key: string;
  path: string;
  kind: FieldChange["kind"];
  label: string;
  kindText: string;
  before: string | undefined;
  after: string | undefined;
  rawBefore: string | undefined;
  rawAfter: string | undefined;
  /** For values shown as dates: the machine-readable instant, as `<time dateTime>` takes it. */
  beforeDateTime?: string;
  afterDateTime?: string;
}

const toRawText = (value: unknown): string => (typeof value === "string" ? value : value !== null && typeof value === "object" ? JSON.stringify(value) : String(value));
const format = (value: unknown) => formatValue(value, { locale: "en-US" });

function describe(change: FieldChange): string {
  if (change.kind === "moved") return `moved from index ${change.fromIndex} to ${String(change.path[change.path.length - 1])}`;
  return change.kind;
}

/**
 * The rows `<RecordDiff>` shows by default (every change but the unchanged ones). A moved
 * item shows its value once, as the kit does; long texts are kept whole on both sides.
 */
export function toFloorRows(before: unknown, after: unknown): FloorRow[] {
  return computeChanges(before, after)
    .filter((change) => change.kind !== "unchanged")
    .map((change) => {
      const hasBefore = change.kind !== "added" && change.kind !== "moved";
      const hasAfter = change.kind !== "removed";
      const before = hasBefore ? format(change.before) : undefined;
      const after = hasAfter ? format(change.after) : undefined;
      return {
        key: `${change.kind}:${change.key}`,
        path: change.key,
        kind: change.kind,
        label: change.path.length === 0 ? "Value" : formatPath(change.path),
        kindText: describe(change),
        before: before?.text,
        after: after?.text,
        beforeDateTime: before?.dateTime,
        afterDateTime: after?.dateTime,
        rawBefore: change.kind !== "added" ? toRawText(change.before) : undefined,
        rawAfter: hasAfter ? toRawText(change.after) : undefined,
      };
    });
}

/** The floor: `<dl>` of `<div><dt>label</dt><dd>kind <del>old</del> → <ins>new</ins></dd></div>`, all text precomputed. */
export function FloorDiff({ rows }: { rows: readonly FloorRow[] }) {
  return (
    <dl>
      {rows.map((row) => (
        <div key={row.key} data-change={row.kind}>
          <dt>{row.label}</dt>
          <dd>
            {row.kindText} {row.before !== undefined && <del>{row.before}</del>}
            {row.before !== undefined && row.after !== undefined && " → "}
            {row.after !== undefined && <ins>{row.after}</ins>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The bare floor: path and raw values only, `<div><dt>path</dt><dd><del>old</del> <ins>new</ins></dd></div>`. */
export function BareFloorDiff({ rows }: { rows: readonly FloorRow[] }) {
  return (
    <dl>
      {rows.map((row) => (
        <div key={row.key}>
          <dt>{row.key}</dt>
          <dd>
            {row.rawBefore !== undefined && <del>{row.rawBefore}</del>} {row.rawAfter !== undefined && <ins>{row.rawAfter}</ins>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const value = (text: string, dateTime: string | undefined) => (dateTime ? <time dateTime={dateTime}>{text}</time> : text);

/** The kit's default markup, written by hand from precomputed text (see the module comment). */
export function MarkupFloorDiff({ rows, unchangedCount }: { rows: readonly FloorRow[]; unchangedCount: number }) {
  return (
    <div data-scope="record-diff" data-view="unified" role="group" aria-label="Changes">
      {unchangedCount > 0 && (
        <button type="button" data-part="toggle-unchanged" aria-expanded="false">
          Show {unchangedCount} unchanged fields
        </button>
      )}
      <dl data-part="list">
        {rows.map((row) => (
          <div key={row.key} data-part="field" data-path={row.path} data-change={row.kind}>
            <dt data-part="label">{row.label}</dt>
            <dd data-part="value">
              <span data-part="kind">{row.kindText}</span> {row.before !== undefined && <del data-part="before">{value(row.before, row.beforeDateTime)}</del>}
              {row.before !== undefined && row.after !== undefined && (
                <span data-part="arrow" role="img" aria-label="to">
                  {" → "}
                </span>
              )}
              {row.after !== undefined && <ins data-part="after">{value(row.after, row.afterDateTime)}</ins>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
