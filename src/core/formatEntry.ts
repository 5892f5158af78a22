import { isBulkAction } from "./history";
import type { AuditLogEntry } from "./normalizeLog";
import type { ChangeSummary } from "./summarizeChanges";
import { diffWords } from "./diffWords";
import type { FieldChange, Path, TextSegment } from "./types";
import { formatValue } from "./formatValue";
import { formatNumber, resolveTimeZone, toIntlLocale } from "./intl";
import { getValueType, safeGet, safeKeys, toArray } from "./values";
import { plural } from "./plural";
import type { AuditTranslate } from "./translate";
import { cutWords, flatten, shorten, withEllipsis } from "./shorten";
import { compileFields, ITEM_NAME_FIELDS, type CompiledFields } from "./policy";

export { shorten };

/** Intl objects for one locale and time zone, made once and reused for every entry. */
export interface TimelineFormatters {
  locale: string | undefined;
  /** The IANA time zone given (when Intl knows it); `undefined`: the viewer's own. */
  timeZone: string | undefined;
  relative: Intl.RelativeTimeFormat;
  absolute: Intl.DateTimeFormat;
  /** A compact date and time with its zone, for a table cell ("May 1, 2024, 10:00 AM UTC"). */
  short: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
}

export { resolveTimeZone } from "./intl";

/** Builds the {@link TimelineFormatters} for a locale and an optional IANA time zone (an unknown zone falls back to the viewer's). */
export function createFormatters(locale: string | undefined, timeZone?: string): TimelineFormatters {
  const intlLocale = toIntlLocale(locale);
  const zone = resolveTimeZone(timeZone);
  return {
    locale: intlLocale,
    timeZone: zone,
    relative: new Intl.RelativeTimeFormat(intlLocale, { numeric: "auto" }),
    absolute: new Intl.DateTimeFormat(intlLocale, {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      second: "2-digit",
      timeZoneName: "short",
      timeZone: zone,
    }),
    short: new Intl.DateTimeFormat(intlLocale, {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
      timeZone: zone,
    }),
    day: new Intl.DateTimeFormat(intlLocale, { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: zone }),
  };
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/**
 * "5 minutes ago", "yesterday", "in 2 hours" (a clock ahead of the viewer's), in the locale.
 * Less than a minute ahead reads "now": views refresh their clock once a minute, so an
 * entry written since is not "in 2 seconds".
 */
export function formatRelativeTime(date: Date, now: Date, formatters: TimelineFormatters): string {
  let value = (date.getTime() - now.getTime()) / 1000;
  if (value > 0 && value < 60) value = 0;
  for (const [unit, size] of UNITS) {
    if (Math.abs(value) < size) return formatters.relative.format(Math.round(value), unit);
    value /= size;
  }
  return formatters.relative.format(Math.round(value), "year");
}

const ACTION_WORDS: Record<string, string> = { create: "created", update: "updated", delete: "deleted" };
const BULK_WORDS: Record<string, [string, string]> = {
  createMany: ["created {count} record", "created {count} records"],
  updateMany: ["updated {count} record", "updated {count} records"],
  deleteMany: ["deleted {count} record", "deleted {count} records"],
};

/** The action in words: "updated", "updated 3 records", a custom action as given (translatable under `auditLog.action.<action>`). */
export function formatAction(entry: AuditLogEntry, t: AuditTranslate, formatters: TimelineFormatters): string {
  const { action } = entry;
  if (isBulkAction(action)) {
    const [one, other] = BULK_WORDS[action]!;
    return plural(t, formatters.locale, `auditLog.action.${action}`, entry.recordIds.length, one, other);
  }
  if (Object.hasOwn(ACTION_WORDS, action)) return t(`auditLog.action.${action}`, ACTION_WORDS[action]!);
  // Only simple names become keys: an action is provider data, not a key path.
  return /^[\w-]{1,64}$/.test(action) ? t(`auditLog.action.${action}`, action) : action;
}

/**
 * What an object is called: its `name`, `title`, `label` or `sku` (text or a number), or
 * `undefined`. A redacted or hidden name field is no name (the policy made it a marker or
 * took it out).
 */
export function getItemName(value: unknown): string | undefined {
  if (getValueType(value) !== "object") return undefined;
  for (const key of ITEM_NAME_FIELDS) {
    const name = safeGet(value as object, key);
    if (typeof name === "string" && name.trim() !== "") return name;
    if (typeof name === "number" && Number.isFinite(name)) return String(name);
  }
  return undefined;
}

/** Lists of at most this many scalar items are said item by item ("sale, new"). */
const MAX_LISTED_ITEMS = 20;

/**
 * A value, short, for a summary line, never as JSON: formatted as `<RecordDiff>` shows
 * it (`formatValue`: numbers and dates through Intl, booleans as Yes/No, empty values in
 * words), text shortened by words to `max` characters on one line; an object by its name
 * ({@link getItemName}) or its size ("(3 fields)"), a list by its items when they are
 * few and short ("sale, new") or its size ("(12 items)").
 */
export function formatSummaryValue(value: unknown, t: AuditTranslate, formatters: TimelineFormatters, max = 40): string {
  return describeValue(value, t, formatters, max).text;
}

/** {@link formatSummaryValue}, saying whether the words are a size ("(3 fields)") rather than the value. */
function describeValue(value: unknown, t: AuditTranslate, formatters: TimelineFormatters, max: number): { text: string; isSize: boolean } {
  const type = getValueType(value);
  if (type === "object" || type === "array") {
    const name = getItemName(value);
    if (name !== undefined) return { text: shorten(name, max) || t("auditLog.recordDiff.value.emptyText", "empty text"), isSize: false };
    const items = type === "array" ? toArray(value) : undefined;
    const size = items ? items.length : safeKeys(value as object).length;
    if (items && size <= MAX_LISTED_ITEMS && items.every((item) => SCALARS.has(getValueType(item)) && !(typeof item === "string" && item.trim() === ""))) {
      const listed = cutWords(items.map((item) => formatText(item, t, formatters)).join(", "), max);
      if (size > 0 && !listed.isCut) return { text: listed.text, isSize: false };
    }
    if (size > 0) return { text: sizeWords(type, size, t, formatters), isSize: true };
  }
  const text = shorten(formatText(value, t, formatters), max);
  // Whitespace-only text collapses to nothing on one line: say it in words instead.
  return { text: text === "" ? t("auditLog.recordDiff.value.emptyText", "empty text") : text, isSize: false };
}

const SCALARS = new Set(["string", "number", "bigint", "boolean", "date"]);

const formatText = (value: unknown, t: AuditTranslate, formatters: TimelineFormatters) =>
  formatValue(value, { t, locale: formatters.locale, timeZone: formatters.timeZone }).text;

/** "(3 fields)", "(1 item)". */
function sizeWords(type: "object" | "array", size: number, t: AuditTranslate, formatters: TimelineFormatters): string {
  return type === "array"
    ? plural(t, formatters.locale, "auditLog.summary.itemCount", size, "({count} item)", "({count} items)")
    : plural(t, formatters.locale, "auditLog.summary.fieldCount", size, "({count} field)", "({count} fields)");
}

/** How much work a summary's own word diff may do (a rewritten long text is said more roughly). */
const SNIPPET_MAX_WORK = 50_000;
/** Context around a text change: this many words (and at most this many characters) each side. */
const CONTEXT_WORDS = 2;
const CONTEXT_CHARS = 24;

/**
 * A long text change by what changed: its first changed stretch in a little context,
 * "…on visit 19 → 59, with…". `segments` is the change's word diff when it has one;
 * otherwise one is made within a small work budget, else the differing middle is found
 * by characters. Pieces are shortened to fit about `max` characters. `undefined` when the
 * texts are equal or have too little in common (a rewrite reads better as its two versions).
 */
export function formatTextChange(before: string, after: string, segments: readonly TextSegment[] | undefined, max: number, t: AuditTranslate): string | undefined {
  const parts = segments ?? diffWords(before, after, { maxWork: SNIPPET_MAX_WORK }) ?? splitByCharacters(before, after);
  const first = parts.findIndex((part) => part.type !== "equal");
  if (first === -1) return undefined;
  // A text rewritten (little left in common) is said by its two versions.
  let common = 0;
  for (const part of parts) if (part.type === "equal") common += part.text.length;
  if (common < Math.max(before.length, after.length) / 5) return undefined;
  let pre = first > 0 ? parts[first - 1]!.text : "";
  let removed = "";
  let inserted = "";
  let next = first;
  for (; next < parts.length && parts[next]!.type !== "equal"; next++) {
    if (parts[next]!.type === "delete") removed += parts[next]!.text;
    else inserted += parts[next]!.text;
  }
  let post = next < parts.length ? parts[next]!.text : "";
  const hasLaterChanges = next + 1 < parts.length;
  // A side with no word of its own (an insertion, a deletion, punctuation) reads with its neighbouring word on both sides.
  if (!WORD.test(removed) || !WORD.test(inserted)) {
    const before = /\S+\s*$/u.exec(pre);
    if (before) {
      pre = pre.slice(0, before.index);
      removed = before[0] + removed;
      inserted = before[0] + inserted;
    } else {
      const after = /^\s*\S+/u.exec(post);
      if (after) {
        post = post.slice(after[0].length);
        removed += after[0];
        inserted += after[0];
      }
    }
  }
  const side = Math.max(12, Math.round(max * 0.75));
  const context = contextWords(pre, "end");
  // An inserted piece cut short reads on to nothing: no context after it.
  const following = cutWords(inserted, side).isCut ? { text: "", isCut: false } : contextWords(post, "start");
  const left = `${context.isCut ? "…" : ""}${flatten(`${context.text}${shortenPiece(removed, side)}`)}`;
  const right = flatten(`${shortenPiece(inserted, side)}${following.text}`);
  return t("auditLog.summary.textChange", "{before} → {after}", { before: left, after: following.isCut || hasLaterChanges ? withEllipsis(right) : right });
}

/** {@link shorten}, keeping a space at either edge: the piece joins its context. */
const shortenPiece = (text: string, max: number) => `${/^\s/u.test(text) ? " " : ""}${shorten(text, max)}${/\s$/u.test(text) ? " " : ""}`;

const WORD = /[\p{L}\p{N}]/u;

/** A few words of `text` at its start or end (white space kept at the joint), and whether there was more. */
function contextWords(text: string, at: "start" | "end"): { text: string; isCut: boolean } {
  const window = at === "end" ? text.slice(-CONTEXT_CHARS) : text.slice(0, CONTEXT_CHARS);
  const tokens = window.match(/\s+|\S+/gu) ?? [];
  if (at === "end") tokens.reverse();
  // A word the window cut in two is left out.
  if (window.length < text.length && tokens.length > 0 && !/^\s/u.test(tokens[tokens.length - 1]!)) tokens.pop();
  let words = 0;
  let kept = 0;
  for (; kept < tokens.length; kept++) {
    if (!/^\s/u.test(tokens[kept]!) && ++words > CONTEXT_WORDS) break;
  }
  const chosen = tokens.slice(0, kept);
  if (at === "end") chosen.reverse();
  return { text: chosen.join(""), isCut: kept < tokens.length || window.length < text.length };
}

/** The differing middle of two texts found by characters (widened to whole words): a word diff that gave up. */
function splitByCharacters(before: string, after: string): TextSegment[] {
  const min = Math.min(before.length, after.length);
  let start = 0;
  while (start < min && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  while (start > 0 && /\S/u.test(before[start - 1]!)) start--;
  let end = 0;
  while (end < min - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  while (end > 0 && /\S/u.test(before[before.length - end]!)) end--;
  const parts: TextSegment[] = [];
  if (start > 0) parts.push({ type: "equal", text: before.slice(0, start) });
  if (before.length - end > start) parts.push({ type: "delete", text: before.slice(start, before.length - end) });
  if (after.length - end > start) parts.push({ type: "insert", text: after.slice(start, after.length - end) });
  if (end > 0) parts.push({ type: "equal", text: before.slice(before.length - end) });
  return parts;
}

/** The labels of a summary read without a policy: made on first use. */
let noPolicy: CompiledFields | undefined;

/** Options of {@link formatSummary}. */
export interface FormatSummaryOptions {
  /** The readable name of a path (the policy's labels). Default: its keys humanised, its items by position ("Variants › item 3 › Price"). */
  getLabel?: (path: Path) => string;
  /**
   * The name of a list item, by the policy (`CompiledFields.getItemName`: the list's
   * `itemLabel`, else the item's `name`, `title`, `label` or `sku`), or `undefined` to
   * name it by its position ("item 3"). `path` is the item's. Default: by
   * {@link getItemName}, an object without a name by its position.
   */
  getItemName?: (item: unknown, path: Path) => string | undefined;
  /** A field's own formatter (`fields[…].format`): its text, or `undefined` for the default. */
  formatField?: (value: unknown, side: "before" | "after", change: FieldChange) => string | undefined;
  /**
   * Values longer than this are shortened by words ("…"), and a long text change is said
   * by its changed words in context. Default 40; `Infinity` for an export (values whole).
   */
  maxValueLength?: number;
}

/**
 * The one-line summary in words: "Changed Price from 50 to 100 and 2 more fields",
 * "Set Status to Published (earlier value not recorded)", "Created with 6 fields",
 * "Deleted". Fields are named by their labels (`getLabel`). Never JSON: an object or a
 * list item is said by its name or its size ("Added TXT-JUT-LTD to Variants", "Set
 * Supplier (3 fields)", "Removed item 3 from Tags"), a long text change by its changed
 * words ("Changed Description: …on visit 19 → 59, with…"). Redacted values are markers
 * by then: only the fact of the change is said.
 */
export function formatSummary(summary: ChangeSummary, t: AuditTranslate, formatters: TimelineFormatters, options: FormatSummaryOptions = {}): string {
  const { getItemName: nameItem, formatField, maxValueLength = 40 } = options;
  const getLabel = options.getLabel ?? ((path: Path) => (noPolicy ??= compileFields(undefined)).getLabel(path, "", { t, locale: formatters.locale }));
  const count = (key: string, n: number, one: string, other: string, params?: Record<string, string>) => plural(t, formatters.locale, key, n, one, other, params);
  switch (summary.type) {
    case "created":
      return count("auditLog.summary.created", summary.fieldCount, "Created with {count} field", "Created with {count} fields");
    case "createdMany":
      return count("auditLog.summary.createdMany", summary.recordCount, "Created {count} record", "Created {count} records");
    case "deleted":
      return t("auditLog.summary.deleted", "Deleted");
    case "unchanged":
      return t("auditLog.summary.unchanged", "No visible changes");
    case "empty":
      return t("auditLog.summary.empty", "No details recorded");
    case "changed": {
      const { first, moreCount, unknownCount } = summary;
      const field = (first.path.length > 0 && getLabel(first.path)) || t("auditLog.summary.root", "the value");
      let line: string;
      if (first.path.length === 0 && first.before === undefined && first.after === undefined && summary.isIncomplete && !first.isBeforeUnknown) {
        // Nothing could be listed: the entry was too large to compare at all.
        return t("auditLog.summary.tooLarge", "Too large to compare in full");
      }
      // Each side in words once: a field's own formatter, else the value by name, size or text.
      const sides: { before?: SummaryWords; after?: SummaryWords } = {};
      const words = (side: "before" | "after"): SummaryWords => (sides[side] ??= describeSide(first, side, t, formatters, maxValueLength, formatField));
      const value = (side: "before" | "after") => words(side).text;
      const index = first.path[first.path.length - 1];
      // A list item is named by the list and its own name (or position), never by its path alone.
      const item = typeof index === "number" && !summary.isFirstRedacted ? first.path.slice(0, -1) : undefined;
      const list = () => (item!.length > 0 && getLabel(item!)) || t("auditLog.summary.root", "the value");
      const position = () => t("auditLog.summary.item", "item {position}", { position: formatNumber((index as number) + 1, formatters.locale) });
      const itemName = (side: "before" | "after") => {
        const raw = side === "before" ? first.before : first.after;
        // An object item is named as in its label (the list's `itemLabel`…), unless its field's own formatter says it.
        if (nameItem && !words(side).isOwn && getValueType(raw) === "object") return nameItem(raw, first.path) ?? position();
        return words(side).isSize ? position() : value(side);
      };
      if (summary.isFirstRedacted && first.kind === "added") line = t("auditLog.summary.addedHidden", "Added {field} (hidden)", { field });
      else if (summary.isFirstRedacted && first.isBeforeUnknown) line = t("auditLog.summary.setHidden", "Set {field} (hidden)", { field });
      else if (summary.isFirstRedacted && first.kind !== "removed") line = t("auditLog.summary.changedHidden", "Changed {field} (hidden)", { field });
      else if (first.kind === "changed" && first.isBeforeUnknown) {
        line = words("after").isSize
          ? t("auditLog.summary.setSize", "Set {field} {size}", { field, size: value("after") })
          : t("auditLog.summary.set", "Set {field} to {after}", { field, after: value("after") });
      } else if (first.kind === "changed") {
        const text = words("before").isOwn || words("after").isOwn ? undefined : describeTextChange(first, t, formatters, maxValueLength);
        line = text !== undefined
          ? t("auditLog.summary.changedText", "Changed {field}: {change}", { field, change: text })
          : t("auditLog.summary.changed", "Changed {field} from {before} to {after}", { field, before: value("before"), after: value("after") });
      } else if (first.kind === "added" && item) line = t("auditLog.summary.addedItem", "Added {item} to {list}", { item: itemName("after"), list: list() });
      else if (first.kind === "added") {
        line = words("after").isSize
          ? t("auditLog.summary.addedSize", "Added {field} {size}", { field, size: value("after") })
          : t("auditLog.summary.added", "Added {field}: {after}", { field, after: value("after") });
      } else if (first.kind === "removed" && item && summary.replacement) {
        const added = describeSide(summary.replacement, "after", t, formatters, maxValueLength, formatField);
        line = t("auditLog.summary.replacedItem", "Replaced {before} with {after} in {list}", { before: itemName("before"), after: added.isSize ? position() : added.text, list: list() });
      } else if (first.kind === "removed" && item) line = t("auditLog.summary.removedItem", "Removed {item} from {list}", { item: itemName("before"), list: list() });
      else if (first.kind === "removed") line = t("auditLog.summary.removed", "Removed {field}", { field });
      else if (item && (nameItem ? nameItem(first.after, first.path) : getItemName(first.after)) !== undefined) line = t("auditLog.summary.movedItem", "Moved {item} in {list}", { item: itemName("after"), list: list() });
      else line = t("auditLog.summary.moved", "Moved {field}", { field });
      if (first.isBeforeUnknown) {
        // Nothing it wrote has a recorded earlier value: it may have changed, or not.
        const all = moreCount + unknownCount;
        if (all > 0) line = count("auditLog.summary.more", all, "{summary} and {count} more field", "{summary} and {count} more fields", { summary: line });
        line = count("auditLog.summary.notRecorded", all + 1, "{summary} (earlier value not recorded)", "{summary} (earlier values not recorded)", { summary: line });
      } else {
        if (moreCount > 0) line = count("auditLog.summary.more", moreCount, "{summary} and {count} more field", "{summary} and {count} more fields", { summary: line });
        if (unknownCount > 0) {
          line = count(
            "auditLog.summary.alsoWritten",
            unknownCount,
            "{summary}; {count} more field written, its earlier value not recorded",
            "{summary}; {count} more fields written, their earlier values not recorded",
            { summary: line },
          );
        }
      }
      return summary.isIncomplete ? t("auditLog.summary.incomplete", "{summary} (too large to compare in full)", { summary: line }) : line;
    }
  }

}

/** A side of a summary's change in words, whether they are its size ("(3 fields)"), and whether a field's own formatter wrote them. */
interface SummaryWords {
  text: string;
  isSize: boolean;
  isOwn: boolean;
}

function describeSide(
  change: FieldChange,
  side: "before" | "after",
  t: AuditTranslate,
  formatters: TimelineFormatters,
  max: number,
  formatField: FormatSummaryOptions["formatField"],
): SummaryWords {
  const raw = side === "before" ? change.before : change.after;
  const own = formatField?.(raw, side, change);
  if (own !== undefined) return { text: shorten(own, max) || t("auditLog.recordDiff.value.emptyText", "empty text"), isSize: false, isOwn: true };
  return { ...describeValue(raw, t, formatters, max), isOwn: false };
}

/** A long text change said by its changed words, or `undefined` when its values fit (or are not plain text). */
function describeTextChange(change: FieldChange, t: AuditTranslate, formatters: TimelineFormatters, max: number): string | undefined {
  const { before, after } = change;
  if (typeof before !== "string" || typeof after !== "string" || change.isRedacted) return undefined;
  if (!cutWords(before, max).isCut && !cutWords(after, max).isCut) return undefined;
  // Dates read as words of their own: they are never long.
  const options = { t, locale: formatters.locale, timeZone: formatters.timeZone };
  if (formatValue(before, options).type !== "text" || formatValue(after, options).type !== "text") return undefined;
  return formatTextChange(before, after, change.text, max, t);
}
