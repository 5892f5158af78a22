import { compilePathPatterns, formatPath } from "../core/path";
import type { FieldChange, Path, PathSegment } from "../core/types";
import { getValueType, safeGet, safeKeys, toArray } from "../core/values";

/** Which side of a change a value comes from. */
export type RecordDiffSide = "before" | "after";

/** What a field's `format` receives besides the value. */
export interface FieldFormatContext {
  side: RecordDiffSide;
  change: FieldChange;
  /** The locale the diff renders with (from `useAuditTranslate()` or the `locale` option). */
  locale: string | undefined;
}

/** How one field (or every field matching a pattern) is shown. */
export interface RecordDiffField {
  /**
   * The name shown instead of the path. It also names the paths below it: `address`
   * labelled "Address" shows `address.city` as `Address › city`. A label on a pattern
   * with wildcards keeps the matched path in front (`items.*.qty` labelled "Quantity"
   * shows `items[2] › Quantity`).
   */
  label?: string;
  /** Turns a value of this field into text (both sides). Values of an absent side are not formatted. */
  format?: (value: unknown, context: FieldFormatContext) => string;
  /** Leaves the field (and everything below it) out of the diff, and out of objects shown whole. */
  hidden?: boolean;
  /** Keeps the fact that the field changed but never shows its values: "changed (hidden)". Applies below it too. */
  redact?: boolean;
}

/**
 * Field options keyed by dotted path pattern, with the syntax of `ignore`: `price`,
 * `address.city`, `items.*.qty` (`*` one segment), `**.password` (`**` any number).
 *
 * @example
 * { price: { label: "Price", format: (v) => `${v} €` }, password: { redact: true }, updatedAt: { hidden: true } }
 */
export type RecordDiffFields = Readonly<Record<string, RecordDiffField>>;

/** Field options compiled once for fast lookups; see {@link compileFields}. */
export interface CompiledFields {
  /** True at or below a `hidden` pattern. */
  isHidden: (path: Path) => boolean;
  /** True at or below a `redact` pattern. */
  isRedacted: (path: Path) => boolean;
  /** The options whose pattern matches this exact path (literal patterns first, then in declaration order). */
  get: (path: Path) => RecordDiffField | undefined;
  /** The readable name of a path; `rootLabel` for the root. */
  getLabel: (path: Path, rootLabel: string) => string;
  /**
   * A copy of a container value shown whole at `path`, with hidden fields left out and
   * redacted ones replaced by `placeholder`. Other values are returned as they are.
   */
  scrub: (value: unknown, path: Path, placeholder: string) => unknown;
}

interface Pattern {
  segments: string[];
  hasWildcard: boolean;
  field: RecordDiffField;
}

// Copying a value to scrub it is bounded like toCompactJson, which shows it afterwards.
const SCRUB_MAX_DEPTH = 8;
const SCRUB_BUDGET = 2000;
const ELIDED = "…";

/** Compiles `fields` (see {@link RecordDiffFields}). Cheap: a few string splits. */
export function compileFields(fields: RecordDiffFields | undefined): CompiledFields {
  const patterns: Pattern[] = Object.entries(fields ?? {})
    .filter(([key, field]) => key !== "" && field)
    .map(([key, field]) => {
      const segments = key.split(".");
      return { segments, hasWildcard: segments.some((s) => s === "*" || s === "**"), field };
    })
    .sort((a, b) => Number(a.hasWildcard) - Number(b.hasWildcard));
  const keysWhere = (flag: "hidden" | "redact") => patterns.filter((p) => p.field[flag]).map((p) => p.segments.join("."));
  const hidden = compilePathPatterns(keysWhere("hidden"));
  const redacted = compilePathPatterns(keysWhere("redact"));
  const labelled = patterns.filter((p) => p.field.label !== undefined);

  const get = (path: Path) => patterns.find((p) => matchesExactly(p.segments, 0, path, 0))?.field;

  const getLabel = (path: Path, rootLabel: string): string => {
    if (path.length === 0) return rootLabel;
    if (labelled.length === 0) return formatPath(path);
    // The longest labelled prefix names the path; what lies below it follows in path syntax.
    for (let length = path.length; length > 0; length--) {
      const prefix = path.slice(0, length);
      const match = labelled.find((p) => matchesExactly(p.segments, 0, prefix, 0));
      if (!match) continue;
      const head = match.hasWildcard && length > 1 ? `${getLabel(path.slice(0, length - 1), rootLabel)} › ${match.field.label}` : match.field.label!;
      return length === path.length ? head : `${head} › ${formatPath(path.slice(length))}`;
    }
    return formatPath(path);
  };

  const scrub = (value: unknown, path: Path, placeholder: string): unknown => {
    if ((!hidden && !redacted) || !isWalkable(value)) return value;
    let budget = SCRUB_BUDGET;
    const visit = (v: unknown, at: PathSegment[], depth: number): unknown => {
      if (redacted?.(at)) return placeholder;
      if (!isWalkable(v)) return v;
      if (depth >= SCRUB_MAX_DEPTH || budget <= 0) return ELIDED;
      const keep = (segment: PathSegment) => {
        const child = [...at, segment];
        return hidden?.(child) || budget-- <= 0 ? undefined : child;
      };
      if (getValueType(v) === "array") {
        const out: unknown[] = [];
        toArray(v).forEach((item, i) => {
          const child = keep(i);
          if (child) out.push(visit(item, child, depth + 1));
        });
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const key of safeKeys(v as object)) {
        const child = keep(key);
        if (child) out[key] = visit(safeGet(v as object, key), child, depth + 1);
      }
      return out;
    };
    return visit(value, [...path], 0);
  };

  return { isHidden: (path) => hidden?.(path) ?? false, isRedacted: (path) => redacted?.(path) ?? false, get, getLabel, scrub };
}

const isWalkable = (value: unknown) => {
  const type = getValueType(value);
  return type === "array" || type === "object";
};

/** Whether a dotted pattern (split) matches a whole path: `*` one segment, `**` any number. */
function matchesExactly(pattern: readonly string[], pi: number, path: Path, si: number): boolean {
  if (pi === pattern.length) return si === path.length;
  const head = pattern[pi];
  if (head === "**") return matchesExactly(pattern, pi + 1, path, si) || (si < path.length && matchesExactly(pattern, pi, path, si + 1));
  if (si === path.length) return false;
  return (head === "*" || head === String(path[si])) && matchesExactly(pattern, pi + 1, path, si + 1);
}
