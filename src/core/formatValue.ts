import { formatNumber, toIntlLocale } from "./intl";
import { englishTranslate, type AuditTranslate } from "./translate";
import { getValueType, parseIsoDate, safeKeys, toArray, toCompactJson } from "./values";

export { formatNumber };

/**
 * How a formatted value should be marked up:
 * `empty` (said in words, `data-part="empty"`), `json` (compact JSON, `<code>`),
 * `date` (a `<time>`), `redacted` ("(hidden)"), `summary` (a run of unchanged items),
 * `text`, `number`, `boolean`.
 */
export type FormattedValueType = "empty" | "text" | "number" | "boolean" | "date" | "json" | "redacted" | "summary";

/** A value turned into words for people: data, not markup. */
export interface FormattedValue {
  type: FormattedValueType;
  text: string;
  /** For `date`: the machine-readable instant or day, for `<time dateTime>`. */
  dateTime?: string;
  /** The field's own formatter failed (its message): this is the default formatting instead. */
  formatError?: string;
}

/** Options of {@link formatValue}. */
export interface FormatValueOptions {
  /** Translates the words ("Yes", "empty"…); English when absent. */
  t?: AuditTranslate;
  /** A BCP 47 locale for Intl (`de-DE`); an invalid one (`en_US` is repaired) falls back to Intl's default. */
  locale?: string;
  /** The IANA time zone for date-times (`Europe/Paris`); default the viewer's. Date-only values never shift. */
  timeZone?: string;
}


/**
 * Formats any value the way `<RecordDiff>` shows it: numbers and dates through Intl,
 * ISO date strings as dates (`2024-05-01` as that day, whatever the time zone),
 * booleans as Yes/No, empty values in words, objects and arrays as compact JSON.
 * Never throws.
 *
 * @example
 * formatValue(1234.5, { locale: "de-DE" }) // { type: "number", text: "1.234,5" }
 */
export function formatValue(value: unknown, options: FormatValueOptions = {}): FormattedValue {
  const t = options.t ?? englishTranslate;
  const locale = canonicalLocale(options.locale);
  const empty = (key: string, text: string): FormattedValue => ({ type: "empty", text: t(`auditLog.recordDiff.value.${key}`, text) });
  // The common cases first, without classifying the value.
  if (typeof value === "number") return { type: "number", text: formatNumber(value, locale) };
  switch (getValueType(value)) {
    case "undefined":
    case "null":
      return empty("null", "empty");
    case "redacted":
      return { type: "redacted", text: String(value) };
    case "boolean":
      return { type: "boolean", text: value ? t("auditLog.recordDiff.value.true", "Yes") : t("auditLog.recordDiff.value.false", "No") };
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
      return date ? formatDate(date, text.length === 10, locale, options.timeZone, t, text) : { type: "text", text };
    }
    case "array":
      return toArray(value).length === 0 ? empty("emptyList", "empty list") : { type: "json", text: toCompactJson(value) };
    case "object":
      return safeKeys(value as object).length === 0 ? empty("emptyObject", "empty object") : { type: "json", text: toCompactJson(value) };
    default:
      return { type: "text", text: toCompactJson(value) };
  }
}

function formatDate(date: Date, dateOnly: boolean, locale: string | undefined, timeZone: string | undefined, t: AuditTranslate, source?: string): FormattedValue {
  if (Number.isNaN(date.getTime())) return { type: "text", text: t("auditLog.recordDiff.value.invalidDate", "invalid date") };
  if (dateOnly) {
    // A date-only ISO string parses as UTC midnight: format it in UTC so no zone moves it to another day.
    const format = cached(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }));
    return { type: "date", text: format.format(date), dateTime: source ?? date.toISOString().slice(0, 10) };
  }
  const make = (zone: string | undefined) =>
    new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone: zone });
  const format = cached(`dt|${locale}|${timeZone}`, () => {
    try {
      return make(timeZone);
    } catch {
      return make(undefined); // an unknown time zone: the viewer's, rather than no dates at all
    }
  });
  return { type: "date", text: format.format(date), dateTime: date.toISOString() };
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

