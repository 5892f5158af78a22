import { useForm, type HttpError } from "@refinedev/core";
import { Link } from "react-router";
import { CategoryForm } from "../../components/CategoryForm";
import type { Category, CategoryValues } from "../../types";

export function CategoryCreate() {
  const { onFinish, mutation } = useForm<Category, HttpError, CategoryValues>({ resource: "categories", action: "create", redirect: "show" });
  return (
    <section aria-labelledby="page-title">
      <p className="breadcrumbs">
        <Link to="/categories">Categories</Link> ›
      </p>
      <h1 id="page-title">New category</h1>
      <CategoryForm onSubmit={(values) => void onFinish(values).catch(() => undefined)} isSubmitting={mutation.isPending} error={mutation.error} submitLabel="Create category" />
    </section>
  );
}
