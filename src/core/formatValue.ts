import { formatNumber, toIntlLocale } from "./intl";
import { englishTranslate, type AuditTranslate } from "./translate";
import type { FieldFormatContext, RecordDiffField } from "./policy";
import { formatReference, type ReferenceLookup, type ReferenceState } from "./references";
import { getImageSrc, parseDuration } from "./typedValues";
import { getValueType, parseIsoDate, safeKeys, toArray, toCompactJson } from "./values";

export { formatNumber };

/**
 * How a formatted value should be marked up:
 * `empty` (said in words, `data-part="empty"`), `json` (compact JSON, `<code>`),
 * `date` (a `<time>`), `redacted` ("(hidden)"), `summary` (a run of unchanged items),
 * `text`, `number`, `boolean`; for typed fields (`fields[…].type`) also `image` (a URL,
 * with `src` when a thumbnail may load it), `duration` (a `<time>`) and `reference` (a
 * record of another resource by its label, see `fields[…].reference`).
 */
export type FormattedValueType = "empty" | "text" | "number" | "boolean" | "date" | "duration" | "image" | "json" | "redacted" | "summary" | "reference";

/** A value turned into words for people: data, not markup. */
export interface FormattedValue {
  type: FormattedValueType;
  text: string;
  /** For `date` and `duration`: the machine-readable instant, day or duration (`PT5400S`), for `<time dateTime>`. */
  dateTime?: string;
  /** For `image`: the URL a thumbnail may load, set only when it passed the check of {@link getImageSrc}. */
  src?: string;
  /** The field's own formatter failed (its message): this is the default formatting instead. */
  formatError?: string;
  /** For `reference`: what is known of the record (`loading`, `resolved`, `missing`, `error`; absent when nothing was asked). */
  referenceStatus?: ReferenceState["status"];
  /** For `reference`: the id(s), as text ("7", or "3, 7" for a list). */
  referenceIds?: string;
  /** For `reference`: the words of an export, the label with its id ("Lighting (#7)"). */
  exportText?: string;
}

/** Options of {@link formatValue}. */
export interface FormatValueOptions {
  /** Translates the words ("Yes", "empty"…); English when absent. */
  t?: AuditTranslate;
  /** A BCP 47 locale for Intl (`de-DE`); an invalid one (`en_US` is repaired) falls back to Intl's default. */
  locale?: string;
  /** The IANA time zone for date-times (`Europe/Paris`); default the viewer's. Date-only values never shift. */
  timeZone?: string;
  /** The field's policy: its `type` (and `currency`, `options`, `allowedOrigins`) decides how the value reads. `format` is not called here. */
  field?: RecordDiffField;
  /** What is known of referenced records (`fields[…].reference`); without it a reference reads as its id. */
  references?: ReferenceLookup;
}


/**
 * A value of a field as every view shows it: the field's own `format` (with `context`), else
 * {@link formatValue}. A `format` that throws gives the default formatting with
 * `formatError` set: one field's formatter never breaks a view.
 */
export function formatFieldValue(value: unknown, field: RecordDiffField | undefined, context: FieldFormatContext, options: Omit<FormatValueOptions, "field" | "locale">): FormattedValue {
  if (field?.format) {
    try {
      return { type: "text", text: String(field.format(value, context)) };
    } catch (error) {
      return { ...formatValue(value, { ...options, locale: context.locale, field }), formatError: error instanceof Error ? error.message : String(error) };
    }
  }
  return formatValue(value, { ...options, locale: context.locale, field });
}

/**
 * Formats any value the way `<RecordDiff>` shows it: numbers and dates through Intl,
 * ISO date strings as dates (`2024-05-01` as that day, whatever the time zone),
 * booleans as Yes/No, empty values in words, objects and arrays as compact JSON; a
 * field's `type` first, when the value fits it. Never throws.
 *
 * @example
 * formatValue(1234.5, { locale: "de-DE" }) // { type: "number", text: "1.234,5" }
 */
export function formatValue(value: unknown, options: FormatValueOptions = {}): FormattedValue {
  const t = options.t ?? englishTranslate;
  const locale = canonicalLocale(options.locale);
  const empty = (key: string, text: string): FormattedValue => ({ type: "empty", text: t(`auditLog.recordDiff.value.${key}`, text) });
  const reference = options.field?.reference && value != null ? formatReference(value, options.field.reference, options.references, { t, locale }) : undefined;
  if (reference) return { type: "reference", text: reference.text, exportText: reference.exportText, referenceStatus: reference.status, referenceIds: reference.ids.join(", ") };
  const typed = options.field?.type && value != null ? formatTyped(value, options.field, locale, options.timeZone, t) : undefined;
  if (typed) return typed;
  // The common cases first, without classifying the value.
  if (typeof value === "number") return { type: "number", text: formatNumber(value, locale) };
  switch (getValueType(value)) {
    case "undefined":
    case "null":
      return empty("null", "empty");
    case "redacted":
      return { type: "redacted", text: String(value) };
    case "boolean":
      return yesNo(value as boolean, t);
    case "number":
    case "bigint":
      return { type: "number", text: formatNumber(value as number | bigint, locale) };
    case "date":
      return formatDate(value as Date, false, locale, options.timeZone, t);
    case "string": {
      const text = value as string;
      if (text === "") return empty("emptyText", "empty text");
      const date = parseIsoDate(text);
      // An ISO date of 10 characters has no time of day (as `isDateOnly` says, without parsing twice).
      return date ? formatDate(date, false, locale, options.timeZone, t, text) : { type: "text", text };
    }
    case "array":
      return toArray(value).length === 0 ? empty("emptyList", "empty list") : { type: "json", text: toCompactJson(value) };
    case "object":
      return safeKeys(value as object).length === 0 ? empty("emptyObject", "empty object") : { type: "json", text: toCompactJson(value) };
    default:
      return { type: "text", text: toCompactJson(value) };
  }
}

const yesNo = (flag: boolean, t: AuditTranslate): FormattedValue => ({ type: "boolean", text: flag ? t("auditLog.recordDiff.value.true", "Yes") : t("auditLog.recordDiff.value.false", "No") });

/** A date-time, or only its day when `dayOnly`; `source` is the ISO text it was read from, if any. */
function formatDate(date: Date, dayOnly: boolean, locale: string | undefined, timeZone: string | undefined, t: AuditTranslate, source?: string): FormattedValue {
  if (Number.isNaN(date.getTime())) return { type: "text", text: t("auditLog.recordDiff.value.invalidDate", "invalid date") };
  // A date-only ISO string parses as UTC midnight: its day, in UTC, so no zone moves it to another day.
  const isDay = source?.length === 10;
  const zone = isDay ? "UTC" : timeZone;
  dayOnly ||= isDay;
  const make = (timeZone: string | undefined) =>
    new Intl.DateTimeFormat(locale, dayOnly ? { dateStyle: "medium", timeZone } : { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone });
  const format = cached(`${dayOnly}|${locale}|${zone}`, () => {
    try {
      return make(zone);
    } catch {
      return make(undefined); // an unknown time zone: the viewer's, rather than no dates at all
    }
  });
  return { type: "date", text: format.format(date), dateTime: isDay ? source : date.toISOString() };
}

const DURATION_UNITS = [
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
] as const;

const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** A value read as the field's `type` says, or `undefined` when it does not fit (the default formatting then). */
function formatTyped(value: unknown, field: RecordDiffField, locale: string | undefined, timeZone: string | undefined, t: AuditTranslate): FormattedValue | undefined {
  const type = getValueType(value);
  // Decimal text only: `Number("0x10")` is 16, which is not what the log says.
  const amount = type === "number" ? (value as number) : type === "string" && DECIMAL.test(value as string) ? Number(value) : NaN;
  switch (field.type) {
    case "image":
      return type === "string" && value ? { type: "image", text: value as string, src: getImageSrc(value as string, field.allowedOrigins, field.baseUrl) } : undefined;
    case "currency":
      try {
        return Number.isFinite(amount) ? { type: "number", text: cached(`c|${locale}|${field.currency}`, () => new Intl.NumberFormat(locale, { style: "currency", currency: field.currency! })).format(amount) } : undefined;
      } catch {
        return undefined; // no or an unknown currency code
      }
    case "number":
      return Number.isFinite(amount) ? { type: "number", text: formatNumber(amount, locale) } : undefined;
    case "enum": {
      const key = type === "string" || type === "number" || type === "boolean" ? String(value) : undefined;
      // Own keys only: `constructor` or `__proto__` name no option.
      return key !== undefined && field.options && Object.hasOwn(field.options, key) ? { type: "text", text: String(field.options[key]) } : undefined;
    }
    case "boolean":
      return value === true || value === 1 || value === "true" ? yesNo(true, t) : value === false || value === 0 || value === "false" ? yesNo(false, t) : undefined;
    case "date":
    case "datetime": {
      // Epoch seconds or milliseconds, read as the log's own times are.
      const date = type === "date" ? (value as Date) : type === "number" ? new Date(amount < 1e11 ? amount * 1000 : amount) : type === "string" ? parseIsoDate(value as string) : undefined;
      return date && formatDate(date, field.type === "date", locale, timeZone, t, type === "string" ? (value as string) : undefined);
    }
    case "duration": {
      const seconds = parseDuration(value);
      if (seconds === undefined) return undefined;
      let rest = seconds;
      const words: string[] = [];
      for (const [unit, size] of DURATION_UNITS) {
        const count = size === 1 ? Math.round(rest * 1000) / 1000 : Math.floor(rest / size);
        rest -= count * size;
        if (count > 0 || (size === 1 && words.length === 0)) words.push(cached(`u|${locale}|${unit}`, () => new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short" })).format(count));
      }
      return { type: "duration", text: words.join(" "), dateTime: `PT${seconds}S` };
    }
    default:
      return undefined;
  }
}

// Canonicalising a locale asks Intl each time: remember the answers (a diff formats thousands of values).
const canonicalLocales = new Map<string | undefined, string | undefined>();
function canonicalLocale(locale: string | undefined): string | undefined {
  if (canonicalLocales.has(locale)) return canonicalLocales.get(locale);
  if (canonicalLocales.size > 50) canonicalLocales.clear();
  const canonical = toIntlLocale(locale);
  canonicalLocales.set(locale, canonical);
  return canonical;
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  let format = formatters.get(key) as T | undefined;
  if (!format) {
    if (formatters.size > 100) formatters.clear();
    formatters.set(key, (format = create()));
  }
  return format;
}

