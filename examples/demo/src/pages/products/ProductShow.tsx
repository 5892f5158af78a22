import { useShow, type HttpError } from "@refinedev/core";
import { useMemo } from "react";
import { Link } from "react-router";
import { AuditTimeline, FieldHistory } from "refine-audit-trail";
import { formatDimensions, formatPrice, productDiffFields } from "../../components/format";
import { ProductVersions } from "../../components/ProductVersions";
import { ErrorMessage, Loading, statusOf } from "../../components/Status";
import { useCategories } from "../../components/useCategories";
import type { Product } from "../../types";

export function ProductShow() {
  const { result: product, query, showId } = useShow<Product, HttpError>({ resource: "products" });
  const { titles } = useCategories();
  const fields = useMemo(() => productDiffFields(titles), [titles]);
  const isGone = statusOf(query.error) === 404;

  return (
    <section aria-labelledby="page-title">
      <p className="breadcrumbs">
        <Link to="/products">Products</Link> ›
      </p>
      <div className="page-header">
        <h1 id="page-title">{product?.title ?? (isGone ? "Deleted product" : "Product")}</h1>
        {product && (
          <Link className="button" to={`/products/edit/${product.id}`}>
            Edit
          </Link>
        )}
      </div>

      {query.isError ? (
        <ErrorMessage
          title={isGone ? "This product no longer exists. Its history is kept below." : "The product could not be loaded."}
          error={isGone ? null : query.error}
          onRetry={isGone ? undefined : () => query.refetch()}
        />
      ) : !product ? (
        <Loading />
      ) : (
        <div className="columns">
          <dl className="details">
            <dt>SKU</dt>
            <dd>{product.sku}</dd>
            <dt>Category</dt>
            <dd>
              <Link to={`/categories/show/${product.categoryId}`}>{titles.get(String(product.categoryId)) ?? `Category #${product.categoryId}`}</Link>
            </dd>
            <dt>Status</dt>
            <dd>
              <span className="badge" data-status={product.status}>
                {product.status}
              </span>
            </dd>
            <dt>Price</dt>
            <dd>{formatPrice(product.price, product.currency)}</dd>
            <dt>Stock</dt>
            <dd>{product.stock ?? "—"}</dd>
            <dt>Tags</dt>
            <dd>
              {product.tags?.length ? (
                <ul className="tags">
                  {product.tags.map((tag) => (
                    <li key={tag}>{tag}</li>
                  ))}
                </ul>
              ) : (
                "—"
              )}
            </dd>
            <dt>Dimensions</dt>
            <dd>{formatDimensions(product.dimensions)}</dd>
            <dt>Supplier</dt>
            <dd>
              {product.supplier ? (
                <address>
                  {product.supplier.name}
                  {product.supplier.email && (
                    <>
                      <br />
                      {product.supplier.email}
                    </>
                  )}
                  {product.supplier.address && (
                    <>
                      <br />
                      {[product.supplier.address.street, [product.supplier.address.postalCode, product.supplier.address.city].filter(Boolean).join(" "), product.supplier.address.country]
                        .filter(Boolean)
                        .join(", ")}
                    </>
                  )}
                </address>
              ) : (
                "—"
              )}
            </dd>
            <dt>Variants</dt>
            <dd>
              {product.variants?.length ? (
                <table className="variants">
                  <thead>
                    <tr>
                      <th scope="col">SKU</th>
                      <th scope="col">Price</th>
                    </tr>
                  </thead>
                  <tbody>
                    {product.variants.map((variant) => (
                      <tr key={variant.id}>
                        <td>{variant.sku}</td>
                        <td>{formatPrice(variant.price, product.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                "—"
              )}
            </dd>
            <dt>Description</dt>
            <dd className="description">{product.description || "—"}</dd>
          </dl>
        </div>
      )}

      {showId !== undefined && (query.isSuccess || isGone) && (
        <>
          <div className="versions">
            <section className="panel" aria-labelledby="price-history-title">
              <h2 id="price-history-title">Price history</h2>
              <FieldHistory resource="products" id={showId} field="price" fields={fields} />
            </section>
            <section className="panel" aria-labelledby="compare-title">
              <h2 id="compare-title">Compare versions</h2>
              <ProductVersions id={showId} fields={fields} isDeleted={isGone} />
            </section>
          </div>
          <section className="history" aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            <AuditTimeline resource="products" id={showId} fields={fields} />
          </section>
        </>
      )}
    </section>
  );
}
