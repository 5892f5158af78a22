/**
 * A locale Intl accepts, or `undefined` (Intl's default). Providers often return `en_US`,
 * which Intl rejects with a RangeError: the underscore is repaired; garbage is dropped.
 */
export function toIntlLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  for (const candidate of [locale, locale.replace(/_/g, "-")]) {
    try {
      return Intl.getCanonicalLocales(candidate)[0];
    } catch {
      // Not a valid tag: try the next form.
    }
  }
  return undefined;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a number (or BigInt) with Intl, keeping every significant digit (`0.0001` stays `0.0001`). */
export function formatNumber(value: number | bigint, locale?: string): string {
  const key = locale ?? "";
  let format = numberFormats.get(key);
  if (!format) {
    if (numberFormats.size > 50) numberFormats.clear();
    numberFormats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 })));
  }
  return format.format(value);
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
