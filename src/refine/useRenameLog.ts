import { keys, useLog } from "@refinedev/core";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { AuditId } from "../core/normalizeLog";
import { findCachedLogRow, updateCachedLogRow, type LogRowUpdater } from "./updateCachedLogRow";

/** The log entry to rename: its id and the resource whose lists show it. */
export interface RenameLogTarget {
  /** The log entry's own id, sent to the provider as is (a number stays a number). */
  id: AuditId;
  /** The entry's resource: the lists under `["audit", resource, "list"]` are updated. */
  resource: string;
}

/** The result of {@link useRenameLog}. */
export interface UseRenameLogResult {
  /**
   * Renames a log entry through Refine's `useLog().rename` (the provider's
   * `update({ id, name })`), optimistically: every cached `["audit", resource, "list", ...]`
   * query shows `name` at once and gets the row's previous name back if the provider
   * fails. Afterwards, success or failure, those lists are invalidated (Refine itself
   * only does so when `update` resolves an object with a `resource`); with several
   * renames of one resource in flight, the last to settle does it. Resolves with what
   * `update` resolved; rejects with its error. `name` is sent as given: trim it first.
   */
  renameLog: (target: RenameLogTarget, name: string) => Promise<unknown>;
}

/** Renames in flight, per QueryClient and resource (see the `finally` below). */
const pendingRenames = new WeakMap<QueryClient, Map<string, number>>();

/** The prefix of every `useLogList` query of a resource: `["audit", resource, "list"]`. */
export const getAuditListKey = (resource: string) => keys().audit().resource(resource).action("list").get();

/**
 * Renames audit-log entries with an optimistic cache update and a rollback; see
 * {@link UseRenameLogResult.renameLog}. Must be used inside `<Refine>`.
 *
 * @example
 * const { renameLog } = useRenameLog();
 * await renameLog({ id: entry.id, resource: entry.resource }, "Spring price list");
 */
export function useRenameLog(): UseRenameLogResult {
  const queryClient = useQueryClient();
  const { rename } = useLog();
  const { mutateAsync } = rename;
  const renameLog = useCallback(
    (target: RenameLogTarget, name: string) => renameOptimistically(queryClient, (variables) => mutateAsync(variables), target, name),
    [queryClient, mutateAsync],
  );
  return { renameLog };
}

async function renameOptimistically(
  queryClient: QueryClient,
  send: (variables: { id: AuditId; name: string }) => Promise<unknown>,
  { id, resource }: RenameLogTarget,
  name: string,
): Promise<unknown> {
  const filters = { queryKey: getAuditListKey(resource) };
  // A list fetch already in flight would land after the optimistic name and hide it.
  await queryClient.cancelQueries(filters);
  const snapshot = queryClient.getQueriesData(filters);
  queryClient.setQueriesData(filters, (old: unknown) => changedOrUndefined(old, id, (row) => ({ ...row, name })));
  const pending = pendingRenames.get(queryClient) ?? new Map<string, number>();
  pendingRenames.set(queryClient, pending);
  pending.set(resource, (pending.get(resource) ?? 0) + 1);
  try {
    return await send({ id, name });
  } catch (error) {
    // Restore only this row's name, per list: other rows (or other renames that
    // succeeded meanwhile) keep what they have now.
    for (const [queryKey, before] of snapshot) {
      const original = findCachedLogRow(before, id);
      if (!original) continue;
      queryClient.setQueryData(queryKey, (old: unknown) =>
        changedOrUndefined(old, id, (row) => {
          const { name: _optimistic, ...rest } = row;
          return "name" in original ? { ...rest, name: original.name } : rest;
        }),
      );
    }
    throw error;
  } finally {
    // With several renames in flight, only the last one refetches: an earlier refetch
    // would bring back the old names of entries whose update has not landed yet.
    const left = (pending.get(resource) ?? 1) - 1;
    if (left > 0) pending.set(resource, left);
    else {
      pending.delete(resource);
      void queryClient.invalidateQueries(filters);
    }
  }
}

/** The updated answer, or `undefined` (which leaves a list without the entry untouched, not even marked fresh). */
function changedOrUndefined(old: unknown, id: AuditId, update: LogRowUpdater): unknown {
  const next = updateCachedLogRow(old, id, update);
  return next === old ? undefined : next;
}
