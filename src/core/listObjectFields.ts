import { formatValue, type FormattedValue } from "./formatValue";
import { humanizeKey } from "./humanizeKey";
import type { Path, PathSegment } from "./types";
import { getValueType, safeGet, safeKeys, toArray } from "./values";

/** How many levels of fields {@link listObjectFields} shows by default: deeper ones are counted, not listed. */
export const OBJECT_FIELDS_MAX_DEPTH = 6;
/** How many fields (at every level together) {@link listObjectFields} lists by default: the rest are counted. */
export const OBJECT_FIELDS_MAX_VALUES = 200;

/** The fields of an object or a list, as far as the bounds allow: data, not markup. */
export interface ObjectFieldList {
  /** The value is a list (an array, a Map's entries, a Set): its fields are its items, keyed by index. */
  isList: boolean;
  /** How many fields (or items) the value has itself, shown or not. */
  count: number;
  /** Its fields, in order, up to the bounds. */
  fields: ObjectField[];
  /** How many of its own fields are not listed (past the depth or the count bound): "3 more fields not shown". */
  omittedCount: number;
}

/** One field of an {@link ObjectFieldList}: a value in words, or a non-empty object or list of its own. */
export interface ObjectField {
  /** Its key, or its index in a list. */
  key: PathSegment;
  /** Its path from the record's root (the listed value's path, then the keys down to it). */
  path: Path;
  /** Its readable name, from `getLabel`. */
  label: string;
  /** A value in words (everything but a non-empty object or list), from `format`. */
  value?: FormattedValue;
  /** A non-empty object or list: its own fields. */
  fields?: ObjectFieldList;
}

/** Options of {@link listObjectFields}. */
export interface ListObjectFieldsOptions {
  /** The path of the value itself (default the root): the fields' paths start with it. */
  path?: Path;
  /** Levels of fields listed; a container deeper down is counted. Default {@link OBJECT_FIELDS_MAX_DEPTH}. */
  maxDepth?: number;
  /** Fields listed in all (0: none, only the counts). Default {@link OBJECT_FIELDS_MAX_VALUES}. */
  maxValues?: number;
  /** The name of a field, given its value (default: its key in words, "item 3" for an index). */
  getLabel?: (path: Path, parentPath: Path, value: unknown) => string;
  /** A value in words (default {@link formatValue}). Never called for a non-empty object or list. */
  format?: (value: unknown, path: Path) => FormattedValue;
}

/**
 * Lists the fields of an object or a list, one per entry, nested objects and lists as
 * nested lists: for showing a value set or removed whole (an added array item, a record
 * set where there was none) field by field instead of as JSON. Walked with an explicit
 * stack, depth first so the first fields are the ones listed, and bounded: at most
 * `maxDepth` levels and `maxValues` fields, the rest counted in `omittedCount`. Cycles
 * end at the bounds. Reads values without throwing (getters and revoked proxies are
 * unreadable values). Anything else than an object or a list gives an empty list.
 *
 * @example
 * listObjectFields({ sku: "LGT-1", price: 369.99 }).fields.map((f) => `${f.label}: ${f.value?.text}`)
 * // ["Sku: LGT-1", "Price: 369.99"]
 */
export function listObjectFields(value: unknown, options: ListObjectFieldsOptions = {}): ObjectFieldList {
  const maxDepth = options.maxDepth ?? OBJECT_FIELDS_MAX_DEPTH;
  const getLabel = options.getLabel ?? ((path: Path) => defaultLabel(path[path.length - 1]!));
  const format = options.format ?? ((value: unknown) => formatValue(value));
  let left = options.maxValues ?? OBJECT_FIELDS_MAX_VALUES;
  type Frame = { source: object; list: ObjectFieldList; items: readonly unknown[] | undefined; keys: string[] | undefined; path: Path; depth: number; index: number };
  const open = (source: unknown, path: Path, depth: number): Frame => {
    const type = getValueType(source);
    const isList = type === "array";
    const items = isList ? toArray(source) : undefined;
    const keys = type === "object" ? safeKeys(source as object) : undefined;
    const count = items?.length ?? keys?.length ?? 0;
    return { source: source as object, list: { isList, count, fields: [], omittedCount: 0 }, items, keys, path, depth, index: 0 };
  };
  const root = open(value, options.path ?? [], 0);
  // An explicit stack: user data decides the depth, never the call stack.
  const stack: Frame[] = [root];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const { list } = frame;
    if (frame.index >= list.count) {
      stack.pop();
      continue;
    }
    if (left <= 0 || frame.depth >= maxDepth) {
      list.omittedCount = list.count - frame.index;
      stack.pop();
      continue;
    }
    left--;
    const index = frame.index++;
    const key: PathSegment = frame.items ? index : frame.keys![index]!;
    const child = frame.items ? frame.items[index] : safeGet(frame.source, key as string);
    const path = [...frame.path, key];
    const field: ObjectField = { key, path, label: getLabel(path, frame.path, child) };
    list.fields.push(field);
    const nested = isWalkable(child) ? open(child, path, frame.depth + 1) : undefined;
    if (nested && nested.list.count > 0) {
      field.fields = nested.list;
      stack.push(nested);
    } else field.value = format(child, path);
  }
  return root.list;
}

const isWalkable = (value: unknown) => {
  const type = getValueType(value);
  return type === "array" || type === "object";
};

const defaultLabel = (key: PathSegment) => (typeof key === "number" ? `item ${key + 1}` : humanizeKey(key));
