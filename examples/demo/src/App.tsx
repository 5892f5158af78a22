import { Refine } from "@refinedev/core";
import routerProvider, { DocumentTitleHandler, NavigateToResource } from "@refinedev/react-router";
import { BrowserRouter, Link, Route, Routes } from "react-router";
import { Layout } from "./components/Layout";
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
import { auditLogProvider } from "./providers/auditLogProvider";
import { authProvider } from "./providers/authProvider";
import { dataProvider } from "./providers/dataProvider";

const resources = [
  {
    name: "products",
    list: "/products",
    create: "/products/create",
    edit: "/products/edit/:id",
    show: "/products/show/:id",
    meta: { label: "Products" },
  },
  {
    name: "categories",
    list: "/categories",
    create: "/categories/create",
    edit: "/categories/edit/:id",
    show: "/categories/show/:id",
    meta: { label: "Categories" },
  },
];

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
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">Page not found</h1>
      <p>
        <Link to="/products">Back to the products</Link>
      </p>
    </section>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Refine
        dataProvider={dataProvider}
        routerProvider={routerProvider}
        auditLogProvider={auditLogProvider}
        authProvider={authProvider}
        resources={resources}
        options={{ disableTelemetry: true, syncWithLocation: true, warnWhenUnsavedChanges: false, reactQuery: { clientConfig } }}
      >
        <Routes>
          <Route element={<Layout />}>
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
        <DocumentTitleHandler handler={({ resource, action }) => `${resource?.meta?.label ?? "History"}${action ? ` · ${action}` : ""} · Northwind Home`} />
      </Refine>
    </BrowserRouter>
  );
}
