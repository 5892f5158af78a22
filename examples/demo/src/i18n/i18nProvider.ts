import type { I18nProvider } from "@refinedev/core";
import { interpolate, type MessageParams } from "refine-audit-trail";
import { de } from "./de";
import { en } from "./en";

/** The languages the demo speaks, each named in its own language (the switch shows them so). */
export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "de", name: "Deutsch" },
] as const;

/** A language of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number]["code"];

const CATALOGS: Record<Language, Readonly<Record<string, string>>> = { en, de };
const STORAGE_KEY = "northwind-demo:language";

const isLanguage = (value: unknown): value is Language => LANGUAGES.some((language) => language.code === value);
const baseLanguage = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

/** The language remembered from an earlier visit, else the browser's first one the demo speaks, else English. */
function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be off (private mode, a policy): the browser's languages decide.
  }
  const preferred = (navigator.languages ?? [navigator.language]).map(baseLanguage).find(isLanguage);
  return preferred ?? "en";
}

/**
 * The locale tag of a language, for Intl and `<html lang>`: the browser's own regional
 * variant when it has one (`en-GB` dates for a British browser), else the language alone.
 */
export function toLocaleTag(language: Language): string {
  return (navigator.languages ?? [navigator.language]).find((tag) => baseLanguage(tag) === language) ?? language;
}

let current: Language = initialLanguage();
const listeners = new Set<() => void>();
document.documentElement.lang = toLocaleTag(current);

/** The demo's language now. */
export const getLanguage = (): Language => current;

/** Calls `listener` when the language changes; returns the unsubscribe (React's `useSyncExternalStore` shape). */
export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Switches the language: remembered for the next visit, said in `<html lang>`, and the app re-renders. */
export function setLanguage(language: string): void {
  const next = baseLanguage(language);
  if (!isLanguage(next) || next === current) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, but switched.
  }
  document.documentElement.lang = toLocaleTag(next);
  for (const listener of listeners) listener();
}

/** One of the demo's strings in the current language, for code outside React (the providers). */
export function translateNow(key: keyof typeof en, params?: MessageParams): string {
  return interpolate(CATALOGS[current][key] ?? en[key], params);
}

/**
 * Refine's i18nProvider, by hand: a catalog per language (the kit's `auditLog.*` keys and
 * the demo's own), `{name}` placeholders filled from the options. A key the catalog does
 * not have falls back to the English one, then to the default the caller gave (the kit
 * always gives its English text), then to the key.
 *
 * Make a new one per language (App does): Refine's hooks and the kit memoise on the
 * provider, so a new object is what makes every translated string and every Intl format
 * follow the switch. Each reads the current language, so one kept by an older render (as
 * Refine's `useSetLocale` and `useGetLocale` keep the first) still does the right thing.
 */
export function createI18nProvider(): I18nProvider {
  return {
    translate: (key: string, options?: unknown, defaultMessage?: string) => {
      // Refine's two forms: translate(key, defaultMessage) and translate(key, options, defaultMessage).
      const fallback = typeof options === "string" ? options : defaultMessage;
      const params = typeof options === "object" && options !== null ? (options as MessageParams) : undefined;
      const message = CATALOGS[current][key] ?? (en as Readonly<Record<string, string>>)[key] ?? fallback;
      return message === undefined ? key : interpolate(message, params);
    },
    changeLocale: (locale: string) => {
      setLanguage(locale);
      return Promise.resolve();
    },
    getLocale: () => toLocaleTag(current),
  };
}
