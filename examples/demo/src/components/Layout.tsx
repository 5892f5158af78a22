import { useGetIdentity, useSetLocale } from "@refinedev/core";
import { NavLink, Outlet } from "react-router";
import { LANGUAGES } from "../i18n/i18nProvider";
import { useDemoTranslate } from "../i18n/useDemoTranslate";

/** The app's shell: a header with the sections, the language and the signed-in user, then the page. */
export function Layout() {
  const { t, language } = useDemoTranslate();
  const changeLocale = useSetLocale();
  const { data: user } = useGetIdentity<{ name: string }>();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">
          {t("app.name")} <small>{t("app.tagline")}</small>
        </span>
        <nav aria-label={t("layout.sections")}>
          <NavLink to="/products">{t("resource.products")}</NavLink>
          <NavLink to="/categories">{t("resource.categories")}</NavLink>
          <NavLink to="/history">{t("resource.history")}</NavLink>
        </nav>
        <span className="user">
          {user ? t("layout.signedInAs", { name: user.name }) : ""}
        </span>
        <label className="language">
          <span className="visually-hidden">{t("layout.language")}</span>
          <select value={language} onChange={(event) => void changeLocale(event.target.value)}>
            {LANGUAGES.map(({ code, name }) => (
              // Each language named in itself, whatever the page's language.
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main className="page">
        <Outlet />
      </main>
    </div>
  );
}
