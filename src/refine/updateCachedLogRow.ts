import { sameId, type AuditId } from "../core/normalizeLog";
import { getValueType, safeGet } from "../core/values";

/** Turns one stored log row into its next version; return the row itself to leave it alone. */
export type LogRowUpdater = (row: Record<string, unknown>) => Record<string, unknown>;

const ROW_KEYS = ["data", "items", "logs"] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => getValueType(value) === "object";

/** A row's own id, read the way {@link normalizeLog} reads it (`id`, else `_id`). */
function readRowId(row: Record<string, unknown>): unknown {
  const id = safeGet(row, "id");
  return id === undefined || id === null ? safeGet(row, "_id") : id;
}

function updateRows(rows: readonly unknown[], id: AuditId, update: LogRowUpdater): unknown[] | undefined {
  let changed = false;
  const next = rows.map((row) => {
    if (!isRecord(row) || !sameId(readRowId(row), id)) return row;
    const updated = update(row);
    if (updated !== row) changed = true;
    return updated;
  });
  return changed ? next : undefined;
}

/**
 * Updates, immutably, the row with log id `id` in a cached audit-log answer, whatever
 * shape the provider gave it: an array of rows, an object holding the rows under `data`,
 * `items` or `logs` (the shapes {@link extractRows} reads), or TanStack's infinite-query
 * `{ pages, pageParams }` of those. Ids compare by value (`1` matches `"1"`).
 *
 * Returns the same reference when nothing matched, so callers can tell "no change".
 *
 * @example
 * updateCachedLogRow(cached, 7, (row) => ({ ...row, name: "Spring price list" }));
 */
export function updateCachedLogRow<T>(response: T, id: AuditId, update: LogRowUpdater): T {
  if (Array.isArray(response)) return (updateRows(response, id, update) as T | undefined) ?? response;
  if (!isRecord(response)) return response;
  const pages = safeGet(response, "pages");
  if (Array.isArray(pages) && Array.isArray(safeGet(response, "pageParams"))) {
    let changed = false;
    const nextPages = pages.map((page) => {
      const next = updateCachedLogRow(page, id, update);
      if (next !== page) changed = true;
      return next;
    });
    return changed ? ({ ...response, pages: nextPages } as T) : response;
  }
  for (const key of ROW_KEYS) {
    const rows = safeGet(response, key);
    if (Array.isArray(rows)) {
      const next = updateRows(rows, id, update);
      return next ? ({ ...response, [key]: next } as T) : response;
    }
  }
  return response;
}

/**
 * Finds the row with log id `id` in a cached audit-log answer (same shapes as
 * {@link updateCachedLogRow}); `undefined` when it is not there.
 */
export function findCachedLogRow(response: unknown, id: AuditId): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  updateCachedLogRow(response, id, (row) => {
    found ??= row;
    return row;
  });
  return found;
}
