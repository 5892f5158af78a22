import { policyPath } from "./pipeline";
import type { CompiledFields, RecordDiffField, RecordDiffReference } from "./policy";
import { englishTranslate, type AuditTranslate } from "./translate";
import type { FieldChange, Path, PathSegment } from "./types";
import { toReferenceId } from "./referenceId";
import { getValueType, safeGet, safeKeys, toArray } from "./values";

export { toReferenceId, MAX_REFERENCE_ID_LENGTH } from "./referenceId";

/**
 * What is known of one referenced record:
 * - `loading`: asked for, no answer yet (the id shows);
 * - `resolved`: found, with its `label`;
 * - `missing`: the data provider answered without it (deleted): "#7 (deleted)";
 * - `error`: the request failed (the id shows, nothing breaks).
 */
export type ReferenceState = { status: "loading" } | { status: "resolved"; label: string } | { status: "missing" } | { status: "error"; message?: string };

/**
 * Reads what is known of a referenced record: the reference (its resource, data provider,
 * label and id field), its id (as text). `undefined` when nothing was asked (outside
 * Refine, or past the bound): the id shows.
 */
export type ReferenceLookup = (reference: RecordDiffReference, id: string) => ReferenceState | undefined;

/** The ids to resolve, per resource (a key of {@link referenceKey}), with the reference that asked. */
export type ReferenceRequests = Map<string, { reference: RecordDiffReference; ids: Set<string> }>;

/** At most this many ids of one resource are resolved at once (the rest show as ids). */
export const MAX_REFERENCE_IDS = 500;
/** At most this many values are looked at for references inside one changed value. */
const MAX_VALUES_PER_CHANGE = 1_000;
/** How deep a changed value is searched for references. */
const MAX_DEPTH = 8;
/** Labels are user data: at most this long. */
const MAX_LABEL_LENGTH = 80;

/** The request key of a reference: its data provider and resource. */
export function referenceKey(reference: RecordDiffReference): string {
  return `${reference.dataProviderName ?? ""}\u0000${reference.resource}`;
}


/**
 * The reference that applies at `path`: the field's own, or, for an item of an array of
 * ids (`tagIds[2]`), its list's. `undefined` when the path is redacted or hidden: a secret
 * id is never resolved.
 */
export function getReferenceAt(fields: CompiledFields, path: Path): RecordDiffReference | undefined {
  if (path.length === 0 || fields.isRedacted(path) || fields.isHidden(path)) return undefined;
  const own = fields.get(path)?.reference;
  if (own) return isReference(own) ? own : undefined;
  if (typeof path[path.length - 1] === "number") {
    const list = fields.get(path.slice(0, -1))?.reference;
    if (list && isReference(list)) return list;
  }
  return undefined;
}

/**
 * The policy that formats a value at `path`: the field's own, or, for an item of an array
 * of ids, `{ reference }` of its list (so `tagIds[2]` reads as a tag's label).
 */
export function getValueField(fields: CompiledFields, path: Path): RecordDiffField | undefined {
  const own = fields.get(path);
  if (own || path.length === 0 || typeof path[path.length - 1] !== "number") return own;
  const reference = getReferenceAt(fields, path);
  return reference ? { reference } : undefined;
}

const isReference = (reference: RecordDiffReference) => typeof reference === "object" && reference !== null && typeof reference.resource === "string" && reference.resource !== "";

/** True when the policy declares a reference anywhere (else nothing needs collecting). */
export function hasReferences(fields: Readonly<Record<string, RecordDiffField>> | undefined): boolean {
  for (const key in fields) if (fields[key]?.reference) return true;
  return false;
}

/**
 * Adds the ids the changes refer to (both sides, arrays of ids, and reference fields
 * inside changed objects) to `requests`. Redacted and hidden values are never collected;
 * the walk is iterative and bounded (per change: 1,000 values, 8 levels; per resource:
 * {@link MAX_REFERENCE_IDS} ids).
 */
export function collectReferences(changes: readonly FieldChange[], fields: CompiledFields, isItemList: boolean, requests: ReferenceRequests): void {
  type Frame = { value: unknown; path: PathSegment[]; depth: number };
  const add = (reference: RecordDiffReference, value: unknown) => {
    const key = referenceKey(reference);
    let request = requests.get(key);
    const ids = getValueType(value) === "array" ? toArray(value) : [value];
    for (const item of ids) {
      const id = toReferenceId(item);
      if (id === undefined) continue;
      if (!request) requests.set(key, (request = { reference, ids: new Set() }));
      if (request.ids.size >= MAX_REFERENCE_IDS) return;
      request.ids.add(id);
    }
  };
  for (const change of changes) {
    if (change.isRedacted || change.note === "too-large") continue;
    const at = policyPath(change.path, isItemList);
    for (const value of [change.before, change.after]) {
      if (value === undefined) continue;
      let left = MAX_VALUES_PER_CHANGE;
      const stack: Frame[] = [{ value, path: [...at], depth: 0 }];
      while (stack.length > 0 && left-- > 0) {
        const { value: current, path, depth } = stack.pop()!;
        const reference = getReferenceAt(fields, path);
        if (reference) {
          add(reference, current);
          continue;
        }
        const type = getValueType(current);
        if (depth >= MAX_DEPTH || (type !== "array" && type !== "object")) continue;
        if (type === "array") toArray(current).forEach((item, i) => stack.push({ value: item, path: [...path, i], depth: depth + 1 }));
        else for (const key of safeKeys(current as object)) stack.push({ value: safeGet(current as object, key), path: [...path, key], depth: depth + 1 });
      }
    }
  }
}

/** The label of a referenced record, by the reference's `label` (a field or a function), else its name, title or label. */
export function getReferenceLabel(record: unknown, reference: RecordDiffReference): string | undefined {
  if (getValueType(record) !== "object") return undefined;
  const read = (key: string) => {
    const value = Object.hasOwn(record as object, key) ? safeGet(record as object, key) : undefined;
    return typeof value === "string" || typeof value === "number" ? String(value).trim() : undefined;
  };
  let label: string | undefined;
  if (typeof reference.label === "function") {
    try {
      const out = reference.label(record as Record<string, unknown>);
      label = typeof out === "string" ? out.trim() : undefined;
    } catch {
      label = undefined; // a throwing label function: the id shows
    }
  } else if (typeof reference.label === "string") label = read(reference.label);
  else label = read("name") || read("title") || read("label");
  if (!label) return undefined;
  return label.length > MAX_LABEL_LENGTH ? `${label.slice(0, MAX_LABEL_LENGTH - 1).trimEnd()}…` : label;
}

/** How a referenced value reads; see {@link formatReference}. */
export interface FormattedReference {
  /** The words shown: the label, "#7", "#7 (deleted)"; ids of an array joined as a list. */
  text: string;
  /** The words for an export: the label with its id beside it ("Lighting (#7)"). */
  exportText: string;
  /** The state of the reference (of the first unresolved one for an array); `undefined` when nothing was asked. */
  status: ReferenceState["status"] | undefined;
  /** The ids, as text. */
  ids: string[];
}

/** Options of {@link formatReference}. */
export interface FormatReferenceOptions {
  t?: AuditTranslate;
  locale?: string;
}

const listFormats = new Map<string, Intl.ListFormat>();
function joinList(items: string[], locale: string | undefined): string {
  const key = locale ?? "";
  let format = listFormats.get(key);
  if (!format) {
    try {
      format = new Intl.ListFormat(locale, { type: "conjunction", style: "narrow" });
    } catch {
      format = new Intl.ListFormat(undefined, { type: "conjunction", style: "narrow" });
    }
    listFormats.set(key, format);
  }
  return format.format(items);
}

/**
 * A referenced value (an id, or an array of ids) in words, with what `lookup` knows:
 * the label when resolved, "#7" while loading or on error, "#7 (deleted)" when the record
 * is gone. `undefined` when the value is not an id (the default formatting then).
 *
 * @example
 * formatReference(7, { resource: "categories" }, () => ({ status: "resolved", label: "Lighting" })) // { text: "Lighting", exportText: "Lighting (#7)", … }
 */
export function formatReference(value: unknown, reference: RecordDiffReference, lookup: ReferenceLookup | undefined, options: FormatReferenceOptions = {}): FormattedReference | undefined {
  const t = options.t ?? englishTranslate;
  const isList = getValueType(value) === "array";
  const values = isList ? toArray(value) : [value];
  if (values.length === 0 || values.length > MAX_REFERENCE_IDS) return undefined;
  const ids: string[] = [];
  for (const item of values) {
    const id = toReferenceId(item);
    if (id === undefined) return undefined;
    ids.push(id);
  }
  let status: FormattedReference["status"] = "resolved";
  const texts: string[] = [];
  const exportTexts: string[] = [];
  for (const id of ids) {
    const state = lookup?.(reference, id);
    const idText = t("auditLog.reference.id", "#{id}", { id });
    if (state?.status === "resolved") {
      texts.push(state.label);
      exportTexts.push(t("auditLog.reference.export", "{label} ({id})", { label: state.label, id: idText }));
      continue;
    }
    if (status === "resolved") status = state?.status;
    const text = state?.status === "missing" ? t("auditLog.reference.deleted", "{id} (deleted)", { id: idText }) : idText;
    texts.push(text);
    exportTexts.push(text);
  }
  return { text: joinList(texts, options.locale), exportText: joinList(exportTexts, options.locale), status, ids };
}
