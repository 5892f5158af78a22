import { useState, type FormEvent } from "react";
import { formatNumber } from "../core/intl";
import { auditLogTableParts as parts } from "./parts";
import type { UseAuditLogTableResult } from "./useAuditLogTable";

/** Props of {@link AuditLogTablePagination}. */
export interface AuditLogTablePaginationProps {
  /** The table's hook result. */
  table: UseAuditLogTableResult;
  /** The page sizes offered (the current one is always offered too). */
  pageSizes: readonly number[];
}

/**
 * The paging controls of `<AuditLogTable>`: first, previous, "Page 2 of 13", next (reads
 * the provider's next page), last, rows per page; for a server-side log, a "Go to page"
 * field too (any page is one request away).
 */
export function AuditLogTablePagination({ table: result, pageSizes }: AuditLogTablePaginationProps) {
  const { table, t, getPartProps, formatters } = result;
  const number = (value: number) => formatNumber(value, formatters.locale);
  const { pageIndex, pageSize } = table.state.pagination;
  const pageCount = Math.max(1, table.getPageCount());
  const pageButton = (page: string) => getPartProps(parts.pageButton, { "data-page": page });
  const [typed, setTyped] = useState("");
  const goToPage = (event: FormEvent) => {
    event.preventDefault();
    const page = Math.floor(Number(typed));
    if (typed.trim() !== "" && Number.isFinite(page)) table.setPageIndex(Math.min(pageCount, Math.max(1, page)) - 1);
    setTyped("");
  };
  return (
    <nav {...getPartProps(parts.pagination, { "aria-label": t("auditLog.table.pagination", "Pages") })}>
      <button {...pageButton("first")} type="button" onClick={() => table.firstPage()} disabled={!table.getCanPreviousPage()}>
        {t("auditLog.table.firstPage", "First")}
      </button>
      <button {...pageButton("previous")} type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
        {t("auditLog.table.previousPage", "Previous")}
      </button>
      <span {...getPartProps(parts.pageInfo)}>
        {result.hasMoreOnServer
          ? t("auditLog.table.pageOfMore", "Page {page} of {count}+", { page: number(pageIndex + 1), count: number(pageCount) })
          : t("auditLog.table.pageOf", "Page {page} of {count}", { page: number(pageIndex + 1), count: number(pageCount) })}
      </span>
      <button {...pageButton("next")} type="button" onClick={result.nextPage} disabled={!result.canNextPage} aria-busy={result.isLoadingMore || undefined}>
        {result.isLoadingMore ? t("auditLog.table.loadingMore", "Loading more…") : t("auditLog.table.nextPage", "Next")}
      </button>
      <button {...pageButton("last")} type="button" onClick={() => table.lastPage()} disabled={!table.getCanNextPage()}>
        {t("auditLog.table.lastPage", "Last")}
      </button>
      {result.isServerSide && (
        <form {...getPartProps(parts.pageJump)} onSubmit={goToPage}>
          <label>
            {t("auditLog.table.goToPage", "Go to page")}{" "}
            <input
              {...getPartProps(parts.pageInput)}
              type="number"
              inputMode="numeric"
              min={1}
              max={pageCount}
              value={typed}
              placeholder={String(pageIndex + 1)}
              onChange={(event) => setTyped(event.target.value)}
            />
          </label>{" "}
          <button {...pageButton("go")} type="submit">
            {t("auditLog.table.go", "Go")}
          </button>
        </form>
      )}
      <label>
        {t("auditLog.table.pageSize", "Rows per page")}{" "}
        <select {...getPartProps(parts.pageSize)} value={pageSize} onChange={(event) => table.setPageSize(Number(event.target.value))}>
          {[...new Set([...pageSizes, pageSize])]
            .sort((a, b) => a - b)
            .map((size) => (
              <option key={size} value={size}>
                {number(size)}
              </option>
            ))}
        </select>
      </label>
    </nav>
  );
}
