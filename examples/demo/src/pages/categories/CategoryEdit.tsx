import { useForm, type HttpError } from "@refinedev/core";
import { Link } from "react-router";
import { CategoryForm } from "../../components/CategoryForm";
import { ErrorMessage, Loading, statusOf } from "../../components/Status";
import { useDemoTranslate } from "../../i18n/useDemoTranslate";
import type { Category, CategoryValues } from "../../types";

export function CategoryEdit() {
  const { t } = useDemoTranslate();
  const { id, query, onFinish, mutation } = useForm<Category, HttpError, CategoryValues>({ resource: "categories", action: "edit", redirect: "show" });
  const category = query?.data?.data;
  return (
    <section aria-labelledby="page-title">
      <p className="breadcrumbs">
        <Link to="/categories">{t("categories.title")}</Link> ›{" "}
        {category && (
          <Link to={`/categories/show/${id}`} translate="no">
            {category.title}
          </Link>
        )}
      </p>
      <h1 id="page-title">{category ? t("categories.edit", { title: category.title }) : t("categories.editFallback")}</h1>
      {query?.isError ? (
        <ErrorMessage
          title={statusOf(query.error) === 404 ? t("categories.notFound") : t("categories.loadOneFailed")}
          error={query.error}
          onRetry={statusOf(query.error) === 404 ? undefined : () => query.refetch()}
        />
      ) : !category ? (
        <Loading />
      ) : (
        <CategoryForm
          key={category.id}
          category={category}
          onSubmit={(values) => void onFinish(values).catch(() => undefined)}
          isSubmitting={mutation.isPending}
          error={mutation.error}
          submitLabel={t("common.saveChanges")}
        />
      )}
    </section>
  );
}
