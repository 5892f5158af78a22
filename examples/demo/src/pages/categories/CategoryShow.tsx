import { useList, useShow, type HttpError } from "@refinedev/core";
import { Link } from "react-router";
import { AuditTimeline } from "refine-audit-trail";
import { categoryDiffFields } from "../../components/format";
import { ErrorMessage, Loading, statusOf } from "../../components/Status";
import type { Category, Product } from "../../types";

export function CategoryShow() {
  const { result: category, query, showId } = useShow<Category, HttpError>({ resource: "categories" });
  const { result: products, query: productsQuery } = useList<Product, HttpError>({
    resource: "products",
    filters: [{ field: "categoryId", operator: "eq", value: showId }],
    pagination: { mode: "off" },
    sorters: [{ field: "title", order: "asc" }],
    queryOptions: { enabled: showId !== undefined },
  });
  const isGone = statusOf(query.error) === 404;
  return (
    <section aria-labelledby="page-title">
      <p className="breadcrumbs">
        <Link to="/categories">Categories</Link> ›
      </p>
      <div className="page-header">
        <h1 id="page-title">{category?.title ?? (isGone ? "Deleted category" : "Category")}</h1>
        {category && (
          <Link className="button" to={`/categories/edit/${category.id}`}>
            Edit
          </Link>
        )}
      </div>
      {query.isError ? (
        <ErrorMessage
          title={isGone ? "This category no longer exists. Its history is kept below." : "The category could not be loaded."}
          error={isGone ? null : query.error}
          onRetry={isGone ? undefined : () => query.refetch()}
        />
      ) : !category ? (
        <Loading />
      ) : (
        <dl className="details">
          <dt>Slug</dt>
          <dd>{category.slug}</dd>
          <dt>Description</dt>
          <dd className="description">{category.description || "—"}</dd>
          <dt>Products</dt>
          <dd>
            {productsQuery.isLoading ? (
              <Loading />
            ) : productsQuery.isError ? (
              <ErrorMessage title="The products could not be loaded." error={productsQuery.error} />
            ) : products.data.length === 0 ? (
              "None yet"
            ) : (
              <ul className="plain">
                {products.data.map((product) => (
                  <li key={product.id}>
                    <Link to={`/products/show/${product.id}`}>{product.title}</Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
      {showId !== undefined && (query.isSuccess || isGone) && (
        <section className="history" aria-labelledby="history-title">
          <h2 id="history-title">History</h2>
          <AuditTimeline resource="categories" id={showId} fields={categoryDiffFields} />
        </section>
      )}
    </section>
  );
}
