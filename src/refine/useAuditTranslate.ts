import { I18nContext, useTranslate } from "@refinedev/core";
import { useCallback, useContext, useMemo } from "react";

import { interpolate, type AuditTranslate, type MessageParams } from "../core/translate";

export { interpolate, type AuditTranslate, type MessageParams } from "../core/translate";

/** The result of {@link useAuditTranslate}. */
export interface UseAuditTranslateResult {
  t: AuditTranslate;
  /** The app's locale (`i18nProvider.getLocale()`), else the browser's, else `undefined` (Intl's default). */
  locale: string | undefined;
}

/**
 * The kit's strings and locale, through Refine's i18n: every message has a key under
 * `auditLog.*` and an English default, so it reads well with no i18nProvider at all.
 * The provider gets the params as options (for its own interpolation); without one, the
 * default is interpolated here. Works outside `<Refine>` too.
 */
export function useAuditTranslate(localeOverride?: string): UseAuditTranslateResult {
  const translate = useTranslate();
  const { i18nProvider } = useContext(I18nContext);
  const t = useCallback<AuditTranslate>(
    (key, defaultMessage, params) => {
      if (!params) {
        const translated = translate(key, {}, defaultMessage);
        // A provider that returns the bare key has no translation: use the English default.
        return translated === key ? defaultMessage : translated;
      }
      // The values are user data (a field's old value may read "{count}"): the provider and
      // the `{name}` fill-in see placeholders only, and the values go in once, at the end.
      const names = Object.keys(params);
      const tokens: MessageParams = {};
      names.forEach((name, i) => (tokens[name] = `\uE000${i}\uE001`));
      const fallback = interpolate(defaultMessage, tokens);
      let translated = translate(key, tokens, fallback);
      if (translated === key) translated = fallback;
      return interpolate(translated, tokens).replace(/\uE000(\d+)\uE001/g, (_, i: string) => String(params[names[Number(i)]!]));
    },
    [translate],
  );
  const locale = useMemo(() => {
    if (localeOverride) return localeOverride;
    try {
      const fromApp = i18nProvider?.getLocale();
      if (fromApp) return fromApp;
    } catch {
      // A provider whose getLocale throws falls back to the browser's locale.
    }
    return typeof navigator !== "undefined" ? navigator.language || undefined : undefined;
  }, [i18nProvider, localeOverride]);
  return { t, locale };
}
