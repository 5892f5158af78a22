import { compileIncrementalMatcher, matchDepth, splitPattern, type IncrementalPathMatcher } from "./path";
import type { FieldChange, Path, PathSegment } from "./types";
import type { WorkBudget } from "./budget";
import { humanizeKey } from "./humanizeKey";
import { formatNumber, toIntlLocale } from "./intl";
import { shorten } from "./shorten";
import { englishTranslate, type AuditTranslate } from "./translate";
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
   * The name shown instead of the path. Without one, a key is humanised (`postalCode`:
   * "Postal code") and an array item named (see `itemLabel`): `supplier.address.street`
   * reads "Supplier › Address › Street". A label also names the paths below it: `supplier`
   * labelled "Vendor" shows "Vendor › Address › Street". A label on a pattern with
   * wildcards names the last segment only (`items.*.qty` labelled "Quantity" shows
   * "Items › item 3 › Quantity").
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
  /**
   * For `type: "image"`: the URL relative image paths are read against
   * (`"https://cdn.example.com/photos/"`). Without it a relative path stays text. A path
   * must stay inside the base's folder (`../api/logout` and `/api/…` load nothing), and
   * the resolved URL must still pass `allowedOrigins`.
   */
  baseUrl?: string;
  /**
   * The field holds the id of another resource's record (or an array of ids): show that
   * record by its label ("Lamps → Lighting") instead of the id. Ids are resolved in React
   * with Refine's `useMany`, one request per resource for everything on screen; while
   * loading the id shows, a record that no longer exists shows "#7 (deleted)", and an
   * error shows the id. Exports keep the id beside the label. A redacted or hidden
   * reference is never resolved.
   *
   * @example
   * { categoryId: { label: "Category", reference: { resource: "categories", label: "title" } } }
   */
  reference?: RecordDiffReference;
  /**
   * For an array of objects: how its items are named in labels and summaries
   * ("Variants › LGT-ARC-BLK › Price", "Added variant LGT-ARC-BLK"): a field of the item
   * (`"sku"`) or a function of it. Default: the item's `name`, `title`, `label` or `sku`
   * when it has one, else its position ("item 3"). A redacted or hidden field never names
   * an item; the function gets the item with the policy applied. Names are cut to 40
   * characters. Labels are made for every row: keep the function cheap (its answer is
   * kept per item); one that throws or gives no text names the item by its position.
   *
   * @example
   * { variants: { label: "Variants", itemLabel: "sku" } } // "Variants › LGT-ARC-BLK › Price"
   */
  itemLabel?: string | ((item: Readonly<Record<string, unknown>>) => string | undefined);
}

/** What a reference field points at; see {@link RecordDiffField.reference}. */
export interface RecordDiffReference {
  /** The Refine resource the ids belong to (`"categories"`). */
  resource: string;
  /**
   * The field of the referenced record to show (`"title"`), or a function of the record.
   * Default: its `name`, `title` or `label`, else the id.
   */
  label?: string | ((record: Readonly<Record<string, unknown>>) => string | undefined);
  /** The field of the referenced record that holds its id. Default `"id"`. */
  idField?: string;
  /** Passed to `useMany` as `dataProviderName`, for an app with several data providers. */
  dataProviderName?: string;
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

/** How {@link CompiledFields.getLabel} names the items a path goes through. */
export interface LabelOptions {
  /**
   * The item at a path that ends in an array index (`["variants", 0]`), to name it by
   * (see {@link RecordDiffField.itemLabel}), or `undefined`. Read the new version first,
   * else the old one; a removed item's own index is the old version's: `createItemAt`
   * makes this from a change set's `readItem`. Without it, items are named by position.
   */
  itemAt?: (prefix: Path) => unknown;
  /** Translates the position of an item that has no name (`auditLog.label.item`, "item {position}"). Default English. */
  t?: AuditTranslate;
  /** The locale positions are written in (through Intl). */
  locale?: string;
  /**
   * The path is of a list of records (a bulk entry seen from its resource; see
   * `isItemListEntry`): its leading indices name records, and the patterns apply after them.
   */
  isItemList?: boolean;
}

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
  /**
   * Whether "changed `path`" reveals nothing the policy keeps back, so a server may be
   * asked to filter on it: the path is not hidden, lies inside no redacted field (which
   * part of a redacted value changed is not shown), and no hidden or redacted pattern may
   * match below it (a change of a hidden child would make its parent match).
   */
  canFilterOn: (path: Path) => boolean;
  /** The options whose pattern matches this exact path (literal patterns first, then in declaration order). */
  get: (path: Path) => RecordDiffField | undefined;
  /**
   * The readable name of a path; `rootLabel` for the root. A key reads as its field's
   * `label`, else humanised ("postalCode" → "Postal code"); an array index as its item's
   * name (see {@link RecordDiffField.itemLabel}; the item read with `options.itemAt`),
   * else its position ("item 3"). Crumbs are joined with " › ": "Supplier › Address ›
   * Street", "Variants › LGT-ARC-BLK › Price". Linear in the path's length: at most 16
   * items are looked up, the others named by position.
   *
   * @example
   * fields.getLabel(["variants", 0, "price"], "Value", { itemAt: (prefix) => readAt(record, prefix) });
   */
  getLabel: (path: Path, rootLabel: string, options?: LabelOptions) => string;
  /**
   * The name of a list item by the policy: the list's `itemLabel`, else the item's
   * `name`, `title`, `label` or `sku` (non-empty text or a number), shortened to 40
   * characters by words; `undefined` when it has none the policy lets show (a hidden or
   * redacted field never names an item; an `itemLabel` function that throws or returns
   * no text names none). `path` is the item's own (ending in its index).
   */
  getItemName: (item: unknown, path: Path) => string | undefined;
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
/** The fields that name an object (a list item, a value set whole) by default, first found first. */
export const ITEM_NAME_FIELDS = ["name", "title", "label", "sku"] as const;
/** An item's name is user data: this many characters at most, cut by words. */
const MAX_ITEM_NAME_LENGTH = 40;
/** How many items one label looks up (each lookup walks the path once): the rest are named by position. */
const MAX_NAMED_ITEMS = 16;

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

  const hasLabels = patterns.some((p) => p.field.label !== undefined);
  const hasItemLabels = patterns.some((p) => p.field.itemLabel !== undefined);
  /** The `itemLabel` of the list a walk has reached: the first pattern (literal ones first) that matches it exactly and has one. */
  const itemLabelAt = (state: readonly number[]): RecordDiffField["itemLabel"] => {
    if (!hasItemLabels) return undefined;
    for (const p of ended(state)) if (patterns[p]!.field.itemLabel !== undefined) return patterns[p]!.field.itemLabel;
    return undefined;
  };
  const isShown = (path: Path) => !matchesPath(hidden, path) && !matchesPath(redacted, path);
  // A function's name for an item, per item object and path: labels are made for every row, and scrubbing costs.
  const namedByFunction = new WeakMap<object, Map<string, string | undefined>>();

  /** {@link CompiledFields.getItemName}, with the list's `itemLabel` already found. */
  const nameItem = (item: unknown, path: Path, itemLabel: RecordDiffField["itemLabel"]): string | undefined => {
    if (getValueType(item) !== "object") return undefined;
    if (typeof itemLabel === "function") {
      const key = JSON.stringify(path);
      let names = namedByFunction.get(item as object);
      if (names?.has(key)) return names.get(key);
      let name: string | undefined;
      // The function sees what a viewer may see: hidden fields gone, redacted ones markers.
      const scrubbed = scrub(item, path);
      if (getValueType(scrubbed) === "object") {
        try {
          const text = itemLabel(scrubbed as Readonly<Record<string, unknown>>);
          if (typeof text === "string" && text.trim() !== "") name = shorten(text, MAX_ITEM_NAME_LENGTH);
        } catch {
          // The app's function failed on this item: it is named by its position.
        }
      }
      if (!names) namedByFunction.set(item as object, (names = new Map()));
      names.set(key, name);
      return name;
    }
    for (const field of typeof itemLabel === "string" ? [itemLabel] : ITEM_NAME_FIELDS) {
      if ((hidden || redacted) && !isShown([...path, field])) continue;
      const name = readName(item as object, field);
      if (name !== undefined) return shorten(name, MAX_ITEM_NAME_LENGTH);
    }
    return undefined;
  };

  const getItemName = (item: unknown, path: Path): string | undefined => {
    const last = path[path.length - 1];
    let itemLabel: RecordDiffField["itemLabel"];
    if (typeof last === "number" && all && hasItemLabels) {
      let state = all.start;
      for (let i = 0; i < path.length - 1 && state.length > 0; i++) state = all.step(state, path[i]!);
      itemLabel = itemLabelAt(state);
    }
    return nameItem(item, path, itemLabel);
  };

  const getLabel = (path: Path, rootLabel: string, options: LabelOptions = {}): string => {
    if (path.length === 0) return rootLabel;
    const { itemAt, isItemList } = options;
    let lookups = MAX_NAMED_ITEMS;
    let locale: string | undefined | null = null;
    /** The crumb of the index at `depth`: its item's name, else its position. `start` is where the patterns' path begins. */
    const itemCrumb = (depth: number, start: number, itemLabel: RecordDiffField["itemLabel"]): string => {
      if (itemAt && lookups-- > 0) {
        let item: unknown;
        try {
          item = itemAt(path.slice(0, depth));
        } catch {
          item = undefined;
        }
        const name = nameItem(item, path.slice(start, depth), itemLabel);
        if (name !== undefined) return name;
      }
      if (locale === null) locale = toIntlLocale(options.locale);
      return (options.t ?? englishTranslate)("auditLog.label.item", "item {position}", { position: formatNumber((path[depth - 1] as number) + 1, locale) });
    };
    // In a list of records, the leading indices are records: the patterns see the path inside one.
    let lead = 0;
    if (isItemList) while (lead < path.length && typeof path[lead] === "number") lead++;
    const crumbs: string[] = [];
    for (let depth = 1; depth <= lead; depth++) crumbs.push(itemCrumb(depth, depth, undefined));
    // One walk down the path: a labelled pattern that matches a prefix exactly names it.
    let state: readonly number[] = all ? all.start : [];
    for (let depth = lead + 1; depth <= path.length; depth++) {
      const segment = path[depth - 1]!;
      const list = state;
      if (state.length > 0) state = all!.step(state, segment);
      let label: Pattern | undefined;
      if (hasLabels) {
        for (const p of ended(state)) {
          const candidate = patterns[p]!;
          if (candidate.field.label !== undefined && (!label || (label.hasWildcard && !candidate.hasWildcard))) label = candidate;
        }
      }
      if (label) {
        // A literal label names the whole path so far; a wildcard one its last segment.
        if (!label.hasWildcard) crumbs.length = lead;
        crumbs.push(label.field.label!);
      } else crumbs.push(typeof segment === "number" ? itemCrumb(depth, lead, itemLabelAt(list)) : humanizeKey(segment));
    }
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
    canFilterOn: (path) => {
      if (matchesPath(hidden, path) || mayMatchBelow(hidden, path) || mayMatchBelow(redacted, path)) return false;
      const depth = matchDepth(redacted, path);
      return depth < 0 || depth === path.length;
    },
    get,
    getLabel,
    getItemName,
    scrub,
    hasRules: Boolean(hidden || redacted),
  };
}

/** Whether a pattern may match a path strictly below `path` (one matched partway, or across `**`), none matching `path` or above. */
function mayMatchBelow(matcher: IncrementalPathMatcher | undefined, path: Path): boolean {
  const state = stateAt(matcher, path);
  return !!matcher && !!state && state.length > 0 && !matcher.matches(state);
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

/** An item's own field as a name: non-empty text, or a finite number; else `undefined`. */
function readName(item: object, field: string): string | undefined {
  let value: unknown;
  try {
    if (!Object.hasOwn(item, field)) return undefined;
    value = safeGet(item, field);
  } catch {
    return undefined; // a revoked proxy names nothing
  }
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

const isWalkable = (value: unknown) => {
  const type = getValueType(value);
  return type === "array" || type === "object";
};
