import { useList, useShow, type HttpError } from "@refinedev/core";
import { useMemo } from "react";
import { Link } from "react-router";
import { AuditTimeline } from "refine-audit-trail";
import { categoryDiffFields } from "../../components/format";
import { ErrorMessage, Loading, statusOf } from "../../components/Status";
import { useDemoTranslate } from "../../i18n/useDemoTranslate";
import type { Category, Product } from "../../types";

export function CategoryShow() {
  const { t } = useDemoTranslate();
  const fields = useMemo(() => categoryDiffFields(t), [t]);
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
        <Link to="/categories">{t("categories.title")}</Link> ›
      </p>
      <div className="page-header">
        {category ? (
          <h1 id="page-title" translate="no">
            {category.title}
          </h1>
        ) : (
          <h1 id="page-title">{isGone ? t("categories.deleted") : t("categories.category")}</h1>
        )}
        {category && (
          <Link className="button" to={`/categories/edit/${category.id}`}>
            {t("common.edit")}
          </Link>
        )}
      </div>
      {query.isError ? (
        <ErrorMessage
          title={isGone ? t("categories.gone") : t("categories.loadOneFailed")}
          error={isGone ? null : query.error}
          onRetry={isGone ? undefined : () => query.refetch()}
        />
      ) : !category ? (
        <Loading />
      ) : (
        <dl className="details">
          <dt>{t("category.field.slug")}</dt>
          <dd translate="no">{category.slug}</dd>
          <dt>{t("category.field.description")}</dt>
          <dd className="description" translate="no">
            {category.description || "—"}
          </dd>
          <dt>{t("categories.products")}</dt>
          <dd>
            {productsQuery.isLoading ? (
              <Loading />
            ) : productsQuery.isError ? (
              <ErrorMessage title={t("products.loadFailed")} error={productsQuery.error} />
            ) : products.data.length === 0 ? (
              t("categories.noProducts")
            ) : (
              <ul className="plain" translate="no">
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
          <h2 id="history-title">{t("common.history")}</h2>
          <AuditTimeline resource="categories" id={showId} fields={fields} />
        </section>
      )}
    </section>
  );
}
