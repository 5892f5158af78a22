import { useMemo } from "react";
import { CURRENT_VERSION, compareVersionStates, type VersionComparison, type VersionRef } from "../core/versions";
import { useRecordVersions, type RecordVersion, type UseRecordVersionsOptions, type UseRecordVersionsResult } from "./useRecordVersions";

/** Options of {@link useCompareVersions}: the record, the two versions, and how to read them. */
export interface UseCompareVersionsOptions extends UseRecordVersionsOptions {
  /** One side: an entry's id (the record right after it), or {@link CURRENT_VERSION}. */
  from: VersionRef | undefined;
  /** The other side. Default {@link CURRENT_VERSION}. Whichever is older is shown first. */
  to?: VersionRef;
}

/**
 * Where a comparison stands:
 * - `loading`: the log or the current record is on its way
 * - `error`: the log could not be read (`error`, `retry()`)
 * - `not-found`: a side names no version the log holds (or the current record could not be read)
 * - `ready`: `older`, `newer` and `comparison` are set
 */
export type CompareVersionsState = "loading" | "error" | "not-found" | "ready";

/** The result of {@link useCompareVersions}. */
export interface UseCompareVersionsResult extends UseRecordVersionsResult {
  compareState: CompareVersionsState;
  /** The older side (first, on the left). */
  older: RecordVersion | undefined;
  /** The newer side. */
  newer: RecordVersion | undefined;
  /** `from` was the newer side, so the two were swapped to keep the older first. */
  isSwapped: boolean;
  /** The changes from `older` to `newer`, through the policy; `undefined` until ready. */
  comparison: VersionComparison | undefined;
  /** A version by its ref, `"current"` read as the latest recorded version when the record cannot be read. */
  resolveVersion: (ref: VersionRef | undefined) => RecordVersion | undefined;
}

/** Orders two versions: the current record is the newest; else by time, then by the log's order. */
function isNewer(a: RecordVersion, b: RecordVersion, order: Map<string, number>): boolean {
  if (a.isCurrent !== b.isCurrent) return a.isCurrent;
  if (a.time && b.time && a.time.getTime() !== b.time.getTime()) return a.time > b.time;
  return (order.get(a.key) ?? 0) > (order.get(b.key) ?? 0);
}

/**
 * Two versions of a record and the changes between them, older first, through the
 * pipeline: the versions are reconstructed from the log, so fields one side never
 * recorded are marked ("earlier value not recorded") or counted, never guessed; the
 * policy hides and redacts as everywhere. Headless: `<CompareVersions>` renders it.
 *
 * @example
 * const { older, newer, comparison } = useCompareVersions({ resource: "products", id: 7, from: 12 });
 */
export function useCompareVersions(options: UseCompareVersionsOptions): UseCompareVersionsResult {
  const { from, to = CURRENT_VERSION, ignore, budget, idField } = options;
  const versions = useRecordVersions(options);
  const { getVersion, history, current } = versions;
  // "Current" when the record cannot be read (deleted, no getOne): the latest recorded version, named as such.
  const latest = useMemo(() => {
    if (current.state === "ready" || current.state === "loading") return undefined;
    const newest = versions.versions.filter((version) => !version.isCurrent).sort((x, y) => (y.time?.getTime() ?? 0) - (x.time?.getTime() ?? 0))[0];
    return newest;
  }, [current.state, versions.versions]);
  const resolve = (ref: VersionRef | undefined) => getVersion(ref) ?? (ref !== undefined && String(ref) === CURRENT_VERSION ? latest : undefined);
  const a = resolve(from);
  const b = resolve(to);
  const order = useMemo(() => new Map(history.entries.map((entry, index) => [String(entry.id), index])), [history]);
  const isSwapped = !!a && !!b && isNewer(a, b, order);
  const older = isSwapped ? b : a;
  const newer = isSwapped ? a : b;

  const comparison = useMemo(
    () => (older && newer ? compareVersionStates(older.state, newer.state, { fields: versions.fields, ignore, budget, idField, isNewerComplete: newer.isCurrent }) : undefined),
    // `fields` is compiled once per content (versions.fields); ignore and budget by content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [older, newer, versions.fields, JSON.stringify(ignore ?? null), JSON.stringify(budget ?? null), idField],
  );

  let compareState: CompareVersionsState;
  const wantsCurrent = String(from) === CURRENT_VERSION || String(to) === CURRENT_VERSION;
  if (versions.state === "loading" || (wantsCurrent && current.state === "loading")) compareState = "loading";
  else if (versions.state === "error") compareState = "error";
  else if (!older || !newer) compareState = "not-found";
  else compareState = "ready";

  return { ...versions, compareState, older, newer, isSwapped, comparison, resolveVersion: resolve };
}
