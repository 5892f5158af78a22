import { useForm, type HttpError } from "@refinedev/core";
import { Link } from "react-router";
import { CategoryForm } from "../../components/CategoryForm";
import { useDemoTranslate } from "../../i18n/useDemoTranslate";
import type { Category, CategoryValues } from "../../types";

export function CategoryCreate() {
  const { t } = useDemoTranslate();
  const { onFinish, mutation } = useForm<Category, HttpError, CategoryValues>({ resource: "categories", action: "create", redirect: "show" });
  return (
    <section aria-labelledby="page-title">
      <p className="breadcrumbs">
        <Link to="/categories">{t("categories.title")}</Link> ›
      </p>
      <h1 id="page-title">{t("categories.new")}</h1>
      <CategoryForm
        onSubmit={(values) => void onFinish(values).catch(() => undefined)}
        isSubmitting={mutation.isPending}
        error={mutation.error}
        submitLabel={t("categoryForm.create")}
      />
    </section>
  );
}
