import { I18nContext, useTranslate } from "@refinedev/core";
import { useContext, useMemo } from "react";
import { interpolate, plural, type MessageParams } from "refine-audit-trail";
import { en, type DemoMessageKey, type DemoPluralKey } from "./en";
import { getLanguage, type Language } from "./i18nProvider";

/** Translates one of the demo's own strings. */
export type DemoTranslate = (key: DemoMessageKey, params?: MessageParams) => string;

/** What {@link useDemoTranslate} gives. */
export interface UseDemoTranslateResult {
  t: DemoTranslate;
  /** A counted message: `count` picks `.one` or `.other` (Intl.PluralRules) and fills `{count}`. */
  tc: (key: DemoPluralKey, count: number, params?: Record<string, string>) => string;
  /** The locale for Intl (`i18nProvider.getLocale()`): the one the kit's components use too. */
  locale: string | undefined;
  language: Language;
}

/**
 * The demo's strings through Refine's `useTranslate` (the same i18nProvider the kit's
 * strings go through), typed by the English catalog: a key it does not have does not
 * compile. Re-renders when the language changes.
 */
export function useDemoTranslate(): UseDemoTranslateResult {
  const translate = useTranslate();
  const { i18nProvider } = useContext(I18nContext);
  return useMemo(() => {
    const locale = i18nProvider?.getLocale();
    const t: DemoTranslate = (key, params) => translate(key, params ?? {}, interpolate(en[key], params));
    const tc: UseDemoTranslateResult["tc"] = (key, count, params) =>
      plural((k, message, values) => translate(k, values ?? {}, interpolate(message, values)), locale, key, count, en[`${key}.one`], en[`${key}.other`], params);
    return { t, tc, locale, language: getLanguage() };
  }, [translate, i18nProvider]);
}
