import { useForm, type HttpError } from "@refinedev/core";
import { Link } from "react-router";
import { ProductForm } from "../../components/ProductForm";
import { ErrorMessage, Loading } from "../../components/Status";
import { useCategories } from "../../components/useCategories";
import { useDemoTranslate } from "../../i18n/useDemoTranslate";
import type { Product, ProductValues } from "../../types";

export function ProductCreate() {
  const { t } = useDemoTranslate();
  const { onFinish, mutation } = useForm<Product, HttpError, ProductValues>({ resource: "products", action: "create", redirect: "show" });
  const { categories, query: categoriesQuery } = useCategories();
  return (
    <section aria-labelledby="page-title">
      <p className="breadcrumbs">
        <Link to="/products">{t("products.title")}</Link> ›
      </p>
      <h1 id="page-title">{t("products.new")}</h1>
      {categoriesQuery.isError ? (
        <ErrorMessage title={t("products.categoriesLoadFailed")} error={categoriesQuery.error} onRetry={() => categoriesQuery.refetch()} />
      ) : categoriesQuery.isLoading ? (
        <Loading />
      ) : (
        <ProductForm
          categories={categories}
          onSubmit={(values) => void onFinish(values).catch(() => undefined)}
          isSubmitting={mutation.isPending}
          error={mutation.error}
          submitLabel={t("productForm.create")}
        />
      )}
    </section>
  );
}
