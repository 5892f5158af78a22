import { useMemo } from "react";
import { canonicalizeFilters, createEntryFilter, type AuditLogFilters } from "../core/filterEntries";
import { resolveTimeZone } from "../core/formatEntry";
import type { AuditLogEntry } from "../core/normalizeLog";
import type { EntryReader } from "../core/readEntries";
import { useIncrementalFilter } from "../shared/useIncrementalFilter";
import type { AuditTimelineFieldMatch } from "./auditTimeline.types";

/** Options of {@link useFilteredEntries}. */
export interface UseFilteredEntriesOptions {
  /** Every entry read, in display order. */
  entries: readonly AuditLogEntry[];
  filters: AuditLogFilters | undefined;
  timeZone: string | undefined;
  /** The pipeline's reader of the view (its policy and history): filters see what the view shows. */
  reader: Pick<EntryReader, "matchField" | "getSearchText">;
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
  getFieldMatch: (entry: AuditLogEntry) => AuditTimelineFieldMatch;
}

const noFieldMatch = (): AuditTimelineFieldMatch => undefined;

/**
 * The timeline's own filtering (`useAuditLogEntries` returns every entry read): the
 * filters through the view's reader (`createEntryFilter`), long lists in slices
 * (`useIncrementalFilter`). A changed-field filter keeps entries that only may have
 * changed the field; `getFieldMatch` tells them apart.
 */
export function useFilteredEntries({ entries, filters, timeZone, reader }: UseFilteredEntriesOptions): FilteredEntries {
  const canonical = canonicalizeFilters(filters);
  const filtersKey = JSON.stringify(canonical ?? null);
  const keep = useMemo(
    () => createEntryFilter(filters, { timeZone: resolveTimeZone(timeZone), reader }),
    // `filters` is read through its canonical key: an inline literal is fine.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filtersKey, timeZone, reader],
  );
  const fieldsKey = canonical?.fields?.join("\u0000");
  const getFieldMatch = useMemo(() => {
    if (fieldsKey === undefined) return noFieldMatch;
    const fields = fieldsKey.split("\u0000");
    return (entry: AuditLogEntry): AuditTimelineFieldMatch => {
      let match: AuditTimelineFieldMatch;
      for (const field of fields) {
        const found = reader.matchField(entry, field);
        if (found === "changed") return "changed";
        if (found === "possible") match = "possible";
      }
      return match;
    };
  }, [fieldsKey, reader]);
  const filtered = useIncrementalFilter(entries, keep);
  return { entries: filtered.items, isFiltered: canonical !== undefined, isPending: filtered.isPending, getFieldMatch };
}
