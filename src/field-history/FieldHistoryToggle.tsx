import { useId, useState, type HTMLAttributes } from "react";
import type { Path } from "../core/types";
import { useAuditTranslate } from "../refine/useAuditTranslate";
import { mergeProps } from "../shared/mergeProps";
import { FieldHistory, type FieldHistoryProps } from "./FieldHistory";
import type { UseFieldHistoryOptions } from "./useFieldHistory";
import { fieldHistoryAnatomy as anatomy, fieldHistoryParts as parts } from "./parts";

/**
 * A change's path as `<FieldHistory field>` reads it (dots inside keys escaped, as in
 * `fields` patterns); `undefined` for a path through a list (an item's field has no
 * history of its own: the item may move).
 */
export function toFieldPath(path: Path): string | undefined {
  // Only dots can be escaped in a pattern: a key that is empty or holds a backslash cannot be named (no history offered).
  if (path.length === 0 || !path.every((segment) => typeof segment === "string" && segment !== "" && !segment.includes("\\"))) return undefined;
  return path.map((segment) => String(segment).replace(/\./g, "\\.")).join(".");
}

/** Props of {@link FieldHistoryToggle}: the field's history, and the toggle's own. */
export interface FieldHistoryToggleProps extends UseFieldHistoryOptions, Pick<FieldHistoryProps, "chart" | "chartWidth" | "chartHeight" | "renderValue" | "maxValueLength"> {
  /** The field in words, for the button ("History of {label}") and the history. */
  label: string;
  /** Props merged into the button (a view's own part attributes, a class). */
  toggleProps?: HTMLAttributes<HTMLButtonElement> & Record<`data-${string}`, string | undefined>;
  /** Props merged into the region that holds the history. */
  regionProps?: HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string | undefined>;
}

/**
 * "History of Price": a button that shows (and hides) a field's `<FieldHistory>` under it.
 * What a diff row offers (`<RecordDiff renderRowActions>`): the timeline, the table and
 * `<CompareVersions>` use it. The history is read only once opened.
 *
 * @example
 * <RecordDiff log={entry} renderRowActions={(row) => {
 *   const field = toFieldPath(row.change.path);
 *   return field && <FieldHistoryToggle resource="products" id={7} field={field} label={row.label} />;
 * }} />
 */
export function FieldHistoryToggle({ label, toggleProps, regionProps, ...historyProps }: FieldHistoryToggleProps) {
  const { t } = useAuditTranslate(historyProps.locale);
  const [isOpen, setOpen] = useState(false);
  const regionId = useId();
  return (
    <>
      <button
        {...mergeProps(
          { ...anatomy.attrs(parts.toggle), type: "button" as const, "aria-expanded": isOpen, "aria-controls": regionId, onClick: () => setOpen((open) => !open) },
          toggleProps ?? {},
        )}
      >
        {t("auditLog.fieldHistory.toggle", "History of {field}", { field: label })}
      </button>
      <div {...mergeProps({ ...anatomy.attrs(parts.disclosure), id: regionId, hidden: !isOpen }, regionProps ?? {})}>
        {isOpen && <FieldHistory {...historyProps} label={label} />}
      </div>
    </>
  );
}
