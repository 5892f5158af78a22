import { memo, useMemo, type HTMLAttributes, type ReactNode } from "react";
import { describeUnreadableRow } from "../shared/describeUnreadableRow";
import { renderDiffValue, type DiffValueContext, type RenderValue } from "./renderDiffValue";
import { recordDiffAnatomy as anatomy, recordDiffParts as parts } from "./parts";
import { splitProps } from "../shared/splitProps";
import { getRowProps, recordDiffOptionKeys, useRecordDiff, type RecordDiffRow, type UseRecordDiffOptions, type UseRecordDiffResult } from "./useRecordDiff";
import { VisuallyHidden } from "./VisuallyHidden";

/** Props of {@link RecordDiff}: the options of `useRecordDiff`, rendering options, and the root `<div>`'s own props. */
export interface RecordDiffProps extends UseRecordDiffOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof UseRecordDiffOptions | "children"> {
  /** Renders values your way (an image, a currency, a reference by its title); see {@link RenderValue}. */
  renderValue?: RenderValue;
  /** Texts longer than this many characters are cut, with a "Show all" button. Default 2,000. */
  maxValueLength?: number;
  /**
   * An added or removed object or list (an array item, a record set where there was none)
   * shows as its fields, one per line (`data-part="object"`), behind a "Show 3 fields" /
   * "Hide fields" button. With at most this many fields it is open at first; a larger one
   * starts closed, with its name. Default 6 (0: all closed; `Infinity`: all open).
   */
  maxOpenObjectFields?: number;
  /**
   * Controls for one row (a "Revert" button, "History of Price"), rendered at the end of
   * the row in `data-part="row-actions"`. Return `null` for none. Keep it stable
   * (`useCallback`): rows are memoised on it.
   *
   * @example
   * <RecordDiff log={entry} renderRowActions={(row) => <button onClick={() => openHistory(row.change.path)}>History</button>} />
   */
  renderRowActions?: (row: RecordDiffRow) => ReactNode;
}

/**
 * Shows what changed in a record: changed fields by default, unchanged ones folded into
 * a count, as a unified list or a split Before/After table. Unstyled: style it through
 * its data attributes (or import `refine-audit-trail/styles.css`).
 *
 * @example
 * <RecordDiff previousData={{ price: 50 }} data={{ price: 100 }} />
 * <RecordDiff log={logEntry} view="split" fields={{ password: { redact: true } }} />
 */
export function RecordDiff(props: RecordDiffProps) {
  const [options, { renderValue, maxValueLength = 2000, maxOpenObjectFields = 6, renderRowActions, ...rootProps }] = splitProps(props, recordDiffOptionKeys);
  const diff = useRecordDiff(options);
  const { t } = diff;
  if (diff.error) {
    const identity = describeUnreadableRow(diff.error.raw);
    return (
      <div {...diff.getRootProps(rootProps)}>
        <div {...anatomy.attrs(parts.fallback)}>
          <p>{t("auditLog.recordDiff.malformed", "This change cannot be shown: the log entry could not be read.")}</p>
          <details>
            <summary>{t("auditLog.recordDiff.malformedDetails", "Details")}</summary>
            <p>{diff.error.reason}</p>
            {/* Only what identifies the row: its data may hold fields that `fields` redacts or hides. */}
            {identity && <code {...anatomy.attrs(parts.json)}>{identity}</code>}
          </details>
        </div>
      </div>
    );
  }
  return (
    <div {...diff.getRootProps(rootProps)}>
      {diff.isEmpty && !diff.overflow && <p {...anatomy.attrs(parts.emptyState)}>{t("auditLog.recordDiff.noChanges", "No changes")}</p>}
      {diff.unchangedCount > 0 && <button {...diff.getToggleUnchangedProps()} />}
      {diff.rows.length > 0 && <Rows diff={diff} renderValue={renderValue} maxValueLength={maxValueLength} maxOpenObjectFields={maxOpenObjectFields} renderRowActions={renderRowActions} />}
      {diff.hasMore && <button {...diff.getShowMoreProps()} />}
      {diff.overflowText && (
        <p {...anatomy.attrs(parts.overflow)} role="note" data-incomplete={diff.overflow?.isIncomplete ? "" : undefined}>
          {diff.overflowText}
        </p>
      )}
    </div>
  );
}

/** The rows, as a list or a table. Rows are memoised: "Show more" or a parent's render renders only what changed. */
function Rows({
  diff,
  renderValue,
  maxValueLength,
  maxOpenObjectFields,
  renderRowActions,
}: {
  diff: UseRecordDiffResult;
  renderValue: RenderValue | undefined;
  maxValueLength: number;
  maxOpenObjectFields: number;
  renderRowActions: ((row: RecordDiffRow) => ReactNode) | undefined;
}) {
  const { getFormattedValue, getObjectFields, t, locale } = diff;
  const context = useMemo<RowContext>(
    () => ({
      getFormattedValue,
      getObjectFields,
      t,
      locale,
      renderValue,
      maxValueLength,
      maxOpenObjectFields,
      to: t("auditLog.recordDiff.to", "to"),
      notRecorded: t("auditLog.recordDiff.notRecorded", "earlier value not recorded"),
      renderRowActions,
    }),
    [getFormattedValue, getObjectFields, t, locale, renderValue, maxValueLength, maxOpenObjectFields, renderRowActions],
  );
  if (diff.view === "split") {
    return (
      <table {...anatomy.attrs(parts.table)}>
        <thead>
          <tr>
            <th scope="col">{t("auditLog.recordDiff.column.field", "Field")}</th>
            <th scope="col">{t("auditLog.recordDiff.column.before", "Before")}</th>
            <th scope="col">{t("auditLog.recordDiff.column.after", "After")}</th>
          </tr>
        </thead>
        <tbody>
          {diff.rows.map((row) => (
            <SplitRow key={row.key} row={row} context={context} />
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <dl {...anatomy.attrs(parts.list)}>
      {diff.rows.map((row) => (
        <UnifiedRow key={row.key} row={row} context={context} />
      ))}
    </dl>
  );
}

/** What every row needs, stable across renders (see {@link DiffValueContext}), and the words between two values. */
interface RowContext extends DiffValueContext {
  to: string;
  notRecorded: string;
  renderRowActions: ((row: RecordDiffRow) => ReactNode) | undefined;
}

/** The row's own controls (`renderRowActions`), when it has any. */
function renderActions(row: RecordDiffRow, context: RowContext) {
  const actions = context.renderRowActions?.(row);
  return actions == null || actions === false ? null : (
    <>
      {" "}
      <span {...anatomy.attrs(parts.rowActions)}>{actions}</span>
    </>
  );
}

interface RowProps {
  row: RecordDiffRow;
  context: RowContext;
}

// The parts of a row are plain functions, not components: a row is one component, whatever it holds.

/** The kind of change in words: visible, except for unchanged rows (nothing to flag there). */
function renderKind(row: RecordDiffRow) {
  return row.change.kind === "unchanged" ? <VisuallyHidden {...anatomy.attrs(parts.kind)}>{row.kindText}</VisuallyHidden> : <span {...anatomy.attrs(parts.kind)}>{row.kindText}</span>;
}

function renderNote(row: RecordDiffRow) {
  return row.noteText ? (
    <>
      {" "}
      <span {...anatomy.attrs(parts.note)}>({row.noteText})</span>
    </>
  ) : null;
}

function renderInferred(row: RecordDiffRow, context: RowContext) {
  if (!row.change.isBeforeInferred || !row.hasBefore) return null;
  return (
    <>
      {" "}
      <span {...anatomy.attrs(parts.inferred)} title={context.t("auditLog.recordDiff.inferredTitle", "This log entry does not hold the old value: it was reconstructed from earlier entries.")}>
        ({context.t("auditLog.recordDiff.inferred", "inferred")})
      </span>
    </>
  );
}

/**
 * The arrow between the old and the new value. Screen readers say "to": the arrow is an
 * image named by the word (one element, no visually hidden text, which costs a
 * positioned box per row).
 */
function renderArrow(context: RowContext) {
  // The spaces around the arrow are inside it: two text nodes fewer per row.
  return (
    <span {...anatomy.attrs(parts.arrow)} role="img" aria-label={context.to}>
      {" → "}
    </span>
  );
}

/** Where the old value would be: the log never recorded it (never "empty", never "added"). */
function renderNotRecorded(context: RowContext) {
  return <span {...anatomy.attrs(parts.notRecorded)}>{context.notRecorded}</span>;
}

/** Values that fill the row on their own: no before/after pair to compare. */
const isSingleValue = (row: RecordDiffRow) => row.isRedacted || row.change.kind === "unchanged" || row.change.kind === "moved";
/** A word diff is shown when the texts share words (else old and new are shown whole) and no field formatter takes over. */
const hasTextDiff = (row: RecordDiffRow) =>
  row.change.kind === "changed" &&
  !row.field?.format &&
  // A reference reads as the record's label, never as a word diff of two ids.
  !row.field?.reference &&
  // A typed value reads as its label or number (an image as its URL: a word diff suits it).
  (!row.field?.type || row.field.type === "image") &&
  !row.isRedacted &&
  (row.change.text?.some((segment) => segment.type === "equal") ?? false);

// Pure annotations let bundlers drop unused components from the single-file build.
const UnifiedRow = /* @__PURE__ */ memo(function UnifiedRow({ row, context }: RowProps) {
  // The value area's children are listed flat (no fragment): one fiber fewer per row.
  const isMerged = !isSingleValue(row) && row.hasBefore && row.hasAfter && hasTextDiff(row);
  let single = null;
  let before = null;
  let arrow = null;
  let after = null;
  if (isSingleValue(row)) single = renderDiffValue(context, row, "after");
  else if (isMerged) single = renderDiffValue(context, row, "after", "merged");
  else {
    if (row.hasBefore) before = <del {...anatomy.attrs(parts.before)}>{renderDiffValue(context, row, "before")}</del>;
    else if (row.isBeforeUnknown) before = renderNotRecorded(context);
    if (row.hasAfter) after = <ins {...anatomy.attrs(parts.after)}>{renderDiffValue(context, row, "after")}</ins>;
    if ((row.hasBefore || row.isBeforeUnknown) && row.hasAfter) arrow = renderArrow(context);
  }
  return (
    <div {...getRowProps(row)}>
      <dt {...anatomy.attrs(parts.label)}>{row.label}</dt>
      <dd {...anatomy.attrs(parts.value)}>
        {renderKind(row)} {single}
        {before}
        {arrow && renderInferred(row, context)}
        {arrow}
        {after}
        {isMerged && renderInferred(row, context)}
        {renderNote(row)}
        {renderActions(row, context)}
      </dd>
    </div>
  );
});

const SplitRow = /* @__PURE__ */ memo(function SplitRow({ row, context }: RowProps) {
  const isTextDiff = hasTextDiff(row);
  const cell = (side: "before" | "after") => {
    const isPresent = side === "before" ? row.hasBefore : row.hasAfter;
    let content = null;
    if (side === "before" && row.isBeforeUnknown) content = renderNotRecorded(context);
    else if (isPresent && isTextDiff) content = renderDiffValue(context, row, side, side);
    else if (isPresent && side === "before") content = <del {...anatomy.attrs(parts.before)}>{renderDiffValue(context, row, "before")}</del>;
    else if (isPresent) content = <ins {...anatomy.attrs(parts.after)}>{renderDiffValue(context, row, "after")}</ins>;
    return (
      <td {...anatomy.attrs(parts.value)} data-side={side}>
        {content}
        {side === "before" && renderInferred(row, context)}
      </td>
    );
  };
  return (
    <tr {...getRowProps(row)}>
      <th scope="row">
        <span {...anatomy.attrs(parts.label)}>{row.label}</span> {renderKind(row)}
        {renderNote(row)}
        {renderActions(row, context)}
      </th>
      {isSingleValue(row) ? (
        <td {...anatomy.attrs(parts.value)} colSpan={2}>
          {renderDiffValue(context, row, "after")}
        </td>
      ) : (
        <>
          {cell("before")}
          {cell("after")}
        </>
      )}
    </tr>
  );
});
