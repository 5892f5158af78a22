import { normalizeLog, type AuditLogEntry, type NormalizeLogResult } from "../core/normalizeLog";

/** True for a value that is already an {@link AuditLogEntry} (from `normalizeLog`), not a raw provider row. */
export function isAuditLogEntry(value: unknown): value is AuditLogEntry {
  if (!value || typeof value !== "object") return false;
  const entry = value as Partial<AuditLogEntry>;
  return (
    "raw" in entry &&
    Array.isArray(entry.recordIds) &&
    (typeof entry.id === "string" || typeof entry.id === "number") &&
    typeof entry.resource === "string" &&
    typeof entry.action === "string" &&
    (entry.createdAt === undefined || entry.createdAt instanceof Date)
  );
}

/** Reads a `log` prop: an {@link AuditLogEntry} as it is, else a provider row through `normalizeLog`. */
export function toAuditLogEntry(log: unknown): NormalizeLogResult {
  return isAuditLogEntry(log) ? { ok: true, entry: log } : normalizeLog(log);
}
