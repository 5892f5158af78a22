import { useDelete, useTable, type CrudSort, type HttpError } from "@refinedev/core";
import { useState } from "react";
import { Link } from "react-router";
import { formatPrice } from "../../components/format";
import { ErrorMessage, Loading } from "../../components/Status";
import { useCategories } from "../../components/useCategories";
import { useDemoTranslate } from "../../i18n/useDemoTranslate";
import type { Product } from "../../types";

function SortButton({ field, label, sorters, onSort }: { field: string; label: string; sorters: CrudSort[]; onSort: (sorters: CrudSort[]) => void }) {
  const current = sorters.find((sorter) => sorter.field === field)?.order;
  return (
    <button type="button" className="sort" onClick={() => onSort([{ field, order: current === "asc" ? "desc" : "asc" }])}>
      {label}
      <span aria-hidden="true">{current === "asc" ? " ▲" : current === "desc" ? " ▼" : ""}</span>
    </button>
  );
}

export function ProductList() {
  const { tableQuery, result, sorters, setSorters, filters, setFilters, currentPage, setCurrentPage, pageCount } = useTable<Product, HttpError>({
    resource: "products",
    pagination: { pageSize: 10 },
    sorters: { initial: [{ field: "title", order: "asc" }] },
    syncWithLocation: true,
  });
  const { t, tc, locale } = useDemoTranslate();
  const { categories, titles } = useCategories();
  const { mutate: remove, mutation: removal } = useDelete<Product, HttpError>();
  const [search, setSearch] = useState(() => String(filters.find((f) => "field" in f && f.field === "q")?.value ?? ""));
  const categoryFilter = String(filters.find((f) => "field" in f && f.field === "categoryId")?.value ?? "");
  const ariaSort = (field: string) => {
    const order = sorters.find((sorter) => sorter.field === field)?.order;
    return order === "asc" ? "ascending" : order === "desc" ? "descending" : undefined;
  };

  return (
    <section aria-labelledby="page-title">
      <div className="page-header">
        <h1 id="page-title">{t("products.title")}</h1>
        <Link className="button primary" to="/products/create">
          {t("products.new")}
        </Link>
      </div>
      <form
        className="toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters([{ field: "q", operator: "eq", value: search.trim() || undefined }], "merge");
        }}
      >
        <label>
          {t("products.search")} <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <button type="submit">{t("common.search")}</button>
        <label>
          {t("product.field.category")}{" "}
          <select value={categoryFilter} onChange={(event) => setFilters([{ field: "categoryId", operator: "eq", value: event.target.value || undefined }], "merge")}>
            <option value="">{t("products.allCategories")}</option>
            {categories.map((category) => (
              <option key={category.id} value={String(category.id)} translate="no">
                {category.title}
              </option>
            ))}
          </select>
        </label>
      </form>
      {removal.error && <ErrorMessage title={t("products.deleteFailed")} error={removal.error} />}

      {tableQuery.isError ? (
        <ErrorMessage title={t("products.loadFailed")} error={tableQuery.error} onRetry={() => tableQuery.refetch()} />
      ) : tableQuery.isLoading ? (
        <Loading />
      ) : result.data.length === 0 ? (
        <p className="empty">{t("products.noMatch")}</p>
      ) : (
        <>
          <table className="data" aria-busy={tableQuery.isFetching}>
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort("title")}>
                  <SortButton field="title" label={t("product.field.title")} sorters={sorters} onSort={setSorters} />
                </th>
                <th scope="col">{t("product.field.category")}</th>
                <th scope="col">{t("product.field.status")}</th>
                <th scope="col" className="number" aria-sort={ariaSort("price")}>
                  <SortButton field="price" label={t("product.field.price")} sorters={sorters} onSort={setSorters} />
                </th>
                <th scope="col" className="number" aria-sort={ariaSort("stock")}>
                  <SortButton field="stock" label={t("product.field.stock")} sorters={sorters} onSort={setSorters} />
                </th>
                <th scope="col">{t("product.field.tags")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.data.map((product) => (
                <tr key={product.id}>
                  <td translate="no">
                    <Link to={`/products/show/${product.id}`}>{product.title}</Link>
                    <div className="muted">{product.sku}</div>
                  </td>
                  <td translate="no">{titles.get(String(product.categoryId)) ?? `#${product.categoryId}`}</td>
                  <td>
                    <span className="badge" data-status={product.status}>
                      {t(`product.status.${product.status}`)}
                    </span>
                  </td>
                  <td className="number">{formatPrice(product.price, product.currency, locale)}</td>
                  <td className="number">{product.stock === undefined ? "—" : new Intl.NumberFormat(locale).format(product.stock)}</td>
                  <td translate="no">{product.tags?.join(", ")}</td>
                  <td className="row-actions">
                    <Link to={`/products/edit/${product.id}`} aria-label={t("common.editRecord", { title: product.title })}>
                      {t("common.edit")}
                    </Link>
                    <button
                      type="button"
                      className="link-button danger"
                      aria-label={t("common.deleteRecord", { title: product.title })}
                      disabled={removal.isPending}
                      onClick={() => {
                        if (window.confirm(t("products.confirmDelete", { title: product.title }))) remove({ resource: "products", id: product.id });
                      }}
                    >
                      {t("common.delete")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label={t("common.pages")}>
            <button type="button" disabled={currentPage <= 1} onClick={() => setCurrentPage(currentPage - 1)}>
              {t("common.previous")}
            </button>
            <span>
              {t("products.page", { page: currentPage, pages: Math.max(1, pageCount) })} · {tc("products.count", result.total ?? 0)}
            </span>
            <button type="button" disabled={currentPage >= pageCount} onClick={() => setCurrentPage(currentPage + 1)}>
              {t("common.next")}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
