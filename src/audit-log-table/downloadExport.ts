import type { AuditLogExport } from "./useAuditLogTable";

/** Hands an export to the browser as a download (CSV with a BOM, so spreadsheets read UTF-8). */
export function downloadExport(file: AuditLogExport): void {
  const url = URL.createObjectURL(new Blob([file.mimeType.startsWith("text/csv") ? "\ufeff" : "", file.text], { type: file.mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
