import { isBulkAction } from "./history";
import type { AuditLogEntry } from "./normalizeLog";
import { formatPath } from "./path";
import type { ChangeSummary } from "./summarizeChanges";
import type { FieldChange, Path } from "./types";
import { formatValue } from "./formatValue";
import { toIntlLocale } from "./intl";
import { plural } from "./plural";
import type { AuditTranslate } from "./translate";

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

/** The IANA time zone given when Intl knows it, else `undefined` (the viewer's own): a typo never throws later. */
export function resolveTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

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

/** Cuts text to `max` characters (by code point, so no emoji is split), with "…". */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : flat;
}

/**
 * A value, short, for a summary line: formatted exactly as `<RecordDiff>` shows it
 * (`formatValue`: numbers and dates through Intl, booleans as Yes/No, empty values in
 * words, objects as compact JSON), then cut to `max` characters on one line.
 */
export function formatSummaryValue(value: unknown, t: AuditTranslate, formatters: TimelineFormatters, max = 40): string {
  const text = shorten(formatValue(value, { t, locale: formatters.locale, timeZone: formatters.timeZone }).text, max);
  // Whitespace-only text collapses to nothing on one line: say it in words instead.
  return text === "" ? t("auditLog.recordDiff.value.emptyText", "empty text") : text;
}

/** Options of {@link formatSummary}. */
export interface FormatSummaryOptions {
  /** The readable name of a path (the policy's labels). Default: the path as text. */
  getLabel?: (path: Path) => string;
  /** A field's own formatter (`fields[…].format`): its text, or `undefined` for the default. */
  formatField?: (value: unknown, side: "before" | "after", change: FieldChange) => string | undefined;
  /** Values longer than this are shortened by words ("…"). Default 40; `Infinity` for an export. */
  maxValueLength?: number;
}

/**
 * The one-line summary in words: "Changed price from 50 to 100 and 2 more fields",
 * "Set status to Published (earlier value not recorded)", "Created with 6 fields",
 * "Deleted". Redacted values are markers by then, so they read "(hidden)".
 */
export function formatSummary(summary: ChangeSummary, t: AuditTranslate, formatters: TimelineFormatters, options: FormatSummaryOptions = {}): string {
  const { getLabel = formatPath, formatField, maxValueLength = 40 } = options;
  const value = (change: FieldChange, side: "before" | "after") => {
    const raw = side === "before" ? change.before : change.after;
    const own = formatField?.(raw, side, change);
    return own !== undefined ? shorten(own, maxValueLength) || t("auditLog.recordDiff.value.emptyText", "empty text") : formatSummaryValue(raw, t, formatters, maxValueLength);
  };
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
      if (summary.isFirstRedacted && first.kind === "added") line = t("auditLog.summary.addedHidden", "Added {field} (hidden)", { field });
      else if (summary.isFirstRedacted && first.isBeforeUnknown) line = t("auditLog.summary.setHidden", "Set {field} (hidden)", { field });
      else if (summary.isFirstRedacted && first.kind !== "removed") line = t("auditLog.summary.changedHidden", "Changed {field} (hidden)", { field });
      else if (first.kind === "changed" && first.isBeforeUnknown) line = t("auditLog.summary.set", "Set {field} to {after}", { field, after: value(first, "after") });
      else if (first.kind === "changed") line = t("auditLog.summary.changed", "Changed {field} from {before} to {after}", {
          field,
          before: value(first, "before"),
          after: value(first, "after"),
        });
      else if (first.kind === "added") line = t("auditLog.summary.added", "Added {field}: {after}", { field, after: value(first, "after") });
      else if (first.kind === "removed") line = t("auditLog.summary.removed", "Removed {field}", { field });
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
