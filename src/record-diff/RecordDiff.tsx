import type { HTMLAttributes } from "react";
import { describeUnreadableRow } from "../shared/describeUnreadableRow";
import { DiffValue, type RenderValue } from "./DiffValue";
import { recordDiffParts as parts } from "./parts";
import { useRecordDiff, type RecordDiffRow, type UseRecordDiffOptions, type UseRecordDiffResult } from "./useRecordDiff";
import { VisuallyHidden } from "./VisuallyHidden";

/** Props of {@link RecordDiff}: the options of `useRecordDiff`, rendering options, and the root `<div>`'s own props. */
export interface RecordDiffProps extends UseRecordDiffOptions, Omit<HTMLAttributes<HTMLDivElement>, keyof UseRecordDiffOptions | "children"> {
  /** Renders values your way (an image, a currency, a reference by its title); see {@link RenderValue}. */
  renderValue?: RenderValue;
  /** Texts longer than this many characters are cut, with a "Show all" button. Default 2,000. */
  maxValueLength?: number;
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
  const {
    previousData,
    data,
    log,
    changes,
    ignore,
    getItemId,
    minTextDiffLength,
    fields,
    showUnchanged,
    defaultShowUnchanged,
    onShowUnchangedChange,
    pageSize,
    view,
    locale,
    timeZone,
    renderValue,
    maxValueLength = 2000,
    ...rootProps
  } = props;
  const diff = useRecordDiff({
    previousData,
    data,
    log,
    changes,
    ignore,
    getItemId,
    minTextDiffLength,
    fields,
    showUnchanged,
    defaultShowUnchanged,
    onShowUnchangedChange,
    pageSize,
    view,
    locale,
    timeZone,
  });
  const { t } = diff;
  if (diff.error) {
    const identity = describeUnreadableRow(diff.error.raw);
    return (
      <div {...diff.getRootProps(rootProps)}>
        <div data-part={parts.fallback}>
          <p>{t("auditLog.recordDiff.malformed", "This change cannot be shown: the log entry could not be read.")}</p>
          <details>
            <summary>{t("auditLog.recordDiff.malformedDetails", "Details")}</summary>
            <p>{diff.error.reason}</p>
            {/* Only what identifies the row: its data may hold fields that `fields` redacts or hides. */}
            {identity && <code data-part={parts.json}>{identity}</code>}
          </details>
        </div>
      </div>
    );
  }
  const rowProps = { diff, renderValue, maxValueLength };
  return (
    <div {...diff.getRootProps(rootProps)}>
      {diff.isEmpty && <p data-part={parts.emptyState}>{t("auditLog.recordDiff.noChanges", "No changes")}</p>}
      {diff.unchangedCount > 0 && <button {...diff.getToggleUnchangedProps()} />}
      {diff.rows.length > 0 &&
        (diff.view === "split" ? (
          <table data-part={parts.table}>
            <thead>
              <tr>
                <th scope="col">{t("auditLog.recordDiff.column.field", "Field")}</th>
                <th scope="col">{t("auditLog.recordDiff.column.before", "Before")}</th>
                <th scope="col">{t("auditLog.recordDiff.column.after", "After")}</th>
              </tr>
            </thead>
            <tbody>
              {diff.rows.map((row) => (
                <SplitRow key={row.key} row={row} {...rowProps} />
              ))}
            </tbody>
          </table>
        ) : (
          <dl data-part={parts.list}>
            {diff.rows.map((row) => (
              <UnifiedRow key={row.key} row={row} {...rowProps} />
            ))}
          </dl>
        ))}
      {diff.hasMore && <button {...diff.getShowMoreProps()} />}
    </div>
  );
}

interface RowProps {
  diff: UseRecordDiffResult;
  row: RecordDiffRow;
  renderValue: RenderValue | undefined;
  maxValueLength: number;
}

/** The kind of change in words: visible, except for unchanged rows (nothing to flag there). */
function Kind({ row }: { row: RecordDiffRow }) {
  return row.change.kind === "unchanged" ? <VisuallyHidden data-part={parts.kind}>{row.kindText}</VisuallyHidden> : <span data-part={parts.kind}>{row.kindText}</span>;
}

function Note({ row }: { row: RecordDiffRow }) {
  return row.noteText ? (
    <>
      {" "}
      <span data-part={parts.note}>({row.noteText})</span>
    </>
  ) : null;
}

function Inferred({ row, diff }: { row: RecordDiffRow; diff: UseRecordDiffResult }) {
  if (!row.change.isBeforeInferred || !row.hasBefore) return null;
  return (
    <>
      {" "}
      <span data-part={parts.inferred} title={diff.t("auditLog.recordDiff.inferredTitle", "This log entry does not hold the old value: it was reconstructed from earlier entries.")}>
        ({diff.t("auditLog.recordDiff.inferred", "inferred")})
      </span>
    </>
  );
}

/** Values that fill the row on their own: no before/after pair to compare. */
const isSingleValue = (row: RecordDiffRow) => row.isRedacted || row.change.kind === "unchanged" || row.change.kind === "moved";
/** A word diff is shown when the texts share words (else old and new are shown whole) and no field formatter takes over. */
const hasTextDiff = (row: RecordDiffRow) =>
  row.change.kind === "changed" && !row.field?.format && !row.isRedacted && (row.change.text?.some((segment) => segment.type === "equal") ?? false);

function UnifiedRow({ row, ...rest }: RowProps) {
  const { diff } = rest;
  const value = (side: "before" | "after") => <DiffValue row={row} side={side} {...rest} />;
  let body;
  if (isSingleValue(row)) body = value("after");
  else if (!row.hasBefore) body = <ins data-part={parts.after}>{value("after")}</ins>;
  else if (!row.hasAfter) body = <del data-part={parts.before}>{value("before")}</del>;
  else if (hasTextDiff(row)) body = <DiffValue row={row} side="after" textMode="merged" {...rest} />;
  else {
    body = (
      <>
        <del data-part={parts.before}>{value("before")}</del>
        <Inferred row={row} diff={diff} />{" "}
        <span data-part={parts.arrow} aria-hidden="true">
          →
        </span>
        <VisuallyHidden>{diff.t("auditLog.recordDiff.to", "to")}</VisuallyHidden> <ins data-part={parts.after}>{value("after")}</ins>
      </>
    );
  }
  return (
    <div {...diff.getRowProps(row)}>
      <dt data-part={parts.label}>{row.label}</dt>
      <dd data-part={parts.value}>
        <Kind row={row} /> {body}
        {hasTextDiff(row) && <Inferred row={row} diff={diff} />}
        <Note row={row} />
      </dd>
    </div>
  );
}

function SplitRow({ row, ...rest }: RowProps) {
  const { diff } = rest;
  const cell = (side: "before" | "after") => {
    const isPresent = side === "before" ? row.hasBefore : row.hasAfter;
    let content = null;
    if (isPresent && hasTextDiff(row)) content = <DiffValue row={row} side={side} textMode={side} {...rest} />;
    else if (isPresent && side === "before") content = <del data-part={parts.before}><DiffValue row={row} side="before" {...rest} /></del>;
    else if (isPresent) content = <ins data-part={parts.after}><DiffValue row={row} side="after" {...rest} /></ins>;
    return (
      <td data-part={parts.value} data-side={side}>
        {content}
        {side === "before" && <Inferred row={row} diff={diff} />}
      </td>
    );
  };
  return (
    <tr {...diff.getRowProps(row)}>
      <th scope="row">
        <span data-part={parts.label}>{row.label}</span> <Kind row={row} />
        <Note row={row} />
      </th>
      {isSingleValue(row) ? (
        <td data-part={parts.value} colSpan={2}>
          <DiffValue row={row} side="after" {...rest} />
        </td>
      ) : (
        <>
          {cell("before")}
          {cell("after")}
        </>
      )}
    </tr>
  );
}
