import { formatNumber } from "./intl";
import type { AuditTranslate } from "./translate";

const rules = new Map<string, Intl.PluralRules>();

/**
 * A counted message: the key ends in the locale's plural category (`.one`, `.other`,
 * `.few`…); the English default has one and other. `{count}` is the count through Intl.
 */
export function plural(
  t: AuditTranslate,
  locale: string | undefined,
  key: string,
  count: number,
  one: string,
  other: string,
  params?: Record<string, string>,
): string {
  const cacheKey = locale ?? "";
  let rule = rules.get(cacheKey);
  if (!rule) rules.set(cacheKey, (rule = new Intl.PluralRules(locale)));
  const category = rule.select(count);
  return t(`${key}.${category}`, category === "one" ? one : other, { ...params, count: formatNumber(count, locale) });
}
