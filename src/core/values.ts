/**
 * The type of a value as the kit shows it. `date` covers Date objects only; ISO date
 * strings are `string` here (see {@link parseIsoDate}).
 */
export type ValueType =
  | "unreadable"
  | "redacted"
  | "undefined"
  | "null"
  | "boolean"
  | "number"
  | "bigint"
  | "string"
  | "date"
  | "array"
  | "object"
  | "function"
  | "symbol";

/**
 * A value the kit could not read: a getter threw, or a proxy was revoked. It stands in
 * for the value so that nothing throws, and is never mistaken for data: it compares as
 * `incomparable` and shows as "[unreadable: reason]".
 */
export class UnreadableValue {
  constructor(readonly reason: string) {}
  toString(): string {
    return this.reason ? `[unreadable: ${this.reason}]` : "[unreadable]";
  }
}

/**
 * Stands for a value the policy redacts (`fields[…].redact`), from the first step of the
 * pipeline on: every view (a diff, a summary, a search, an export) meets this marker,
 * never the value. It shows as its `text` ("(hidden)", translated).
 */
const REDACTED = Symbol.for("refine-audit-trail.redacted");

export class RedactedValue {
  /** The brand that tells a marker from data, across copies of the kit (ESM and CJS builds). */
  readonly [REDACTED] = true;
  constructor(readonly text: string = "(hidden)") {}
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

/** True for the marker of a redacted value (see {@link RedactedValue}). */
export function isRedactedValue(value: unknown): value is RedactedValue {
  try {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[REDACTED] === true;
  } catch {
    return false; // a revoked proxy is not a marker
  }
}

/**
 * Classifies a value. Maps and Sets count as arrays (of entries and of values); a value
 * that cannot be inspected (a revoked proxy, an {@link UnreadableValue}) is `unreadable`.
 */
export function getValueType(value: unknown): ValueType {
  if (value === null) return "null";
  const t = typeof value;
  if (t !== "object") return t as ValueType;
  try {
    if (value instanceof UnreadableValue) return "unreadable";
    if (isRedactedValue(value)) return "redacted";
    if (Array.isArray(value) || value instanceof Map || value instanceof Set) return "array";
    if (value instanceof Date) return "date";
    return "object";
  } catch {
    return "unreadable";
  }
}

/** True for arrays and objects: values the kit walks into. */
export function isContainer(value: unknown): value is object {
  const type = getValueType(value);
  return type === "array" || type === "object";
}

/** The items of an array-like container (Map entries, Set values, array items); `[]` when unreadable. */
export function toArray(value: unknown): readonly unknown[] {
  try {
    if (Array.isArray(value)) return value;
    if (value instanceof Map) return [...value.entries()];
    if (value instanceof Set) return [...value.values()];
  } catch {
    // A revoked proxy or a throwing iterator: nothing can be read.
  }
  return [];
}

/** The own enumerable keys of an object, read without ever throwing (getters may). */
export function safeKeys(value: object): string[] {
  try {
    return Object.keys(value);
  } catch {
    return [];
  }
}

/** Reads a property without ever throwing (a getter or a revoked proxy may): an {@link UnreadableValue} then. */
export function safeGet(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch (error) {
    return new UnreadableValue(error instanceof Error ? error.message : "");
  }
}

/**
 * Compares two leaves (non-containers) by value: NaN equals NaN, Dates compare by time
 * (invalid Dates equal each other), a Date equals an ISO string for the same instant
 * (a provider serialises what a form held as a Date). Everything else uses `===`.
 */
export function leavesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  const aDate = a instanceof Date ? a.getTime() : typeof a === "string" && b instanceof Date ? parseIsoDate(a)?.getTime() : undefined;
  const bDate = b instanceof Date ? b.getTime() : typeof b === "string" && a instanceof Date ? parseIsoDate(b)?.getTime() : undefined;
  if (aDate === undefined || bDate === undefined) return false;
  return aDate === bDate || (Number.isNaN(aDate) && Number.isNaN(bDate));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses an ISO 8601 date or date-time string (`2024-05-01`, `2024-05-01T10:00:00Z`,
 * with an optional offset), else returns `undefined`. Other date-like strings are left
 * alone: "05/06/2024" means different days in different countries.
 */
export function parseIsoDate(value: string): Date | undefined {
  // Most strings are not dates: a length and a first digit rule them out without the regex.
  if (value.length < 10 || value.length > 40) return undefined;
  const first = value.charCodeAt(0);
  if (first < 48 || first > 57 || !ISO_DATE.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** True when `value` is a date-only ISO string (`2024-05-01`), which has no time of day. */
export function isDateOnly(value: string): boolean {
  return value.length === 10 && parseIsoDate(value) !== undefined;
}

/** Options of {@link toCompactJson}. */
export interface CompactJsonOptions {
  /** Longest output in characters; longer output ends in `…`. Default 2,000. */
  maxLength?: number;
  /** Deepest level shown; deeper containers show as `{…}` / `[…]`. Default 8. */
  maxDepth?: number;
}

/**
 * A compact, readable, one-line rendering of any value, for showing added or removed
 * objects and arrays: `{"name": "Lamp", "tags": ["a", "b"]}`. It never throws and its
 * length is bounded: cycles show as `[Circular]`, BigInts as `12n`, Dates as ISO text,
 * functions and symbols by name, `undefined` as `undefined`.
 */
export function toCompactJson(value: unknown, options: CompactJsonOptions = {}): string {
  const maxLength = options.maxLength ?? 2000;
  const maxDepth = options.maxDepth ?? 8;
  const parts: string[] = [];
  let length = 0;
  const ancestors: object[] = [];
  // A bounded recursive writer: recursion depth is capped by maxDepth.
  const write = (text: string): boolean => {
    parts.push(text);
    length += text.length;
    return length < maxLength;
  };
  const visit = (v: unknown, depth: number): boolean => {
    const type = getValueType(v);
    switch (type) {
      case "string":
        return write(JSON.stringify(v as string).slice(0, maxLength + 2));
      case "number":
        return write(String(v));
      case "bigint":
        return write(`${String(v)}n`);
      case "boolean":
      case "null":
      case "undefined":
        return write(String(v));
      case "date": {
        const time = (v as Date).getTime();
        return write(Number.isNaN(time) ? "Invalid Date" : (v as Date).toISOString());
      }
      case "function":
        return write(`[Function${(v as { name?: string }).name ? ` ${(v as { name: string }).name}` : ""}]`);
      case "symbol":
      case "unreadable":
      case "redacted":
        return write(String(v));
      default: {
        const isArray = type === "array";
        if (ancestors.includes(v as object)) return write("[Circular]");
        if (depth >= maxDepth) return write(isArray ? "[…]" : "{…}");
        ancestors.push(v as object);
        let ok = write(isArray ? "[" : "{");
        if (isArray) {
          const items = toArray(v);
          for (let i = 0; ok && i < items.length; i++) {
            if (i > 0) ok = write(", ");
            ok = ok && visit(items[i], depth + 1);
          }
        } else {
          const keys = safeKeys(v as object);
          for (let i = 0; ok && i < keys.length; i++) {
            if (i > 0) ok = write(", ");
            ok = ok && write(`${JSON.stringify(keys[i])}: `) && visit(safeGet(v as object, keys[i]!), depth + 1);
          }
        }
        ancestors.pop();
        return ok && write(isArray ? "]" : "}");
      }
    }
  };
  const complete = visit(value, 0);
  const text = parts.join("");
  return complete && text.length <= maxLength ? text : `${text.slice(0, maxLength)}…`;
}

/**
 * A stable fingerprint of a value for matching array items without identity: equal
 * values (whatever their key order) get equal hashes. Bounded in depth and size, so
 * two values that differ only past those bounds may share a hash; the kit only uses
 * it to pair items, then compares the pairs in full.
 */
export function hashValue(value: unknown, budget = 512, cost?: { used: number }): string {
  if (cost) cost.used++;
  if (typeof value === "string" && value.length <= 256) return JSON.stringify(value);
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  const parts: string[] = [];
  let left = budget;
  const ancestors: object[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (left-- <= 0) return;
    const type = getValueType(v);
    if (type === "array" || type === "object") {
      if (depth > 16 || ancestors.includes(v as object)) {
        parts.push("~");
        return;
      }
      ancestors.push(v as object);
      if (type === "array") {
        parts.push("[");
        for (const item of toArray(v)) {
          if (left <= 0) break;
          visit(item, depth + 1);
          parts.push(",");
        }
        parts.push("]");
      } else {
        parts.push("{");
        for (const key of safeKeys(v as object).sort()) {
          if (left <= 0) break;
          parts.push(JSON.stringify(key), ":");
          visit(safeGet(v as object, key), depth + 1);
          parts.push(",");
        }
        parts.push("}");
      }
      ancestors.pop();
      return;
    }
    if (type === "string") parts.push(JSON.stringify((v as string).length > 256 ? `${(v as string).slice(0, 256)}#${(v as string).length}` : v));
    else if (type === "date") parts.push(`D${(v as Date).getTime()}`);
    else if (type === "unreadable") parts.push("unreadable");
    else if (type === "redacted") parts.push("redacted");
    else if (type === "number") parts.push(Number.isNaN(v) ? "NaN" : String(v));
    else parts.push(`${type}:${String(v)}`);
  };
  visit(value, 0);
  if (cost) cost.used += budget - Math.max(0, left);
  return parts.join("");
}
