import { formatFieldValue, formatValue, type FormatValueOptions, type FormattedValue } from "../core/formatValue";
import { listObjectFields, type ObjectFieldList } from "../core/listObjectFields";
import { policyPath } from "../core/pipeline";
import { getValueField } from "../core/references";
import type { CompiledFields, RecordDiffSide } from "../core/policy";
import type { AuditTranslate } from "../core/translate";
import type { Path } from "../core/types";
import { isContainer, isRedactedValue } from "../core/values";
import type { RecordDiffRow } from "./useRecordDiff";

/**
 * An object or list set or removed whole, shown field by field (see `getObjectFields` of
 * `useRecordDiff`): its fields, and its name when it has one.
 */
export interface RecordDiffObjectFields extends ObjectFieldList {
  /** What the object is called (the list's `itemLabel`, else its `name`, `title`, `label` or `sku`), shown beside it when it is closed. */
  name: string | undefined;
}

/** Bounds of one object's fields: how deep, and how many in all (0: only the counts). Defaults 6 and 200. */
export interface RecordDiffObjectLimits {
  maxDepth?: number;
  maxValues?: number;
}

/** What the fields of a row's object are read with: the diff's policy and words. */
export interface ObjectFieldsEnvironment {
  policy: CompiledFields;
  isItemList: boolean | undefined;
  t: AuditTranslate;
  locale: string | undefined;
  timeZone: string | undefined;
  /** Referenced records' labels, as the rows read them. */
  references?: FormatValueOptions["references"];
}

/**
 * One side of an object or list set or removed whole (added, removed, or in place of a
 * value that was no object: `null` → `{…}`, an earlier value not recorded) as its fields: each named as a row
 * would name it (the policy's label of the nested path, else the key in words) and its
 * value formatted as a row's (the nested path's `format`, else its `type`, else by the
 * value's type). The value is already the policy's: hidden fields gone, redacted ones
 * markers, shown as such and never formatted. `undefined` for any other row or side
 * (an unchanged or moved item, a change between two objects, a redacted row, a primitive).
 */
export function getObjectFields(row: RecordDiffRow, side: RecordDiffSide, env: ObjectFieldsEnvironment, limits?: RecordDiffObjectLimits): RecordDiffObjectFields | undefined {
  const { change } = row;
  if (row.isRedacted || change.kind === "moved" || change.kind === "unchanged" || (side === "before" ? !row.hasBefore : !row.hasAfter)) return undefined;
  const value = side === "before" ? row.before : row.after;
  // A change between two objects is shown field by field already: only a value set or
  // removed whole (the other side absent, empty or not an object: `null` → `{…}`) is listed.
  const other = side === "before" ? row.after : row.before;
  if (!isContainer(value) || (change.kind === "changed" && isContainer(other))) return undefined;
  const { policy, isItemList, t, locale, timeZone, references } = env;
  // A field is named relative to its object: the policy names a path from the root
  // ("Variants › item 3 › Price"), the field in its item is "Price"; an item of a nested
  // list by its name when it has one. The parent's label is the same for all its fields.
  const labelOptions = { t, locale, isItemList };
  const parentLabels = new Map<Path, string>();
  const getLabel = (path: Path, parentPath: Path, value: unknown) => {
    const key = path[path.length - 1];
    const name = typeof key === "number" ? policy.getItemName(value, policyPath(path, isItemList)) : undefined;
    if (name !== undefined) return name;
    const full = policy.getLabel(path, "", labelOptions);
    let parent = parentLabels.get(parentPath);
    if (parent === undefined) parentLabels.set(parentPath, (parent = policy.getLabel(parentPath, "", labelOptions)));
    // A literal label names the whole path, not a crumb after its parent's.
    return parent !== "" && full.startsWith(`${parent} › `) ? full.slice(parent.length + 3) : full;
  };
  const format = (value: unknown, path: Path): FormattedValue => {
    // A redacted marker says "(hidden)": never through a field's type or formatter.
    if (isRedactedValue(value)) return formatValue(value, { t, locale });
    // As a row's: the field's own policy, or its list's reference for an id in a list of ids.
    return formatFieldValue(value, getValueField(policy, policyPath(path, isItemList)), { side, change, locale }, { t, timeZone, references });
  };
  const list = listObjectFields(value, { path: change.path, getLabel, format, ...limits });
  return list.count === 0 ? undefined : { ...list, name: policy.getItemName(value, policyPath(change.path, isItemList)) };
}
