import { useDelete, useTable, type HttpError } from "@refinedev/core";
import { Link } from "react-router";
import { ErrorMessage, Loading } from "../../components/Status";
import { useDemoTranslate } from "../../i18n/useDemoTranslate";
import type { Category } from "../../types";

export function CategoryList() {
  const { t } = useDemoTranslate();
  const { tableQuery, result } = useTable<Category, HttpError>({
    resource: "categories",
    pagination: { mode: "off" },
    sorters: { initial: [{ field: "title", order: "asc" }] },
    syncWithLocation: false,
  });
  const { mutate: remove, mutation: removal } = useDelete<Category, HttpError>();
  return (
    <section aria-labelledby="page-title">
      <div className="page-header">
        <h1 id="page-title">{t("categories.title")}</h1>
        <Link className="button primary" to="/categories/create">
          {t("categories.new")}
        </Link>
      </div>
      {removal.error && <ErrorMessage title={t("categories.deleteFailed")} error={removal.error} />}
      {tableQuery.isError ? (
        <ErrorMessage title={t("categories.loadFailed")} error={tableQuery.error} onRetry={() => tableQuery.refetch()} />
      ) : tableQuery.isLoading ? (
        <Loading />
      ) : result.data.length === 0 ? (
        <p className="empty">{t("categories.empty")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("category.field.title")}</th>
              <th scope="col">{t("category.field.slug")}</th>
              <th scope="col">{t("category.field.description")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {result.data.map((category) => (
              <tr key={category.id}>
                <td translate="no">
                  <Link to={`/categories/show/${category.id}`}>{category.title}</Link>
                </td>
                <td className="muted" translate="no">
                  {category.slug}
                </td>
                <td translate="no">{category.description}</td>
                <td className="row-actions">
                  <Link to={`/categories/edit/${category.id}`} aria-label={t("common.editRecord", { title: category.title })}>
                    {t("common.edit")}
                  </Link>
                  <button
                    type="button"
                    className="link-button danger"
                    aria-label={t("common.deleteRecord", { title: category.title })}
                    disabled={removal.isPending}
                    onClick={() => {
                      if (window.confirm(t("categories.confirmDelete", { title: category.title }))) remove({ resource: "categories", id: category.id });
                    }}
                  >
                    {t("common.delete")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
