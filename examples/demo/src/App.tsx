import { Refine } from "@refinedev/core";
import routerProvider, { DocumentTitleHandler, NavigateToResource } from "@refinedev/react-router";
import { useMemo, useSyncExternalStore } from "react";
import { BrowserRouter, Link, Route, Routes } from "react-router";
import { statusOf } from "./components/Status";
import { CategoryCreate } from "./pages/categories/CategoryCreate";
import { CategoryEdit } from "./pages/categories/CategoryEdit";
import { CategoryList } from "./pages/categories/CategoryList";
import { CategoryShow } from "./pages/categories/CategoryShow";
import { HistoryPage } from "./pages/HistoryPage";
import { ProductCreate } from "./pages/products/ProductCreate";
import { ProductEdit } from "./pages/products/ProductEdit";
import { ProductList } from "./pages/products/ProductList";
import { ProductShow } from "./pages/products/ProductShow";
import { createI18nProvider, getLanguage, subscribeLanguage, translateNow } from "./i18n/i18nProvider";
import { useDemoTranslate } from "./i18n/useDemoTranslate";
import { auditLogProvider } from "./providers/auditLogProvider";
import { authProvider } from "./providers/authProvider";
import { dataProvider } from "./providers/dataProvider";
import { DemoShell } from "./ui/DemoShell";

/**
 * The resources, labelled in the current language (Refine's menus in the Ant Design and MUI
 * shells show `meta.label`). The history has no records of its own: it is a resource for
 * those menus only.
 */
function createResources() {
  return [
    {
      name: "products",
      list: "/products",
      create: "/products/create",
      edit: "/products/edit/:id",
      show: "/products/show/:id",
      meta: { label: translateNow("resource.products") },
    },
    {
      name: "categories",
      list: "/categories",
      create: "/categories/create",
      edit: "/categories/edit/:id",
      show: "/categories/show/:id",
      meta: { label: translateNow("resource.categories") },
    },
    { name: "history", list: "/history", meta: { label: translateNow("resource.history") } },
  ];
}

/** The app's mark: a rounded square, as in the favicon. */
const APP_ICON = (
  <svg viewBox="0 0 16 16" width="24" height="24" aria-hidden="true">
    <rect width="16" height="16" rx="3" fill="currentColor" />
  </svg>
);

// A 4xx (a deleted record, a bad request) will not go away by asking again: show it at once.
const clientConfig = {
  defaultOptions: {
    queries: {
      retry: (failureCount: number, error: unknown) => {
        const status = statusOf(error);
        return (status === undefined || status >= 500) && failureCount < 2;
      },
    },
  },
};

function NotFound() {
  const { t } = useDemoTranslate();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t("notFound.title")}</h1>
      <p>
        <Link to="/products">{t("notFound.back")}</Link>
      </p>
    </section>
  );
}

const PAGE_TITLES = { products: "resource.products", categories: "resource.categories" } as const;
const TITLED_ACTIONS = ["create", "edit", "show"] as const;

/** The tab's title in the current language ("Produkte · Bearbeiten · Northwind Home"), set again when it changes. */
function DocumentTitle() {
  const { t, language } = useDemoTranslate();
  return (
    <DocumentTitleHandler
      key={language}
      handler={({ resource, action }) => {
        const page = t(resource && Object.hasOwn(PAGE_TITLES, resource.name) ? PAGE_TITLES[resource.name as keyof typeof PAGE_TITLES] : "resource.history");
        const titled = TITLED_ACTIONS.find((candidate) => candidate === action);
        return titled ? t("app.titleWithAction", { page, action: t(`app.action.${titled}`) }) : t("app.title", { page });
      }}
    />
  );
}

export function App() {
  const language = useSyncExternalStore(subscribeLanguage, getLanguage);
  // A new provider per language: every translated string and Intl format re-renders (see createI18nProvider).
  const i18nProvider = useMemo(() => createI18nProvider(), [language]);
  const resources = useMemo(() => createResources(), [language]);
  return (
    <BrowserRouter>
      <Refine
        dataProvider={dataProvider}
        routerProvider={routerProvider}
        auditLogProvider={auditLogProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        resources={resources}
        options={{ title: { text: translateNow("app.name"), icon: APP_ICON }, disableTelemetry: true, syncWithLocation: true, warnWhenUnsavedChanges: false, reactQuery: { clientConfig } }}
      >
        <Routes>
          <Route element={<DemoShell />}>
            <Route index element={<NavigateToResource resource="products" />} />
            <Route path="/products">
              <Route index element={<ProductList />} />
              <Route path="create" element={<ProductCreate />} />
              <Route path="edit/:id" element={<ProductEdit />} />
              <Route path="show/:id" element={<ProductShow />} />
            </Route>
            <Route path="/categories">
              <Route index element={<CategoryList />} />
              <Route path="create" element={<CategoryCreate />} />
              <Route path="edit/:id" element={<CategoryEdit />} />
              <Route path="show/:id" element={<CategoryShow />} />
            </Route>
            <Route path="/history" element={<HistoryPage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
        <DocumentTitle />
      </Refine>
    </BrowserRouter>
  );
}
