import { Fragment, useId, useMemo, useState, type ComponentType, type ReactNode } from "react";
import type { FieldChange, Path, TextSegment } from "../core/types";
import type { RecordDiffSide } from "../core/policy";
import { ErrorBoundary } from "../shared/ErrorBoundary";
import { flexRender, type Renderable } from "../shared/flexRender";
import { formatNumber } from "../core/intl";
import type { FormattedValue } from "../core/formatValue";
import type { ObjectField, ObjectFieldList } from "../core/listObjectFields";
import { toPathKey } from "../core/path";
import { plural } from "../core/plural";
import type { RecordDiffObjectFields } from "./getObjectFields";
import { recordDiffAnatomy as anatomy, recordDiffParts as parts } from "./parts";
import type { RecordDiffRow, UseRecordDiffResult } from "./useRecordDiff";
import { VisuallyHidden } from "./VisuallyHidden";

/** What {@link RenderValue} receives for one side of one row. */
export interface RenderValueProps {
  /** The value, as the policy leaves it (objects shown whole have hidden fields taken out and redacted ones as markers). */
  value: unknown;
  side: RecordDiffSide;
  change: FieldChange;
  path: Path;
  /** The value as `<RecordDiff>` would show it in words. */
  formatted: FormattedValue;
  locale: string | undefined;
  /** Renders the default markup: return it to fall back, or wrap it. */
  defaultRender: () => ReactNode;
}

/**
 * Renders values your way, flexRender-style: a component, or a render function. A
 * function is called during rendering like a component (it may use hooks, provided it
 * stays the same function), and returning `undefined` falls back to the default. Not
 * called for redacted values nor for runs of unchanged items. For a word-diffed text in
 * the unified view it is called once, with side `after`; `defaultRender` gives the merged diff.
 *
 * @example
 * renderValue={({ path, value }) => (path.at(-1) === "price" ? <Money value={value} /> : undefined)}
 */
export type RenderValue = ((props: RenderValueProps) => ReactNode | undefined) | ComponentType<RenderValueProps>;

/** How a word diff is shown: both sides merged (unified), or one side of it (split). */
export type TextDiffMode = "merged" | "before" | "after";

/** What rendering one side of a row needs from `<RecordDiff>`: stable across renders, so rows can be memoised. */
export interface DiffValueContext {
  getFormattedValue: UseRecordDiffResult["getFormattedValue"];
  t: UseRecordDiffResult["t"];
  locale: string | undefined;
  renderValue: RenderValue | undefined;
  maxValueLength: number;
  getObjectFields: UseRecordDiffResult["getObjectFields"];
  /** Objects with at most this many fields are open at first. */
  maxOpenObjectFields: number;
}

/**
 * One side of a row: the user's renderer if any, else the default by type. A plain
 * function, not a component: the default markup costs no component of its own (a diff
 * of a thousand rows renders several thousand values). Only a user's renderer gets one.
 */
export function renderDiffValue(context: DiffValueContext, row: RecordDiffRow, side: RecordDiffSide, textMode?: TextDiffMode): ReactNode {
  const formatted = context.getFormattedValue(row, side);
  const segments = textMode ? row.change.text : undefined;
  const defaultRender = () => {
    // An added or removed object or list: its fields, one per line, rather than JSON.
    const object = formatted.type === "json" && !segments ? context.getObjectFields(row, side, COUNTS_ONLY) : undefined;
    if (object) return <ObjectValue row={row} side={side} summary={object} context={context} />;
    const shown = segments ? <TextDiff segments={segments} mode={textMode!} maxLength={context.maxValueLength} diff={context} /> : renderFormattedValue(formatted, context.maxValueLength, context);
    if (formatted.type !== "image") return shown;
    // A thumbnail beside the URL as text; a word diff of two URLs (unified view) shows both, the old one first.
    const thumbnail = (value: FormattedValue) => renderThumbnail(value, row.label);
    return (
      <>
        {textMode === "merged" && thumbnail(context.getFormattedValue(row, "before"))}
        {thumbnail(formatted)}
        {shown}
      </>
    );
  };
  const { renderValue } = context;
  if (formatted.formatError !== undefined) {
    // The field's own formatter failed on this value: the default rendering, marked, with the reason as its title.
    return (
      <span {...anatomy.attrs(parts.valueError)} title={formatErrorTitle(context, formatted.formatError)}>
        {defaultRender()}
      </span>
    );
  }
  if (!renderValue || formatted.type === "redacted" || formatted.type === "summary") return defaultRender();
  const props: RenderValueProps = {
    value: side === "before" ? row.before : row.after,
    side,
    change: row.change,
    path: row.change.path,
    formatted,
    locale: context.locale,
    defaultRender,
  };
  // The kit's one render-prop mechanism; a render function's `undefined` falls back to the
  // default, and one that throws breaks this value only: the default rendering, marked.
  return (
    <ErrorBoundary
      resetKey={props.value}
      fallback={(error) => (
        <span {...anatomy.attrs(parts.valueError)} title={context.t("auditLog.recordDiff.renderError", "This value's renderer failed: {message}", { message: error.message })}>
          {defaultRender()}
        </span>
      )}
    >
      {flexRender(renderValue as Renderable<RenderValueProps>, props, defaultRender)}
    </ErrorBoundary>
  );
}

type Diff = Pick<UseRecordDiffResult, "t" | "locale">;

/** The thumbnail of an image value, when it may load (see `getImageSrc`). */
function renderThumbnail(value: FormattedValue, alt: string): ReactNode {
  return value.src ? <img {...anatomy.attrs(parts.image)} src={value.src} alt={alt} loading="lazy" referrerPolicy="no-referrer" width={48} height={48} /> : null;
}

// Only the counts: an object's fields are listed when it is open.
const COUNTS_ONLY = { maxValues: 0 } as const;

/**
 * An added or removed object or list as its fields, with a disclosure button: open at
 * first when it has few fields, else closed and named. Its fields are read only while open.
 */
function ObjectValue({ row, side, summary, context }: { row: RecordDiffRow; side: RecordDiffSide; summary: RecordDiffObjectFields; context: DiffValueContext }) {
  const { t, locale } = context;
  const [isOpen, setOpen] = useState(summary.count <= context.maxOpenObjectFields);
  const id = useId();
  const object = useMemo(() => (isOpen ? context.getObjectFields(row, side) : undefined), [isOpen, context, row, side]);
  const { count, isList, name } = summary;
  return (
    <div {...anatomy.attrs(parts.object)} data-state={isOpen ? "open" : "closed"}>
      {!isOpen && name !== undefined && (
        <>
          <span {...anatomy.attrs(parts.objectName)}>{name}</span>{" "}
        </>
      )}
      <button type="button" {...anatomy.attrs(parts.objectToggle)} aria-expanded={isOpen} aria-controls={id} onClick={() => setOpen(!isOpen)}>
        {isOpen
          ? isList
            ? t("auditLog.recordDiff.object.hideItems", "Hide items")
            : t("auditLog.recordDiff.object.hide", "Hide fields")
          : isList
            ? plural(t, locale, "auditLog.recordDiff.object.showItems", count, "Show {count} item", "Show {count} items")
            : plural(t, locale, "auditLog.recordDiff.object.show", count, "Show {count} field", "Show {count} fields")}
      </button>
      {object ? renderObjectFields(object, id, context) : <dl {...anatomy.attrs(parts.objectFields)} id={id} hidden />}
    </div>
  );
}

/**
 * The fields of an object as nested `<dl>`s, built bottom-up with an explicit stack (no
 * recursion over user data; the list is bounded already). The outermost `<dl>` gets `id`.
 */
function renderObjectFields(object: ObjectFieldList, id: string, context: DiffValueContext): ReactNode {
  type Frame = { list: ObjectFieldList; index: number; items: ReactNode[]; field?: ObjectField; parent?: Frame };
  const stack: Frame[] = [{ list: object, index: 0, items: [] }];
  let result: ReactNode = null;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const field = frame.list.fields[frame.index];
    if (field) {
      frame.index++;
      if (field.fields) stack.push({ list: field.fields, index: 0, items: [], field, parent: frame });
      else frame.items.push(renderObjectField(field, renderFieldValue(field.value!, field.label, context)));
      continue;
    }
    stack.pop();
    const { list, items, parent } = frame;
    const content = (
      <>
        {(!parent || items.length > 0) && (
          <dl {...anatomy.attrs(parts.objectFields)} id={parent ? undefined : id}>
            {items}
          </dl>
        )}
        {list.omittedCount > 0 && (
          <p {...anatomy.attrs(parts.objectMore)}>
            {list.isList
              ? plural(context.t, context.locale, "auditLog.recordDiff.object.moreItems", list.omittedCount, "{count} more item not shown", "{count} more items not shown")
              : plural(context.t, context.locale, "auditLog.recordDiff.object.more", list.omittedCount, "{count} more field not shown", "{count} more fields not shown")}
          </p>
        )}
      </>
    );
    if (parent) parent.items.push(renderObjectField(frame.field!, content));
    else result = content;
  }
  return result;
}

function renderObjectField(field: ObjectField, content: ReactNode): ReactNode {
  return (
    <div key={field.key} {...anatomy.attrs(parts.objectField)} data-path={toPathKey(field.path)}>
      <dt {...anatomy.attrs(parts.objectLabel)}>{field.label}</dt>
      <dd {...anatomy.attrs(parts.objectValue)}>{content}</dd>
    </div>
  );
}

/** A field's value in an object, as a row's value is shown (a thumbnail for an image, the marker for a failed formatter). */
function renderFieldValue(value: FormattedValue, label: string, context: DiffValueContext): ReactNode {
  const shown = (
    <>
      {value.type === "image" && renderThumbnail(value, label)}
      {renderFormattedValue(value, context.maxValueLength, context)}
    </>
  );
  return value.formatError === undefined ? shown : <span {...anatomy.attrs(parts.valueError)} title={formatErrorTitle(context, value.formatError)}>{shown}</span>;
}

const formatErrorTitle = (context: Diff, message: string) => context.t("auditLog.recordDiff.formatError", "This field's formatter failed: {message}", { message });

/** The default markup of a formatted value. */
function renderFormattedValue(formatted: FormattedValue, maxLength: number, diff: Diff): ReactNode {
  switch (formatted.type) {
    case "empty":
      return <span {...anatomy.attrs(parts.empty)}>{formatted.text}</span>;
    case "json":
      return <code {...anatomy.attrs(parts.json)}>{formatted.text}</code>;
    case "date":
    case "duration":
      return <time dateTime={formatted.dateTime}>{formatted.text}</time>;
    case "redacted":
      return <span {...anatomy.attrs(parts.redacted)}>{formatted.text}</span>;
    case "reference":
      return (
        <span {...anatomy.attrs(parts.reference)} data-state={formatted.referenceStatus ?? "unresolved"} data-id={formatted.referenceIds} title={referenceTitle(formatted, diff)}>
          {formatted.text}
        </span>
      );
    case "text":
    case "image":
      return formatted.text.length > maxLength ? <TruncatedText text={formatted.text} maxLength={maxLength} diff={diff} /> : formatted.text;
    default:
      return formatted.text;
  }
}

/** The tooltip of a reference: its id(s), and why the label is missing when it is. */
function referenceTitle(formatted: FormattedValue, diff: Diff): string | undefined {
  const ids = formatted.referenceIds ?? "";
  if (formatted.referenceStatus === "loading") return diff.t("auditLog.reference.loading", "Loading the name of #{id}…", { id: ids });
  if (formatted.referenceStatus === "error") return diff.t("auditLog.reference.error", "The name of #{id} could not be loaded", { id: ids });
  if (formatted.referenceStatus === "resolved") return diff.t("auditLog.reference.id", "#{id}", { id: ids });
  return undefined;
}

/** A long text cut at `maxLength`, with a button that shows it whole. */
function TruncatedText({ text, maxLength, diff }: { text: string; maxLength: number; diff: Diff }) {
  const [isExpanded, setExpanded] = useState(false);
  return (
    <>
      {isExpanded ? text : `${cut(text, maxLength)}…`} <ShowAllButton isExpanded={isExpanded} onToggle={setExpanded} length={text.length} diff={diff} />
    </>
  );
}

// Context kept on each side of a long unchanged run of words when a text diff is collapsed.
const CONTEXT = 120;

/**
 * A word diff: equal text as text, deleted words in `<del>`, inserted ones in `<ins>`.
 * When the text is longer than `maxLength`, long equal runs keep only some context and
 * long changed runs are cut, with a button that shows everything.
 */
function TextDiff({ segments, mode, maxLength, diff }: { segments: readonly TextSegment[]; mode: TextDiffMode; maxLength: number; diff: Diff }) {
  const { t } = diff;
  const [isExpanded, setExpanded] = useState(false);
  const deleted = `${t("auditLog.recordDiff.deletedText", "deleted:")} `;
  const inserted = `${t("auditLog.recordDiff.insertedText", "inserted:")} `;
  const shown = segments.filter((s) => s.type === "equal" || mode === "merged" || (mode === "before") === (s.type === "delete"));
  const total = shown.reduce((sum, s) => sum + s.text.length, 0);
  const collapse = total > maxLength && !isExpanded;
  const last = shown.length - 1;
  return (
    <span {...anatomy.attrs(parts.text)}>
      {shown.map((segment, i) => {
        const text = collapse ? elide(segment, i === 0, i === last, maxLength) : segment.text;
        if (segment.type === "equal") return <Fragment key={i}>{text}</Fragment>;
        const isDelete = segment.type === "delete";
        return (
          <Fragment key={i}>
            <VisuallyHidden>{isDelete ? deleted : inserted}</VisuallyHidden>
            {isDelete ? <del {...anatomy.attrs(parts.before)}>{text}</del> : <ins {...anatomy.attrs(parts.after)}>{text}</ins>}
          </Fragment>
        );
      })}
      {total > maxLength && (
        <>
          {" "}
          <ShowAllButton isExpanded={isExpanded} onToggle={setExpanded} length={total} diff={diff} />
        </>
      )}
    </span>
  );
}

function elide(segment: TextSegment, isFirst: boolean, isLast: boolean, maxLength: number): string {
  const { text } = segment;
  const keep = segment.type === "equal" ? CONTEXT : Math.floor(maxLength / 2);
  if (text.length <= keep * 2 + 1) return text;
  if (segment.type === "equal" && isFirst) return `…${text.slice(-keep)}`;
  if (segment.type === "equal" && isLast) return `${cut(text, keep)}…`;
  return `${cut(text, keep)} … ${text.slice(-keep)}`;
}

/** The first `length` characters, without splitting a surrogate pair. */
function cut(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

function ShowAllButton({ isExpanded, onToggle, length, diff }: { isExpanded: boolean; onToggle: (expanded: boolean) => void; length: number; diff: Diff }) {
  const { t, locale } = diff;
  return (
    /** `data-part="show-all"` with `aria-expanded`: shows a long value whole, or cuts it again. */
    <button type="button" {...anatomy.attrs(parts.showAll)} aria-expanded={isExpanded} onClick={() => onToggle(!isExpanded)}>
      {isExpanded ? t("auditLog.recordDiff.showLess", "Show less") : t("auditLog.recordDiff.showAll", "Show all ({count} characters)", { count: formatNumber(length, locale) })}
    </button>
  );
}
