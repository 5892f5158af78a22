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
