import { useForm, type HttpError } from "@refinedev/core";
import { Link } from "react-router";
import { ProductForm } from "../../components/ProductForm";
import { ErrorMessage, Loading, statusOf } from "../../components/Status";
import { useCategories } from "../../components/useCategories";
import { useDemoTranslate } from "../../i18n/useDemoTranslate";
import type { Product, ProductValues } from "../../types";

export function ProductEdit() {
  const { id, query, onFinish, mutation } = useForm<Product, HttpError, ProductValues>({ resource: "products", action: "edit", redirect: "show" });
  const { t } = useDemoTranslate();
  const { categories, query: categoriesQuery } = useCategories();
  const product = query?.data?.data;
  return (
    <section aria-labelledby="page-title">
      <p className="breadcrumbs">
        <Link to="/products">{t("products.title")}</Link> ›{" "}
        {product && (
          <Link to={`/products/show/${id}`} translate="no">
            {product.title}
          </Link>
        )}
      </p>
      <h1 id="page-title">{product ? t("products.edit", { title: product.title }) : t("products.editFallback")}</h1>
      {query?.isError ? (
        <ErrorMessage
          title={statusOf(query.error) === 404 ? t("products.notFound") : t("products.loadOneFailed")}
          error={query.error}
          onRetry={statusOf(query.error) === 404 ? undefined : () => query.refetch()}
        />
      ) : categoriesQuery.isError ? (
        <ErrorMessage title={t("products.categoriesLoadFailed")} error={categoriesQuery.error} onRetry={() => categoriesQuery.refetch()} />
      ) : !product || categoriesQuery.isLoading ? (
        <Loading />
      ) : (
        <ProductForm
          // A new form when another product (or a fresh copy of it) arrives.
          key={`${product.id}`}
          product={product}
          categories={categories}
          onSubmit={(values) => void onFinish(values).catch(() => undefined)}
          isSubmitting={mutation.isPending}
          error={mutation.error}
          submitLabel={t("common.saveChanges")}
        />
      )}
    </section>
  );
}
