import type { HttpError } from "@refinedev/core";
import { useId, useState, type FormEvent } from "react";
import { useDemoTranslate } from "../i18n/useDemoTranslate";
import type { Category, CategoryValues } from "../types";
import { ErrorMessage } from "./Status";

export interface CategoryFormProps {
  category?: Category;
  onSubmit: (values: CategoryValues) => void;
  isSubmitting: boolean;
  error?: HttpError | null;
  submitLabel: string;
}

const slugify = (title: string) =>
  title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The category form: a title, a slug (suggested from the title), a description. */
export function CategoryForm({ category, onSubmit, isSubmitting, error, submitLabel }: CategoryFormProps) {
  const { t } = useDemoTranslate();
  const [values, setValues] = useState<CategoryValues>({ title: category?.title ?? "", slug: category?.slug ?? "", description: category?.description ?? "" });
  const [isSlugEdited, setIsSlugEdited] = useState(Boolean(category));
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ title: values.title.trim(), slug: values.slug.trim(), description: values.description });
  };
  return (
    <form className="form" onSubmit={submit} aria-busy={isSubmitting}>
      {error && <ErrorMessage title={t("categoryForm.notSaved")} error={error} />}
      <div className="grid">
        <label htmlFor={`${id}-title`}>{t("category.field.title")}</label>
        <input
          id={`${id}-title`}
          value={values.title}
          required
          maxLength={80}
          onChange={(event) => {
            const title = event.target.value;
            setValues((current) => ({ ...current, title, slug: isSlugEdited ? current.slug : slugify(title) }));
          }}
        />
        <label htmlFor={`${id}-slug`}>{t("category.field.slug")}</label>
        <input
          id={`${id}-slug`}
          value={values.slug}
          required
          maxLength={80}
          pattern="[a-z0-9\-]+"
          onChange={(event) => {
            setIsSlugEdited(true);
            setValues((current) => ({ ...current, slug: event.target.value }));
          }}
        />
        <label htmlFor={`${id}-description`}>{t("category.field.description")}</label>
        <textarea id={`${id}-description`} rows={4} maxLength={2000} value={values.description} onChange={(event) => setValues((current) => ({ ...current, description: event.target.value }))} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t("common.saving") : submitLabel}
        </button>
      </div>
    </form>
  );
}
