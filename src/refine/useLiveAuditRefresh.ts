import { useQueryClient, type MutationCacheNotifyEvent } from "@tanstack/react-query";
import { useEffect } from "react";
import { findCachedLogRow } from "./updateCachedLogRow";
import { getAuditListKey, isKitRename } from "./useRenameLog";

/** Options of {@link useLiveAuditRefresh}. */
export interface UseLiveAuditRefreshOptions {
  /** The resource whose log lists to refresh (the `resource` of the logs, as Refine writes it). */
  resource: string;
  /** Turn the refresh off. Default `true`. */
  enabled?: boolean;
}

const isKey = (key: readonly unknown[] | undefined, action: string) => key?.length === 2 && key[0] === "audit" && key[1] === action;

/**
 * Keeps a resource's audit log lists fresh. Refine v5 writes a log after each data
 * mutation but never refetches an open `useLogList`; this hook watches the QueryClient's
 * mutation cache and, when a log write for `resource` succeeds (Refine's `["audit", "log"]`
 * mutation resolves: the provider's `create` has returned, so the entry can be read),
 * invalidates `["audit", resource, "list"]`. Waiting for the data mutation instead would
 * refetch before the entry exists.
 *
 * It also refetches after a rename (`["audit", "rename"]`) that the app made with Refine's
 * `useLog().rename`, when one of the resource's cached lists holds the renamed entry and
 * `update` did not resolve an object with a `resource` field (Refine refetches those
 * itself). Renames made through the kit ({@link useRenameLog}, `<RenameLogEntry>`)
 * refetch on their own, once the last rename of the resource in flight has settled.
 *
 * Must be called inside `<Refine>` (it uses Refine's QueryClient).
 */
export function useLiveAuditRefresh({ resource, enabled = true }: UseLiveAuditRefreshOptions): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    const listKey = getAuditListKey(resource);
    const isForeignRenameOf = (mutation: MutationCacheNotifyEvent["mutation"]) => {
      if (!mutation || isKitRename(mutation.options.meta)) return false;
      const data = mutation.state.data as { resource?: unknown } | null | undefined;
      if (data && typeof data === "object" && typeof data.resource === "string") return false;
      const id = (mutation.state.variables as { id?: unknown } | undefined)?.id;
      if (typeof id !== "string" && typeof id !== "number") return false;
      return queryClient.getQueriesData({ queryKey: listKey }).some(([, answer]) => findCachedLogRow(answer, id) !== undefined);
    };
    return queryClient.getMutationCache().subscribe((event: MutationCacheNotifyEvent) => {
      if (event.type !== "updated" || event.action.type !== "success") return;
      const key = event.mutation.options.mutationKey;
      const variables = event.mutation.state.variables as { resource?: unknown } | undefined;
      const isLog = isKey(key, "log") && (variables?.resource === undefined || variables.resource === resource);
      if (isLog || (isKey(key, "rename") && isForeignRenameOf(event.mutation))) {
        void queryClient.invalidateQueries({ queryKey: listKey });
      }
    });
  }, [queryClient, resource, enabled]);
}
