import { isBulkAction } from "../core/history";
import type { AuditLogEntry } from "../core/normalizeLog";
import { formatPath } from "../core/path";
import type { ChangeSummary } from "../core/summarizeChanges";
import { getValueType, toCompactJson } from "../core/values";
import type { AuditTranslate } from "../refine/useAuditTranslate";
import { toIntlLocale } from "../shared/intl";

/** Intl objects for one locale and time zone, made once and reused for every entry. */
export interface TimelineFormatters {
  locale: string | undefined;
  /** The IANA time zone given (when Intl knows it); `undefined`: the viewer's own. */
  timeZone: string | undefined;
  relative: Intl.RelativeTimeFormat;
  absolute: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  number: Intl.NumberFormat;
  plural: Intl.PluralRules;
}


/** Builds the {@link TimelineFormatters} for a locale and an optional IANA time zone. */
export function createFormatters(locale: string | undefined, timeZone?: string): TimelineFormatters {
  const intlLocale = toIntlLocale(locale);
  let zone = timeZone;
  try {
    if (zone) new Intl.DateTimeFormat(intlLocale, { timeZone: zone });
  } catch {
    zone = undefined;
  }
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
    day: new Intl.DateTimeFormat(intlLocale, { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: zone }),
    number: new Intl.NumberFormat(intlLocale),
    plural: new Intl.PluralRules(intlLocale),
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

/** "5 minutes ago", "yesterday", "in 2 hours" (a clock ahead of the viewer's), in the locale. */
export function formatRelativeTime(date: Date, now: Date, formatters: TimelineFormatters): string {
  let value = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(value) < size) return formatters.relative.format(Math.round(value), unit);
    value /= size;
  }
  return formatters.relative.format(Math.round(value), "year");
}

/** Picks a plural form: the key gets the locale's category (`.one`, `.other`, `.few`…). */
export function plural(
  t: AuditTranslate,
  formatters: TimelineFormatters,
  key: string,
  count: number,
  one: string,
  other: string,
  params?: Record<string, string>,
): string {
  const category = formatters.plural.select(count);
  return t(`${key}.${category}`, category === "one" ? one : other, { ...params, count: formatters.number.format(count) });
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
    return plural(t, formatters, `auditLog.action.${action}`, entry.recordIds.length, one, other);
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

/** A value, short, for a summary line: text as it is, numbers and dates through Intl, objects as compact JSON. */
export function formatSummaryValue(value: unknown, t: AuditTranslate, formatters: TimelineFormatters, max = 40): string {
  switch (getValueType(value)) {
    case "undefined":
    case "null":
      return t("auditLog.value.empty", "empty");
    case "string":
      return (value as string).trim() === "" ? t("auditLog.value.emptyText", "empty text") : shorten(value as string, max);
    case "number":
      return formatters.number.format(value as number);
    case "boolean":
      return value ? t("auditLog.value.true", "true") : t("auditLog.value.false", "false");
    case "date": {
      const date = value as Date;
      return Number.isNaN(date.getTime()) ? "Invalid Date" : formatters.absolute.format(date);
    }
    default:
      return shorten(toCompactJson(value, { maxLength: max * 2 }), max);
  }
}

/** The one-line summary in words: "Changed price from 50 to 100 and 2 more fields", "Set status to Published", "Created with 6 fields", "Deleted". */
export function formatSummary(summary: ChangeSummary, t: AuditTranslate, formatters: TimelineFormatters): string {
  switch (summary.type) {
    case "created":
      return plural(t, formatters, "auditLog.summary.created", summary.fieldCount, "Created with {count} field", "Created with {count} fields");
    case "createdMany":
      return plural(t, formatters, "auditLog.summary.createdMany", summary.recordCount, "Created {count} record", "Created {count} records");
    case "deleted":
      return t("auditLog.summary.deleted", "Deleted");
    case "unchanged":
      return t("auditLog.summary.unchanged", "No visible changes");
    case "empty":
      return t("auditLog.summary.empty", "No details recorded");
    case "changed": {
      const { first, moreCount } = summary;
      const field = formatPath(first.path) || t("auditLog.summary.root", "the value");
      const before = formatSummaryValue(first.before, t, formatters);
      const after = formatSummaryValue(first.after, t, formatters);
      let line: string;
      if (first.kind === "changed" && first.isBeforeUnknown) line = t("auditLog.summary.set", "Set {field} to {after}", { field, after });
      else if (first.kind === "changed") line = t("auditLog.summary.changed", "Changed {field} from {before} to {after}", { field, before, after });
      else if (first.kind === "added") line = t("auditLog.summary.added", "Added {field}: {after}", { field, after });
      else if (first.kind === "removed") line = t("auditLog.summary.removed", "Removed {field}", { field });
      else line = t("auditLog.summary.moved", "Moved {field}", { field });
      if (moreCount === 0) return line;
      return plural(t, formatters, "auditLog.summary.more", moreCount, "{summary} and {count} more field", "{summary} and {count} more fields", {
        summary: line,
      });
    }
  }
}
