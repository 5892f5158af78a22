import type { BaseKey, BaseRecord } from "@refinedev/core";
import { useCallback } from "react";
import { sameId, type AuditLogEntry } from "../core/normalizeLog";
import { getRevertTarget } from "../core/versions";
import type { FieldChange, Path } from "../core/types";
import { useRecordVersions, type UseRecordVersionsOptions, type UseRecordVersionsResult } from "./useRecordVersions";
import { useWriteBack, type UseWriteBackOptions, type UseWriteBackResult, type WriteBackTarget } from "./useWriteBack";

/** What restore and revert share: the record, its policy, and how the write goes. */
export interface WriteBackBaseOptions extends Omit<UseRecordVersionsOptions, "readCurrent"> {
  /** Extra `meta` for `useUpdate` (and so for the log Refine writes). The kit's `restoredFrom` and `restoreKind` win. */
  meta?: Record<string, unknown>;
  /** Overrides of Refine's access control for buttons. */
  accessControl?: UseWriteBackOptions["accessControl"];
  /** Called once the write succeeded. */
  onSuccess?: () => void;
}

/** Options of {@link useRestoreVersion}. */
export interface UseRestoreVersionOptions extends WriteBackBaseOptions {
  /** The entry whose version (the record right after it) to restore. */
  entry: AuditLogEntry | undefined;
}

/** Options of {@link useRevertChange}. */
export interface UseRevertChangeOptions extends WriteBackBaseOptions {
  /** The entry that made the change. */
  entry: AuditLogEntry | undefined;
  /** The change's key (`FieldChange.key`: `price`, `supplier.city`, `variants.0.price`). */
  changeKey: string;
  /** The change's kind, when a key is shared by two changes (an item removed at an index and another added there). */
  changeKind?: FieldChange["kind"];
  /** The change's exact path (`row.change.path`), when a key holds a dot. */
  changePath?: Path;
}

/** The result of {@link useRestoreVersion} and {@link useRevertChange}: the write-back, and the versions it reads. */
export interface UseRestoreResult extends UseWriteBackResult {
  versions: UseRecordVersionsResult;
}

function useWriteBackOf(options: WriteBackBaseOptions & { entry: AuditLogEntry | undefined; id: BaseKey }, action: "restore" | "revert", getTarget: (versions: UseRecordVersionsResult, record: BaseRecord) => WriteBackTarget): UseRestoreResult {
  const versions = useRecordVersions(options);
  const target = useCallback((record: BaseRecord) => getTarget(versions, record), [getTarget, versions]);
  const writeBack = useWriteBack({
    resource: options.resource,
    id: options.id,
    entry: options.entry,
    action,
    current: versions.current,
    getTarget: target,
    fields: options.fields,
    ignore: options.ignore,
    budget: options.budget,
    idField: options.idField,
    meta: options.meta,
    accessControl: options.accessControl,
    onSuccess: options.onSuccess,
  });
  return { ...writeBack, versions };
}

/**
 * Restores a version: writes the record back to its state right after `entry` (as far as
 * the log knows it), through Refine's `useUpdate` with `meta.restoredFrom`. Fields the
 * log never recorded in that version, and redacted or hidden ones, are left as they are
 * (the plan lists them). `open()` shows the plan, `confirm()` re-reads the record and
 * writes only if it did not change meanwhile. Access: `useCan({ action: "restore" })`.
 *
 * @example
 * const restore = useRestoreVersion({ resource: "products", id: 7, entry });
 * <button onClick={restore.open}>Restore this version</button>
 */
export function useRestoreVersion(options: UseRestoreVersionOptions): UseRestoreResult {
  const { entry, id } = options;
  const getTarget = useCallback(
    (versions: UseRecordVersionsResult): WriteBackTarget => {
      const state = entry ? versions.getVersion(entry.id)?.state : undefined;
      return state ? { ok: true, target: state } : { ok: false, reason: "not-recorded" };
    },
    [entry],
  );
  return useWriteBackOf({ ...options, id }, "restore", getTarget);
}

/**
 * Reverts one change of an entry: writes just that field back (a nested change is undone
 * inside the field's current value), through Refine's `useUpdate` with
 * `meta.restoredFrom`. The change is found again in the entry itself, never taken from a
 * view. Access: `useCan({ action: "revert" })`. See `getRevertTarget` for what cannot be
 * reverted (an earlier value not recorded, a redacted field, a list changed since).
 *
 * @example
 * const revert = useRevertChange({ resource: "products", id: 7, entry, changeKey: "price" });
 */
export function useRevertChange(options: UseRevertChangeOptions): UseRestoreResult {
  const { entry, id, changeKey, changeKind, changePath, fields, ignore, budget, idField } = options;
  const pathKey = changePath ? JSON.stringify(changePath) : undefined;
  const getTarget = useCallback(
    (versions: UseRecordVersionsResult, record: BaseRecord): WriteBackTarget => {
      // The entry as the history holds it (the replay knows its own objects), else as given.
      const known = entry ? (versions.getVersion(entry.id)?.entry ?? versions.entries.find((candidate) => sameId(candidate.id, entry.id)) ?? entry) : undefined;
      if (!known) return { ok: false, reason: "not-found" };
      const result = getRevertTarget(record, known, changeKey, { history: versions.history, recordId: id, changeKind, changePath, fields, ignore, budget, idField });
      return result.ok ? { ok: true, target: result.target } : result;
    },
    // `fields`, `ignore` and `budget` are read at the time of the write; their identity may change each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [entry, changeKey, changeKind, pathKey, id, idField],
  );
  return useWriteBackOf(options, "revert", getTarget);
}
