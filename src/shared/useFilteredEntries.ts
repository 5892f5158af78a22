import { useMemo } from "react";
import { canonicalizeFilters, createEntryFilter, type AuditLogFilters } from "../core/filterEntries";
import { resolveTimeZone } from "../core/formatEntry";
import type { AuditLogEntry } from "../core/normalizeLog";
import { matchAnyField, type EntryReader, type FieldMatch } from "../core/readEntries";
import { useIncrementalFilter } from "./useIncrementalFilter";

/** How an entry relates to a changed-field filter: changed it, may have (earlier value not recorded), or `undefined` without such a filter. */
export type EntryFieldMatch = Exclude<FieldMatch, false> | undefined;

/** Options of {@link useFilteredEntries}. */
export interface UseFilteredEntriesOptions {
  /** Every entry read, in display order. */
  entries: readonly AuditLogEntry[];
  filters: AuditLogFilters | undefined;
  timeZone: string | undefined;
  /** The pipeline's reader of the view (its policy and history): filters see what the view shows. */
  reader: Pick<EntryReader, "matchField" | "getSearchText">;
  /**
   * The filters were applied already, by a server that follows the query contract: every
   * entry is kept, and a changed-field filter still marks each one (`changed`, else
   * `possible`: the server matched it, the log does not show the change).
   */
  applied?: boolean;
}

/** The result of {@link useFilteredEntries}. */
export interface FilteredEntries {
  /** The entries that match, in order (the previous result while a long list is being filtered). */
  entries: readonly AuditLogEntry[];
  /** Filters are active. */
  isFiltered: boolean;
  /** A long list is being filtered in slices. */
  isPending: boolean;
  /** How an entry relates to the changed-field filter (`undefined` without one). */
  getFieldMatch: (entry: AuditLogEntry) => EntryFieldMatch;
}

const noFieldMatch = (): EntryFieldMatch => undefined;

/**
 * A view's own filtering (`useAuditLogEntries` returns every entry read), shared by the
 * timeline and the table: the filters through the view's reader (`createEntryFilter`), long lists in slices
 * (`useIncrementalFilter`). A changed-field filter keeps entries that only may have
 * changed the field; `getFieldMatch` tells them apart.
 */
export function useFilteredEntries({ entries, filters, timeZone, reader, applied = false }: UseFilteredEntriesOptions): FilteredEntries {
  const canonical = canonicalizeFilters(filters);
  const filtersKey = JSON.stringify(canonical ?? null);
  const keep = useMemo(
    () => (applied ? undefined : createEntryFilter(filters, { timeZone: resolveTimeZone(timeZone), reader })),
    // `filters` is read through its canonical key: an inline literal is fine.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filtersKey, timeZone, reader, applied],
  );
  const fieldsKey = canonical?.fields?.join("\u0000");
  const getFieldMatch = useMemo(() => {
    if (fieldsKey === undefined) return noFieldMatch;
    const fields = fieldsKey.split("\u0000");
    return (entry: AuditLogEntry): EntryFieldMatch => matchAnyField(reader, entry, fields) || (applied ? "possible" : undefined);
  }, [fieldsKey, reader, applied]);
  const filtered = useIncrementalFilter(entries, keep);
  return { entries: filtered.items, isFiltered: canonical !== undefined, isPending: filtered.isPending, getFieldMatch };
}
