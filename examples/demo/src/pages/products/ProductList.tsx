import { useDelete, useTable, type CrudSort, type HttpError } from "@refinedev/core";
import { useState } from "react";
import { Link } from "react-router";
import { formatPrice } from "../../components/format";
import { ErrorMessage, Loading } from "../../components/Status";
import { useCategories } from "../../components/useCategories";
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
        <h1 id="page-title">Products</h1>
        <Link className="button primary" to="/products/create">
          New product
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
          Search products <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <button type="submit">Search</button>
        <label>
          Category{" "}
          <select value={categoryFilter} onChange={(event) => setFilters([{ field: "categoryId", operator: "eq", value: event.target.value || undefined }], "merge")}>
            <option value="">All categories</option>
            {categories.map((category) => (
              <option key={category.id} value={String(category.id)}>
                {category.title}
              </option>
            ))}
          </select>
        </label>
      </form>
      {removal.error && <ErrorMessage title="The product was not deleted." error={removal.error} />}

      {tableQuery.isError ? (
        <ErrorMessage title="The products could not be loaded." error={tableQuery.error} onRetry={() => tableQuery.refetch()} />
      ) : tableQuery.isLoading ? (
        <Loading />
      ) : result.data.length === 0 ? (
        <p className="empty">No products match.</p>
      ) : (
        <>
          <table className="data" aria-busy={tableQuery.isFetching}>
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort("title")}>
                  <SortButton field="title" label="Title" sorters={sorters} onSort={setSorters} />
                </th>
                <th scope="col">Category</th>
                <th scope="col">Status</th>
                <th scope="col" className="number" aria-sort={ariaSort("price")}>
                  <SortButton field="price" label="Price" sorters={sorters} onSort={setSorters} />
                </th>
                <th scope="col" className="number" aria-sort={ariaSort("stock")}>
                  <SortButton field="stock" label="Stock" sorters={sorters} onSort={setSorters} />
                </th>
                <th scope="col">Tags</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.data.map((product) => (
                <tr key={product.id}>
                  <td>
                    <Link to={`/products/show/${product.id}`}>{product.title}</Link>
                    <div className="muted">{product.sku}</div>
                  </td>
                  <td>{titles.get(String(product.categoryId)) ?? `#${product.categoryId}`}</td>
                  <td>
                    <span className="badge" data-status={product.status}>
                      {product.status}
                    </span>
                  </td>
                  <td className="number">{formatPrice(product.price, product.currency)}</td>
                  <td className="number">{product.stock ?? "—"}</td>
                  <td>{product.tags?.join(", ")}</td>
                  <td className="row-actions">
                    <Link to={`/products/edit/${product.id}`} aria-label={`Edit ${product.title}`}>
                      Edit
                    </Link>
                    <button
                      type="button"
                      className="link-button danger"
                      aria-label={`Delete ${product.title}`}
                      disabled={removal.isPending}
                      onClick={() => {
                        if (window.confirm(`Delete “${product.title}”? Its history is kept.`)) remove({ resource: "products", id: product.id });
                      }}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pages">
            <button type="button" disabled={currentPage <= 1} onClick={() => setCurrentPage(currentPage - 1)}>
              Previous
            </button>
            <span>
              Page {currentPage} of {Math.max(1, pageCount)} · {result.total ?? 0} products
            </span>
            <button type="button" disabled={currentPage >= pageCount} onClick={() => setCurrentPage(currentPage + 1)}>
              Next
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
