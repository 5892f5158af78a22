import { useOne, type BaseKey, type BaseRecord, type HttpError } from "@refinedev/core";
import { useMemo } from "react";
import type { WorkBudgetLimits } from "../core/budget";
import { getActionKind, type KnownRecordState } from "../core/history";
import { getAuthorLabel, type AuditLogEntry } from "../core/normalizeLog";
import type { RecordDiffFields } from "../core/policy";
import { CURRENT_VERSION, type VersionRef } from "../core/versions";
import { useAuditEntryDescriber, type UseAuditEntryDescriberResult } from "../refine/useAuditEntryDescriber";
import { useDataProviderMethods } from "../refine/useDataProviderMethods";
import { useAuditLogEntries, type AuditLogError, type AuditLogListState } from "../refine/useAuditLogEntries";

/** Options of {@link useRecordVersions}: one record's history and the record as it is now. */
export interface UseRecordVersionsOptions {
  /** The resource, as Refine names it in logs and in `useOne`. */
  resource: string;
  /** The record. */
  id: BaseKey;
  /** The policy (as `<RecordDiff fields>`): hidden and redacted fields are never shown, nor written back. */
  fields?: RecordDiffFields;
  /** Paths neither compared nor written back (`updatedAt`, `*.version`). */
  ignore?: readonly string[];
  /** The work budget of each comparison. */
  budget?: WorkBudgetLimits;
  /** The field that holds a record's id in bulk entries. Default `"id"`. */
  idField?: string;
  /** Overrides the app's locale. */
  locale?: string;
  /** An IANA time zone for dates. Default: the viewer's. */
  timeZone?: string;
  /** Read the record as it is now through `useOne` (needed for "Current" and for writing back). Default `true`. */
  readCurrent?: boolean;
}

/** One version of a record, as a picker lists it. */
export interface RecordVersion {
  /** The entry's id, or {@link CURRENT_VERSION}. */
  ref: VersionRef;
  /** `String(ref)`: a `<option value>`, a React key. */
  key: string;
  /** The entry the version is the state after; absent for the current record. */
  entry?: AuditLogEntry;
  /** In words: "Version of May 1, 2024, 10:00 AM UTC by Ada", "“Launch price” (May 1, …)", "Current". */
  label: string;
  /** The same inside a sentence: "the version of May 1, … by Ada", "“Launch price” (May 1, …)", "the current record". */
  phrase: string;
  /** The entry has a name (a named version). */
  isNamed: boolean;
  /** The record as it is now (read from the data provider), not a reconstruction. */
  isCurrent: boolean;
  /** What is known of the record in this version: only the fields the log recorded (absent = not recorded). */
  state: KnownRecordState | undefined;
  /** When the version was made; absent for the current record and undated entries. */
  time?: Date;
}

/** How the record as it is now was read. */
export interface CurrentRecord {
  /** `unavailable`: not asked (no `getOne` in the data provider, or `readCurrent: false`). */
  state: "loading" | "error" | "ready" | "unavailable";
  record: BaseRecord | undefined;
  error: HttpError | null;
  /** Reads the record again; resolves with the fresh record (or rejects with the provider's error). */
  refetch: () => Promise<BaseRecord | undefined>;
}

/** The result of {@link useRecordVersions}. */
export interface UseRecordVersionsResult extends Pick<UseAuditEntryDescriberResult, "history" | "fields" | "t" | "locale" | "formatters" | "reader"> {
  /** The log list's state. */
  state: AuditLogListState;
  /** Why the log could not be read. */
  error: AuditLogError | null;
  /** Every version: the current record first (when read), then named versions newest first, then the others newest first. Deleting entries are not versions. */
  versions: RecordVersion[];
  /** A version by its ref (`undefined` when the log holds no such entry). */
  getVersion: (ref: VersionRef | undefined) => RecordVersion | undefined;
  /** The record as it is now. */
  current: CurrentRecord;
  /** Older entries exist that are not read yet (say so; `loadOlder()` reads the next page). */
  hasOlder: boolean;
  /** Reads the next page of the log (no-op when there is none or one is on its way). */
  loadOlder: () => void;
  isLoadingOlder: boolean;
  /** Every entry read, in the provider's order. */
  entries: readonly AuditLogEntry[];
  retry: () => void;
}

/**
 * A record's versions, from its audit log, and the record as it is now (Refine's `useOne`):
 * what `<CompareVersions>`, restore and revert build on. Each version is the state right
 * after one log entry, reconstructed by replaying the log (the same replay that infers
 * before-values), so it holds only what the log recorded.
 *
 * @example
 * const { versions, getVersion, current } = useRecordVersions({ resource: "products", id: 7 });
 */
export function useRecordVersions(options: UseRecordVersionsOptions): UseRecordVersionsResult {
  const { resource, id, readCurrent = true } = options;
  // Versions replay the whole history: no sliding window over server-side pages (the cap applies).
  const list = useAuditLogEntries({ resource, id, slidingWindow: false });
  const describer = useAuditEntryDescriber({
    allEntries: list.allEntries,
    recordId: id,
    idField: options.idField,
    ignore: options.ignore,
    fields: options.fields,
    budget: options.budget,
    locale: options.locale,
    timeZone: options.timeZone,
  });
  const { history, t, formatters } = describer;
  const canRead = useDataProviderMethods().getOne && readCurrent;
  const one = useOne<BaseRecord, HttpError>({ resource, id, queryOptions: { enabled: canRead } });
  const query = one.query;

  const current = useMemo<CurrentRecord>(() => {
    const refetch = async () => {
      const result = await query.refetch({ throwOnError: true });
      return result.data?.data;
    };
    if (!canRead) return { state: "unavailable", record: undefined, error: null, refetch };
    if (query.data) return { state: "ready", record: query.data.data, error: null, refetch };
    if (query.isError) return { state: "error", record: undefined, error: query.error, refetch };
    return { state: "loading", record: undefined, error: null, refetch };
    // `query` is a new object each render; what the view reads of it is listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canRead, query.data, query.isError, query.error, query.refetch]);

  const versions = useMemo<RecordVersion[]>(() => {
    const newestFirst = [...history.entries].reverse();
    const namedVersions: RecordVersion[] = [];
    const others: RecordVersion[] = [];
    for (const entry of newestFirst) {
      if (getActionKind(entry.action) === "delete") continue;
      const state = history.stateAfter(entry, id);
      if (state === undefined) continue;
      const time = entry.createdAt ? formatters.short.format(entry.createdAt) : t("auditLog.versions.unknownTime", "an unknown time");
      const author = getAuthorLabel(entry.author);
      const named = entry.name !== undefined ? t("auditLog.versions.named", "“{name}” ({time})", { name: entry.name, time }) : undefined;
      const label =
        named ??
        (author ? t("auditLog.versions.versionBy", "Version of {time} by {author}", { time, author }) : t("auditLog.versions.version", "Version of {time}", { time }));
      const phrase =
        named ??
        (author
          ? t("auditLog.versions.versionByPhrase", "the version of {time} by {author}", { time, author })
          : t("auditLog.versions.versionPhrase", "the version of {time}", { time }));
      const version: RecordVersion = { ref: entry.id, key: String(entry.id), entry, label, phrase, isNamed: entry.name !== undefined, isCurrent: false, state, time: entry.createdAt };
      (version.isNamed ? namedVersions : others).push(version);
    }
    const all = [...namedVersions, ...others];
    if (current.state === "ready") {
      all.unshift({
        ref: CURRENT_VERSION,
        key: CURRENT_VERSION,
        label: t("auditLog.versions.current", "Current"),
        phrase: t("auditLog.versions.currentPhrase", "the current record"),
        isNamed: false,
        isCurrent: true,
        state: current.record,
      });
    }
    return all;
  }, [history, id, formatters, t, current]);

  const getVersion = useMemo(() => {
    const byKey = new Map(versions.map((version) => [version.key, version]));
    // Ids compare by value (`1` is `"1"`): keyed by their text.
    return (ref: VersionRef | undefined) => (ref === undefined ? undefined : byKey.get(String(ref)));
  }, [versions]);

  return {
    state: list.state,
    error: list.error,
    versions,
    getVersion,
    current,
    hasOlder: list.hasNextPage || list.isTruncated,
    loadOlder: list.fetchNextPage,
    isLoadingOlder: list.isFetchingNextPage,
    entries: list.allEntries,
    retry: list.retry,
    history,
    reader: describer.reader,
    fields: describer.fields,
    t,
    locale: describer.locale,
    formatters,
  };
}
