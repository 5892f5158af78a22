import { useDelete, useTable, type HttpError } from "@refinedev/core";
import { Link } from "react-router";
import { ErrorMessage, Loading } from "../../components/Status";
import type { Category } from "../../types";

export function CategoryList() {
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
        <h1 id="page-title">Categories</h1>
        <Link className="button primary" to="/categories/create">
          New category
        </Link>
      </div>
      {removal.error && <ErrorMessage title="The category was not deleted." error={removal.error} />}
      {tableQuery.isError ? (
        <ErrorMessage title="The categories could not be loaded." error={tableQuery.error} onRetry={() => tableQuery.refetch()} />
      ) : tableQuery.isLoading ? (
        <Loading />
      ) : result.data.length === 0 ? (
        <p className="empty">No categories yet.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Slug</th>
              <th scope="col">Description</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {result.data.map((category) => (
              <tr key={category.id}>
                <td>
                  <Link to={`/categories/show/${category.id}`}>{category.title}</Link>
                </td>
                <td className="muted">{category.slug}</td>
                <td>{category.description}</td>
                <td className="row-actions">
                  <Link to={`/categories/edit/${category.id}`} aria-label={`Edit ${category.title}`}>
                    Edit
                  </Link>
                  <button
                    type="button"
                    className="link-button danger"
                    aria-label={`Delete ${category.title}`}
                    disabled={removal.isPending}
                    onClick={() => {
                      if (window.confirm(`Delete “${category.title}”?`)) remove({ resource: "categories", id: category.id });
                    }}
                  >
                    Delete
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
