import { formatNumber } from "../core/intl";
import type { UseAuditLogTableResult } from "./useAuditLogTable";

/**
 * The table's status line in words: "Loading the audit log…", "Showing 1–25 of 312
 * entries", with the filters' counts ("… (1 more may have changed; 400 read)") and a word
 * on entries still on the server; server-side, the counts are the server's `total`
 * ("Showing 26–50 of 40,000 entries"; "Loading page 3…" while a page is on its way). For a table of yours on `useAuditLogTable` (an Ant
 * Design `<Table>`, an MUI `<Table>`), to say what `<AuditLogTable>` says.
 */
export function getAuditLogStatusText(
  result: Pick<UseAuditLogTableResult, "t" | "table" | "counts" | "formatters" | "state" | "isFiltered" | "hasMoreOnServer"> & Partial<Pick<UseAuditLogTableResult, "isServerSide" | "isLoadingPage">>,
): string {
  const { t, table, counts, formatters } = result;
  const number = (value: number) => formatNumber(value, formatters.locale);
  if (result.state === "loading") return t("auditLog.table.loading", "Loading the audit log…");
  const { pageIndex, pageSize } = table.state.pagination;
  if (result.isLoadingPage) return t("auditLog.table.loadingPage", "Loading page {page}…", { page: number(pageIndex + 1) });
  const shown = counts.matching + counts.possible;
  const params = {
    first: number(shown === 0 ? 0 : pageIndex * pageSize + 1),
    last: number(Math.min(shown, (pageIndex + 1) * pageSize)),
    shown: number(shown),
    matching: number(counts.matching),
    possible: number(counts.possible),
    read: number(counts.read),
  };
  // A page past the last row (a log whose size is a multiple of the page, read without a total).
  if (shown > 0 && pageIndex * pageSize >= shown) return t("auditLog.table.pastEnd", "No entries on this page: the log ends with entry {shown}.", params);
  // Server-side without a total, before the last page: how many follow is not known.
  if (result.isServerSide && result.hasMoreOnServer) return t("auditLog.table.showingOpen", "Showing {first}–{last}: more entries follow", params);
  if (!result.isFiltered) return t("auditLog.table.showing", "Showing {first}–{last} of {matching} entries", params);
  // Server-side: the server counted the matches (`total`); nothing else was read.
  if (result.isServerSide) return t("auditLog.table.showingServerFiltered", "Showing {first}–{last} of {matching} matching entries", params);
  let text =
    counts.possible > 0
      ? t("auditLog.table.showingPossible", "Showing {first}–{last} of {shown}: {matching} matching entries ({possible} more may have changed; {read} read)", params)
      : t("auditLog.table.showingFiltered", "Showing {first}–{last} of {matching} matching entries ({read} read)", params);
  if (result.hasMoreOnServer) text += ` ${t("auditLog.table.moreOnServer", "More entries are on the server: Next reads them.")}`;
  return text;
}
