import { useShow, type HttpError } from "@refinedev/core";
import { useMemo } from "react";
import { Link } from "react-router";
import { AuditTimeline, FieldHistory } from "refine-audit-trail";
import { formatDimensions, formatPrice, productDiffFields, toPhotoSrc } from "../../components/format";
import { ProductVersions } from "../../components/ProductVersions";
import { ErrorMessage, Loading, statusOf } from "../../components/Status";
import { useCategories } from "../../components/useCategories";
import { useDemoTranslate } from "../../i18n/useDemoTranslate";
import type { Product } from "../../types";

export function ProductShow() {
  const { t, locale } = useDemoTranslate();
  const { result: product, query, showId } = useShow<Product, HttpError>({ resource: "products" });
  const { titles } = useCategories();
  const fields = useMemo(() => productDiffFields(t), [t]);
  const isGone = statusOf(query.error) === 404;

  return (
    <section aria-labelledby="page-title">
      <p className="breadcrumbs">
        <Link to="/products">{t("products.title")}</Link> ›
      </p>
      <div className="page-header">
        {product ? (
          <h1 id="page-title" translate="no">
            {product.title}
          </h1>
        ) : (
          <h1 id="page-title">{isGone ? t("products.deleted") : t("products.product")}</h1>
        )}
        {product && (
          <Link className="button" to={`/products/edit/${product.id}`}>
            {t("common.edit")}
          </Link>
        )}
      </div>

      {query.isError ? (
        <ErrorMessage
          title={isGone ? t("products.gone") : t("products.loadOneFailed")}
          error={isGone ? null : query.error}
          onRetry={isGone ? undefined : () => query.refetch()}
        />
      ) : !product ? (
        <Loading />
      ) : (
        <div className="columns">
          <figure className="photo">
            {toPhotoSrc(product.photo) ? (
              <img src={toPhotoSrc(product.photo)} alt={product.title} width={160} height={160} translate="no" />
            ) : (
              <figcaption className="muted">{t("products.noPhoto")}</figcaption>
            )}
          </figure>
          <dl className="details">
            <dt>{t("product.field.sku")}</dt>
            <dd translate="no">{product.sku}</dd>
            <dt>{t("product.field.category")}</dt>
            <dd>
              {titles.has(String(product.categoryId)) ? (
                <Link to={`/categories/show/${product.categoryId}`} translate="no">
                  {titles.get(String(product.categoryId))}
                </Link>
              ) : (
                <Link to={`/categories/show/${product.categoryId}`}>{t("products.categoryFallback", { id: product.categoryId })}</Link>
              )}
            </dd>
            <dt>{t("product.field.status")}</dt>
            <dd>
              <span className="badge" data-status={product.status}>
                {t(`product.status.${product.status}`)}
              </span>
            </dd>
            <dt>{t("product.field.price")}</dt>
            <dd>{formatPrice(product.price, product.currency, locale)}</dd>
            <dt>{t("product.field.stock")}</dt>
            <dd>{product.stock === undefined ? "—" : new Intl.NumberFormat(locale).format(product.stock)}</dd>
            <dt>{t("product.field.tags")}</dt>
            <dd translate="no">
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
            <dt>{t("product.field.dimensions")}</dt>
            <dd>{formatDimensions(product.dimensions, locale)}</dd>
            <dt>{t("product.field.supplier")}</dt>
            <dd translate="no">
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
            <dt>{t("product.field.variants")}</dt>
            <dd>
              {product.variants?.length ? (
                <table className="variants">
                  <thead>
                    <tr>
                      <th scope="col">{t("product.field.sku")}</th>
                      <th scope="col">{t("product.field.price")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {product.variants.map((variant) => (
                      <tr key={variant.id}>
                        <td translate="no">{variant.sku}</td>
                        <td>{formatPrice(variant.price, product.currency, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                "—"
              )}
            </dd>
            <dt>{t("product.field.description")}</dt>
            <dd className="description" translate="no">
              {product.description || "—"}
            </dd>
          </dl>
        </div>
      )}

      {showId !== undefined && (query.isSuccess || isGone) && (
        <>
          <div className="versions">
            <section className="panel" aria-labelledby="price-history-title">
              <h2 id="price-history-title">{t("products.priceHistory")}</h2>
              <FieldHistory resource="products" id={showId} field="price" fields={fields} />
            </section>
            <section className="panel" aria-labelledby="compare-title">
              <h2 id="compare-title">{t("products.compareVersions")}</h2>
              <ProductVersions id={showId} fields={fields} isDeleted={isGone} />
            </section>
          </div>
          <section className="history" aria-labelledby="history-title">
            <h2 id="history-title">{t("common.history")}</h2>
            <AuditTimeline resource="products" id={showId} fields={fields} />
          </section>
        </>
      )}
    </section>
  );
}
