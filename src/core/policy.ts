import { compileIncrementalMatcher, formatPath, matchDepth, splitPattern, type IncrementalPathMatcher } from "./path";
import type { FieldChange, Path, PathSegment } from "./types";
import type { WorkBudget } from "./budget";
import { getValueType, RedactedValue, safeGet, safeKeys, toArray } from "./values";

/** Which side of a change a value comes from. */
export type RecordDiffSide = "before" | "after";

/** What a field's `format` receives besides the value. */
export interface FieldFormatContext {
  side: RecordDiffSide;
  change: FieldChange;
  /** The locale the diff renders with (from `useAuditTranslate()` or the `locale` option). */
  locale: string | undefined;
}

/** How one field (or every field matching a pattern) is shown: the policy of that field. */
export interface RecordDiffField {
  /**
   * The name shown instead of the path. It also names the paths below it: `supplier`
   * labelled "Supplier" shows `supplier.address.street` as `Supplier › Address › Street`
   * (the keys below a label are humanised, or named by their own labels). A label on a
   * pattern with wildcards names the last segment only (`items.*.qty` labelled
   * "Quantity" shows `items[2] › Quantity`).
   */
  label?: string;
  /**
   * Turns a value of this field into text (both sides). Values of an absent side are not
   * formatted. A formatter that throws shows the value in the default way, marked as
   * such; it never breaks the diff.
   */
  format?: (value: unknown, context: FieldFormatContext) => string;
  /** Leaves the field (and everything below it) out of every view: diffs, summaries, searches, filters, exports. */
  hidden?: boolean;
  /** Keeps the fact that the field changed but never shows its values, anywhere: "changed (hidden)". Applies below it too. */
  redact?: boolean;
  /**
   * What the values are, to show them through Intl (with the diff's locale and time
   * zone) instead of by their JavaScript type. `format` wins over it, `redact` over both;
   * a value the type cannot read (an amount that is not a number, an enum value with no
   * label) is shown the default way.
   * - `image`: a URL, shown as a small thumbnail beside the URL as text. Only an
   *   absolute `https:` or `http:` URL (of `allowedOrigins`, when given) is loaded;
   *   any other (a script, `data`, `blob` or relative URL…) is text only, never requested.
   * - `currency`: an amount (a number or numeric text) in `currency`.
   * - `enum`: a value named by `options` (`{ draft: "Draft" }`).
   * - `boolean`: `true`/`false` (also `1`/`0`, `"true"`/`"false"`) as the words "Yes"/"No".
   * - `date`: the day only; `datetime`: day and time (a `Date`, ISO text, or epoch seconds or milliseconds).
   * - `duration`: seconds, or ISO 8601 text (`PT1H30M`), as "1 hr 30 min".
   * - `number`: a number or numeric text, through Intl.
   *
   * @example
   * { photo: { type: "image", label: "Photo" }, price: { type: "currency", currency: "EUR" }, status: { type: "enum", options: { draft: "Draft" } } }
   */
  type?: RecordDiffFieldType;
  /** For `type: "currency"`: the ISO 4217 code (`"EUR"`). An unknown code shows the number. */
  currency?: string;
  /** For `type: "enum"`: the label of each value (`{ draft: "Draft", published: "Published" }`). */
  options?: Readonly<Record<string, string>>;
  /**
   * For `type: "image"`: the origins thumbnails may load from (`["https://cdn.example.com"]`);
   * default any `https:` or `http:` origin. Set it: without it, whoever writes a log value
   * makes every viewer's browser request that URL (an intranet address, a tracking pixel
   * that learns who looked and when). `referrerPolicy="no-referrer"` and lazy loading
   * soften this, they do not stop it.
   */
  allowedOrigins?: readonly string[];
}

/** The kinds of value a field can declare with `type`; see {@link RecordDiffField.type}. */
export type RecordDiffFieldType = "image" | "currency" | "enum" | "boolean" | "date" | "datetime" | "duration" | "number";

/**
 * Field options keyed by dotted path pattern, with the syntax of `ignore`: `price`,
 * `address.city`, `items.*.qty` (`*` one segment), `**.password` (`**` any number). A key
 * that holds a dot is written with the dot escaped: `"card\\.cvv"`. An index in a pattern
 * (`tags.0`) names a position (in the new version; a removed item's in the old one), not an
 * item: to keep values secret, redact the list (`tags`) or a field of its items
 * (`tags.*.secret`). A pattern that matches the root (`**`) applies to every field.
 *
 * @example
 * { price: { label: "Price", format: (v) => `${v} €` }, password: { redact: true }, updatedAt: { hidden: true } }
 */
export type RecordDiffFields = Readonly<Record<string, RecordDiffField>>;

/**
 * The policy, compiled once for fast lookups: everything `fields` says (hide, redact,
 * label, format). Every view reads entries through it, via the pipeline
 * ({@link applyPolicy}); see {@link compileFields}.
 */
export interface CompiledFields {
  /** True at or below a `hidden` pattern. */
  isHidden: (path: Path) => boolean;
  /** True at or below a `redact` pattern. */
  isRedacted: (path: Path) => boolean;
  /** How long the shortest redacted prefix of `path` is (the redacted field itself), or -1 when none is. */
  redactedDepth: (path: Path) => number;
  /** How long the shortest hidden prefix of `path` is (the hidden field itself), or -1 when none is. */
  hiddenDepth: (path: Path) => number;
  /** The options whose pattern matches this exact path (literal patterns first, then in declaration order). */
  get: (path: Path) => RecordDiffField | undefined;
  /** The readable name of a path; `rootLabel` for the root. Linear in the path's length. */
  getLabel: (path: Path, rootLabel: string) => string;
  /**
   * A copy of a container value shown whole at `path`, with hidden fields left out and
   * redacted ones replaced by `marker` (default: a {@link RedactedValue}). Other values
   * are returned as they are. Iterative and bounded (depth 32, 5,000 values): deeper or
   * further parts become `"…"`. Keys such as `__proto__` stay own keys of the copy.
   */
  scrub: (value: unknown, path: Path, marker?: unknown, budget?: WorkBudget) => unknown;
  /** True when some pattern hides or redacts: without one, values need no scrubbing. */
  readonly hasRules: boolean;
}

interface Pattern {
  segments: string[];
  hasWildcard: boolean;
  field: RecordDiffField;
}

/** How deep, and how many values, a scrubbed copy holds: the rest is "…". */
export const SCRUB_MAX_DEPTH = 32;
export const SCRUB_MAX_VALUES = 5000;
const ELIDED = "…";
const STRIDE = 1 << 16;

/** Compiles `fields` (see {@link RecordDiffFields}). Cheap: a few string splits. */
export function compileFields(fields: RecordDiffFields | undefined): CompiledFields {
  const patterns: Pattern[] = Object.entries(fields ?? {})
    .filter(([, field]) => field && typeof field === "object")
    .map(([key, field]) => {
      const segments = splitPattern(key);
      return { segments, hasWildcard: segments.some((s) => s === "*" || s === "**"), field };
    })
    .filter((pattern) => pattern.segments.length > 0)
    // Literal patterns first, so that the exact name of a path wins over a wildcard.
    .sort((a, b) => Number(a.hasWildcard) - Number(b.hasWildcard));
  // Segments are re-joined with their dots escaped, so a key holding a dot stays one segment.
  const joined = (p: Pattern) => p.segments.map((segment) => segment.replace(/\./g, "\\.")).join(".");
  const keysWhere = (flag: "hidden" | "redact") => patterns.filter((p) => p.field[flag]).map(joined);
  const hidden = compileIncrementalMatcher(keysWhere("hidden"));
  const redacted = compileIncrementalMatcher(keysWhere("redact"));
  const all = compileIncrementalMatcher(patterns.map(joined));
  const humanized = new Map<string, string>();

  /** The patterns (indices into `patterns`) that match exactly the path walked so far. */
  const ended = (state: readonly number[]): number[] => {
    const out: number[] = [];
    for (const code of state) {
      const p = Math.floor(code / STRIDE);
      if (patterns[p]!.segments.length === code % STRIDE) out.push(p);
    }
    return out;
  };

  const get = (path: Path): RecordDiffField | undefined => {
    if (!all) return undefined;
    let state = all.start;
    for (const segment of path) {
      state = all.step(state, segment);
      if (state.length === 0) return undefined;
    }
    const matches = ended(state);
    return matches.length > 0 ? patterns[Math.min(...matches)]!.field : undefined;
  };

  const humanize = (segment: PathSegment): string => {
    if (typeof segment === "number") return `[${segment}]`;
    let text = humanized.get(segment);
    if (text === undefined) {
      const words = segment
        .replace(/([a-z\d])([A-Z])/g, "$1 $2")
        .replace(/[_-]+/g, " ")
        .trim()
        .toLowerCase();
      text = words === "" ? JSON.stringify(segment) : words.charAt(0).toUpperCase() + words.slice(1);
      if (humanized.size > 1000) humanized.clear();
      humanized.set(segment, text);
    }
    return text;
  };

  const getLabel = (path: Path, rootLabel: string): string => {
    if (path.length === 0) return rootLabel;
    if (!all || !patterns.some((p) => p.field.label !== undefined)) return formatPath(path);
    // One walk down the path: each prefix a labelled pattern names exactly adds a crumb.
    let crumbs: string[] = [];
    let pendingStart = 0;
    let state = all.start;
    for (let depth = 1; depth <= path.length; depth++) {
      state = state.length > 0 ? all.step(state, path[depth - 1]!) : state;
      let label: Pattern | undefined;
      for (const p of ended(state)) {
        const candidate = patterns[p]!;
        if (candidate.field.label !== undefined && (!label || (label.hasWildcard && !candidate.hasWildcard))) label = candidate;
      }
      if (!label) continue;
      if (!label.hasWildcard) crumbs = [label.field.label!];
      else {
        // A wildcard label names its last segment: what lies before it is said as a path.
        if (crumbs.length === 0 && depth - 1 > pendingStart) crumbs.push(formatPath(path.slice(pendingStart, depth - 1)));
        else for (let i = pendingStart; i < depth - 1; i++) crumbs.push(humanize(path[i]!));
        crumbs.push(label.field.label!);
      }
      pendingStart = depth;
    }
    if (crumbs.length === 0) return formatPath(path);
    for (let i = pendingStart; i < path.length; i++) crumbs.push(humanize(path[i]!));
    return crumbs.join(" › ");
  };

  const scrub = (value: unknown, path: Path, marker: unknown = new RedactedValue(), workBudget?: WorkBudget): unknown => {
    if (!hidden && !redacted) return value;
    const startRedacted = stateAt(redacted, path);
    // Checked before anything else: a redacted leaf is as secret as a redacted object.
    if (redacted && startRedacted && redacted.matches(startRedacted)) return marker;
    if (!isWalkable(value)) return value;
    const startHidden = stateAt(hidden, path);
    if (hidden && startHidden && hidden.matches(startHidden)) return marker;
    let budget = SCRUB_MAX_VALUES;
    // An explicit stack: user data decides the depth, never the call stack.
    type Frame = { source: unknown; target: Record<string, unknown> | unknown[]; key: PathSegment | undefined; hiddenState?: readonly number[]; redactedState?: readonly number[]; depth: number };
    const makeContainer = (source: unknown) => (getValueType(source) === "array" ? [] : ({} as Record<string, unknown>));
    const root = makeContainer(value);
    const stack: Frame[] = [{ source: value, target: root, key: undefined, hiddenState: startHidden, redactedState: startRedacted, depth: 0 }];
    while (stack.length > 0) {
      const frame = stack.pop()!;
      const children: [PathSegment, unknown][] =
        getValueType(frame.source) === "array" ? toArray(frame.source).map((item, i) => [i, item]) : safeKeys(frame.source as object).map((key) => [key, safeGet(frame.source as object, key)]);
      for (const [segment, child] of children) {
        const hiddenState = hidden && frame.hiddenState ? hidden.step(frame.hiddenState, segment) : undefined;
        if (hidden && hiddenState && hidden.matches(hiddenState)) continue;
        const redactedState = redacted && frame.redactedState ? redacted.step(frame.redactedState, segment) : undefined;
        let out: unknown;
        if (redacted && redactedState && redacted.matches(redactedState)) out = marker;
        else if (--budget < 0 || (workBudget && ++workBudget.work > workBudget.limits.maxWork)) out = ELIDED;
        else if (!isWalkable(child)) out = child;
        else if (frame.depth + 1 >= SCRUB_MAX_DEPTH) out = ELIDED;
        else {
          out = makeContainer(child);
          stack.push({ source: child, target: out as Record<string, unknown> | unknown[], key: segment, hiddenState, redactedState, depth: frame.depth + 1 });
        }
        if (Array.isArray(frame.target)) frame.target.push(out);
        // Own keys only: `__proto__` must stay a key of the copy, never its prototype.
        else Object.defineProperty(frame.target, segment, { value: out, enumerable: true, writable: true, configurable: true });
        if (budget < 0) break;
      }
    }
    return root;
  };

  return {
    isHidden: (path) => matchesPath(hidden, path),
    isRedacted: (path) => matchesPath(redacted, path),
    redactedDepth: (path) => matchDepth(redacted, path),
    hiddenDepth: (path) => matchDepth(hidden, path),
    get,
    getLabel,
    scrub,
    hasRules: Boolean(hidden || redacted),
  };
}

/** The matcher's state after walking `path`, or `undefined` once nothing can match below it. */
function stateAt(matcher: IncrementalPathMatcher | undefined, path: Path): readonly number[] | undefined {
  if (!matcher) return undefined;
  let state = matcher.start;
  if (matcher.matches(state)) return state;
  for (const segment of path) {
    state = matcher.step(state, segment);
    if (matcher.matches(state)) return state;
    if (state.length === 0) return undefined;
  }
  return state;
}

/** True when a pattern matches the path or one of its ancestors. */
function matchesPath(matcher: IncrementalPathMatcher | undefined, path: Path): boolean {
  const state = stateAt(matcher, path);
  return !!matcher && !!state && matcher.matches(state);
}

const isWalkable = (value: unknown) => {
  const type = getValueType(value);
  return type === "array" || type === "object";
};
